/**
 * Who issued the plan and when it was signed: the signature (an issuer line over a date line), the date in
 * parentheses under a 实施意见's title, the issuer that opens a `X关于…` title, and, in reports, `X印发《…》` or
 * `以X名义印发`. Short joint forms are written out (`某市委、市政府` → `中共某市委 某市人民政府`).
 */
import { clean, type View } from '../../source/view.js';
import { findPlaces } from '../../lexicon/geography.js';
import { ISSUED_BY, ISSUER_AGENT, ISSUING_VERBS, isIssuersLine, LEVEL_ISSUER, NOTICE_ISSUER, SEAL_NOTE, SHORT_JOINT, TITLE_ISSUER, TITLE_PERIOD, ISSUED_WHAT } from '../../lexicon/meta.js';
import { isDateLine } from '../../outline/dates.js';
import { DATE_AT_LINE_END } from '../../lexicon/dates.js';
import { isMetadataLine } from './fields.js';

/**
 * The issuer's signature: an issuer line followed by a date line. Joint issuers may sign on lines of their own
 * (`中共某区工委` over `某区管委会` over the date): each is kept, in order.
 */
export function signature(
  views: View[], from: number, to: number, sender: string | null = null, tableLines?: ReadonlySet<View>,
): { issuers: View[]; date: View } | null {
  // departments that sent the notice sign it as well, on one line or on lines of their own
  const senders = sender?.replace(/\s+/g, '') ?? null;
  const sends = (v: View) => senders !== null && v.norm.length >= 4 && senders.includes(v.norm.replace(/\s+/g, ''));
  const isIssuer = (v: View) => isIssuersLine(v.norm) || sends(v);
  for (let k = from; k < to - 1; k++) {
    const v = views[k] as View, next = views[k + 1] as View;
    // a metadata table read by columns (`发布机构`, `成文日期` over their values) only looks like a signature
    // a seal note under the signature (`（某市市场监督管理局代章）`) stands between it and its date
    const date = SEAL_NOTE.test(next.norm) && k + 2 < to ? (views[k + 2] as View) : next;
    if (!isIssuer(v) || !isDateLine(date.norm) || tableLines?.has(v)) continue;
    let first = k;
    while (first - 1 >= from && first > k - 3 && isIssuer(views[first - 1] as View)) first--;
    return { issuers: views.slice(first, k + 1), date };
  }
  return null;
}

/**
 * The issuer's signature printed on one line with its date (a right-aligned signature block copied as one line):
 * the issuer text and the date text, or null.
 */
export function signatureLine(views: View[], from: number, to: number): { issuer: string; date: string; line: number } | null {
  for (let k = from; k < to; k++) {
    const v = views[k] as View;
    if (v.norm.length > 60) continue;
    const m = DATE_AT_LINE_END.exec(v.norm);
    if (!m || !isDateLine(m[1] as string)) continue;
    const head = v.norm.slice(0, m.index).trim();
    if (!isIssuersLine(head)) continue;
    return { issuer: clean(v, 0, m.index).trim().replace(/\s+/g, ' '), date: m[1] as string, line: v.b.line };
  }
  return null;
}

/** A date line in parentheses just under the title (`(2023年1月17日)`), skipping page metadata between. */
export function dateUnderTitle(views: View[], titleView: View): View | null {
  for (let k = titleView.i + 1, seen = 0; k < views.length && seen < 3; k++) {
    const v = views[k] as View;
    if (isMetadataLine(v.norm) || TITLE_PERIOD.test(v.norm)) continue;
    seen++;
    if (/^\(?[^()]{4,20}\)$|^\([^()]{4,20}\)?$/.test(v.norm) && isDateLine(v.norm)) return v;
  }
  return null;
}

/**
 * A notice signed with its date alone (the issuer already printed in its title): a date line right after the
 * notice's closing sentence (`…请认真贯彻执行。` / `2023年5月26日`), before the plan's own title.
 */
export function dateAfterNotice(views: View[], noticeView: View, to: number): View | null {
  let prev: View | null = null;
  for (let k = noticeView.i + 1; k < to; k++) {
    const v = views[k] as View;
    if (v.norm.trim() === '') continue;
    if (isDateLine(v.norm)) return prev !== null && /[。！!]$/.test(prev.norm.trim()) ? v : null;
    prev = v;
  }
  return null;
}

/** The issuer that opens a title: `中共某市委 某市人民政府关于…` → `中共某市委 某市人民政府`. */
export function titleIssuer(title: string | null | undefined): string | null {
  const m = title ? TITLE_ISSUER.exec(title) : null;
  return m ? (m[1] as string).trim() : null;
}

/** The departments that send a `关于印发` notice (`某区发展和改革局 某区市场监督管理局关于印发…`), spaces collapsed. */
export function noticeIssuer(notice: string | null | undefined): string | null {
  const m = notice ? NOTICE_ISSUER.exec(notice) : null;
  return m ? (m[1] as string).trim().replace(/\s+/g, ' ') : null;
}

/** `X印发了《…》`, `以X名义印发` in a report: the issuer, from its first place name on. */
export function reportedIssuer(views: View[]): { text: string; line: number } | null {
  for (const v of views) {
    if (v.b.type === 'row' || !ISSUING_VERBS.test(v.norm)) continue;
    ISSUED_BY.lastIndex = 0;
    for (const m of v.norm.matchAll(ISSUED_BY)) {
      const end = (m.index ?? 0) + m[0].length;
      if (!ISSUED_WHAT.test(v.norm.slice(end, end + 3))) continue;
      // `由市政府于…印发`: the agent mark before a short issuer is no part of it
      const agent = ISSUER_AGENT.exec(m[1] as string);
      const raw = (m[1] as string).slice(agent ? agent[0].length : 0);
      // the pattern starts at the first Han character: cut what precedes the name (`8月28日以某县…`)
      const place = findPlaces(raw)[0];
      let from = place ? place.start : 0;
      if (place && raw.slice(0, place.start).endsWith('中共')) from -= 2;
      if (!place && !LEVEL_ISSUER.test(raw)) continue;
      const start = (m.index ?? 0) + m[0].indexOf(raw) + from;
      // joint issuers are written apart by a space, as on a signature line (`中共某省委 某省人民政府`)
      return { text: expandJoint(clean(v, start, start + raw.length - from).trim()).replace(/\s*、\s*|\s+/g, ' '), line: v.b.line };
    }
  }
  return null;
}

/** `某市委、市政府` → `中共某市委 某市人民政府`; anything else as written. */
export function expandJoint(s: string): string {
  const m = SHORT_JOINT.exec(s);
  return m ? `中共${m[1]}${m[2]}委 ${m[1]}${m[2]}人民政府` : s;
}

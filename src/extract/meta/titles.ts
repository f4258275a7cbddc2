/**
 * Titles: the notice's (`…关于印发《X》的通知`), the plan's own (a title-shaped line, joined with the issuer line
 * above a `关于…` title and the period line below it), and, in news reports and reprints without a title line, the
 * 《X》 that the report says was issued. Labels, widgets, draft marks and document numbers glued to a title are
 * taken off; a glued document number is handed to the caller.
 */
import { clean, type View } from '../../source/view.js';
import {
  CITED_BEFORE, DRAFT_LABEL, HEADLINE_ISSUED, ISSUED_ABOUT, ISSUED_AFTER, ISSUED_BEFORE, isJointIssuer, NATIONAL_TITLES, NOTICE_SENDERS, NOTICE_SUBJECT, TITLE_END, TITLE_ISSUER, TITLE_NOISE_BEFORE, TITLE_PERIOD, TITLE_WIDGET,
} from '../../lexicon/meta.js';
import { NOTICE_TITLE } from '../../lexicon/structure.js';
import { isMetadataLine } from './fields.js';

export interface TitleFound {
  text: string;
  line: number;
  /** The view the title (or its first part) stands on. */
  v: View;
  /** A document number glued to the title line. */
  number?: { raw: string; line: number };
  /** The joint issuer line above a `关于…` title. */
  issuer?: string;
}

/** A document number glued to the end of a title line, after a space or in parentheses. */
const GLUED_NUMBER = /(?:\s+|\()([\u4e00-\u9fff]{1,12}[〔[(【]\s*\d{4}\s*[〕\])】]\s*\d{1,4}\s*号)\)?$/;

/** GLUED_NUMBER ends in 号 or 号): only a line ending so (before `e`) is scanned for it. */
const NUMBER_END = 0x53f7;
const mayGlue = (s: string, e = s.length) => s.charCodeAt(e - 1) === NUMBER_END || (s.charCodeAt(e - 1) === 41 && s.charCodeAt(e - 2) === NUMBER_END);

interface Shape { start: number; end: number; number?: string }

/** Where a title sits in a line, with what is glued around it taken off; null when the line is no title. */
export function titleShape(norm: string, ends: RegExp = TITLE_END): Shape | null {
  let s = 0, e = norm.length;
  const noise = TITLE_NOISE_BEFORE.exec(norm);
  if (noise) s = noise[0].length;
  const headline = HEADLINE_ISSUED.exec(norm.slice(s));
  if (headline) s += headline[0].length;
  const widget = TITLE_WIDGET.exec(norm.slice(0, e));
  if (widget) e -= widget[0].length;
  let number: string | undefined;
  const num = mayGlue(norm, e) ? GLUED_NUMBER.exec(norm.slice(0, e)) : null;
  if (num) { number = num[1]; e = num.index ?? e; }
  let t = norm.slice(s, e).trim();
  s += norm.slice(s, e).length - norm.slice(s, e).trimStart().length;
  e = s + t.length;
  if (t.startsWith('《') && t.endsWith('》')) { s++; e--; t = t.slice(1, -1); }
  const draft = DRAFT_LABEL.exec(t);
  if (draft) { e -= draft[0].length; t = t.slice(0, -draft[0].length); }
  const core = t.replace(/\(\d{4}\s*[-—~至]\s*\d{4}\s*年?\)$/, '').replace(DRAFT_LABEL, '');
  if (core.length < 6 || t.length > 90 || !ends.test(core)) return null;
  if (/[。,，;；:：|!！?？]/.test(core.replace(/\([^)]*\)/g, '').replace(/“[^”]*”/g, ''))) return null;
  const shape: Shape = { start: s, end: e };
  if (number) shape.number = number;
  return shape;
}

/** The notice title, joined when the scrape broke it over lines (`…人民政府` / `关于印发《…` / `…》的通知`). */
export function noticeTitle(front: View[]): TitleFound | null {
  for (let k = 0; k < front.length; k++) {
    const v = front[k] as View;
    if (v.b.type === 'row' || v.norm.length > 140 || isMetadataLine(v.norm)) continue;
    const shape = titleShape(v.norm, /通知$/);
    if (!shape) continue;
    let parts: Array<[View, number, number]> = [[v, shape.start, shape.end]];
    let text = v.norm.slice(shape.start, shape.end);
    for (let back = k - 1; back >= 0 && back >= k - 3; back--) {
      const p = front[back] as View;
      if (p.norm.length > 40 || /[。:：|]/.test(p.norm)) break;
      // once the 关于 line is in, only the issuer line above it still belongs
      // departments that send a `关于印发` notice print their names above it too
      const issuerLine = isJointIssuer(p.norm) || (/^关于印发/.test(text) && NOTICE_SENDERS.test(p.norm.trim()));
      if (/^关于/.test(text) ? !issuerLine : /关于/.test(text.slice(0, 40))) break;
      parts = [[p, 0, p.norm.length], ...parts];
      text = p.norm + text;
      if (issuerLine) break;
    }
    if (!NOTICE_TITLE.test(text) || !NOTICE_SUBJECT.test(text)) continue;
    const first = (parts[0] as [View, number, number])[0];
    const found: TitleFound = { text: parts.map(([x, a, b]) => clean(x, a, b).trim()).join(''), line: first.b.line, v: first };
    if (shape.number) found.number = { raw: shape.number, line: v.b.line };
    return found;
  }
  return null;
}

/** The plan's own title: the last title-shaped line of the front matter that is not the notice. */
export function planTitle(front: View[]): TitleFound | null {
  let best: TitleFound | null = null;
  for (let k = 0; k < front.length; k++) {
    const v = front[k] as View;
    if (v.b.type === 'row' || isMetadataLine(v.norm) || NOTICE_TITLE.test(mayGlue(v.norm) ? v.norm.replace(GLUED_NUMBER, '') : v.norm)) continue;
    const shape = titleShape(v.norm);
    if (!shape) continue;
    let text = clean(v, shape.start, shape.end).trim();
    const found: TitleFound = { text, line: v.b.line, v };
    if (shape.number) found.number = { raw: shape.number, line: v.b.line };
    // the period printed on the next line belongs to the title: `…行动方案` / `(2023-2027年)`
    const next = front[k + 1];
    if (next && TITLE_PERIOD.test(next.norm.trim()) && !/\)$/.test(v.norm.slice(0, shape.end))) text += clean(next).trim();
    // `中共某省委 某省人民政府` / `关于…的实施意见`: the issuer line opens the title
    const prev = front[k - 1];
    if (/^关于/.test(v.norm.slice(shape.start)) && prev && isJointIssuer(prev.norm)) {
      found.issuer = clean(prev).trim();
      text = `${found.issuer}${text}`;
      found.line = prev.b.line;
    } else if (prev && isJointIssuer(prev.norm) && TITLE_ISSUER.test(v.norm.slice(shape.start))) {
      // `中共某市委` / `某市人民政府关于…`: joint issuers broken over two lines, the last on the title's
      text = `${clean(prev).trim()} ${text}`;
      found.line = prev.b.line;
    }
    found.text = text;
    best = found;
  }
  return best;
}

/** In a news report or reprint: the 《X》 the text says was issued (`印发《X》`, `《X》发布`, `《X》(以下简称…`). */
export function reportedTitle(views: View[]): TitleFound | null {
  for (const v of views) {
    if (v.b.type === 'row' || v.norm.indexOf('《') < 0) continue;
    for (const m of v.norm.matchAll(/《([^《》]{4,80})》/g)) {
      const at = m.index ?? 0;
      const inner = (m[1] as string).replace(DRAFT_LABEL, '');
      const before = v.norm.slice(Math.max(0, at - 24), at);
      const after = v.norm.slice(at + m[0].length, at + m[0].length + 8);
      const lineStart = v.norm.slice(0, at).trim() === '';
      if (NATIONAL_TITLES.test(inner) || (CITED_BEFORE.test(before) && !ISSUED_BEFORE.test(before))) continue;
      if (!ISSUED_BEFORE.test(before) && !ISSUED_AFTER.test(after) && !lineStart) continue;
      const shape = titleShape(inner.replace(/<([^<>]+)>/g, '《$1》'));
      if (!shape) continue;
      return { text: clean(v, at + 1, at + 1 + inner.length).trim(), line: v.b.line, v };
    }
  }
  // `…近日发布关于贯彻落实《纲要》的实施意见(以下简称…)`: reported without 《》 around it
  for (const v of views) {
    if (v.b.type === 'row') continue;
    const m = ISSUED_ABOUT.exec(v.norm);
    if (!m || !titleShape(m[1] as string)) continue;
    const at = (m.index ?? 0) + m[0].length - (m[1] as string).length;
    return { text: clean(v, at, at + (m[1] as string).length).trim(), line: v.b.line, v };
  }
  return null;
}


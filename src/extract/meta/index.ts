/**
 * meta: the plan's identity, read in parts — labelled fields (fields.ts), titles (titles.ts), issuer and signature
 * (issuer.ts), document number (docnumber.ts), place (place.ts) — and assembled here with the dates and horizon.
 * Values keep the document's wording; damaged dates and numbers are repaired only on evidence, each repair a
 * diagnostic; a value the text does not give stays null.
 */
import type { Meta } from '../../model.js';
import type { Collector } from '../../diagnostics.js';
import type { Outline } from '../../outline/outline.js';
import { clean, type View } from '../../source/view.js';
import { NOTICE_TITLE } from '../../lexicon/structure.js';
import { damagedDateReadings, findDate, isDateLine, markedDates, parseDate } from '../../outline/dates.js';
import { DEADLINE_BEFORE, HORIZON_YEARS, TO_YEAR } from '../../lexicon/targets.js';
import { ACCOUNT_BYLINE, ANNUAL_PLAN_TITLE, TITLE_PERIOD_START, EDITION_LINE, HEADLINE_REPORT, NOTICE_OF_PLAN, POSTING_TAIL, SELF_GOVERNMENT, SELF_JOINT } from '../../lexicon/meta.js';
import { yearMarks } from '../targets/years.js';
import { metadataFields, type Found } from './fields.js';
import { noticeTitle, planTitle, reportedTitle, type TitleFound } from './titles.js';
import { dateAfterNotice, dateUnderTitle, expandJoint, noticeIssuer, reportedIssuer, signature, signatureLine, titleIssuer } from './issuer.js';
import { numberAfterTitle, numberLine, readDocNumber } from './docnumber.js';
import { readPlace } from './place.js';

export interface MetaResult {
  meta: Meta;
  /** The year the document was made (for telling targets from history). */
  docYear: number | null;
}

/** Where the front matter ends: the body's start, or for a page without chapters, its first long paragraph. */
function frontOf(o: Outline): View[] {
  if (o.bodyStart < o.views.length) return o.views.slice(0, o.bodyStart);
  const k = o.views.findIndex((v) => v.norm.length >= 80 && /。/.test(v.norm));
  return o.views.slice(0, k < 0 ? o.views.length : k);
}

/** A date from a field value or line: intact, or damaged with exactly one reading (reported). */
function dateOf(value: string, line: number, ctx: Collector, evidence: string | null): string | null {
  const intact = parseDate(value) ?? findDate(value)?.date ?? null;
  if (intact) return intact;
  const raw = value.replace(/^\(|\)$/g, '');
  const readings = damagedDateReadings(raw);
  if (evidence && readings.includes(evidence)) {
    ctx.report('glyph-loss', line, `date ${raw} read as ${evidence} (the metadata date agrees)`);
    return evidence;
  }
  if (readings.length === 1) {
    ctx.report('glyph-loss', line, `date ${raw} read as ${readings[0]} (年/月/日 lost; the only valid reading)`);
    return readings[0] as string;
  }
  if (readings.length > 1) ctx.report('date-unreadable', line, `date ${raw} has lost 年/月/日 and reads as ${readings.join(' or ')}; left null`);
  return null;
}

/** How much of the text (UTF-16 units) the place is read from when no title or issuer names it. */
const PLACE_TEXT_MAX = 3000;

/** A page's posting stamp on a line of its own: `2014-08-11 413` (date, time or a view counter after it). */
const POSTING_LINE = /^(\d{4}-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\d{1,7})?(?=$|\s+\S+\s*[:：]|[\u4e00-\u9fff]{2,6}\s*[:：])/;

export function extractMeta(o: Outline, ctx: Collector): MetaResult {
  const views = o.views;
  const front = frontOf(o);
  const tableLines = new Set<View>();
  const fields = metadataFields(front, tableLines);
  const field = (f: 'title' | 'issuer' | 'signed' | 'published' | 'doc_number'): Found | undefined => fields.get(f);

  // titles
  const titleField = field('title');
  let notice = noticeTitle(front);
  // a page's 标题 field that holds the notice (`标  题:某区人民政府办公室关于印发…的通知`)
  const fieldNotice = titleField && NOTICE_TITLE.test(titleField.value.trim()) ? titleField : null;
  const fieldView = fieldNotice ? views.find((v) => v.b.line === fieldNotice.line) : undefined;
  if (!notice && fieldNotice && fieldView) notice = { text: fieldNotice.value.trim(), line: fieldNotice.line, v: fieldView };
  let title: TitleFound | null = planTitle(front);
  // a headline reporting the issuing paraphrases the title: the 《》 one the report names is the title
  if (title && HEADLINE_REPORT.test(title.text)) title = reportedTitle(views.slice(0, o.bodyEnd)) ?? title;
  if (!title && notice) {
    let m = NOTICE_OF_PLAN.exec(notice.text);
    // a forwarded notice (`关于转发某省人民政府关于印发X的通知的通知`): the plan is the one it issues
    const inner = m ? NOTICE_OF_PLAN.exec(m[1] as string) : null;
    if (inner) m = inner;
    if (m) title = { text: m[1] as string, line: notice.line, v: notice.v };
  }
  if (!title) title = reportedTitle(views.slice(0, o.bodyEnd));
  if (!title && titleField && !fieldNotice) title = { text: titleField.value.replace(/^《(.*)》$/, '$1'), line: titleField.line, v: views[0] as View };
  if (!title) ctx.report('title-missing', null, "no line reads as the plan's own title");

  // issuer: the signature, the issuer line or prefix of a title, a report of the issuing, the metadata field
  const sender = noticeIssuer(notice?.text);
  const sig = signature(views, 0, o.bodyStart, sender, tableLines) ?? signature(views, o.bodyEnd, views.length, sender);
  // a signature run into one line with its date (`某市人民政府 2023年8月10日`)
  const sigLine = sig ? null : signatureLine(views, 0, o.bodyStart) ?? signatureLine(views, o.bodyEnd, views.length);
  let issuer: string | null = sig ? sig.issuers.map((v) => clean(v).trim().replace(/\s+/g, ' ')).join(' ') : sigLine?.issuer ?? null;
  issuer ??= title?.issuer ?? titleIssuer(notice?.text) ?? titleIssuer(title?.text) ?? sender ?? reportedIssuer(views.slice(0, o.bodyEnd))?.text ?? null;
  const issuerField = field('issuer');
  if (!issuer && issuerField) issuer = expandJoint(issuerField.value);

  // dates: the signature's, or the one under a 实施意见's title; 成文日期/发文日期; the page's posting date
  const metaSigned = field('signed');
  const metaSignedIso = metaSigned ? dateOf(metaSigned.value, metaSigned.line, ctx, null) : null;
  const dateView = sig?.date ?? (title ? dateUnderTitle(views, title.v) : null) ?? (notice ? dateAfterNotice(views, notice.v, front.length) : null)
    ?? views.slice(o.bodyEnd).find((v) => isDateLine(v.norm)) ?? null;
  const pubField = field('published');
  let published = pubField ? dateOf(pubField.value, pubField.line, ctx, null) : null;
  if (!published) {
    for (const v of front) {
      // the date under the signature (`2023-09-20`) is when it was signed, not posted
      if (v === dateView) continue;
      const stamp = POSTING_LINE.exec(v.norm);
      // a byline may go on after the date (`2024-01-16 09:08:27 来源: 某日报`)
      if (stamp && (stamp[0].length === v.norm.length || POSTING_TAIL.test(v.norm.slice(stamp[0].length)))) { published = parseDate(stamp[1] as string); break; }
      // a newspaper's page: the edition's date
      const edition = EDITION_LINE.exec(v.norm.trim());
      if (edition) { published = parseDate(edition[1] as string); break; }
      // a public-account post: the byline's date
      const byline = ACCOUNT_BYLINE.exec(v.norm.trim());
      if (byline) { published = parseDate(byline[1] as string); break; }
    }
  }
  // a signature's line of marked dates (`…印发　…发布`): the day of issue is signed, the day of posting published
  const marked = dateView ? markedDates(dateView.norm) : null;
  published ??= marked?.published ?? null;
  let signed: string | null = metaSignedIso;
  if (!dateView && sigLine) signed = dateOf(sigLine.date, sigLine.line, ctx, metaSignedIso) ?? metaSignedIso;
  if (dateView) {
    const read = marked ? marked.signed : dateOf(dateView.norm, dateView.b.line, ctx, metaSignedIso);
    if (read && metaSignedIso && read !== metaSignedIso) ctx.report('meta-conflict', dateView.b.line, `date under the signature ${read} differs from 成文日期 ${metaSignedIso}; the signature date is used`);
    signed = read ?? metaSignedIso;
  }

  // document number: metadata field, a line of its own, or glued to a title line
  const years = [signed, published, metaSignedIso].filter((x): x is string => x !== null).map((d) => Number(d.slice(0, 4)));
  let docNumber: string | null = null;
  const docField = field('doc_number');
  if (docField) docNumber = readDocNumber(docField.value, docField.line, years, ctx);
  docNumber ??= numberLine(front, years, ctx);
  const glued = notice?.number ?? title?.number;
  if (!docNumber && glued) docNumber = readDocNumber(glued.raw, glued.line, years, ctx);
  // a report of the issuing: the number in brackets after the plan's own title
  if (!docNumber && title) docNumber = numberAfterTitle(views.slice(0, o.bodyEnd), title.text, years, ctx);
  const numberYear = docNumber ? /[〔[(【]\s*(\d{4})\s*[〕\])】]/.exec(docNumber) : null;
  if (numberYear) years.push(Number(numberYear[1]));
  // no date or number on the page: the title's period start or an annual plan's year stands for when it was made
  const titleText = title?.text ?? null;
  const titleYear = titleText ? TITLE_PERIOD_START.exec(titleText) ?? ANNUAL_PLAN_TITLE.exec(titleText) : null;
  const docYear = years.length ? Math.min(...years) : titleYear ? Number(titleYear[1]) : null;

  // the place is named, or spoken of (我市), near the top: the first pages are evidence enough, and bounded
  let text = '';
  for (let k = 0; k < o.bodyEnd && text.length < PLACE_TEXT_MAX; k++) text += `${(o.views[k] as View).norm}\n`;
  const place = readPlace([issuer, title?.text, notice?.text, issuerField?.value], text);
  if (place.from === 'shape') ctx.report('place-unknown', null, `${place.jurisdiction} is not in the 2023 division table (renamed, new or spelt otherwise); kept as written, level read from its suffix`);
  if (place.from === 'ambiguous') ctx.report('place-ambiguous', null, `several places are called ${place.jurisdiction} and the text does not say which; parent left null`);
  // `省委省政府` names no place: written out with the plan's own, when it is of that level
  const self = issuer ? SELF_JOINT.exec(issuer) : null;
  if (self && place.jurisdiction?.endsWith(self[1] as string)) issuer = `中共${place.jurisdiction}委 ${place.jurisdiction}人民政府`;
  const gov = issuer ? SELF_GOVERNMENT.exec(issuer) : null;
  if (gov && place.jurisdiction?.endsWith(gov[1] as string)) issuer = `${place.jurisdiction}人民政府${gov[2] ?? ''}`;
  if (place.from === 'text') ctx.report('place-from-text', null, `no title or issuer names the place; ${place.jurisdiction} is read from how the text speaks of itself`);

  return {
    docYear,
    meta: {
      title: title?.text ?? null,
      notice_title: notice?.text ?? null,
      jurisdiction: place.jurisdiction,
      level: place.level,
      parent: place.parent,
      issuer,
      doc_number: docNumber,
      signed,
      published,
      horizon_years: horizonYears(o, docYear, title?.text ?? null),
      script: 'simplified',
    },
  };
}

/** Years the goals look to (`到2027年…`, `2035年,…基本建成`), from the goals; else from any goal opener; not history. */
const YEAR_CELL = /^\s*\d{4}\s*年\s*(?:[(（][^)）]{0,8}[)）])?\s*$/;

function horizonYears(o: Outline, docYear: number | null, title: string | null): number[] {
  const ys = new Set<number>();
  const ok = (y: number) => (docYear !== null ? y >= docYear && y <= docYear + 30 : y >= 1990 && y <= 2100);
  const collect = (s: string) => {
    // base years (`较2020年下降13%`) and history (`2022年以来`) are no horizon; yearMarks also drops ranges
    for (const m of yearMarks(s)) if (!m.base && !m.history && m.year > 0 && ok(m.year)) ys.add(m.year);
  };
  // a line that is only a year (`2022年`, `2025年(目标值)`) is a table's header cell, flattened: no horizon
  for (const seg of o.goals) if (!YEAR_CELL.test(seg.v.norm)) collect(seg.start >= seg.v.norm.length ? seg.v.norm : seg.v.norm.slice(seg.start));
  if (ys.size === 0) {
    // goal openers anywhere before the body's end: `到2025年,`, `2020年,`, and the years listed with them
    const preamble = preambleViews(o);
    for (let k = 0; k < o.bodyEnd; k++) {
      const v = o.views[k] as View;
      if (preamble.has(k)) continue;
      for (const m of v.norm.matchAll(HORIZON_YEARS)) {
        const after = v.norm.slice((m.index ?? 0) + m[0].length);
        if (!TO_YEAR.test(m[0]) && !/^[,，:：]/.test(after)) continue;
        // a deadline (`截至2023年11月5日`) or a date is no horizon
        if (DEADLINE_BEFORE.test(v.norm.slice(0, m.index ?? 0)) || /^\s*\d{1,2}\s*月/.test(after)) continue;
        if (/[-—~]$/.test(v.norm.slice(0, m.index ?? 0)) || /^\d{4}年?[-—~至到]/.test(v.norm.slice(m.index ?? 0).replace(TO_YEAR, ''))) continue;
        for (const y of m[0].matchAll(/(\d{4})年/g)) if (ok(Number(y[1]))) ys.add(Number(y[1]));
      }
    }
  }
  // an annual plan that states no goal year works to the year of its title
  const annual = ys.size === 0 && title ? ANNUAL_PLAN_TITLE.exec(title) : null;
  if (annual && ok(Number(annual[1]))) ys.add(Number(annual[1]));
  return [...ys].sort((a, b) => a - b);
}

/** Indices of the views in preamble chapters (background, history, significance): their years are not horizons. */
function preambleViews(o: Outline): Set<number> {
  const out = new Set<number>();
  o.chapters.forEach((c, k) => {
    if (c.role !== 'preamble') return;
    const end = o.chapters[k + 1]?.v.i ?? o.bodyEnd;
    for (let i = c.v.i; i < end; i++) out.add(i);
  });
  return out;
}

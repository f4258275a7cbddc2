/**
 * meta: the plan's identity from its front matter (metadata list or table, notice, title, signature) and
 * back matter (signature and date at the end). Values keep the document's wording; damaged dates and document
 * numbers are repaired only when the evidence allows, and every repair is a diagnostic with its line.
 */
import type { Meta, Level } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { srcAt, type Outline, type View } from '../outline/outline.js';
import { ISSUER_LINE, NOTICE_TITLE, PLAN_TITLE_END } from '../lexicon/structure.js';
import { MUNICIPALITIES, PROVINCES, PROVINCE_SHORT, ZONE_SUFFIX } from '../lexicon/places.js';
import { damagedDateReadings, findDate, isDateLine, parseDate } from './dates.js';
import { YEAR_MARK } from '../lexicon/targets.js';

/** The original characters of a view between two normalized indices. */
export function orig(v: View, s = 0, e = v.norm.length): string {
  return v.b.text.slice(srcAt(v, s), srcAt(v, e));
}

type Field = 'doc_number' | 'signed' | 'published' | 'issuer' | 'title' | 'skip';
/** Metadata labels of government CMS pages, by field. */
const LABELS: Array<[RegExp, Field]> = [
  [/^(?:发文字号|文号|发文号|政策编号|文件编号|文件字号)$/, 'doc_number'],
  [/^(?:成文日期|成文时间|印发日期|签发日期)$/, 'signed'],
  [/^(?:发布日期|发布时间|公开日期|发文日期|公布日期|日期)$/, 'published'],
  [/^(?:发布机构|发文机关|发文单位|发布单位|制发机关)$/, 'issuer'],
  [/^(?:名称|标题|文件名称|题名)$/, 'title'],
  [/^(?:索引号|主题分类|体裁分类|分类|有效性|时效|关键词|主题词|文件下载|来源|专栏|政策状态|组配分类|服务对象)$/, 'skip'],
];
const LABEL_INLINE = /(发文字号|文号|政策编号|文件编号|成文日期|成文时间|印发日期|发布日期|发布时间|公开日期|发文日期|日期|发布机构|发文机关)\s*[:：]\s*([^\s|]*)/g;

function labelField(s: string): Field | null {
  const t = s.replace(/[[\]【】•·\s]/g, '');
  for (const [re, f] of LABELS) if (re.test(t)) return f;
  return null;
}

interface Found { value: string; line: number }

/** Label → value pairs from the front matter, whatever its form (bullet list, pipe table, inline `label:value`). */
function metadataFields(front: View[]): Map<Field, Found> {
  const out = new Map<Field, Found>();
  const put = (f: Field, value: string, line: number) => {
    if (f !== 'skip' && value.trim() !== '' && !out.has(f)) out.set(f, { value: value.trim(), line });
  };
  for (let k = 0; k < front.length; k++) {
    const v = front[k] as View;
    if (v.b.type === 'row' && v.b.cells) {
      const cells = v.b.cells.map((c) => c.text.replace(/\u00a0/g, ' ').trim());
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c] as string;
        const f = labelField(cell);
        if (f) { put(f, cells[c + 1] && !labelField(cells[c + 1] as string) ? cells[c + 1] as string : '', v.b.line); c++; continue; }
        for (const m of cell.matchAll(LABEL_INLINE)) put(labelField(m[1] as string) ?? 'skip', m[2] as string, v.b.line);
      }
      continue;
    }
    const f = labelField(v.norm);
    if (f) {
      const next = front[k + 1];
      if (next && !labelField(next.norm) && next.norm.length < 60) {
        put(f, orig(next).replace(/^[\s•·]+/, ''), next.b.line);
        k++;
      }
      continue;
    }
    for (const m of v.norm.matchAll(LABEL_INLINE)) {
      const start = (m.index ?? 0) + m[0].length - (m[2] as string).length;
      put(labelField(m[1] as string) ?? 'skip', orig(v, start, start + (m[2] as string).length), v.b.line);
    }
  }
  return out;
}

const DOC_NUMBER = /^([\u4e00-\u9fff]{1,12})[〔[(【]\s*(\d{4})\s*[〕\])】]\s*(\d{1,4})\s*号$/;
const DOC_NUMBER_DAMAGED = /^([\u4e00-\u9fff]{1,12}?)[〔[(【]?\s*(\d{4})(\d{0,4})\s*[〕\])】]?\s*(\d{0,4})\s*号?$/;

/** Reads or repairs a document number (`某政发〔20245` → 某政发〔2024〕5号 when the year agrees). */
function readDocNumber(raw: string, line: number, years: number[], ctx: Collector): string | null {
  const t = raw.replace(/\s+/g, '');
  if (DOC_NUMBER.test(t)) return raw.trim();
  const m = DOC_NUMBER_DAMAGED.exec(t);
  if (!m || !/[发字函办令]/.test(m[1] as string)) return null;
  const year = Number(m[2]);
  const num = (m[3] as string) + (m[4] as string);
  if (num === '') {
    ctx.report('doc-number-unreadable', line, `document number '${raw.trim()}' has lost its serial number; left null`);
    return null;
  }
  if (!years.includes(year)) {
    ctx.report('doc-number-unreadable', line, `document number '${raw.trim()}' is damaged and its year ${year} is not confirmed by the dates; left null`);
    return null;
  }
  const repaired = `${m[1]}〔${year}〕${Number(num)}号`;
  ctx.report('glyph-loss', line, `document number '${raw.trim()}' read as ${repaired} (the year agrees with the document's dates)`);
  return repaired;
}

/** The notice title, joined when the scrape broke it over lines (`…人民政府` / `关于印发《…` / `…》的通知`). */
function noticeTitle(front: View[]): { text: string; line: number } | null {
  for (let k = 0; k < front.length; k++) {
    const v = front[k] as View;
    if (v.b.type === 'row' || !/通知$/.test(v.norm) || v.norm.length > 120 || /[:：|]/.test(v.norm)) continue;
    let joined = [v];
    let text = v.norm;
    for (let back = k - 1; back >= 0 && back >= k - 3; back--) {
      const p = front[back] as View;
      if (/关于/.test(text) && !ISSUER_LINE.test(p.norm)) break;
      if (p.norm.length > 40 || /[。:：|]/.test(p.norm)) break;
      joined = [p, ...joined];
      text = p.norm + text;
      if (/关于/.test(p.norm) && !(front[back - 1] && ISSUER_LINE.test((front[back - 1] as View).norm))) break;
    }
    if (!NOTICE_TITLE.test(text)) continue;
    return { text: joined.map((x) => orig(x).trim()).join(''), line: (joined[0] as View).b.line };
  }
  return null;
}

/** The plan's own title: the last title-shaped line before the body that is not the notice. */
function planTitle(front: View[]): { text: string; line: number } | null {
  let best: { text: string; line: number } | null = null;
  for (const v of front) {
    if (v.b.type === 'row') continue;
    const t = v.norm.replace(/^《(.*)》$/, '$1').trim();
    if (t.length < 6 || t.length > 80 || !PLAN_TITLE_END.test(t) || NOTICE_TITLE.test(t)) continue;
    if (/[。,，;；:：|]/.test(t.replace(/\(.*?\)/g, ''))) continue;
    const o = orig(v).trim().replace(/^《(.*)》$/, '$1').trim();
    best = { text: o, line: v.b.line };
  }
  return best;
}

/** The issuer's signature: an issuer line followed by a date line. */
function signature(views: View[], from: number, to: number): { issuer: View; date: View } | null {
  for (let k = from; k < to - 1; k++) {
    const v = views[k] as View, next = views[k + 1] as View;
    if (ISSUER_LINE.test(v.norm) && isDateLine(next.norm)) return { issuer: v, date: next };
  }
  return null;
}

const ADMIN = /^(.*?(?:自治州|地区|盟|市))?(.*?(?:区|县|旗|市))?$/;

export interface Place {
  jurisdiction: string | null;
  level: Level | null;
  parent: string | null;
}

/** Jurisdiction, level and parent from an issuer name (`天津市河西区人民政府` → 河西区, district, 天津市). */
export function readPlace(name: string | null, text: string): Place {
  if (!name) return { jurisdiction: null, level: null, parent: null };
  let s = name.replace(/(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府|委员会|管委会)$/, '').replace(/^中共/, '');
  let top: string | null = null;
  for (const p of [...MUNICIPALITIES, ...PROVINCES]) if (s.startsWith(p)) { top = p; s = s.slice(p.length); break; }
  const chain: string[] = top ? [top] : [];
  if (s) {
    const zone = ZONE_SUFFIX.exec(s);
    if (zone && zone.index > 0) chain.push(s);
    else {
      const m = ADMIN.exec(s);
      if (m?.[1]) chain.push(m[1]);
      if (m?.[2]) chain.push(m[2]);
      if (!m?.[1] && !m?.[2]) chain.push(s);
    }
  }
  const jurisdiction = chain[chain.length - 1] ?? null;
  if (!jurisdiction) return { jurisdiction: null, level: null, parent: null };
  let level: Level;
  if (MUNICIPALITIES.includes(jurisdiction) || PROVINCES.includes(jurisdiction)) level = 'province';
  else if (ZONE_SUFFIX.test(jurisdiction)) level = 'zone';
  else if (/(?:区)$/.test(jurisdiction)) level = 'district';
  else if (/(?:县|旗)$/.test(jurisdiction)) level = 'county';
  else level = 'city';
  let parent = chain.length > 1 ? chain[chain.length - 2] as string : null;
  if (!parent && level !== 'province') parent = mostMentionedParent(text, jurisdiction, level);
  return { jurisdiction, level, parent };
}

/** The province (for a city) or municipality/city (for a district or county) the text names most. */
function mostMentionedParent(text: string, self: string, level: Level): string | null {
  const counts = new Map<string, number>();
  const bump = (k: string, n: number) => { if (k !== self && n > 0) counts.set(k, (counts.get(k) ?? 0) + n); };
  for (const p of [...MUNICIPALITIES, ...PROVINCES]) bump(p, text.split(p).length - 1 + (text.split(`中共${p.slice(0, -1)}省委`).length - 1));
  for (const [short, full] of Object.entries(PROVINCE_SHORT)) bump(full, text.split(short).length - 1);
  if (level === 'district' || level === 'county') {
    for (const m of text.matchAll(/([\u4e00-\u9fff]{2,4}市)(?:委|人民政府|政府)/g)) bump(m[1] as string, 1);
  }
  let best: string | null = null, n = 0;
  for (const [k, c] of counts) if (c > n) { best = k; n = c; }
  return best;
}

export interface MetaResult {
  meta: Meta;
  /** The year the document was made (for telling targets from history). */
  docYear: number | null;
}

export function extractMeta(o: Outline, ctx: Collector): MetaResult {
  const views = o.views;
  const front = views.slice(0, o.bodyStart);
  const back = views.slice(o.bodyEnd);
  const fields = metadataFields(front);

  const notice = noticeTitle(front);
  let title = planTitle(front);
  if (!title && notice) {
    const m = /关于印发《?(.+?)》?的?通知$/.exec(notice.text);
    if (m) title = { text: m[1] as string, line: notice.line };
  }
  if (!title && fields.get('title')) title = { text: (fields.get('title') as Found).value, line: (fields.get('title') as Found).line };
  if (!title) ctx.report('title-missing', null, "no line reads as the plan's own title");

  // signature: the notice's (front) first, then the plan's own (back)
  const sig = signature(views, 0, o.bodyStart) ?? signature(views, o.bodyEnd, views.length);
  let issuer: string | null = sig ? orig(sig.issuer).trim() : null;
  if (!issuer) {
    const fromTitle = /^(.{2,30}?(?:人民政府|政府|委员会|办公室|办公厅))关于/.exec(notice?.text ?? title?.text ?? '');
    issuer = fromTitle?.[1] ?? fields.get('issuer')?.value ?? null;
  }

  // dates
  const metaSigned = fields.get('signed');
  const metaSignedIso = metaSigned ? parseDate(metaSigned.value) ?? findDate(metaSigned.value)?.date ?? null : null;
  const pubField = fields.get('published');
  let published = pubField ? parseDate(pubField.value) ?? findDate(pubField.value)?.date ?? null : null;
  if (!published) {
    for (const v of front) {
      const m = /(?:发布时间|发布日期)\s*[:：]\s*/.exec(v.norm);
      if (m) { published = findDate(v.norm.slice(m.index))?.date ?? null; if (published) break; }
    }
  }
  let signed: string | null = null;
  const dateView = sig?.date ?? back.find((v) => isDateLine(v.norm)) ?? null;
  if (dateView) {
    const intact = parseDate(dateView.norm);
    if (intact) {
      signed = intact;
      if (metaSignedIso && metaSignedIso !== intact) ctx.report('meta-conflict', dateView.b.line, `date under the signature ${intact} differs from 成文日期 ${metaSignedIso}; the signature date is used`);
    } else {
      const readings = damagedDateReadings(dateView.norm);
      const raw = dateView.norm;
      if (metaSignedIso && readings.includes(metaSignedIso)) {
        signed = metaSignedIso;
        ctx.report('glyph-loss', dateView.b.line, `date ${raw} read as ${signed} (metadata 成文日期 agrees, line ${metaSigned?.line})`);
      } else if (readings.length === 1) {
        signed = readings[0] as string;
        ctx.report('glyph-loss', dateView.b.line, `date ${raw} read as ${signed} (年/月/日 lost; the only valid reading)`);
      } else {
        ctx.report('date-unreadable', dateView.b.line, `date ${raw} has lost 年/月/日 and reads as ${readings.join(' or ')}; left null`);
        signed = metaSignedIso;
      }
    }
  } else signed = metaSignedIso;

  const years = [signed, published, metaSignedIso].filter((x): x is string => x !== null).map((d) => Number(d.slice(0, 4)));
  // document number: metadata field, else a standalone number line before the body
  let docNumber: string | null = null;
  const docField = fields.get('doc_number');
  if (docField) docNumber = readDocNumber(docField.value, docField.line, years, ctx);
  if (!docNumber) {
    for (const v of front) {
      if (v.b.type === 'row' || v.norm.length > 30 || /[:：。,，]/.test(v.norm) || !/\d{4}/.test(v.norm) || !/[发字函办令]/.test(v.norm)) continue;
      docNumber = readDocNumber(orig(v), v.b.line, years, ctx);
      if (docNumber) break;
    }
  }
  if (docNumber && years.length === 0) {
    const y = /〔(\d{4})〕/.exec(docNumber);
    if (y) years.push(Number(y[1]));
  }
  const docYear = years.length ? Math.min(...years) : null;

  const fullText = views.slice(0, Math.min(views.length, o.bodyStart + 3)).map((v) => v.norm).join('\n');
  const place = readPlace(issuer ?? placeFromTitle(title?.text ?? null), fullText);

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
      horizon_years: horizonYears(o, docYear),
      script: 'simplified',
    },
  };
}

function placeFromTitle(title: string | null): string | null {
  const m = title ? /^((?:[\u4e00-\u9fff]{2,10}?(?:省|自治区|市|自治州|地区|盟))?[\u4e00-\u9fff]{1,8}?(?:区|县|旗|市|省))/.exec(title) : null;
  return m?.[1] ?? null;
}

/** Years the goals look to (`到2027年…`, `2035年,…基本建成`), from the goals chapters; not history. */
function horizonYears(o: Outline, docYear: number | null): number[] {
  const ys = new Set<number>();
  const collect = (s: string) => {
    for (const m of s.matchAll(YEAR_MARK)) {
      const y = Number(m[1]);
      const after = s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 1);
      if (/[-—~至]/.test(after)) continue; // a range in a title: (2011-2020年)
      if (docYear !== null ? y >= docYear && y <= docYear + 30 : y >= 1990) ys.add(y);
    }
  };
  for (const seg of o.goals) collect(seg.v.norm.slice(seg.start));
  if (ys.size === 0) {
    for (let k = o.bodyStart; k < o.bodyEnd; k++) {
      const v = o.views[k] as View;
      for (const m of v.norm.matchAll(/到(\d{4})年/g)) {
        const y = Number(m[1]);
        if (docYear === null || (y >= docYear && y <= docYear + 30)) ys.add(y);
      }
    }
  }
  return [...ys].sort((a, b) => a - b);
}


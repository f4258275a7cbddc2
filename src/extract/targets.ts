/**
 * targets: quantitative commitments in running text. First find number spans, then resolve each into
 * {indicator, value, unit, comparator, year}: the clause around the number decides whether it is a target
 * (`合格率达到98.3%以上`, `建成…中心150个`, `累计建成4.4万亩高标准农田`) or not (a name `“22411”`, a duration
 * `24小时`, history `2011年达到85.49`, a modifier `节能65%设计标准`).
 */
import type { Comparator } from '../model.js';
import { zhToInt } from '../lexicon/numerals.js';
import {
  COUNT_FIRST_VERBS, HEADING_PREFIX, INDICATOR_LEADING, INDICATOR_TRAILING, NOT_TARGET_AFTER, PREFIX_COMPARATORS, SUFFIX_COMPARATORS,
  CHANGE_WORDS, UNITS, WEAK_UNITS, YEAR_MARK,
} from '../lexicon/targets.js';

export interface FoundTarget {
  indicator: string;
  value: number;
  unit: string;
  comparator: Comparator;
  year: number | null;
  yearInferred: boolean;
  unitInferred: boolean;
  /** Quote span in the scanned string (normalized indices, end exclusive). */
  qStart: number;
  qEnd: number;
  /** Where the value itself sits (for the column of the target). */
  valueAt: number;
}

export interface TargetContext {
  /** Year governing the text from outside (the goals block's `到2027年`). */
  year: number | null;
  /** Years at or after which a year marker is a goal, not history. */
  docYear: number | null;
  /** The plan's first horizon year, for targets with no year in reach. */
  fallbackYear: number | null;
}

const HARD_STOP = /[,，;；。:：!！?？\n]/;
const CN_COUNT_UNITS = '个项家件所座名条张处';
const DIGITS = /\d+(?:\.\d+)?/g;
const CN_COUNT = new RegExp(`[两二三四五六七八九十百千]+(?=[${CN_COUNT_UNITS}])`, 'g');

/** Arabic and Chinese-numeral counts in order (two simple scans are faster than one alternation). */
function numbersIn(s: string): Array<{ index: number; text: string; chinese: boolean }> {
  const out: Array<{ index: number; text: string; chinese: boolean }> = [];
  for (const m of s.matchAll(DIGITS)) out.push({ index: m.index ?? 0, text: m[0], chinese: false });
  for (const m of s.matchAll(CN_COUNT)) out.push({ index: m.index ?? 0, text: m[0], chinese: true });
  return out.sort((a, b) => a.index - b.index);
}

interface YearMark { at: number; end: number; year: number; opener: boolean }

export function yearMarks(s: string): YearMark[] {
  const out: YearMark[] = [];
  if (s.indexOf('年') < 0) return out;
  for (const m of s.matchAll(YEAR_MARK)) {
    let at = m.index ?? 0;
    // the governing word before the year (`到2027年`, `截至2025年底`) belongs to the mark
    const lead = /(?:到|至|截至|截止到?)$/.exec(s.slice(Math.max(0, at - 3), at));
    if (lead) at -= lead[0].length;
    const end = (m.index ?? 0) + m[0].length;
    if (/\d/.test(s[at - 1] ?? '') || /[-—~至]/.test(s[end] ?? '') || /[-—~]$/.test(s.slice(Math.max(0, at - 1), at))) continue; // ranges and longer numbers
    out.push({ at, end, year: Number(m[1]), opener: /^[,，:：]/.test(s.slice(end, end + 1)) || lead !== null && /^(?:到|至)/.test(lead[0]) });
  }
  return out;
}

/** Spans a number must not sit in: names in “…” and 《…》, and parentheses holding a year range. */
function protectedSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const [open, close] of [['“', '”'], ['《', '》'], ['"', '"'], ['「', '」']] as const) {
    for (let i = s.indexOf(open); i >= 0; i = s.indexOf(open, i + 1)) {
      const j = s.indexOf(close, i + 1);
      if (j < 0 || j - i > 40) continue;
      spans.push([i, j + 1]);
      i = j;
    }
  }
  return spans;
}

function matchUnit(s: string, at: number): string | null {
  const t = s.slice(at, at + 6).replace(/^ /, '');
  for (const u of UNITS) if (t.startsWith(u)) return u;
  return null;
}

function endsWithComparator(before: string): [string, Comparator] | null {
  const t = before.replace(/\s+$/, '');
  for (const [w, c] of PREFIX_COMPARATORS) if (t.endsWith(w)) return [w, c];
  return null;
}

function clauseStart(s: string, at: number): number {
  let i = at - 1;
  for (; i >= 0; i--) {
    const c = s[i] as string;
    if (HARD_STOP.test(c)) break;
    // an 、 after a counted value separates sibling targets: `150个、工程技术研究中心120个`
    if (c === '、') {
      const prev = s.slice(Math.max(0, i - 6), i);
      if (/\d\s*$/.test(prev) || UNITS.some((u) => prev.endsWith(u) && /\d/.test(prev))) break;
      if (/以上$|以下$|以内$|左右$/.test(prev)) break;
    }
  }
  return i + 1;
}

function clauseEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && !HARD_STOP.test(s[i] as string) && s[i] !== '、') i++;
  return i;
}

/** Trims an indicator to its noun phrase; `cut` is where the quote starts (after a year or a bullet heading). */
function cleanIndicator(raw: string): { text: string; cut: number } {
  let t = raw;
  let cut = 0;
  const lead = /^\s*(?:(?:到|至)?\d{4}\s*年(?:底|末)?\s*[,，]?\s*)/.exec(t);
  if (lead) { cut += lead[0].length; t = t.slice(lead[0].length); }
  const heading = HEADING_PREFIX.exec(t);
  if (heading && t.length - heading[0].length >= 4) { cut += heading[0].length; t = t.slice(heading[0].length); }
  for (let again = true; again;) {
    again = false;
    // `在天津市品牌指数测评中品牌得分…`: the preposition leaves the indicator but stays in the quote
    const l = INDICATOR_LEADING.exec(t);
    if (l && t.length - l[0].length >= 2) { t = t.slice(l[0].length); again = true; }
  }
  t = t.replace(/\s+$/, '');
  for (let again = true; again;) {
    again = false;
    const m = INDICATOR_TRAILING.exec(t);
    if (m && t.length - m[0].length >= 2) { t = t.slice(0, m.index); again = true; }
  }
  return { text: t.trim(), cut };
}

/**
 * Finds the targets in one normalized string. `marks` are its year markers (from {@link yearMarks}).
 * Targets governed by a year before the document's own year are history and skipped.
 */
export function findTargets(s: string, ctx: TargetContext): FoundTarget[] {
  const marks = yearMarks(s);
  const prot = protectedSpans(s);
  const inProtected = (i: number) => prot.some(([a, b]) => i >= a && i < b);
  const inYear = (i: number) => marks.some((m) => i >= m.at && i < m.end);
  const out: FoundTarget[] = [];
  const bare: Array<{ ns: number; ne: number; value: number; cs: number; indicator: string; cut: number }> = [];

  for (const m of numbersIn(s)) {
    const ns = m.index, ne = ns + m.text.length;
    const chinese = m.chinese;
    if (inYear(ns) || inProtected(ns)) continue;
    const prev = s[ns - 1] ?? '', next = s[ne] ?? '';
    if (/[A-Za-z+\-—~.“"第/]/.test(prev) || /[A-Za-z+”"/]/.test(next)) continue;
    if (/\d/.test(prev)) continue;
    const value = chinese ? zhToInt(m.text) : Number(m.text);
    if (!Number.isFinite(value) || (chinese && value < 2)) continue;

    const unit = matchUnit(s, ne);
    let ue = ne;
    if (unit) ue = s.indexOf(unit, ne) + unit.length;
    else if (NOT_TARGET_AFTER.test(s.slice(ne).replace(/^ /, ''))) continue;
    if (unit && NOT_TARGET_AFTER.test(s.slice(ue)) && unit !== '%') continue;
    let suffix: Comparator | null = null;
    let se = ue;
    for (const [w, c] of SUFFIX_COMPARATORS) {
      if (s.startsWith(w, ue)) { suffix = c; se = ue + w.length; break; }
    }
    const cs = clauseStart(s, ns);
    const ce = clauseEnd(s, se);
    const before = s.slice(cs, ns);
    const after = s.slice(se, ce).trim();

    // history: governed by a year before the document's own
    const governing = [...marks].reverse().find((mk) => mk.end <= ns);
    if (governing && ctx.docYear !== null && governing.year < ctx.docYear) continue;
    const year = governing && (ctx.docYear === null || governing.year >= ctx.docYear) ? governing.year : ctx.year;

    let indicator: string, qStart: number, comparator: Comparator;
    if (after === '') {
      // noun first: `合格率达到98.3%以上`
      const cmp = endsWithComparator(before);
      // a change (`能耗下降14%`) is not the level itself: the verb stays in the indicator
      const nounPart = cmp && !CHANGE_WORDS.test(cmp[0]) ? before.replace(/\s+$/, '').slice(0, -cmp[0].length) : before;
      const cleaned = cleanIndicator(nounPart);
      if (!unit && !cmp && !suffix) {
        if (cleaned.text.length >= 2 && !chinese) bare.push({ ns, ne, value, cs, indicator: cleaned.text, cut: cleaned.cut });
        continue;
      }
      if (unit && WEAK_UNITS.has(unit) && !cmp && !suffix) continue;
      if (cleaned.text.length < 2 || /^[\d.%]+$/.test(cleaned.text)) {
        // `…建成“一站式”服务平台,数量达到10个`: nothing nameable before the value
        if (!COUNT_FIRST_VERBS.test(before)) continue;
      }
      if (COUNT_FIRST_VERBS.test(before.replace(/\s+$/, '')) && !cmp && cleaned.text.length < 2) continue;
      indicator = cleaned.text;
      qStart = cs + cleaned.cut + (nounPart.length - nounPart.trimStart().length);
      comparator = suffix ?? cmp?.[1] ?? '>=';
    } else {
      // count first: `累计建成4.4万亩高标准农田`, `新创建20个省级以上标准化试点`
      if (!unit || !COUNT_FIRST_VERBS.test(before.replace(/\s+$/, ''))) continue;
      const cleaned = cleanIndicator(before);
      indicator = `${cleaned.text}${after}`;
      qStart = cs + cleaned.cut;
      comparator = suffix ?? '>=';
    }
    const qEnd = after === '' ? se : ce;
    out.push({
      indicator, value, unit: unit ?? '', comparator, year: year ?? ctx.fallbackYear, yearInferred: year === null,
      unitInferred: false, qStart, qEnd, valueAt: ns,
    });
  }

  // a bare number in a list whose neighbours are counted: `国际标准2项,国家标准20,行业标准…50项`
  for (const b of bare) {
    const prevT = [...out].reverse().find((t) => t.qEnd <= b.cs && !/[。;；]/.test(s.slice(t.qEnd, b.cs)) && s.slice(t.qEnd, b.cs).replace(/[,，、\s]/g, '') === '');
    const nextT = out.find((t) => t.qStart >= b.ne && s.slice(b.ne, t.qStart).replace(/[,，、\s]/g, '') === '');
    const model = prevT ?? nextT;
    if (!model || model.unit === '' || model.unit === '%') continue;
    const governing = [...marks].reverse().find((mk) => mk.end <= b.ns);
    const year = governing && (ctx.docYear === null || governing.year >= ctx.docYear) ? governing.year : ctx.year;
    out.push({
      indicator: b.indicator, value: b.value, unit: model.unit, comparator: model.comparator, year: year ?? ctx.fallbackYear,
      yearInferred: year === null, unitInferred: true, qStart: b.cs + b.cut, qEnd: b.ne, valueAt: b.ns,
    });
  }
  return out.sort((a, b) => a.valueAt - b.valueAt);
}

/** The year a block sets for the blocks after it (`2015年,产品质量发展的具体目标:`), or null. */
export function openerYear(s: string, docYear: number | null): number | null {
  let y: number | null = null;
  for (const m of yearMarks(s)) if (m.opener && (docYear === null || m.year >= docYear)) y = m.year;
  return y;
}

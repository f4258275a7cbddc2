/**
 * Target phrases: the clause around a value (where it starts and ends), the comparator word before it, and the
 * indicator cut down to its noun phrase. The value itself is read in values.ts.
 */
import type { Comparator } from '../../model.js';
import { CHANGE_ONLY, EXISTING, HEADED_YEAR, TRAILING_YEAR, HEADING_PREFIX, INDICATOR_NAME_END, LABEL_LEAD, LABEL_NOT_NAME, ITEM_MARK, INDICATOR_BASE, INDICATOR_FROM, INDICATOR_LEADING, INDICATOR_TRAILING, LEADING_YEAR, LIST_END_COMPARATOR, PREFIX_COMPARATORS } from '../../lexicon/targets.js';
import { endsWithCount } from '../measures.js';
import { charTable } from './values.js';

/** Punctuation that ends a clause. */
const HARD_STOP_CHARS = ',，;；。:：!！?？\n';
export const HARD_STOP = new RegExp(`[${HARD_STOP_CHARS}]`);
/** The same as a table: the clause scans test every character they pass. */
const STOP = charTable(HARD_STOP_CHARS);
const isDigitCode = (c: number) => c >= 48 && c <= 57;
/**
 * An ASCII full stop that ends a sentence, as English-punctuation scrapes print `。` (`达到 12 件.`): any `.` that
 * is not a decimal point between digits.
 */
const isFullStop = (s: string, i: number) => s.charCodeAt(i) === 46 && !(isDigitCode(s.charCodeAt(i - 1)) && isDigitCode(s.charCodeAt(i + 1)));

/** The comparator words by their last unit, each list in PREFIX_COMPARATORS' order (only those can end a text). */
const BY_LAST = new Map<number, Array<[string, Comparator]>>();
for (const wc of PREFIX_COMPARATORS) {
  const k = wc[0].charCodeAt(wc[0].length - 1);
  const list = BY_LAST.get(k) ?? [];
  list.push(wc);
  BY_LAST.set(k, list);
}
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;

/** The comparator word that ends the text before a value (`达到`, `不低于`), longest first, or null. */
export function endsWithComparator(before: string): [string, Comparator] | null {
  // asked for every number: the word list of the last character only, and no trimmed copy unless spaces end it
  let e = before.length;
  while (e > 0 && isSpace(before.charCodeAt(e - 1))) e--;
  const list = BY_LAST.get(before.charCodeAt(e - 1));
  if (list === undefined) return null;
  const t = e === before.length ? before : before.slice(0, e);
  for (const wc of list) if (t.endsWith(wc[0])) return wc;
  return null;
}

/** True when a whole value (`96%`, `25件`) ends right before the spaces at `i`. */
function valueBefore(s: string, i: number): boolean {
  let j = i;
  while (j > 0 && s.charCodeAt(j - 1) === 32) j--;
  const prev = s.slice(Math.max(0, j - 8), j);
  return /\d[%‰]$/.test(prev) || endsWithCount(prev);
}

/** The farthest a clause reaches from a value, either way. */
const MAX_CLAUSE = 300;

/** Where the clause holding the value at `at` starts. */
export function clauseStart(s: string, at: number): number {
  let i = at - 1;
  // no indicator runs this long: a text without stops (hostile, or a table flattened into one line) stays linear
  const floor = Math.max(0, at - MAX_CLAUSE);
  for (; i >= floor; i--) {
    const c = s.charCodeAt(i);
    if (STOP[c] === 1 || isFullStop(s, i)) break;
    // `合格率 ≥96% 每万人口…拥有量 ≥25件`: items parted by spaces alone (an infographic's lines run together)
    if (c === 32 && valueBefore(s, i)) break;
    // an 、 after a counted value separates sibling targets: `150个、工程技术研究中心120个`
    if (c === 0x3001) {
      const prev = s.slice(Math.max(0, i - 6), i);
      if (/\d\s*$/.test(prev) || endsWithCount(prev)) break;
      if (LIST_END_COMPARATOR.test(prev)) break;
    }
  }
  return i + 1;
}

/** Where the clause that continues at `at` ends (at punctuation or an 、). */
export function clauseEnd(s: string, at: number): number {
  let i = at;
  const end = Math.min(s.length, at + MAX_CLAUSE);
  while (i < end && STOP[s.charCodeAt(i)] !== 1 && s.charCodeAt(i) !== 0x3001 && !isFullStop(s, i)) i++;
  return i;
}

/** Trims an indicator to its noun phrase; `cut` is where the quote starts (after a year or a bullet heading). */
export function cleanIndicator(raw: string): { text: string; cut: number } {
  let t = raw;
  let cut = 0;
  const headed = HEADED_YEAR.exec(t);
  if (headed && t.length - headed[0].length >= 2) { cut += headed[0].length; t = t.slice(headed[0].length); }
  for (let lead = LEADING_YEAR.exec(t); lead && lead[0].length > 0; lead = LEADING_YEAR.exec(t)) {
    cut += lead[0].length;
    t = t.slice(lead[0].length);
  }
  // an item mark inside a paragraph (`(1)实施…`, `②培育…`) is no part of the name
  const item = ITEM_MARK.exec(t);
  if (item && t.length - item[0].length >= 2) { cut += item[0].length; t = t.slice(item[0].length); }
  const heading = HEADING_PREFIX.exec(t);
  if (heading && t.length - heading[0].length >= 4) { cut += heading[0].length; t = t.slice(heading[0].length); }
  for (let again = true; again;) {
    again = false;
    // `在全省品牌指数测评中品牌得分…`: the preposition leaves the indicator but stays in the quote
    const l = INDICATOR_LEADING.exec(t);
    if (l && t.length - l[0].length >= 2) { t = t.slice(l[0].length); again = true; }
    // `力争到2025年实现…`: a year after an effort word leaves the name too
    const y = again ? LEADING_YEAR.exec(t) : null;
    if (y && y[0].length > 0 && t.length - y[0].length >= 2) t = t.slice(y[0].length);
  }
  t = t.trimEnd(); // what /\s+$/ removes, without the pattern's retries at every inner space
  const base = INDICATOR_BASE.exec(t);
  // `较2022年提高` alone is the change of the sentence's subject: the base leaves it too
  if (base && (base.index >= 2 || CHANGE_ONLY.test(t.slice(base[0].length)))) t = t.slice(0, base.index) + t.slice(base.index + base[0].length);
  const from = INDICATOR_FROM.exec(t);
  if (from && from.index >= 2) t = t.slice(0, from.index);
  for (let again = true; again;) {
    again = false;
    const m = INDICATOR_TRAILING.exec(t) ?? TRAILING_YEAR.exec(t);
    if (m && t.length - m[0].length >= 2) { t = t.slice(0, m.index); again = true; }
  }
  return { text: t.trim(), cut };
}

/** The indicator of the previous target in the same sentence, when a clause names no subject of its own. */
export function sentenceSubject(prev: { indicator: string; qEnd: number } | undefined, s: string, cs: number): string | null {
  if (!prev || prev.qEnd > cs || /[。!！?？]/.test(s.slice(prev.qEnd, cs))) return null;
  return prev.indicator;
}

/** A value that is no year (`85.1`, not `2022年`). */
const LEVEL_VALUE = /(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*年)/;

/**
 * The subject of the clause before `cs` in the same sentence, named before its own comparator and value, when the
 * reader emitted nothing there (`2022年全市质量竞争力指数为85.1,到2025年提高到87`: history, then the goal).
 */
export function previousClauseSubject(s: string, cs: number): string | null {
  const e = cs - 1;
  if (e <= 0 || (s[e] !== ',' && s[e] !== '，')) return null;
  const prev = s.slice(clauseStart(s, e), e);
  const v = LEVEL_VALUE.exec(prev);
  if (!v) return null;
  const before = prev.slice(0, v.index);
  // `全市现有检验检测机构230家,到2025年达到300家`: a count of what exists names its subject without a verb
  const cmp = endsWithComparator(before);
  const name = cleanIndicator(cmp ? before.trimEnd().slice(0, -cmp[0].length) : before).text.replace(EXISTING, '');
  return name.length >= 2 ? name : null;
}

/**
 * The name before a colon at `colon` (`制造业产品质量合格率:95%以上`, `公共服务质量满意度(分):82`), with the unit it
 * prints in brackets. A value with no measure word or comparator (`:82`) needs a name that reads as an indicator
 * (`…率`, `…指数`, `…(分)`); a label holding a year or a number (`2025年:`, `附件2:`) is no name.
 */
export function colonLabel(s: string, colon: number, marked: boolean): { text: string; start: number; unit: string } | null {
  const ls = clauseStart(s, colon);
  const raw = s.slice(ls, colon);
  if (/\d/.test(raw.replace(ITEM_MARK, ''))) return null;
  const c = cleanIndicator(raw);
  let text = c.text.replace(LABEL_LEAD, '');
  if (text.length < 2 || text.length > 40 || LABEL_NOT_NAME.test(text)) return null;
  const bracket = /[(（]\s*(%|‰|[\u4e00-\u9fff/]{1,4})\s*[)）]$/.exec(text);
  if (!marked && !bracket && !INDICATOR_NAME_END.test(text)) return null;
  if (bracket) text = text.slice(0, bracket.index).trimEnd();
  return { text, start: ls + c.cut + (raw.length - raw.trimStart().length), unit: bracket ? (bracket[1] as string) : '' };
}

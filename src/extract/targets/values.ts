/**
 * Target values: the numbers of a string (digits, Chinese numerals before a measure word: `三个`, shares in words:
 * `百分之九十八`, `9成`, `三分之一`), the spans a number must not sit in (names in “…” and 《…》), and the repair of
 * a rate that lost its decimal point (`985%`).
 */
import { DECIMAL_POINT_WORD, FRACTION_WORD, RATE_WORDS, TENTHS_AFTER, TENTHS_WORD, ZH_COUNT_NUMERALS, ZH_NUMERALS, zhToInt } from '../../lexicon/numerals.js';
import { NUMERAL_MEASURES } from '../../lexicon/measures.js';
import { RESPECTIVELY } from '../../lexicon/targets.js';

/** A lookup table over the BMP marking the char codes of `chars` (a character class tested at every position). */
export const charTable = (chars: string): Uint8Array => {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
};
/** Char codes of the count numerals and of the measure words after them (single characters, as in a class). */
const ZH_COUNT = charTable(ZH_COUNT_NUMERALS);
const MEASURE = charTable(NUMERAL_MEASURES);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Exactly three digits at `i` (a thousands group: no fourth digit after). */
const isThreeDigits = (s: string, i: number) => isDigit(s.charCodeAt(i)) && isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) && !isDigit(s.charCodeAt(i + 3));

/** A number found in a string: its digits or numerals as printed (thousands separators kept: read with {@link digitsValue}). */
export interface NumberSpan {
  index: number;
  text: string;
  chinese: boolean;
  /** A rate written in words (`百分之九十八`): its value and unit, read here (the text holds no digits or % sign). */
  rate?: { value: number; unit: string };
}

const ZH_ANY = charTable(ZH_NUMERALS);

/** `百分之九十八点五` at `i`: the rate and where it ends, or null. */
function rateInWords(s: string, i: number): { value: number; unit: string; end: number } | null {
  for (const [word, unit] of RATE_WORDS) {
    if (!s.startsWith(word, i)) continue;
    let e = i + word.length;
    while (e < s.length && ZH_ANY[s.charCodeAt(e)] === 1) e++;
    const whole = zhToInt(s.slice(i + word.length, e));
    if (!Number.isFinite(whole)) return null;
    let frac = '';
    if (s.startsWith(DECIMAL_POINT_WORD, e)) {
      let f = e + DECIMAL_POINT_WORD.length;
      while (f < s.length && ZH_ANY[s.charCodeAt(f)] === 1 && zhToInt(s[f] as string) < 10) frac += String(zhToInt(s[f++] as string));
      if (frac !== '') e = f;
    }
    return { value: Number(frac ? `${whole}.${frac}` : whole), unit, end: e };
  }
  return null;
}

/** `9成` / `五成` (tenths) ending at `e`, the number before it worth `whole`: the rate in %, or null. */
function tenths(s: string, e: number, whole: number): { value: number; unit: string; end: number } | null {
  if (!(whole >= 1 && whole < 10) || !s.startsWith(TENTHS_WORD, e)) return null;
  if (!TENTHS_AFTER.test(s.slice(e + TENTHS_WORD.length, e + TENTHS_WORD.length + 3))) return null;
  return { value: Math.round(whole * 100) / 10, unit: '%', end: e + TENTHS_WORD.length };
}

/** `三分之一` / `五成` at `i` (Chinese numerals): the share as a rate in % (two decimals), or null. */
function shareInWords(s: string, i: number): { value: number; unit: string; end: number } | null {
  let e = i;
  while (e < s.length && ZH_ANY[s.charCodeAt(e)] === 1) e++;
  // most numerals in running text (进一步, 一批) are neither: test the word after the run before reading it
  if (!s.startsWith(TENTHS_WORD, e) && !s.startsWith(FRACTION_WORD, e)) return null;
  const first = zhToInt(s.slice(i, e));
  if (!Number.isFinite(first)) return null;
  if (!s.startsWith(FRACTION_WORD, e)) return tenths(s, e, first);
  const f = e + FRACTION_WORD.length;
  let g = f;
  while (g < s.length && ZH_ANY[s.charCodeAt(g)] === 1) g++;
  const part = zhToInt(s.slice(f, g));
  if (!Number.isFinite(part) || part <= 0 || part >= first) return null;
  return { value: Math.round((10000 * part) / first) / 100, unit: '%', end: g };
}

/** The value of printed digits, thousands separators dropped (`1,200` → 1200). */
export const digitsValue = (text: string): number => Number(text.includes(',') ? text.replace(/,/g, '') : text);

/**
 * The end of the digits at `i` (`e` is past its first run of digits): thousands groups (`1,200家`, `80,000件`: groups
 * of exactly three digits after a lead of one to three), then decimals. After 分别 a comma parts values
 * (`分别达到100,200家` is 100 and 200) unless the values are joined otherwise (`分别达到1,200、2,500家`).
 */
export function digitsEnd(s: string, i: number, e: number): number {
  if (e - i <= 3 && s.charCodeAt(i) !== 48 && s.charCodeAt(e) === 44 && isThreeDigits(s, e + 1) && !listComma(s, i, e)) {
    while (s.charCodeAt(e) === 44 && isThreeDigits(s, e + 1)) e += 4;
  }
  if (s.charCodeAt(e) === 46 && isDigit(s.charCodeAt(e + 1))) for (e += 2; e < s.length && isDigit(s.charCodeAt(e)); e++);
  return e;
}

/** How far before a number a 分别 still heads its values (`分别达到`, `分别突破`). */
const RESPECTIVELY_REACH = 8;
const RESPECTIVELY_AT = new RegExp(`(?:${RESPECTIVELY.source})[^。;；!?！？]*$`);
/** After the group, another value joined by 、/和/及/与: the list has joiners of its own, the comma is a separator of thousands. */
const JOINED_AFTER = /^\d{3}[^\d、和及与。;；]{0,4}[、和及与]/;

/** Whether the comma at `comma` after the number at `i` parts the values of a 分别 list. */
function listComma(s: string, i: number, comma: number): boolean {
  // a one-digit lead (`分别达到1,200家`) reads as thousands: values of one list so far apart are unlikely
  if (comma - i < 2 || !RESPECTIVELY_AT.test(s.slice(Math.max(0, i - RESPECTIVELY_REACH), i))) return false;
  return !JOINED_AFTER.test(s.slice(comma + 1, comma + 12));
}

/** Where a number can start: a digit or a count numeral (the class is scanned natively between numbers). */
const START = new RegExp(`[0-9${ZH_COUNT_NUMERALS}]`, 'g');

/**
 * Arabic numbers (`\d+(?:\.\d+)?`) and Chinese-numeral counts (`[两二…千]+` right before a measure word) in order.
 * One pass over the code units: every region's every string is scanned, and two regex scans with their match
 * objects and a sort were a twentieth of extraction. The stretches between numbers (most of a task's text) are
 * skipped by a native class scan (`test` sets lastIndex, no match object) rather than a unit-by-unit loop.
 */
export function numbersIn(s: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (let i = 0; ;) {
    START.lastIndex = i;
    if (!START.test(s)) break;
    i = START.lastIndex - 1;
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      let e = i + 1;
      while (e < s.length && isDigit(s.charCodeAt(e))) e++;
      e = digitsEnd(s, i, e);
      const share = s.startsWith(TENTHS_WORD, e) ? tenths(s, e, Number(s.slice(i, e))) : null;
      if (share) e = share.end;
      out.push(share ? { index: i, text: s.slice(i, e), chinese: false, rate: { value: share.value, unit: share.unit } } : { index: i, text: s.slice(i, e), chinese: false });
      i = e;
    } else {
      const rate = rateInWords(s, i) ?? shareInWords(s, i);
      if (rate) {
        out.push({ index: i, text: s.slice(i, rate.end), chinese: true, rate: { value: rate.value, unit: rate.unit } });
        i = rate.end;
        continue;
      }
      // a count numeral (the class holds nothing else)
      let r = i + 1;
      while (r < s.length && ZH_COUNT[s.charCodeAt(r)] === 1) r++;
      // the regex's greedy run backs off until a measure word follows
      let k = r;
      while (k > i && MEASURE[s.charCodeAt(k)] !== 1) k--;
      if (k > i) { out.push({ index: i, text: s.slice(i, k), chinese: true }); i = k; } else i++;
    }
  }
  START.lastIndex = 0;
  return out;
}

/** Spans a number must not sit in: names in “…” and 《…》, and parentheses holding a year range. */
export function protectedSpans(s: string): Array<[number, number]> {
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

/**
 * A rate over 100% that lost its decimal point (`985%`): every way of putting the point back, kept when exactly one
 * gives a rate a plan would set (50–100 with one decimal); otherwise null (left unread).
 */
export function lostDecimalPoint(digits: string): number | null {
  if (!/^\d{3,4}$/.test(digits)) return null;
  const readings: number[] = [];
  for (let cut = 1; cut < digits.length; cut++) {
    const v = Number(`${digits.slice(0, cut)}.${digits.slice(cut)}`);
    if (digits.length - cut === 1 && v >= 50 && v <= 100) readings.push(v);
  }
  return readings.length === 1 ? readings[0] as number : null;
}

/**
 * Target values: the numbers of a string (digits, and Chinese numerals before a measure word: `三个`), the spans a
 * number must not sit in (names in “…” and 《…》), and the repair of a rate that lost its decimal point (`985%`).
 */
import { ZH_COUNT_NUMERALS } from '../../lexicon/numerals.js';
import { NUMERAL_MEASURES } from '../../lexicon/measures.js';

const DIGITS = /\d+(?:\.\d+)?/g;
const ZH_COUNT = new RegExp(`[${ZH_COUNT_NUMERALS}]+(?=[${NUMERAL_MEASURES}])`, 'g');

/** A number found in a string: its digits or numerals as printed. */
export interface NumberSpan { index: number; text: string; chinese: boolean }

/** Arabic and Chinese-numeral counts in order (two simple scans are faster than one alternation). */
export function numbersIn(s: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const m of s.matchAll(DIGITS)) out.push({ index: m.index ?? 0, text: m[0], chinese: false });
  for (const m of s.matchAll(ZH_COUNT)) out.push({ index: m.index ?? 0, text: m[0], chinese: true });
  return out.sort((a, b) => a.index - b.index);
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

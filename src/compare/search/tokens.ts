/**
 * Tokens for comparing Chinese plan text without a segmenter: CJK character bigrams plus ASCII words and numbers.
 * Plans of this genre share their vocabulary almost word for word ("提升…标准先进性"), so bigrams carry enough
 * signal; jieba would add 190 ms and a native binary for little gain. Tokens and theme signals are read on
 * half-width text (source/normalize.ts halfWidth).
 */

import { halfWidth } from '../../source/normalize.js';

const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
/** `[A-Za-z0-9.%]` */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 46 || c === 37;

/**
 * Calls `emit` with each token of a text as a key: a CJK bigram as `first * 65536 + second`, a single-character
 * CJK run as its code unit, an ASCII word or number as its lower-cased string. See `tokens` for the rules.
 */
export function forEachToken(s: string, emit: (key: number | string) => void): void {
  const text = halfWidth(s);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      let j = i + 1;
      while (j < n && isCjk(text.charCodeAt(j))) j++;
      if (j - i === 1) emit(c);
      else for (let k = i; k + 1 < j; k++) emit(text.charCodeAt(k) * 65536 + text.charCodeAt(k + 1));
      i = j;
    } else if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      emit(text.slice(i, j).toLowerCase());
      i = j;
    } else i++;
  }
}

const keyText = (k: number | string): string =>
  typeof k === 'string' ? k : k < 65536 ? String.fromCharCode(k) : String.fromCharCode(Math.floor(k / 65536), k % 65536);

/**
 * Bigram tokens of a text: each run of CJK characters gives its overlapping character pairs (a single character
 * run gives itself), each ASCII word or number gives one lower-cased token. Punctuation separates runs.
 */
export function tokens(s: string): string[] {
  const out: string[] = [];
  forEachToken(s, (k) => out.push(keyText(k)));
  return out;
}

/** Dice coefficient of two strings' bigram sets: 1 for the same bigrams, 0 for none shared. For short names. */
export function bigramDice(a: string, b: string): number {
  const A = new Set(tokens(a));
  const B = new Set(tokens(b));
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const t of A) if (B.has(t)) common++;
  return (2 * common) / (A.size + B.size);
}


/**
 * The text a local alignment runs on: a task's text folded (full-width → half-width, traditional → simplified when a
 * fold is given, white space dropped) with place names and numbers masked, so that "提升甲区标准化水平，到2025年达到
 * 90%" and "提升乙区标准化水平，到2027年达到95%" align character for character. Every folded unit keeps the offsets
 * of the characters it stands for, so aligned stretches map back to the original text exactly.
 */
import { findPlaces } from '../lexicon/geography.js';

/** A masked place name. */
export const PLACE = 0xe000;
/** A masked number (digits, with decimal points). */
export const NUMBER = 0xe001;

export interface Folded {
  /** Folded UTF-16 units. */
  codes: Uint16Array;
  /** Per unit, the original offsets [start, end) it stands for. */
  start: Int32Array;
  end: Int32Array;
  /** Characters of the original text that count (all but white space). */
  size: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Full-width ASCII to half-width, one unit. */
const half = (c: number) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);

/**
 * Folds and masks a text. `names` are further phrases to mask as places (the plan's own names and short forms, which
 * findPlaces leaves alone: a bare 甲 of 甲区); `fold` maps a character to its simplified form.
 */
export function foldText(text: string, names: readonly string[] = [], fold?: (ch: string) => string): Folded {
  const masks: [number, number][] = findPlaces(text).map((m) => [m.start, m.end]);
  for (const name of names) {
    if (name.length < 2) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) masks.push([at, at + name.length]);
  }
  masks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const n = text.length;
  const codes = new Uint16Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  let m = 0;
  let size = 0;
  let mk = 0;
  let i = 0;
  while (i < n) {
    while (mk < masks.length && (masks[mk] as [number, number])[1] <= i) mk++;
    const mask = masks[mk];
    if (mask && mask[0] <= i) {
      codes[m] = PLACE;
      start[m] = i;
      end[m] = mask[1];
      m++;
      size += mask[1] - i;
      i = mask[1];
      continue;
    }
    let c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    c = half(c);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && (isDigit(half(text.charCodeAt(j))) || (half(text.charCodeAt(j)) === 46 && j + 1 < n && isDigit(half(text.charCodeAt(j + 1)))))) j++;
      codes[m] = NUMBER;
      start[m] = i;
      end[m] = j;
      m++;
      size += j - i;
      i = j;
      continue;
    }
    if (fold && c >= 0x3400) {
      const f = fold(text[i] as string);
      if (f.length === 1) c = f.charCodeAt(0);
    }
    codes[m] = c;
    start[m] = i;
    end[m] = i + 1;
    m++;
    size++;
    i++;
  }
  return { codes: codes.slice(0, m), start: start.slice(0, m), end: end.slice(0, m), size };
}

/** Characters of the original text a folded unit stands for. */
export function unitWeight(f: Folded, k: number): number {
  return (f.end[k] as number) - (f.start[k] as number);
}

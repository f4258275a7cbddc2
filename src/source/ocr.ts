/**
 * OCR damage in the digits of a scanned notice, repaired in the working copy (the map keeps pointing into the
 * source, so quotes show the text as scanned): letters read for digits inside a number (`2O25`, `1OO%`, `l00%`)
 * and spaces OCR set between the digits of a year, date or rate (`2 0 2 3 年`, `9 5 %`). Both are narrow: a run
 * must hold a digit and sit outside any Latin word, and spaced digits must be single and close a date or rate.
 */
import { OCR_DIGIT_LETTERS, OCR_SPACED_BEFORE } from '../lexicon/numerals.js';
import type { Normalized } from './normalize.js';

const LETTERS = Object.keys(OCR_DIGIT_LETTERS).join('');
/** A run of digits and digit-like letters that starts with a digit or l/I (an O first is a word: O2O). */
const LETTER_RUN = new RegExp(`(?<![A-Za-z0-9.])(?=[0-9lI])[0-9${LETTERS}]*[0-9][0-9${LETTERS}]*(?![A-Za-z])`, 'g');
const HAS_LETTER = new RegExp(`[${LETTERS}]`);
/** Single digits parted by one space each, closing a date part or a rate (`2 0 2 3 年`, `6 0 %`). */
const SPACED = new RegExp(`(?<![0-9.])[0-9](?: [0-9])+(?= ?[${OCR_SPACED_BEFORE}])`, 'g');
const MAYBE = new RegExp(`[0-9][${LETTERS}]|[lI][0-9]|[0-9] [0-9]`);

/** The working copy with OCR'd digits read as digits; the same object when there is nothing to repair. */
export function repairOcrDigits(n: Normalized, source: string): Normalized {
  if (!MAYBE.test(n.norm)) return n;
  let norm = n.norm.replace(LETTER_RUN, (run) => (HAS_LETTER.test(run) ? [...run].map((c) => OCR_DIGIT_LETTERS[c] ?? c).join('') : run));
  const drop = new Set<number>();
  for (const m of norm.matchAll(SPACED)) for (let k = 0; k < m[0].length; k++) if (m[0][k] === ' ') drop.add((m.index ?? 0) + k);
  if (norm === n.norm && drop.size === 0) return n;
  const src = (i: number) => (n.map ? (n.map[i] as number) : i);
  const map: number[] = [];
  let out = '';
  for (let i = 0; i < norm.length; i++) {
    if (drop.has(i)) continue;
    out += norm[i];
    map.push(src(i));
  }
  map.push(n.map ? (n.map[n.norm.length] as number) : source.length);
  norm = out;
  return { norm, map: Int32Array.from(map) };
}

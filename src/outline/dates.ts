/**
 * Reading a date as plans print it — `2023-12-27`, `2024年3月22日`, `二〇一二年四月十三日` — and as scrapes damage
 * it: `2023121`, `2024年322日` (年/月/日 dropped). A damaged date is only repaired when the evidence allows: a single
 * valid split, or a metadata date that agrees with one of the splits. Otherwise it stays unread. Here rather than in
 * extract because the outline ends a plan's body at its signature date (outline never imports extract).
 */
import { zhToInt } from '../lexicon/numerals.js';
import { halfWidth } from '../source/normalize.js';
import { DATE_DAMAGED, DATE_HINT, DATE_IN_TEXT, DATE_ISO, DATE_MARKS, DATE_YMD, DATE_ZH_YMD, MARKED_DATE } from '../lexicon/dates.js';

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads an intact date (the whole string); null when it is not one. */
export function parseDate(s: string): string | null {
  const t = halfWidth(s).trim().replace(/\s+/g, '');
  let m = DATE_ISO.exec(t) ?? DATE_YMD.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DATE_ZH_YMD.exec(t);
  if (m) {
    const y = zhToInt(m[1] as string), mo = zhToInt(m[2] as string), d = zhToInt(m[3] as string);
    return iso(y, mo, d);
  }
  return null;
}

/** Every valid reading of a date that lost its separators: `2023121` → 2023-01-21 and 2023-12-01. */
export function damagedDateReadings(s: string): string[] {
  const m = DATE_DAMAGED.exec(s.trim().replace(/\s+/g, ''));
  if (!m) return [];
  const y = Number(m[1]);
  const rest = m[2] as string;
  if (rest.includes('月')) {
    const [mo, d] = rest.split('月');
    const r = iso(y, Number(mo), Number(d));
    return r ? [r] : [];
  }
  const out: string[] = [];
  for (let cut = 1; cut < rest.length; cut++) {
    const mo = rest.slice(0, cut), d = rest.slice(cut);
    if (mo.length > 2 || d.length > 2 || (mo.startsWith('0') && mo.length === 1) || (d.startsWith('0') && d.length === 1)) continue;
    const r = iso(y, Number(mo), Number(d));
    if (r && !out.includes(r)) out.push(r);
  }
  return out;
}

const MARKED_ONE = new RegExp(MARKED_DATE);
/** Global: `replace` starts it from 0 each time. */
const MARKED_ALL = new RegExp(MARKED_DATE, 'g');

/**
 * A line of two or more dates each marked with what it is (`2023年12月5日印发　2023年12月8日发布`), as some
 * signatures print the day of issue beside the day of posting: the first date of each kind, or null.
 */
export function markedDates(norm: string): { signed: string | null; published: string | null } | null {
  // every short line with a digit is asked (isDateLine): most hold no date followed by its mark
  if (norm.length > 48 || !MARKED_ONE.test(norm)) return null;
  const out: { signed: string | null; published: string | null } = { signed: null, published: null };
  let n = 0;
  const rest = norm.replace(MARKED_ALL, (_all, date: string, ...groups: unknown[]) => {
    const kind = DATE_MARKS[groups[2] as string];
    const d = parseDate(date);
    if (kind && d) { out[kind] ??= d; n++; }
    return '';
  });
  return n >= 2 && rest.trim() === '' ? out : null;
}

/** A line that is only a date (intact or damaged), as under a signature, or a line of marked dates. */
export function isDateLine(norm: string): boolean {
  // every paragraph of a body is asked; a date is short, and every date form holds an ASCII digit (after the
  // fold) or 年
  if (norm.length > 48 || !DATE_HINT.test(norm)) return false;
  // `(2023年1月17日)` under a title; `201912日)` lost its opening parenthesis
  const t = norm.trim().replace(/^\(|\)$/g, '');
  if (norm.length <= 24 && (parseDate(t) !== null || damagedDateReadings(t).length > 0)) return true;
  return norm.length >= 12 && markedDates(norm) !== null;
}

/** The first intact date inside a longer string (`发布时间:2024-08-30 | 来源:…`). */
export function findDate(s: string): { date: string; index: number; length: number } | null {
  const re = new RegExp(DATE_IN_TEXT, 'g');
  const h = halfWidth(s);
  for (let m = re.exec(h); m; m = re.exec(h)) {
    const d = parseDate(m[0]);
    if (d) return { date: d, index: m.index, length: m[0].length };
  }
  return null;
}

/**
 * A normalized working copy of a string for matching, with a map back to the original. Full-width ASCII
 * (U+FF01–FF5E) becomes ASCII, ideographic and no-break spaces become spaces, zero-width characters vanish,
 * U+2015 `―` becomes `—`. NFKC is deliberately not used: it turns ①② into 12 and 10² into 102.
 * `map[i]` is the index in the original of `norm[i]`; `map[norm.length]` is the original's length; a null map
 * means the two are the same.
 */
export interface Normalized {
  norm: string;
  /** null when nothing changed (the identity map, the common case, is not materialized). */
  map: number[] | null;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const SPACES = new Set([0x3000, 0x00a0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x09]);

/** Characters the fold changes or drops; text without them (most lines of a clean page) takes the fast path. */
const NEEDS_FOLD = /[\uff01-\uff5e\u3000\u00a0\u2002-\u200d\u202f\u205f\u2060\ufeff\u00ad\u2015\u2500\u2501\u2e3a\u25cb\u039f\uff61\t]/;

/** Per-character mapping; `extra` lets a caller fold more (e.g. traditional → simplified) one char to one char. */
export function normalizeText(s: string, extra?: (ch: string) => string): Normalized {
  if (!extra && !NEEDS_FOLD.test(s)) return { norm: s, map: null };
  const codes: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (ZERO_WIDTH.has(c)) continue;
    let out: string;
    if (c >= 0xff01 && c <= 0xff5e) out = String.fromCharCode(c - 0xfee0);
    else if (SPACES.has(c)) out = ' ';
    else if (c === 0x2015 || c === 0x2500 || c === 0x2501 || c === 0x2e3a) out = '—';
    else if (c === 0x25cb || c === 0x039f) out = '〇'; // ○ and Greek Ο stand in for 〇 in scraped dates
    else if (c === 0xff61) out = '。';
    else out = s[i] as string;
    if (extra) out = extra(out);
    codes.push(out);
    map.push(i);
  }
  map.push(s.length);
  return { norm: codes.join(''), map };
}

/** Normalization for comparison keys (ids, names): the same folding, spaces removed. */
export function foldKey(s: string): string {
  return normalizeText(s).norm.replace(/\s+/g, '');
}

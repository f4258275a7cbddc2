/**
 * A normalized working copy of a string for matching, with a map back to the original. Full-width ASCII
 * (U+FF01–FF5E) becomes ASCII, ideographic and no-break spaces become spaces, zero-width characters vanish,
 * U+2015 `―` becomes `—`. NFKC is deliberately not used: it turns ①② into 12 and 10² into 102.
 * `map[i]` is the index in the original of `norm[i]`; `map[norm.length]` is the original's length.
 */
export interface Normalized {
  norm: string;
  map: number[];
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const SPACES = new Set([0x3000, 0x00a0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x09]);

/** Per-character mapping; `extra` lets a caller fold more (e.g. traditional → simplified) one char to one char. */
export function normalizeText(s: string, extra?: (ch: string) => string): Normalized {
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (ZERO_WIDTH.has(c)) continue;
    let out: string;
    if (c >= 0xff01 && c <= 0xff5e) out = String.fromCharCode(c - 0xfee0);
    else if (SPACES.has(c)) out = ' ';
    else if (c === 0x2015 || c === 0x2500 || c === 0x2501 || c === 0x2e3a) out = '—';
    else if (c === 0x25cb || c === 0x039f) out = "〇"; // ○ and Greek Ο stand in for 〇 in scraped dates
    else if (c === 0xff61) out = '。';
    else out = s[i] as string;
    if (extra) out = extra(out);
    norm += out;
    map.push(i);
  }
  map.push(s.length);
  return { norm, map };
}

/** Normalization for comparison keys (ids, names): the same folding, spaces removed. */
export function foldKey(s: string): string {
  return normalizeText(s).norm.replace(/\s+/g, '');
}

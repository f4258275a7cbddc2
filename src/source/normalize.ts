/**
 * A normalized working copy of a string for matching, with a map back to the original. The fold is one table of
 * one UTF-16 unit to one (or to nothing): full-width ASCII (U+FF01–FF5E) becomes ASCII, ideographic and no-break
 * spaces become spaces, zero-width characters vanish, U+2015 `―` becomes `—`, and for a traditional-script
 * document (質量強國) each traditional character becomes its simplified form. NFKC is deliberately not used: it
 * turns ①② into 12 and 10² into 102.
 * `map[i]` is the index in the original of `norm[i]`; `map[norm.length]` is the original's length; a null map
 * means the two are the same.
 */
export interface Normalized {
  norm: string;
  /** null when nothing changed (the identity map, the common case, is not materialized). */
  map: Int32Array | null;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const SPACES = new Set([0x3000, 0x00a0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x09]);

/** Characters the fold changes or drops; text without them (most lines of a clean page) takes the fast path. */
const NEEDS_FOLD = /[\uff01-\uff5e\u3000\u00a0\u2002-\u200d\u202f\u205f\u2060\ufeff\u00ad\u2015\u2500\u2501\u2e3a\u25cb\u039f\uff61\t]/;

const FULLWIDTH = /[\uff01-\uff5e]/g;
const HAS_WIDE = /[\uff01-\uff5e\u3000]/;
/**
 * Full-width ASCII to half-width and the ideographic space to a space, one unit for one (indices hold): so `（一）`
 * and `(一)`, `ＧＤＰ` and `GDP` compare equal (compare), and a value kept as printed reads in full-width digits too
 * (a date `２０２３-０８-０９`, a 分工表's 序号 `２`, a glued item's `１．`).
 */
export function halfWidth(s: string): string {
  if (!HAS_WIDE.test(s)) return s;
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The fold as a table over the BMP: FOLD[c] is what c becomes; DROP marks characters that vanish. */
export type FoldTable = Uint16Array;
const DROP = 0xffff;
/** The fold of every document: width, spaces, dashes (no change of script). */
export const BASE_FOLD: FoldTable = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  for (const c of SPACES) t[c] = 0x20;
  for (const c of ZERO_WIDTH) t[c] = DROP;
  for (const c of [0x2015, 0x2500, 0x2501, 0x2e3a]) t[c] = 0x2014; // ― ─ → —
  for (const c of [0x25cb, 0x039f]) t[c] = 0x3007; // ○ and Greek Ο stand in for 〇 in scraped dates
  t[0xff61] = 0x3002;
  t[DROP] = DROP;
  return t;
})();

/**
 * The script fold of a document in traditional script: each character of its texts → its simplified form (one
 * unit to one; OpenCC's t→cn, src/source/script.ts), every other character unchanged. Only the document's own
 * characters are looked up.
 */
export function scriptTable(texts: string[], toSimplified: (ch: string) => string): FoldTable {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  const seen = new Uint8Array(65536);
  for (const text of texts) for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (seen[c]) continue;
    seen[c] = 1;
    const f = toSimplified(text[i] as string);
    if (f.length === 1) t[c] = f.charCodeAt(0);
  }
  return t;
}

/** The document's one fold: its script fold, then the base fold (width, spaces, dashes). */
export function withScript(script: FoldTable): FoldTable {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = BASE_FOLD[script[c] as number] as number;
  return t;
}

/** A string through a table that maps every unit to one unit (a script fold): same length, same positions. */
export function foldString(s: string, table: FoldTable): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(table[s.charCodeAt(i)] as number);
  return out;
}

let scratch = new Uint16Array(4096);

/** Per-character mapping into a typed array; a string needing no fold is returned as it is. */
export function normalizeText(s: string, fold: FoldTable = BASE_FOLD): Normalized {
  if (fold === BASE_FOLD ? !NEEDS_FOLD.test(s) : !changes(s, fold)) return { norm: s, map: null };
  // the folded units go to one scratch array reused by every call (each block of a document is folded)
  if (scratch.length < s.length) scratch = new Uint16Array(Math.max(s.length, scratch.length * 2));
  const out = scratch;
  const map = new Int32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = fold[s.charCodeAt(i)] as number;
    if (c === DROP) continue;
    out[n] = c;
    map[n++] = i;
  }
  map[n] = s.length;
  let norm = '';
  // fromCharCode.apply on chunks: one string build instead of a push per character
  for (let k = 0; k < n; k += 8192) norm += String.fromCharCode.apply(null, out.subarray(k, Math.min(n, k + 8192)) as unknown as number[]);
  return { norm, map: n === s.length ? map : map.subarray(0, n + 1) };
}

function changes(s: string, fold: FoldTable): boolean {
  for (let i = 0; i < s.length; i++) if (fold[s.charCodeAt(i)] !== s.charCodeAt(i)) return true;
  return false;
}

/**
 * Pinyin that converters leave after characters (`達(dá)到`, `質(zhì)量`) splits the words every rule reads. A
 * parenthesis right after a Han character holding one pinyin syllable with a tone mark is dropped from the
 * working copy (the map keeps pointing into the source, so quotes still show it).
 */
const PINYIN = /(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g;

const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

/** Some `(` is followed by lowercase letters and a tone mark: what PINYIN needs (a look at each `(` only). */
function mayHavePinyin(s: string): boolean {
  for (let i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) {
    let k = i + 1;
    for (let c = s.charCodeAt(k); (c >= 97 && c <= 122) || c === 0xfc; c = s.charCodeAt(++k));
    if (k < s.length && TONE.test(s[k] as string)) return true;
  }
  return false;
}

export function dropAnnotations(n: Normalized, source: string): Normalized {
  // most lines hold a `(` (every full-width one is folded to it); a whole-line tone scan per line was the cost
  if (!mayHavePinyin(n.norm)) return n;
  PINYIN.lastIndex = 0;
  if (!PINYIN.test(n.norm)) return n;
  PINYIN.lastIndex = 0;
  let norm = '';
  const map: number[] = [];
  const src = (i: number) => (n.map ? (n.map[i] as number) : i);
  let at = 0;
  for (const m of n.norm.matchAll(PINYIN)) {
    const start = m.index ?? 0;
    for (let i = at; i < start; i++) map.push(src(i));
    norm += n.norm.slice(at, start);
    at = start + m[0].length;
  }
  for (let i = at; i < n.norm.length; i++) map.push(src(i));
  norm += n.norm.slice(at);
  map.push(n.map ? (n.map[n.norm.length] as number) : source.length);
  return { norm, map: Int32Array.from(map) };
}

/**
 * ASCII double quotes in Chinese text (an English-punctuation scrape, pandoc's Markdown) as the curly pair every
 * rule knows: `新认证"天府名品"100个` reads as `新认证“天府名品”100个`. Paired in order within the string, and only
 * when they pair up and the string is Chinese; one unit to one, so positions are unchanged.
 */
export function curlQuotes(norm: string): string {
  const first = norm.indexOf('"');
  // a text with curly quotes of its own keeps its ASCII ones as they are
  if (first < 0 || !HAN.test(norm) || /[“”]/.test(norm)) return norm;
  let count = 0;
  for (let i = first; i < norm.length; i++) if (norm.charCodeAt(i) === 0x22) count++;
  if (count % 2 !== 0) return norm;
  let open = true;
  return norm.replace(/"/g, () => ((open = !open) ? '\u201d' : '\u201c'));
}
const HAN = /[\u4e00-\u9fff]/;

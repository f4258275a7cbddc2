/**
 * Traditional script (質量強國): detected from characters that exist only in traditional writing, then matched
 * through a simplified copy made character by character with OpenCC's t→cn table (opencc-js, loaded lazily),
 * so values keep the document's own characters while patterns see 质量强国.
 */
import { SIMPLIFIED_CHARS, TRADITIONAL_CHARS } from '../lexicon/script.js';

/** A lookup table over the BMP: 1 = traditional-only, 2 = simplified-only (a regex class here costs ~25 ns/char). */
const TABLE = (() => {
  const t = new Uint8Array(65536);
  for (const ch of TRADITIONAL_CHARS) t[ch.charCodeAt(0)] = 1;
  for (const ch of SIMPLIFIED_CHARS) t[ch.charCodeAt(0)] = 2;
  return t;
})();

/** How many of the genre's frequent characters (either script) the first 4 K characters hold: judges a decoding. */
export function genreChars(text: string): number {
  let n = 0;
  for (let i = 0, end = Math.min(text.length, 4096); i < end; i++) if (TABLE[text.charCodeAt(i)]) n++;
  return n;
}

export function detectScript(text: string): 'simplified' | 'traditional' {
  // a sample is enough: the first 2 K characters past ASCII (pandoc's plain text of a page laid out in tables pads
  // every line to its cell: 2 K units would hold a few hundred Chinese characters, mostly the site's menus)
  let trad = 0, simp = 0;
  for (let i = 0, seen = 0; i < text.length && seen < 2048; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    seen++;
    const k = TABLE[c];
    if (k === 1) trad++;
    else if (k === 2) simp++;
  }
  return trad > 10 && trad > simp * 2 ? 'traditional' : 'simplified';
}

/** A one-character-to-one-character traditional → simplified fold, cached per character. */
export async function traditionalFold(): Promise<(ch: string) => string> {
  const OpenCC = await import('opencc-js/t2cn' as string) as { Converter(o: { from: string; to: string }): (s: string) => string };
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const cache = new Map<string, string>();
  return (ch: string) => {
    let out = cache.get(ch);
    if (out === undefined) {
      const c = convert(ch);
      out = [...c].length === 1 ? c : ch;
      cache.set(ch, out);
    }
    return out;
  };
}

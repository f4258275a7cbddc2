/**
 * parse5 checks each new attribute of a start tag against all the ones before it, so one element with 50,000
 * attributes (a 539 KB page) took 9 s, and 1 MB of them half a minute. No page element needs more than a few
 * dozen: beyond {@link MAX_ATTRIBUTES}, the rest of the tag is blanked out before parsing. Blanking (spaces, line
 * ends kept) leaves every offset and line number as it was, and attributes carry no plan text.
 */

/** Attributes kept per start tag. */
export const MAX_ATTRIBUTES = 256;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The text with the attributes beyond `max` of each start tag blanked; `dropped` counts them. Linear time. */
export function capAttributes(src: string, max: number = MAX_ATTRIBUTES): { text: string; dropped: number } {
  const n = src.length;
  const blanks: Array<[number, number]> = [];
  let dropped = 0;
  let i = src.indexOf('<');
  while (i >= 0 && i < n) {
    if (src.startsWith('<!--', i)) {
      const e = src.indexOf('-->', i + 4);
      i = e < 0 ? -1 : src.indexOf('<', e + 3);
      continue;
    }
    let j = i + 1;
    if (!isAlpha(src.charCodeAt(j))) {
      i = src.indexOf('<', j);
      continue;
    }
    while (j < n && !isSpace(src.charCodeAt(j)) && src.charCodeAt(j) !== 47 && src.charCodeAt(j) !== 62) j++;
    let count = 0, cut = -1;
    for (;;) {
      while (j < n && (isSpace(src.charCodeAt(j)) || src.charCodeAt(j) === 47)) j++;
      if (j >= n || src.charCodeAt(j) === 62) break;
      const start = j;
      j++; // a name may start with '='
      for (let c = src.charCodeAt(j); j < n && !isSpace(c) && c !== 47 && c !== 62 && c !== 61; c = src.charCodeAt(++j));
      let k = j;
      while (k < n && isSpace(src.charCodeAt(k))) k++;
      if (src.charCodeAt(k) === 61) {
        k++;
        while (k < n && isSpace(src.charCodeAt(k))) k++;
        const q = src.charCodeAt(k);
        if (q === 34 || q === 39) {
          const e = src.indexOf(q === 34 ? '"' : "'", k + 1);
          k = e < 0 ? n : e + 1;
        } else {
          while (k < n && !isSpace(src.charCodeAt(k)) && src.charCodeAt(k) !== 62) k++;
        }
        j = k;
      }
      if (++count === max + 1) cut = start;
    }
    if (cut >= 0) {
      blanks.push([cut, j]);
      dropped += count - max;
    }
    i = j < n ? src.indexOf('<', j) : -1;
  }
  if (blanks.length === 0) return { text: src, dropped: 0 };
  let out = '', at = 0;
  for (const [s, e] of blanks) {
    out += src.slice(at, s) + src.slice(s, e).replace(/[^\n\r]/g, ' ');
    at = e;
  }
  return { text: out + src.slice(at), dropped };
}

/**
 * Character alignment between a parser's decoded text and the source it came from. Parsers (parse5, remark)
 * give a node's value with entities decoded, escapes removed and CRLF folded, plus the source range it came
 * from; blocks need the source offset of every character, so spans and line numbers point into the file.
 */

/** An entity reference as written: `&amp;`, `&#21306;`, `&#x533A;`, legacy `&nbsp` without `;`. */
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6};?|#\d{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

/** How far ahead a mismatch may skip source characters (markup such as `**`, `` ` ``, `\`) to resync. */
const RESYNC = 12;

export interface AlignOptions {
  /** Decodes one entity reference exactly as the parser did, or returns it unchanged when it is not one. */
  decodeEntity?: (ref: string) => string;
}

/**
 * Maps each UTF-16 unit of `value` to an offset in `src[from, to)`. Returns `value.length + 1` offsets, the last
 * one the end. Exact for literal characters, entities (with `decodeEntity`) and CRLF; after anything else the
 * parser rewrote it resyncs on the next character it finds a little ahead, so offsets never go backwards.
 */
export function alignText(value: string, src: string, from: number, to: number, opts: AlignOptions = {}): number[] {
  const out: number[] = [];
  const decodeEntity = opts.decodeEntity;
  const n = value.length;
  let i = from;
  let j = 0;
  // character codes, not one-character strings: a CJK character read as a string is an allocation
  while (j < n) {
    if (i >= to) { out.push(Math.min(i, to)); j++; continue; }
    const s = src.charCodeAt(i);
    const c = value.charCodeAt(j);
    if (s === c && s !== 38) { out.push(i); i++; j++; continue; }
    if (s === 38 && decodeEntity) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(src);
      if (m && i + m[0].length <= to) {
        const d = decodeEntity(m[0]);
        if (d !== m[0] && d.length > 0 && value.startsWith(d, j)) {
          for (let k = 0; k < d.length; k++) out.push(i);
          i += m[0].length;
          j += d.length;
          continue;
        }
      }
    }
    if (s === c) { out.push(i); i++; j++; continue; }
    // parse5 and remark fold CRLF and lone CR to LF
    if (s === 13 && c === 10) { if (src.charCodeAt(i + 1) === 10) i++; out.push(i); i++; j++; continue; }
    // something the parser removed (an escape, a code fence, indentation): skip ahead to the next match
    let k = 1;
    while (k <= RESYNC && i + k < to && src.charCodeAt(i + k) !== c) k++;
    if (k <= RESYNC && i + k < to) { i += k; continue; }
    // a character the parser made up (a decoded entity we cannot read): pin it here
    out.push(i);
    j++;
  }
  out.push(Math.min(Math.max(i, from), Math.max(to, from)));
  return out;
}

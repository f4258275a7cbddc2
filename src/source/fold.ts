/**
 * Metadata of a traditional-script plan (質量強國). Every other value comes back by position through its view
 * (src/source/view.ts), but the metadata readers still take strings from the text and match patterns on them
 * (`發〔2024〕7號`, `和平區人民政府`, `關於印發…的通知`), so they read a simplified copy of the views, and their four
 * strings (title, notice title, issuer, document number) are then found in that copy and taken from the same
 * place of the document. (Taking them by their own positions needs the metadata readers to return ranges.)
 */
import type { Block, Meta } from '../model.js';
import { foldString, type FoldTable } from './normalize.js';
import type { View } from './view.js';

/** The views with their blocks' text (and cells) through the script fold: offsets, lines, norm and map unchanged. */
export function readingViews(views: View[], script: FoldTable): View[] {
  const one = (b: Block): Block => {
    const f: Block = { ...b, text: foldString(b.text, script) };
    if (b.cells) f.cells = b.cells.map(one);
    return f;
  };
  return views.map((v) => ({ ...v, b: one(v.b) }));
}

/**
 * Puts the metadata strings read from `reading` back into the characters of `source` (the same views, unfolded):
 * each string is found in the copy, whole or, when assembled (a joint issuer expanded, a repaired document number),
 * piece by piece, each piece the longest run the copy holds; the document's characters at that place replace it.
 */
export function restoreMeta(meta: Meta, source: View[], reading: View[]): void {
  const texts = (vs: View[]) => vs.map(({ b }) => (b.cells ? b.cells.map((c) => c.text).join('\n') : b.text)).join('\n');
  const orig = texts(source);
  const simp = texts(reading);
  const put = (s: string | null): string | null => {
    if (s === null || s === '' || !/[\u2e80-\uffff]/.test(s)) return s;
    let out = '';
    for (let i = 0; i < s.length;) {
      let len = s.length - i, at = -1;
      for (; len > 0 && (at = simp.indexOf(s.slice(i, i + len))) < 0; len--);
      if (at < 0) { out += s[i]; i++; continue; }
      out += orig.slice(at, at + len);
      i += len;
    }
    return out;
  };
  // jurisdiction and parent are standard (simplified) names from the division table, not taken from the text
  meta.title = put(meta.title);
  meta.notice_title = put(meta.notice_title);
  meta.issuer = put(meta.issuer);
  meta.doc_number = put(meta.doc_number);
}

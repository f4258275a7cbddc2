/**
 * Metadata of a traditional-script plan (質量強國). Every other value comes back by position through its view
 * (src/source/view.ts), but the metadata readers still take strings from the text and match patterns on them
 * (`發〔2024〕7號`, `和平區人民政府`, `關於印發…的通知`), so they read a simplified copy of the views, and their four
 * strings (title, notice title, issuer, document number) are then found in that copy and taken from the same
 * place of the document.
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

/** Puts the metadata strings read from `reading` back into the characters of `source` (the same views, unfolded). */
export function restoreMeta(meta: Meta, source: View[], reading: View[]): void {
  const texts = (vs: View[]) => vs.map(({ b }) => (b.cells ? b.cells.map((c) => c.text).join('\n') : b.text)).join('\n');
  const orig = texts(source);
  const simp = texts(reading);
  // a string assembled from several places is put back character by character, by the document's most frequent spelling
  let back: Map<string, string> | undefined;
  const votes = () => {
    const count = new Map<string, Map<string, number>>();
    for (let i = 0; i < simp.length; i++) {
      const s = simp[i] as string, o = orig[i] as string;
      if (s.charCodeAt(0) < 0x2e80) continue;
      let m = count.get(s);
      if (!m) count.set(s, (m = new Map()));
      m.set(o, (m.get(o) ?? 0) + 1);
    }
    const out = new Map<string, string>();
    for (const [s, m] of count) {
      let best = s, n = 0;
      for (const [o, c] of m) if (c > n) { best = o; n = c; }
      out.set(s, best);
    }
    return out;
  };
  const put = (s: string | null): string | null => {
    if (s === null || s === '' || !/[\u2e80-\uffff]/.test(s)) return s;
    const at = simp.indexOf(s);
    if (at >= 0) return orig.slice(at, at + s.length);
    back ??= votes();
    let out = '';
    for (const c of s) out += back.get(c) ?? c;
    return out;
  };
  // jurisdiction and parent are standard (simplified) names from the division table, not taken from the text
  meta.title = put(meta.title);
  meta.notice_title = put(meta.notice_title);
  meta.issuer = put(meta.issuer);
  meta.doc_number = put(meta.doc_number);
}

/**
 * The normalized view of a block, and the way back. Every rule reads `view.norm` (width, spaces, dashes and script
 * folded by one table, pinyin annotations dropped, OCR'd digits read as digits); every value and position comes back through the view's map
 * to the block's own text (`orig`, `clean`) and through the block's offsets to the decoded source (`spanOf`).
 * Because the fold maps one unit to one, a value read from a traditional-script document is its own characters,
 * taken by position, never converted back.
 */
import type { Block, Position, Span } from '../model.js';
import { BASE_FOLD, dropAnnotations, foldString, normalizeText, type FoldTable } from './normalize.js';
import { blockOffset, type LineIndex } from './lines.js';
import { repairOcrDigits } from './ocr.js';

/** A block with its normalized working copy (`norm`, and `map` back into `b.text`). */
export interface View {
  b: Block;
  norm: string;
  /** norm index → index in `b.text`; null when the only change is trimming `lead` leading characters. */
  map: Int32Array | null;
  lead: number;
  /** Index of the block in the document's block list. */
  i: number;
  /** The document's fold, for views made later from the same document (table cells). */
  fold: DocumentFold;
  /** OCR'd digits were read as digits (`2O25`, `9 5 %`): the outline reports it once. */
  ocr?: boolean;
}

/** How a document is folded: the one table `norm` is made with, and its script part alone (null: simplified). */
export interface DocumentFold {
  table: FoldTable;
  script: FoldTable | null;
}

export const SIMPLIFIED: DocumentFold = { table: BASE_FOLD, script: null };

export function makeView(b: Block, i: number, fold: DocumentFold = SIMPLIFIED): View {
  const folded = dropAnnotations(normalizeText(b.text, fold.table), b.text);
  const repaired = repairOcrDigits(folded, b.text);
  const { norm, map } = repaired;
  // always set, so every view has one shape
  const ocr = repaired !== folded;
  const t = norm.trim();
  if (t.length === norm.length) return { b, norm, map, lead: 0, i, fold, ocr };
  const lead = norm.length - norm.trimStart().length;
  return { b, norm: t, map: map ? map.slice(lead, lead + t.length + 1) : null, lead: map ? 0 : lead, i, fold, ocr };
}

/**
 * A string of the document's own characters (a table cell, a value taken by `orig`) in the simplified script, for
 * matching a pattern on it (`無` as `无`); same length and positions, nothing else folded.
 */
export function reading(v: View, s: string): string {
  return v.fold.script ? foldString(s, v.fold.script) : s;
}

/** Index in the block's original text of character `i` of a view's normalized text. */
export function srcAt(v: View, i: number): number {
  return v.map ? (v.map[i] ?? v.b.text.length) : Math.min(v.lead + i, v.b.text.length);
}

/** The original characters of a view between two normalized indices: quotes keep every character as printed. */
export function orig(v: View, s = 0, e = v.norm.length): string {
  return v.b.text.slice(srcAt(v, s), srcAt(v, e));
}

/**
 * The original characters at each normalized position in [s, e): the printed characters, without what the working
 * copy dropped (zero-width characters, pinyin annotations), for values such as titles that a reader expects
 * without converter debris.
 */
export function clean(v: View, s = 0, e = v.norm.length): string {
  if (!v.map) return orig(v, s, e);
  let out = '';
  for (let i = s; i < e; i++) out += v.b.text[v.map[i] as number] ?? '';
  return out;
}

/** The position in the decoded source of character `i` of a view's normalized text. */
export function positionAt(lines: LineIndex, v: View, i: number): Position {
  return lines.position(blockOffset(v.b, srcAt(v, i)));
}

/** The span in the decoded source of a view's normalized range [s, e). */
export function spanOf(lines: LineIndex, v: View, s = 0, e = v.norm.length): Span {
  return { start: positionAt(lines, v, s), end: positionAt(lines, v, e) };
}

/** The decoded source's characters under a span (for a .txt line, what `orig` gives; for HTML, the markup too). */
export function quote(text: string, span: Span): string {
  return text.slice(span.start.offset, span.end.offset);
}

/**
 * A value read from a view's normalized text, with the script fold undone by position: each character comes back
 * as the document prints it where only the script fold touched it (質量 for 质量), while width, spaces and dashes
 * stay normalized (the value is still the normalized reading). For a simplified document it is `norm.slice(s, e)`.
 */
export function unfold(v: View, s: number, e: number): string {
  if (!v.map) return orig(v, s, e);
  let out = '';
  for (let i = s; i < e; i++) {
    const c = v.b.text.charCodeAt(v.map[i] as number);
    out += BASE_FOLD[c] === c ? String.fromCharCode(c) : v.norm[i];
  }
  return out;
}

/**
 * `unfold` of a string an extractor took from `v.norm` without keeping where (a unit name, an indicator): its
 * first place in `v.norm` at or after `from` (and ending by `to`), else anywhere in the view. A value assembled
 * from several places is put back piece by piece; a character the view does not hold stays as it is.
 */
export function unfoldFound(v: View, s: string, from = 0, to = v.norm.length): string {
  // a simplified document's values are their reading already
  if (s === '' || !v.fold.script) return s;
  const find = (t: string) => {
    const k = v.norm.indexOf(t, from);
    return k >= 0 && k + t.length <= to ? k : v.norm.indexOf(t);
  };
  // an assembled value (`累计建成` + `高标准农田`) is taken piece by piece, each the longest run the view holds
  let out = '';
  for (let i = 0; i < s.length;) {
    let len = s.length - i, k = -1;
    for (; len > 0 && (k = find(s.slice(i, i + len))) < 0; len--);
    if (k < 0) { out += s[i]; i++; continue; }
    out += unfold(v, k, k + len);
    i += len;
  }
  return out;
}

/**
 * Types shared by every stage. The plan types come from the zod schema (type-only import: no runtime cost);
 * the internal types (positions, blocks, the per-file context) are defined here.
 */
import type { z } from 'zod';
import type * as S from './schema/plan.js';

export type Plan = z.infer<typeof S.Plan>;
export type Source = z.infer<typeof S.Source>;
export type Meta = z.infer<typeof S.Meta>;
export type Section = z.infer<typeof S.Section>;
export type Task = z.infer<typeof S.Task>;
export type Column = z.infer<typeof S.Column>;
export type Target = z.infer<typeof S.Target>;
export type AppendixTable = z.infer<typeof S.AppendixTable>;
export type Diagnostic = z.infer<typeof S.Diagnostic>;
export type Severity = z.infer<typeof S.Severity>;
export type Comparator = z.infer<typeof S.Comparator>;
export type TaskKind = z.infer<typeof S.TaskKind>;
export type Level = z.infer<typeof S.Level>;
export type SourceFormat = z.infer<typeof S.SourceFormat>;

/** A point in the decoded source: line and column 1-based, offset 0-based, all in UTF-16 units. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range [start, end) of the decoded source (the unist convention). */
export interface Span {
  start: Position;
  end: Position;
}

/**
 * One unit of text after format adaptation: a line of a .txt, a `<p>` of HTML, a paragraph line of Markdown,
 * or a table row. Every format produces the same `Block[]`, so nothing after `adapt` knows the format.
 *
 * `text` is what a reader sees (entities decoded, tags gone). `offsets[i]` is the source offset of `text[i]`
 * (length text.length + 1, the last entry is the end); when a block is a contiguous slice of the source the
 * adapter may leave `offsets` undefined and `offset` + i is used.
 */
export interface Block {
  type: 'para' | 'heading' | 'row';
  text: string;
  /** 1-based line of the first character in the source file. */
  line: number;
  /** 0-based offset of the first character in the decoded source. */
  offset: number;
  /** Per-character source offsets when the block is not a contiguous slice of the source. */
  offsets?: number[];
  /** Table cells for `row` blocks (text kept as cells so tables stay tables). */
  cells?: Block[];
  /** Markdown heading depth or HTML h1–h6 level. */
  depth?: number;
  /** 1-based page of the first character, for paginated formats (PDF). */
  page?: number;
}

/** Options accepted by {@link extractPlan}. */
export interface ExtractOptions {
  /** The path to record in `source.path` (as given on the command line). */
  path?: string;
  /** Force a format instead of detecting it from the name and content. */
  from?: 'text' | 'html' | 'markdown' | 'pdf' | 'docx';
  /** Force an encoding label (any label TextDecoder accepts, e.g. gb18030, utf-16le). */
  encoding?: string;
}

/**
 * The HTML adapter's output: paragraphs become blocks through a line buffer that keeps each character's source
 * offset, and data tables become `row` blocks of cells (layout tables are read as ordinary text).
 */
import * as cheerio from 'cheerio';
import type { Block } from '../model.js';
import { rowFromCells, type LineIndex } from '../source/lines.js';
import { alignText, type AlignOptions } from './align.js';
import { BLOCK, DROP, counted, hasVisibleText, isBlankChar, isHidden, isWs, startOf, type DomNode } from './dom.js';

/**
 * Accumulates the current line (its text and the source offset of each character); one flush = one block.
 * Text is appended in runs, offsets into one array that becomes the block's `offsets` without a copy.
 */
export class LineBuffer {
  private text = '';
  private offs: number[] = [];
  /** The character code last appended (32 for a collapsed space), -1 when the line is empty. */
  private last = -1;
  private end = 0;
  lastOffset = 0;
  heading = 0;
  /** A list item's number to put before the next character (html-list.ts); it points at the `<li>` tag. */
  label: { text: string; at: number } | null = null;
  constructor(private readonly lines: LineIndex, private readonly blocks: Block[]) {}

  /**
   * A text node's characters `s[a, b)`: either the node's own text (`a` = 0) with its offsets `o` from
   * {@link alignText} (`b - a + 1` of them), or, for a plain node, the source itself (`o` null, each character at
   * its own index). Text is appended in runs.
   */
  add(s: string, a: number, b: number, o: number[] | null, pre: boolean): void {
    let i = a;
    while (i < b) {
      const c = s.charCodeAt(i);
      let j = i + 1;
      if (pre) {
        if (c === 10) { this.flush(); i++; continue; }
        while (j < b && s.charCodeAt(j) !== 10) j++;
      } else if (isWs(c)) {
        // collapse runs of ASCII whitespace to one space, as a browser renders them; NBSP and U+3000 stay
        if (this.last !== -1 && this.last !== 32) {
          this.text += ' ';
          this.offs.push(o === null ? i : (o[i] as number));
          this.last = 32;
          this.end = o === null ? i + 1 : (o[i + 1] as number);
        }
        i++;
        continue;
      } else {
        while (j < b && !isWs(s.charCodeAt(j))) j++;
      }
      if (this.label !== null) this.putLabel();
      this.text += i === 0 && j === s.length ? s : s.slice(i, j);
      const offs = this.offs;
      if (o === null) for (let k = i; k < j; k++) offs.push(k);
      else for (let k = i; k < j; k++) offs.push(o[k] as number);
      this.last = s.charCodeAt(j - 1);
      this.end = o === null ? j : (o[j] as number);
      i = j;
    }
    this.lastOffset = o === null ? b : (o[o.length - 1] ?? this.lastOffset);
  }

  private putLabel(): void {
    const { text, at } = this.label as { text: string; at: number };
    this.label = null;
    if (this.last !== -1) return;
    this.text += text;
    for (let k = 0; k < text.length; k++) this.offs.push(at);
  }

  flush(): void {
    const text = this.text;
    const offs = this.offs;
    let s = 0, e = text.length;
    while (s < e && text.charCodeAt(s) === 32) s++;
    while (e > s && text.charCodeAt(e - 1) === 32) e--;
    let blank = true;
    for (let i = s; i < e && blank; i++) if (!isBlankChar(text.charCodeAt(i))) blank = false;
    if (!blank) {
      const endAt = e < text.length ? (offs[e] as number) : this.end;
      let offsets: number[];
      if (s === 0) { offsets = offs; offsets.length = e; this.offs = []; } else offsets = offs.slice(s, e);
      offsets.push(endAt);
      this.blocks.push(makeBlock(s === 0 && e === text.length ? text : text.slice(s, e), offsets, this.lines, this.heading));
    }
    if (this.offs === offs) offs.length = 0;
    this.text = '';
    this.last = -1;
  }
}

function makeBlock(text: string, offsets: number[], lines: LineIndex, heading: number): Block {
  const offset = offsets[0] as number;
  const b: Block = { type: heading ? 'heading' : 'para', text, line: lines.position(offset).line, offset, offsets };
  if (heading) b.depth = heading;
  return b;
}

/**
 * A data table (metadata 索引号/发文字号, appendix indicators) is read as rows; a layout table (the whole page in
 * one cell, a 专栏 box drawn as a one-column table) is read as ordinary text.
 */
export function isDataTable(table: DomNode): boolean {
  let multi = false;
  for (const tr of rowsOf(table)) {
    let filled = 0;
    const cells = cellsOf(tr);
    for (const cell of cells) {
      if (counted(cell) && cell.cjk > 300) return false;
      if (hasVisibleText(cell)) filled++;
      for (const stack = [...(cell.children ?? [])]; stack.length > 0;) {
        const n = stack.pop() as DomNode;
        if (n.name === 'table') return false;
        if (n.type === 'tag') for (const c of n.children ?? []) stack.push(c);
      }
    }
    // two filled cells, or a header cell beside a value cell left empty (`<th>成文日期</th><td></td>`)
    if (filled >= 2 || (filled === 1 && cells.length >= 2 && cells.some((c) => c.name === 'th'))) multi = true;
  }
  return multi;
}

function rowsOf(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const c of table.children ?? []) {
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') for (const r of c.children ?? []) if (r.name === 'tr') rows.push(r);
  }
  return rows;
}

function cellsOf(tr: DomNode): DomNode[] {
  return (tr.children ?? []).filter((c) => c.name === 'td' || c.name === 'th');
}

/** One `row` block per `<tr>`, its cells as blocks; the row's text is its cells joined by ` | `. */
export function emitTable(table: DomNode, src: string, lines: LineIndex, blocks: Block[]): void {
  for (const c of table.children ?? []) {
    if (c.name !== 'caption') continue;
    const cap = cellBlock(c, src, lines);
    if (cap) blocks.push(cap);
  }
  for (const tr of rowsOf(table)) {
    const cells: Block[] = [];
    for (const td of cellsOf(tr)) {
      const at = startOf(td, 0);
      cells.push(cellBlock(td, src, lines) ?? { type: 'para', text: '', line: lines.position(at).line, offset: at, offsets: [at] });
    }
    if (!cells.some((c) => c.text !== '')) continue;
    blocks.push(rowFromCells(cells));
  }
}

/** A table cell's text as one block: inner paragraphs and `<br>` become single spaces. */
function cellBlock(cell: DomNode, src: string, lines: LineIndex): Block | null {
  let text = '';
  let last = -1;
  const offs: number[] = [];
  let end = startOf(cell, 0);
  const space = (at: number) => {
    if (last !== -1 && last !== 32) { text += ' '; offs.push(at); last = 32; }
  };
  for (const stack: DomNode[] = [...(cell.children ?? [])].reverse(); stack.length > 0;) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') {
      const data = n.data;
      const from = n.start >= 0 ? n.start : end;
      const to = n.start >= 0 ? n.end : end;
      const o = to - from === data.length && data.indexOf('&') < 0 && src.startsWith(data, from) ? null : alignText(data, src, from, to, ALIGN);
      for (let i = 0; i < data.length; i++) {
        const c = data.charCodeAt(i);
        const at = o === null ? from + i : (o[i] as number);
        if (isWs(c)) space(at);
        else { text += data[i] as string; offs.push(at); last = c; }
      }
      end = o === null ? from + data.length : (o[data.length] ?? end);
      continue;
    }
    if (n.type !== 'tag' || DROP.has(n.name) || isHidden(n)) continue;
    if (n.name === 'br' || BLOCK.has(n.name)) space(startOf(n, end));
    for (let k = (n.children ?? []).length - 1; k >= 0; k--) stack.push((n.children as DomNode[])[k] as DomNode);
  }
  let s = 0, e = text.length;
  while (s < e && text.charCodeAt(s) === 32) s++;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  if (s === e) return null;
  const offsets = offs.slice(s, e);
  offsets.push(e < text.length ? (offs[e] as number) : end);
  return makeBlock(text.slice(s, e), offsets, lines, 0);
}

/** Entity references decoded exactly as parse5 does (by asking it), shared by all pages: a pure function of the reference. */
const entityCache = new Map<string, string>();
function decodeEntityRef(ref: string): string {
  let d = entityCache.get(ref);
  if (d === undefined) {
    d = cheerio.load(ref, null, false).text();
    if (entityCache.size >= 4096) entityCache.clear();
    entityCache.set(ref, d);
  }
  return d;
}
export const ALIGN: AlignOptions = { decodeEntity: decodeEntityRef };

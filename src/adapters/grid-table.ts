/**
 * Grid tables (`+-----+-----+` borders, `| … | … |` rows) as pandoc's plain text and Markdown draw an HTML table.
 * A CMS page laid out with tables (the plan in a cell of a cell) comes out as nested grid tables whose cells wrap
 * the plan at 20–30 columns; such a layout table is opened: each cell's paragraphs become lines again, cell
 * after cell, and every character keeps its offset. A table of data (an appendix's 分工表: short cells, one
 * paragraph each) is left as it is, its rows read as pipe rows.
 */
import type { RawLine } from './unwrap.js';
import { DOC_NUMBER_LINE, META_LABEL_LINE, PARAGRAPH_START } from '../lexicon/structure.js';

/** A line of the expanded text: a slice of one source line, or a cell paragraph joined from several. */
export interface GridLine extends RawLine {
  /** Per-character source offsets (and one past the end) when the text is not one contiguous slice. */
  offsets?: number[];
  /** The display width a cell's text was wrapped to. */
  cell?: number;
}

const BORDER = /^\+(?:[-=:]+\+)+$/;
/** A list item pandoc starts on a line of its own inside a cell (`-   首页`, `1.  …`): never a wrapped line. */
const LIST_ITEM = /^(?:[-*+]|\d{1,3}[.)])\s/;
/** Layout tables hold whole paragraphs in a cell; a data table's cells hold one each. */
const LAYOUT_PARAGRAPHS = 3;

/**
 * pandoc's display width of a character: two for East Asian wide ones, one otherwise (curly quotes too, unlike a
 * terminal's ambiguous width, so “两个确保” fills the cell pandoc measured).
 */
function width(c: number): number {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
    || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
}

/** The string index of each display column that starts a character (-1 inside a wide one). */
function columnIndex(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    at.push(i);
    if (width(c) === 2) at.push(-1);
  }
  return at;
}

/** The lines with every layout grid table opened into its cells' paragraphs; null when there is none. */
export function expandGridTables(lines: RawLine[]): GridLine[] | null {
  if (!lines.some((l) => BORDER.test(l.text.trim()))) return null;
  let opened = false;
  const walk = (segs: GridLine[], inCell: boolean): GridLine[] => {
    const out: GridLine[] = [];
    let run: GridLine[] = [];
    const flushRun = () => { out.push(...(inCell ? joinParagraphs(run) : run)); run = []; };
    for (let i = 0; i < segs.length;) {
      const table = gridAt(segs, i);
      if (!table) { run.push(segs[i] as GridLine); i++; continue; }
      const cells = table.rows.flat();
      const layout = cells.some((c) => c.some((s) => BORDER.test(s.text.trim())) || paragraphs(c) >= LAYOUT_PARAGRAPHS);
      if (!layout) { run.push(...segs.slice(i, table.end)); i = table.end; continue; }
      flushRun();
      opened = true;
      for (const cell of cells) {
        const inner = walk(cell, true);
        if (inner.length === 0) continue;
        out.push(...inner);
        // a cell ends its paragraph
        out.push({ text: '', line: (inner[inner.length - 1] as GridLine).line, offset: (inner[inner.length - 1] as GridLine).offset });
      }
      i = table.end;
    }
    flushRun();
    return out;
  };
  const result = walk(lines, false);
  return opened ? result : null;
}

/** The grid table starting at `segs[i]`: its rows of cells (each a list of line slices) and the index after it. */
function gridAt(segs: GridLine[], i: number): { rows: GridLine[][][]; end: number } | null {
  const top = segs[i] as GridLine;
  if (top.offsets || !BORDER.test(top.text.trim())) return null;
  const topCols = columnIndex(top.text);
  const bounds: number[] = [];
  for (let col = 0; col < topCols.length; col++) if (top.text[topCols[col] as number] === '+') bounds.push(col);
  const first = bounds[0] as number, last = bounds[bounds.length - 1] as number;
  const edge = (idx: number[], text: string, col: number) => { const k = idx[col]; return k !== undefined && k >= 0 && (text[k] === '|' || text[k] === '+'); };
  const rows: GridLine[][][] = [];
  let row: GridLine[][] | null = null;
  let j = i + 1;
  for (; j < segs.length; j++) {
    const s = segs[j] as GridLine;
    if (s.offsets) break;
    const idx = columnIndex(s.text);
    if (!edge(idx, s.text, first) || !edge(idx, s.text, last)) break;
    if (BORDER.test(s.text.trim())) { if (row) rows.push(row); row = null; continue; }
    row ??= bounds.slice(1).map(() => []);
    // a cell spanning columns has no bar at the bounds it covers: its text goes to its first column
    let from = 0;
    for (let b = 1; b < bounds.length; b++) {
      if (b < bounds.length - 1 && !edge(idx, s.text, bounds[b] as number)) continue;
      const start = (idx[bounds[from] as number] as number) + 1, end = idx[bounds[b] as number] as number;
      const piece = s.text.slice(start, end);
      const lead = piece.length - piece.replace(/^ +/, '').length;
      const cell = (bounds[b] as number) - (bounds[from] as number) - 3;
      (row[from] as GridLine[]).push({ text: piece.slice(lead).replace(/ +$/, ''), line: s.line, offset: s.offset + start + lead, cell });
      from = b;
    }
  }
  // a table closes with a border line; anything else is not one
  if (row || j - i < 3 || !BORDER.test((segs[j - 1] as GridLine).text.trim())) return null;
  return { rows, end: j };
}

/** Paragraphs in a cell: runs of non-blank lines. */
function paragraphs(cell: GridLine[]): number {
  let n = 0;
  for (let k = 0; k < cell.length; k++) if ((cell[k] as GridLine).text !== '' && (k === 0 || (cell[k - 1] as GridLine).text === '')) n++;
  return n;
}

/** A cell's wrapped lines joined into paragraphs: pandoc parts paragraphs with a blank line, items start a line. */
function joinParagraphs(lines: GridLine[]): GridLine[] {
  const out: GridLine[] = [];
  let cur: GridLine | null = null;
  // the last line joined into `cur`, as printed
  let last: GridLine | null = null;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '' || l.offsets) { if (cur) out.push(cur); cur = null; out.push(l); continue; }
    // a document number or a byline under a title pandoc broke at the space before it (`…的通知` / `江府办函〔2018〕83号`)
    if (!cur || !last || LIST_ITEM.test(t) || PARAGRAPH_START.test(t) || DOC_NUMBER_LINE.test(t) || META_LABEL_LINE.test(t)) {
      if (cur) out.push(cur);
      cur = { ...l };
      last = l;
      continue;
    }
    const head: GridLine = cur;
    const offsets: number[] = head.offsets ? head.offsets.slice(0, -1) : Array.from({ length: head.text.length }, (_, k) => head.offset + k);
    const space = brokeAtSpace(head, last, l);
    if (space) offsets.push((offsets[offsets.length - 1] as number) + 1);
    for (let k = 0; k < l.text.length; k++) offsets.push(l.offset + k);
    offsets.push(l.offset + l.text.length);
    cur = { text: head.text + (space ? ' ' : '') + l.text, line: head.line, offset: head.offset, offsets };
    last = l;
  }
  if (cur) out.push(cur);
  return out;
}

const textWidth = (t: string) => { let w = 0; for (let i = 0; i < t.length; i++) w += width(t.charCodeAt(i)); return w; };

/**
 * Whether pandoc broke the line before `next` at a space (lost in the break) rather than inside a run: it breaks
 * Chinese anywhere, figures too (`到2` / `025年`), but spaced words only at a space (`序号 指标名称 单位 2022年` /
 * `2025年 指标属性`, a table copied as text). So only spaced text gets its space back, and only where the next
 * word did not fit. (A line left short says nothing: pandoc also breaks early after a comma.)
 */
function brokeAtSpace(para: GridLine, prev: GridLine, next: GridLine): boolean {
  const cell = next.cell;
  if (cell === undefined || !para.text.includes(' ') || !next.text.includes(' ')) return false;
  return textWidth(prev.text) + 1 + textWidth(next.text.split(' ')[0] as string) > cell;
}

/**
 * PDF layout → lines: positioned text items (what pdf.js gives) are grouped into the lines a reader sees, by y
 * then x. Items whose heights overlap form one band, so a table row whose cells wrap inside the cell
 * (`发布时间:2024-` / `08-30` beside `来源:…`) stays one row; a wide gap between items splits cells. Pure: no
 * pdf.js here, so the layout rules are tested on plain data.
 */
import { joinText, median, runSpacing, tidySpaces, WIDE } from './pdf-spaces.js';
import { TITLE_HEAD, TITLE_TAIL } from '../lexicon/structure.js';
import { POSTING_TAIL } from '../lexicon/meta.js';
import { fillHoles } from './pdf-holes.js';
import { atColumn, columnStarts, tableRuns } from './pdf-columns.js';
import { joinMarkCell } from './pdf-marks.js';

/** One text run as pdf.js reports it, in page units with y going up (baseline). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  /** Font size (the vertical scale of the text matrix). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
  /** The page's number (text turned a quarter is read as a page of its own after its page, with its number). */
  number?: number;
}

export interface LayoutCell {
  text: string;
  x0: number;
  x1: number;
}

/** A visual line of one page: one cell for running text, several for a table row. */
export interface LayoutLine {
  page: number;
  /** 1-based line number on its page, counted from the top. */
  pageLine: number;
  /** Baseline of the top text in the line. */
  y: number;
  x0: number;
  x1: number;
  size: number;
  cells: LayoutCell[];
}

/** A gap this many font sizes wide separates table cells (a space is ~0.3, CJK justification well under 1). */
const CELL_GAP = 1.5;
/** In a table row (three cells or more), a gap this many font sizes wide also parts cells (a space is ~0.3). */
const TABLE_GAP = 0.75;
/** In a table row whose cells wrap over several baselines, a gap this many font sizes wide parts cells. */
const WRAPPED_ROW_GAP = 0.5;
/**
 * Items overlapping vertically by this share of the smaller height are on the same band. A table cell of one line
 * beside a cell wrapped over two sits half a line lower (cells are centred vertically): at 1.4 line spacing the two
 * overlap by 0.3 of a height, so 0.3 cut a 分工表 row into fragments; lines of running text do not overlap at all.
 */
const BAND_OVERLAP = 0.15;

const isSpace = (s: string) => /^[\s\u00a0\u3000]*$/.test(s);

/** The lines of one page, top to bottom. */
export function pageLines(page: PdfPage, pageNo: number): LayoutLine[] {
  const items = page.items.filter((it) => it.str !== '' && it.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const bands: PdfItem[][] = [];
  let top = 0, bot = 0, bandSize = 0;
  for (const it of items) {
    const iTop = it.y + 0.8 * it.size, iBot = it.y - 0.2 * it.size;
    const cur = bands[bands.length - 1];
    if (cur && Math.min(iTop, top) - Math.max(iBot, bot) > BAND_OVERLAP * Math.min(it.size, bandSize)) {
      cur.push(it);
      top = Math.max(top, iTop);
      bot = Math.min(bot, iBot);
      bandSize = Math.max(bandSize, it.size);
    } else {
      bands.push([it]);
      top = iTop; bot = iBot; bandSize = it.size;
    }
  }
  const lines: LayoutLine[] = [];
  const lineBands: PdfItem[][] = [];
  for (const band of bands) {
    if (band.every((it) => isSpace(it.str))) continue;
    const cells = bandCells(band);
    if (cells.length === 0) continue;
    const text = band.filter((it) => !isSpace(it.str));
    lines.push({
      page: pageNo, pageLine: lines.length + 1, y: Math.max(...text.map((it) => it.y)),
      x0: cells[0]!.x0, x1: Math.max(...cells.map((c) => c.x1)), size: median(text.map((it) => it.size)), cells,
    });
    lineBands.push(band);
  }
  // cells closer than a cell gap (a browser's table padding) are parted where the other rows start their columns
  for (const [from, to] of tableRuns(lines)) {
    const cuts = columnStarts(lines.slice(from, to));
    if (cuts.length < 3) continue;
    for (let i = from; i < to; i++) {
      const l = lines[i] as LayoutLine;
      const cells = bandCells(lineBands[i] as PdfItem[], cuts);
      if (cells.length > l.cells.length) lines[i] = { ...l, x0: cells[0]!.x0, cells };
    }
  }
  return lines;
}

/** Cells of a band: split each baseline at wide gaps, then merge cells that share columns across baselines. */
function bandCells(band: PdfItem[], cuts: readonly number[] = []): LayoutCell[] {
  const rows: PdfItem[][] = [];
  for (const it of [...band].sort((a, b) => b.y - a.y)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - it.y) < 0.3 * it.size);
    if (row) row.push(it); else rows.push([it]);
  }
  const cells: Array<LayoutCell & { parts: string[] }> = [];
  for (let i = 0; i < rows.length; i++) rows[i] = fillHoles((rows[i] as PdfItem[]).sort((a, b) => a.x - b.x));
  // several baselines in one band are a table row whose cells wrap (running text never overlaps): its cells fill
  // their columns, so the padding between them (about half a font size in a tight table) parts them on every baseline
  const wrappedRow = rows.length > 1 && rows.reduce((n, r) => n + rowCells(r, CELL_GAP, cuts).length, 0) >= 3;
  for (const row of rows) {
    for (const c of tableCells(row, wrappedRow, cuts)) {
      // a wrapped cell: the same column on a lower baseline continues the cell above
      const col = rows.length > 1 ? cells.find((k) => c.x0 < k.x1 && k.x0 < c.x1) : undefined;
      if (col) {
        col.parts.push(c.text);
        col.x0 = Math.min(col.x0, c.x0);
        col.x1 = Math.max(col.x1, c.x1);
      } else cells.push({ ...c, parts: [c.text] });
    }
  }
  return joinMarkCell(cells
    .sort((a, b) => a.x0 - b.x0)
    .map((c) => ({ text: c.parts.reduce((acc, p) => joinText(acc, p)), x0: c.x0, x1: c.x1 })));
}

/**
 * The cells of one baseline. A row of three or more cells is a table row, whose narrow columns stand closer than
 * {@link CELL_GAP} (`单位`, `2022年`, `2027年` under one another's rules, a cell's padding apart): in such a row a
 * gap of {@link TABLE_GAP} also parts cells, unless it would leave two single characters side by side (a
 * letter-spaced word, `文 号`).
 */
function tableCells(row: PdfItem[], wrappedRow: boolean, cuts: readonly number[]): LayoutCell[] {
  const single = (c: LayoutCell | undefined) => c !== undefined && c.text.length === 1 && WIDE.test(c.text);
  const cells = spacedLabel(rowCells(row, CELL_GAP, cuts), single);
  if (cells.length < 3 && !wrappedRow) return cells;
  const fine = rowCells(row, wrappedRow ? WRAPPED_ROW_GAP : TABLE_GAP, cuts);
  return fine.some((c, i) => single(c) && single(fine[i + 1])) ? cells : fine;
}

/** A label's tail, after the characters spaced out before it: `号：`, `引号:`. */
const LABEL_TAIL = /^[\u4e00-\u9fff]{1,3}\s*[:：]/;

/**
 * A metadata label spaced out to the width of the longer labels above and below it (`文　　号：…`, `索　引　号：`)
 * leaves single characters a cell's gap apart: they and the cell that ends the label are one cell.
 */
function spacedLabel(cells: LayoutCell[], single: (c: LayoutCell | undefined) => boolean): LayoutCell[] {
  let k = 0;
  while (single(cells[k])) k++;
  const tail = cells[k];
  if (k === 0 || !tail || !LABEL_TAIL.test(tail.text)) return cells;
  const label: LayoutCell = { text: cells.slice(0, k + 1).map((c) => c.text).join(''), x0: (cells[0] as LayoutCell).x0, x1: tail.x1 };
  return [label, ...cells.slice(k + 1)];
}

/** Items of one baseline (sorted by x) → cells, spaces restored from space items and from gaps beside ASCII. */
function rowCells(row: PdfItem[], cellGap: number, cuts: readonly number[] = []): LayoutCell[] {
  const cells: LayoutCell[] = [];
  // the drawn width (in font sizes) of each space: a space item, a gap, or the letter spacing of its run
  const drawn: Map<number, number>[] = [];
  let cur: LayoutCell | undefined;
  let spaces = new Map<number, number>();
  let pendingSpace = false;
  let lastEnd = -Infinity;
  let spacing: number | null = null;
  for (const it of row) {
    if (isSpace(it.str)) { pendingSpace = true; continue; }
    const gap = it.x - lastEnd;
    // a full-width space typed in a justified, letter-spaced line: one character wide plus the spacing either side
    const typedSpace = pendingSpace && spacing !== null && Math.abs(gap / it.size - (1 + 2 * spacing)) <= 0.25;
    if (!cur || (gap > cellGap * it.size && !typedSpace) || (gap > 0.1 * it.size && atColumn(cuts, it.x))) {
      cur = { text: '', x0: it.x, x1: it.x + it.w };
      cells.push(cur);
      spaces = new Map();
      drawn.push(spaces);
    } else {
      const before = cur.text.slice(-1), after = it.str.trimStart().charAt(0);
      // a space the PDF drew as distance: only beside Latin text (CJK characters never take one)
      if (pendingSpace || (gap > 0.25 * it.size && !(WIDE.test(before) && WIDE.test(after)))) {
        spaces.set(cur.text.length, gap / it.size);
        cur.text += ' ';
      }
    }
    const str = cur.text === '' ? it.str.trimStart() : it.str;
    const w = runSpacing(str, it.w, it.size);
    spacing = w;
    if (w !== null) for (let k = str.indexOf(' '); k >= 0; k = str.indexOf(' ', k + 1)) spaces.set(cur.text.length + k, w);
    cur.text += str;
    cur.x1 = Math.max(cur.x1, it.x + it.w);
    lastEnd = it.x + it.w;
    pendingSpace = /\s$/.test(it.str);
  }
  cells.forEach((c, i) => { c.text = tidySpaces(c.text, drawn[i] as Map<number, number>); });
  return cells.filter((c) => c.text !== '');
}

/**
 * Whether `b` ends a title that `a` began: a title too long for one line breaks anywhere (`…关于开展质量` /
 * `提升行动…的实施意见`), and since it is centred neither line is full. Two short lines without sentence
 * punctuation, the first about something and unfinished, the second ending in a genre noun.
 */
export function titleWraps(a: string, b: string): boolean {
  const short = (s: string) => s.length <= 40 && !/[。；;，,：:！!？?]/.test(s);
  if (!short(a) || !short(b)) return false;
  // a period cut inside its brackets: `…实施方案（2023—2025` / `年）`
  if (unclosed(a) && /^[^()（）]{0,12}[)）]/.test(b) && TITLE_TAIL.test(a.replace(/[(（][^()（）]*$/, '')) ) return true;
  if (TITLE_TAIL.test(a) || !TITLE_TAIL.test(b)) return false;
  // a title without 关于 wraps too, leaving its genre noun (and period) alone on the next line: `…建设实施` / `方案`
  return TITLE_HEAD.test(a) || (a.length >= 8 && b.length <= 12 && !/^关于/.test(b));
}

/** Whether a bracket opens in `s` and is not closed. */
function unclosed(s: string): boolean {
  const open = s.lastIndexOf('（') > s.lastIndexOf('(') ? s.lastIndexOf('（') : s.lastIndexOf('(');
  return open >= 0 && !/[)）]/.test(s.slice(open));
}


/** A line's text as one string: cells joined by ` | ` (the text adapter's table-row form). */
export function lineText(l: LayoutLine): string {
  return l.cells.map((c) => c.text).join(' | ');
}

// ---- running headers, footers and page numbers ------------------------------------------------------------

/** Page numbers as printed: `— 3 —`, `-3-`, `3`, `第3页`, `第 3 页 共 14 页`, `3/14`, `Page 3 of 14`. */
const PAGE_NUMBER = /^(?:[-—–－―~\s]*\d{1,4}[-—–－―~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/** True for a line shaped like a page number (whether it is one depends on the page it is on). */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.replace(/[\u00a0\u3000]/g, ' ').trim());
}

/** The printed number of a page-number line (`— 3 —` → 3, `第 3 页 共 14 页` → 3). */
function printedNumber(text: string): number | null {
  if (!isPageNumber(text)) return null;
  const m = /(\d+)/.exec(text.replace(/共\s*\d+\s*页/, ''));
  return m ? Number(m[1]) : null;
}

/**
 * Marks the running headers and footers: a line in the top or bottom band of a page that recurs (digits aside)
 * on at least half of the pages, or a page number, that is a number that runs with the pages (a bare `1` at
 * the top of a page is a table cell unless the pages around it carry their numbers the same way).
 */
/** What a browser prints in a page's margins (the PDF's text may spell `file` with the ﬁ ligature): `11/28/26, 6:00 AM | title`, `file:///….html | 1/1`, `https://… 2/5`. */
const BROWSER_STAMP = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s|$)|^(?:file|\ufb01le|https?):\/\/\S+(?:.*\b\d{1,4}\s*\/\s*\d{1,4})?\s*$/;
/** A browser's print stamp at a page's edge (see BROWSER_STAMP); also read on pdftotext output by unwrap.ts. */
export function isBrowserStamp(t: string): boolean {
  const m = BROWSER_STAMP.exec(t);
  // a news page's byline starts with its posting time too (`2023-07-12 09:15:02 来源：某日报`): no stamp
  return m !== null && !POSTING_TAIL.test(t.slice(m[0].length));
}

export function findChrome(pages: LayoutLine[][], heights: number[]): Set<LayoutLine> {
  const chrome = new Set<LayoutLine>();
  const edges = pages.map((lines, i) => {
    const h = heights[i] ?? 792;
    const out: LayoutLine[] = [];
    for (const l of lines.slice(0, 2)) if (l.y > h * 0.85) out.push(l);
    // bottom lines from the edge inwards (the outermost of two alike is the footer)
    for (const l of lines.slice(-2).reverse()) if (l.y < h * 0.15 && !out.includes(l)) out.push(l);
    return out;
  });
  const key = (l: LayoutLine) => lineText(l).replace(/\d+/g, '#').replace(/\s+/g, '');
  // a running header that repeats a line of the text (the issuer or the title, printed again under it on the
  // first page) is only the line at the page's very edge: of two lines with one key, the inner one is text
  const outer = new Set<LayoutLine>();
  for (const e of edges) {
    const seen = new Set<string>();
    for (const l of e) if (!seen.has(key(l))) { seen.add(key(l)); outer.add(l); }
  }
  const counts = new Map<string, number>();
  for (const e of edges) for (const k of new Set(e.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  // page numbers: the printed number minus the page index is the same on most pages (covers may be unnumbered)
  const offsets = new Map<number, number>();
  // bare numbers (`4`) apart: a table flattened one cell a line ends many pages in its row numbers, and two of them
  // run with the pages by chance; bare page numbers run on a third of the pages at least
  const bareOffsets = new Map<number, number>();
  const numberOf = (l: LayoutLine) => printedNumber(lineText(l)) ?? printedNumber(l.cells[l.cells.length - 1]?.text ?? '');
  for (const e of edges) for (const l of e) {
    const n = numberOf(l);
    if (n === null) continue;
    const into = /^\d+$/.test(lineText(l).trim()) ? bareOffsets : offsets;
    into.set(n - l.page, (into.get(n - l.page) ?? 0) + 1);
  }
  const runs = new Set([...offsets].filter(([o, c]) => c + (bareOffsets.get(o) ?? 0) >= Math.min(2, pages.length)).map(([o]) => o));
  for (const [o, c] of bareOffsets) if (c >= Math.min(Math.max(2, Math.ceil(pages.length / 3)), pages.length)) runs.add(o);
  for (const e of edges) {
    for (const l of e) {
      const n = numberOf(l);
      if ((n !== null && runs.has(n - l.page) && (l.cells.length === 1 || pages.length >= 2)) || (pages.length >= 2 && outer.has(l) && (counts.get(key(l)) ?? 0) >= enough)) chrome.add(l);
      // a browser's print header or footer (date and time, the page's URL, `1/3`) is chrome even on a single page
      else if (isBrowserStamp(lineText(l))) chrome.add(l);
    }
  }
  // a running header that recurs too little to count (`质量强市建设实施方案` over page 2 of 2, the first page set apart):
  // a page's top line in the margin above its text, which starts where another page's first line stands
  pages.forEach((lines, i) => {
    const [l, next] = lines;
    if (!l || !next || chrome.has(l) || l.y <= (heights[i] ?? 792) * 0.85 || lineText(l).length > 40 || l.y - next.y < 2 * next.size) return;
    if (pages.some((other, j) => j !== i && other[0] !== undefined && Math.abs(other[0].y - next.y) < next.size * 0.5)) chrome.add(l);
  });
  return chrome;
}

/**
 * fromPdf: a PDF → blocks. pdf.js (loaded on first use) gives positioned text items; pdf-layout.ts turns them
 * into visual lines; this module drops running headers, footers and page numbers and rejoins paragraphs that
 * wrap over lines and over page breaks, so a task that crosses pages is one block.
 *
 * The blocks point into a text made of the PDF's lines, one per line, page after page (chrome included), so
 * every later stage works as for a .txt; {@link PdfAdapted.lines} maps each line of that text to its page and
 * its line on that page, which is what the plan reports.
 */
import type { Block } from '../model.js';
import { InputError, type Collector } from '../diagnostics.js';
import { findChrome, isPageNumber, lineText, pageLines, titleWraps, type LayoutLine, type PdfPage } from './pdf-layout.js';
import { joinText, median } from './pdf-spaces.js';
import { pipeRow } from './text.js';
import { DOC_NUMBER_LINE, META_LABEL_LINE, PARAGRAPH_START } from '../lexicon/structure.js';
import { isIssuersLine } from '../lexicon/meta.js';
import { readPdf } from './pdfjs.js';

/** Where a line of the adapted text is in the original document. */
export interface PagePlace {
  page: number;
  line: number;
}

export interface PdfAdapted {
  text: string;
  blocks: Block[];
  /** `lines[n - 1]` is the place of line n of `text`. */
  lines: PagePlace[];
  /** Running header, footer and page-number lines dropped; lines joined to the line before them. */
  dropped: number;
  joined: number;
}

/** A PDF file → lines of text and blocks. Throws {@link InputError} for encrypted, damaged or image-only PDFs. */
export async function fromPdf(bytes: Uint8Array, ctx: Collector): Promise<PdfAdapted> {
  const pages = await readPdf(bytes);
  // a page and the text turned a quarter on it (read after it) are one page
  const printed = new Map<number, boolean>();
  pages.forEach((p, i) => printed.set(p.number ?? i + 1, (printed.get(p.number ?? i + 1) ?? false) || p.items.some((it) => it.str.trim() !== '')));
  const empty = [...printed].filter(([, text]) => !text).map(([n]) => n);
  const count = printed.size;
  if (empty.length === count) {
    throw new InputError('pdf-no-text', `the PDF has no text layer (${count} page${count === 1 ? '' : 's'} of images, a scan?); qplan does not do OCR: run OCR first (e.g. \`ocrmypdf --language chi_sim in.pdf out.pdf\`) and read the result`);
  }
  const out = fromPdfPages(pages);
  ctx.report('pdf-layout', null, `${count} page${count === 1 ? '' : 's'}: ${out.dropped} running header, footer and page-number lines dropped, ${out.joined} wrapped lines rejoined`);
  if (empty.length > 0) ctx.report('pdf-page-no-text', null, `page${empty.length === 1 ? '' : 's'} ${empty.join(', ')} ha${empty.length === 1 ? 's' : 've'} no text layer (scanned?) and ${empty.length === 1 ? 'was' : 'were'} not read`);
  return out;
}

/** The layout part of {@link fromPdf}, on pages already read. */
export function fromPdfPages(pages: PdfPage[]): PdfAdapted {
  const perPage = pages.map((p, i) => pageLines(p, p.number ?? i + 1));
  const chrome = findChrome(perPage, pages.map((p) => p.height));
  const all = perPage.flat();

  // the adapted text: every line as a reader sees it, chrome included, so line n is a real line of a page
  let text = '';
  const starts = new Map<LayoutLine, number>();
  const lines: PagePlace[] = [];
  for (const l of all) {
    starts.set(l, text.length);
    text += `${lineText(l)}\n`;
    lines.push({ page: l.page, line: l.pageLine });
  }
  const lineNo = new Map(all.map((l, i) => [l, i + 1]));

  const body = all.filter((l) => !chrome.has(l));
  const stats = layoutStats(body);
  const inTable = tableLines(body);
  const blocks: Block[] = [];
  let para: LayoutLine[] = [];
  let joined = 0;
  const flush = () => {
    if (para.length > 0) blocks.push(paragraphBlock(para, starts, lineNo));
    para = [];
  };
  for (let i = 0; i < body.length; i++) {
    const l = body[i] as LayoutLine;
    const prev = para[para.length - 1];
    const lastOfPage = prev && body[i - 1] === prev && prev.page !== l.page;
    if (prev && continues(prev, l, stats, Boolean(lastOfPage), para[0] as LayoutLine)) { para.push(l); joined++; continue; }
    flush();
    if (l.cells.length > 1 || inTable.has(l)) {
      blocks.push(rowBlock(l, starts.get(l) as number, lineNo.get(l) as number));
      continue;
    }
    const pipe = pipeRow(lineText(l), lineNo.get(l) as number, starts.get(l) as number);
    if (pipe) { blocks.push({ ...pipe, page: l.page }); continue; }
    para = [l];
  }
  flush();
  return { text, blocks, lines, dropped: chrome.size, joined };
}

interface Stats {
  left: number;
  right: number;
  pitch: number;
}

function layoutStats(body: LayoutLine[]): Stats {
  const single = body.filter((l) => l.cells.length === 1 && !isPageNumber(lineText(l)));
  // the left margin is where most lines start (wrapped lines do; first lines may be indented)
  const starts = new Map<number, number>();
  for (const l of single) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  let left = 0, best = -1;
  for (const [x, n] of starts) if (n > best || (n === best && x < left)) { left = x; best = n; }
  // a short plan of one-line paragraphs starts most lines at the first-line indent: the margin is then the
  // leftmost start that recurs (wrapped lines, 建设。), else an indented 二是… would read as a wrapped line
  for (const [x, n] of starts) if (x < left - 2 && n >= Math.max(3, best * 0.2)) left = x;
  // the right margin is where full lines end: a page of short lines (a portal's link list, metadata) says
  // nothing of it, so only lines reaching past the middle of the text width count
  const widest = Math.max(0, ...single.map((l) => l.x1));
  const ends = single.map((l) => l.x1).filter((x) => x >= left + 0.5 * (widest - left)).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? 0;
  const pitches: number[] = [];
  for (let i = 1; i < single.length; i++) {
    const a = single[i - 1] as LayoutLine, b = single[i] as LayoutLine;
    if (a.page === b.page && Math.abs(a.size - b.size) < 0.5 && a.y > b.y) pitches.push(a.y - b.y);
  }
  return { left, right, pitch: median(pitches) };
}

/** A new item, never a wrapped line: 一、 (一) 1. ① —— 第一章 专栏 附件. */

/** Whether `next` continues the paragraph that `prev` ends (`first` is the paragraph's first line). */
function continues(prev: LayoutLine, next: LayoutLine, s: Stats, overPage: boolean, first: LayoutLine): boolean {
  if (prev.cells.length > 1 || next.cells.length > 1) return false;
  const nextText = lineText(next);
  if (PARAGRAPH_START.test(nextText) || META_LABEL_LINE.test(nextText) || DOC_NUMBER_LINE.test(nextText) || isPageNumber(nextText)) return false;
  if (Math.abs(prev.size - next.size) > 0.5) return false;
  const drop = prev.y - next.y;
  // a title's line pitch is the converter's: Word's exact 28–35 pt at 22 pt, LibreOffice's up to 2.7 sizes
  if (!overPage && prev.page === next.page && drop > 0 && drop <= 3 * next.size && titleWraps(lineText(prev), nextText)) return true;
  // a long signature set flush right or centred that wrapped its last characters (`某区人民政府办公室 某开发区管委会办公`
  // / `室`, `某市质量强市建设工作领导小组` / `办公室`)
  const aligned = Math.abs(prev.x1 - next.x1) < next.size || Math.abs(prev.x0 + prev.x1 - next.x0 - next.x1) < 2 * next.size;
  if (!overPage && nextText.length <= 4 && drop > 0 && drop <= 2.5 * next.size && aligned && signatureWraps(lineText(prev), nextText)) return true;
  // a line set right of the text's middle (a signature, its date, the end of a centred line) ends its paragraph
  if (prev.x0 > s.left + 0.4 * (s.right - s.left)) return false;
  if (!overPage) {
    if (prev.page !== next.page) return false;
    // paragraph spacing: more than a line's pitch between the baselines
    if (drop <= 0 || (s.pitch > 0 && drop > s.pitch * 1.3)) return false;
  }
  // an indented line starts a paragraph, unless the paragraph hangs: its first line starts further left (`1.` at
  // the margin) and its wrapped lines line up under the text after the number
  const hanging = first.x0 < next.x0 - 0.8 * next.size && (prev === first || Math.abs(prev.x0 - next.x0) < 0.3 * next.size);
  if (next.x0 > s.left + 0.8 * next.size && !hanging) return false;
  // the line before must be full: what is left at its end is too narrow for the first word of the next line
  const room = s.right - prev.x1;
  // the first unbreakable run of the next line: a Latin word or number, with the brackets that cling to it
  // (`〔2014〕98号` wraps whole); Latin is about half as wide as a CJK character
  const run = /^[〔(（[【《“‘]*[A-Za-z0-9.%+\-/:]+(?:[〕)）\]】》”’]+[A-Za-z0-9.%+\-/:]*)*/.exec(nextText)?.[0] ?? '';
  let width = 0;
  for (const ch of run) width += (ch.charCodeAt(0) < 0x2000 ? 0.55 : 1) * next.size;
  const need = Math.max(width, next.size) + next.size;
  return room <= need + 0.5 * next.size;
}

function paragraphBlock(para: LayoutLine[], starts: Map<LayoutLine, number>, lineNo: Map<LayoutLine, number>): Block {
  const first = para[0] as LayoutLine;
  const start = starts.get(first) as number;
  if (para.length === 1) return { type: 'para', text: lineText(first), line: lineNo.get(first) as number, offset: start, page: first.page };
  let text = '';
  const offsets: number[] = [];
  for (const l of para) {
    const t = lineText(l);
    const o = starts.get(l) as number;
    const joined = text === '' ? t : joinText(text, t);
    // a space put back between Latin words sits at the end of the line before
    if (joined.length > text.length + t.length) offsets.push(offsets.length ? (offsets[offsets.length - 1] as number) + 1 : o);
    for (let i = 0; i < t.length; i++) offsets.push(o + i);
    text = joined;
  }
  const last = para[para.length - 1] as LayoutLine;
  offsets.push((starts.get(last) as number) + lineText(last).length);
  return { type: 'para', text, line: lineNo.get(first) as number, offset: start, offsets, page: first.page };
}

function rowBlock(l: LayoutLine, start: number, line: number): Block {
  const cells: Block[] = [];
  let at = start;
  for (const c of l.cells) {
    cells.push({ type: 'para', text: c.text, line, offset: at, page: l.page });
    at += c.text.length + 3;
  }
  // a label whose value cell is empty: the empty cell is there in the table, though nothing is printed in it
  if (cells.length === 1) cells.push({ type: 'para', text: '', line, offset: at - 3, page: l.page });
  return { type: 'row', text: lineText(l), line, offset: start, cells, page: l.page };
}

/**
 * Lines of one cell that belong to a table around them: a label whose value cell is empty prints alone
 * (`有效性` between `发布机构 | 某区人民政府` and `成文日期 | 2023-12-01`). Such a line sits in the first
 * column of an adjacent row and ends before that row's second cell.
 */
function tableLines(body: LayoutLine[]): Set<LayoutLine> {
  const ref = new Map<LayoutLine, LayoutLine>();
  for (const l of body) if (l.cells.length > 1) ref.set(l, l);
  const pass = (order: LayoutLine[]) => {
    for (let i = 1; i < order.length; i++) {
      const l = order[i] as LayoutLine, n = order[i - 1] as LayoutLine;
      const r = ref.get(n);
      if (!r || ref.has(l) || l.page !== n.page || Math.abs(l.y - n.y) > 2.5 * l.size) continue;
      const [first, second] = r.cells as [LayoutLine['cells'][0], LayoutLine['cells'][0]];
      if (l.x1 < second.x0 && l.x0 > first.x0 - 3 * l.size) ref.set(l, r);
    }
  };
  pass(body);
  pass([...body].reverse());
  return new Set([...ref.keys()].filter((l) => l.cells.length === 1));
}

/**
 * Whether two lines are one issuer's signature cut before its last characters: the whole is an issuer and the
 * short tail alone is none (`…管委会办公` / `室`; `…工作领导小组` / `办公室`, where the first part reads as an issuer too).
 */
function signatureWraps(a: string, b: string): boolean {
  return isIssuersLine(a + b) && !isIssuersLine(b);
}

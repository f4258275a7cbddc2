/**
 * Hard-wrapped text (what `pdftotext` writes, or a plan saved at a fixed line length): most lines are about as
 * wide as each other and end mid-sentence. Such text is rejoined into paragraphs, with running headers,
 * footers, page numbers and form feeds dropped; each block keeps the offset of every character, so lines in
 * the plan still point at the original lines. Text with one paragraph per line is left alone.
 */
import type { Block } from '../model.js';
import { titleWraps } from './pdf-layout.js';
import { chromeLines, clean } from './text-chrome.js';
import { joinText, unspaced } from './pdf-spaces.js';
import { spacedTableLines } from './spaced-header.js';
import { alignRows, layoutRow } from './layout-row.js';
import { DATE_IN_TEXT } from '../lexicon/dates.js';
import { ADDRESSEE_LINE, BREADCRUMB_LINE, DOC_NUMBER_LINE, isIssuerLine, META_LABEL_LINE, NOTICE_TITLE_EITHER, PARAGRAPH_START } from '../lexicon/structure.js';

/** One line of the source, without its line end. */
export interface RawLine {
  text: string;
  line: number;
  offset: number;
}

export interface Unwrapped {
  blocks: Block[];
  /** The wrap width, in characters or display columns (see `measure`). */
  width: number;
  measure: 'characters' | 'columns';
  joined: number;
  dropped: number;
}

/**
 * Display width of each UTF-16 unit: two columns for East Asian wide characters, none for the second half of a
 * surrogate pair. One table lookup a unit (a regex a character cost 10×, a chain of range tests 2×).
 */
const WIDE: Array<[number, number]> = [[0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x2014, 0x2014],
  [0x2018, 0x2019], [0x201c, 0x201d]];
const WIDTH = (() => {
  const t = new Uint8Array(65536).fill(1);
  for (const [a, b] of WIDE) t.fill(2, a, b + 1);
  t.fill(0, 0xdc00, 0xe000);
  return t;
})();
const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
/** A unit of one column: neither wide nor the second half of a surrogate pair. */
const NARROW = new RegExp(`[^${WIDE.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}\\udc00-\\udfff]`, 'g');
/**
 * `columns` of a line without surrogate pairs: two a unit, less one for each narrow unit, which a native scan finds
 * (a plan's lines are nearly all wide characters; the hard-wrap test measures every line up to MAX_WRAP).
 */
const bmpColumns = (s: string) => {
  let narrow = 0;
  NARROW.lastIndex = 0;
  while (NARROW.test(s)) narrow++;
  return 2 * s.length - narrow;
};
const columns = (s: string, cap = Infinity) => {
  let w = 0;
  for (let i = 0; i < s.length && w <= cap; i++) w += WIDTH[s.charCodeAt(i)] as number;
  return w;
};
const chars = (s: string, cap = Infinity) => {
  let n = 0;
  for (let i = 0; i < s.length && n <= cap; i++) { const c = s.charCodeAt(i); if (c < 0xdc00 || c > 0xdfff) n++; }
  return n;
};
/** Characters of a text without surrogate pairs: its length (a whole document is checked once, natively). */
const LOW_SURROGATE = /[\udc00-\udfff]/;
/** Sentence ends: a line that ends so is a paragraph end as often as not. */
const CLOSED = /[。！？!?；;：:”’」』）)》…]$/;
/** `CLOSED.test(t)` on the last unit alone (an anchored class is otherwise tried at every position of the line). */
const closed = (t: string) => t !== '' && CLOSED.test(t[t.length - 1] as string);
/** The date under a signature: `2023年3月24日`, `二〇二三年三月二十四日`. */
const SIGNATURE_DATE = /^[\d〇○零一二三四五六七八九]{4}\s*年[\d一二三四五六七八九十\s]{1,4}月[\d一二三四五六七八九十\s]{1,5}日$/;
/** A date in brackets alone under a title (`（2023年10月9日）`, `(2023年10月9日印发)`): the title's date, no wrapped text. */
const DATED_LINE = new RegExp(`^[(（]\\s*(?:${DATE_IN_TEXT})[^()（）]{0,6}[)）]$`);
/** A news page's byline, from its posting date and time (`2023-08-03 16:20　来源：…`): a line of its own. */
const POSTED_LINE = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}/;
/** A line that ends inside a number: its digits, or a date's separator after them. */
const NUMBER_CUT = /\d[-/.:]?$/;
/** A breadcrumb line that ends on its separator: the path goes on in the next line. */
const BREADCRUMB_GOES_ON = /[>＞›»]$/;
/** A row of a pipe table: two cell separators at least. */
const PIPE_ROW = /\|[^|]*\|/;
/** A row of a table copied as text with its cells parted by tabs: two tabs between cells at least. */
const TAB_ROW = /\S\t+\S[^\t]*\t+\S/;
/** The fewest full lines that make a wrap width, in a text where no line is wider than it. */
const SHORT_WRAP_MIN = 3;
/** No converter wraps wider than this (display columns); longer lines are paragraphs. */
const MAX_WRAP = 240;

/**
 * The wrap width when the text is hard-wrapped, else null: at least half of the (non-blank) lines are within a
 * narrow band below the widest common width, and most of those end mid-sentence.
 */
function wrapWidth(lines: RawLine[]): { width: number; measure: 'characters' | 'columns'; tol: number } | null {
  // a pipe table's rows (`1 | 合格率 | % | 95`) and a tab-parted table's are no wrapped prose, however alike their widths
  const texts = lines.map((l) => clean(l.text)).filter((t) => t !== '' && !PIPE_ROW.test(t) && !TAB_ROW.test(t));
  if (texts.length < 8) return null;
  // one paragraph a line (scraped pages): most lines are far longer than any wrap width a converter uses
  const long = texts.reduce((n, t) => n + (t.length > 160 ? 1 : 0), 0);
  if (long * 3 > texts.length) return null;
  // a wrap width needs a fifth of the lines in its band (share), three in five of them open at their end: lines open
  // at the end (no sentence mark) are at least 0.12 of all then, and at least 4 (6 full lines × 0.6); a page of
  // paragraphs closed by 。 has fewer, and no width need be measured
  let openLines = 0;
  for (const t of texts) if (!closed(t)) openLines++;
  // (0.11: a margin below 0.12 for rounding; the share among text lines needs 10 full lines, 6 of them open)
  if ((openLines < SHORT_WRAP_MIN || openLines * 100 < texts.length * 11) && openLines < 6) return null;
  let best: { width: number; measure: 'characters' | 'columns'; tol: number; share: number } | null = null;
  const bmp = !texts.some((t) => LOW_SURROGATE.test(t));
  for (const [measure, f, tol] of [['characters', chars, 1], ['columns', columns, 0]] as const) {
    // any width past MAX_WRAP counts the same, so a line is measured only that far (paragraph lines are long)
    // without surrogates every unit is at least one column: a line longer than MAX_WRAP units is past it unmeasured
    const ws = bmp && f === chars ? texts.map((t) => t.length) : texts.map((t) => (!bmp ? f(t, MAX_WRAP) : t.length > MAX_WRAP ? t.length : bmpColumns(t)));
    // the wrap width is the most common width (with its tolerance band) among the longer lines; a prefix sum over
    // the histogram counts each band in O(1) (widths past MAX_WRAP are no wrap width and only fill the histogram)
    const cum = new Int32Array(MAX_WRAP + 2);
    for (const w of ws) if (w <= MAX_WRAP) cum[w + 1] = (cum[w + 1] as number) + 1;
    for (let i = 1; i < cum.length; i++) cum[i] = (cum[i] as number) + (cum[i - 1] as number);
    const inBand = (lo: number, hi: number) => (cum[hi + 1] as number) - (cum[Math.max(0, lo)] as number);
    let width = 0, top = 0;
    for (let w = 16; w <= MAX_WRAP; w++) {
      if (inBand(w, w) === 0) continue;
      const n = inBand(w - Math.max(tol, Math.round(w * 0.08)), w);
      if (n > top || (n === top && w > width)) { width = w; top = n; }
    }
    const band = Math.max(tol, Math.round(width * 0.08));
    const full = texts.filter((_, i) => (ws[i] as number) >= width - band && (ws[i] as number) <= width);
    const share = full.length / texts.length;
    // or a larger share among the lines that could be text: a table pdftotext flattened one cell a line (`%`,
    // `93.5`, `预期性`) adds many short lines to a wrapped page, and says nothing of its wrapping
    const textShare = full.length / Math.max(1, ws.reduce((n, w) => n + (w > width / 3 ? 1 : 0), 0));
    const open = full.filter((x) => !closed(x)).length / Math.max(1, full.length);
    // a wrapped line goes on in the next; short headings and items that happen to share a width (`（一）推进…提升`
    // over `1.推进…`) are followed by the next item: two in three open lines in the band must be followed by no item mark
    let openFull = 0, goesOn = 0;
    for (let i = 0; i < texts.length - 1; i++) {
      const w = ws[i] as number;
      if (w < width - band || w > width || closed(texts[i] as string)) continue;
      openFull++;
      if (!PARAGRAPH_START.test(texts[i + 1] as string)) goesOn++;
    }
    if (goesOn * 3 < openFull * 2) continue;
    // a short text (an excerpt of 15 lines wrapped at 35) has few full lines: three do where no line is wider, as no
    // text with a paragraph a line can be (its paragraphs run past any width most of its lines share)
    const few = full.length >= SHORT_WRAP_MIN && share >= 0.2 && !ws.some((w) => w > width);
    if ((full.length >= 6 || few) && (share >= 0.2 || (textShare >= 0.3 && full.length >= 10)) && open >= 0.6 && (!best || share > best.share)) best = { width, measure, tol: band, share };
  }
  return best ? { width: best.width, measure: best.measure, tol: best.tol } : null;
}

/**
 * The wrap of lines given as texts (a page that prints a PDF's lines one to a paragraph): a test of whether a line
 * fills the wrap width and ends mid-sentence, or null when the lines are not hard-wrapped.
 */
export function wrapOfTexts(texts: string[]): ((t: string) => boolean) | null {
  const wrap = wrapWidth(texts.map((text, i) => ({ text, line: i + 1, offset: 0 })));
  if (!wrap) return null;
  const measure = wrap.measure === 'characters' ? chars : columns;
  return (t) => !closed(t) && measure(t) >= wrap.width * 0.8 && measure(t) <= wrap.width;
}

/** Rejoins hard-wrapped text; null when the text is not hard-wrapped. `isRow` keeps table rows whole. */
export function unwrap(lines: RawLine[], isRow: (l: RawLine) => Block | null): Unwrapped | null {
  const wrap = wrapWidth(lines);
  if (!wrap) return null;
  const measure = wrap.measure === 'characters' ? chars : columns;
  const chrome = chromeLines(lines);
  const blocks: Block[] = [];
  let cur: { text: string; offsets: number[]; line: number; lastWidth: number; lastText: string } | null = null;
  // a blank line parts paragraphs, but not the blank lines around a page's header and footer
  let joined = 0, blank = false, nearChrome = false;
  const flush = () => {
    if (!cur) return;
    const end = (cur.offsets[cur.offsets.length - 1] as number) + 1;
    blocks.push({ type: 'para', text: cur.text, line: cur.line, offset: cur.offsets[0] as number, offsets: [...cur.offsets, end] });
    cur = null;
  };
  // a signature (an issuing body over its date) starts a paragraph even after a full line
  const signature = new Set<RawLine>();
  for (let i = 0, next = -1; i < lines.length; i++) {
    const t = clean((lines[i] as RawLine).text);
    if (!isIssuerLine(t)) continue;
    next = i + 1;
    while (next < lines.length && clean((lines[next] as RawLine).text) === '') next++;
    if (next < lines.length && SIGNATURE_DATE.test(clean((lines[next] as RawLine).text))) signature.add(lines[i] as RawLine);
  }
  const spacing = blankSpacing(lines, chrome, (t) => {
    const w = measure(t);
    return w >= wrap.width - wrap.tol && w <= wrap.width && !closed(t);
  });
  // a table typed with spaces (`序号 指标名称 单位 2025年` and its rows) is a line a row, however full its lines
  const tableLines = spacedTableLines(lines.map((l) => (chrome.has(l) ? '' : clean(l.text))));
  const tails = new Set<number>();
  for (const [index, l] of lines.entries()) {
    if (chrome.has(l) || tails.has(index)) { blank = false; nearChrome = chrome.has(l); continue; }
    const lead = l.text.length - l.text.replace(/^[\f\s\u00a0\u3000]+/, '').length;
    const raw = l.text.slice(lead).replace(/[\s\u00a0\u3000]+$/, '');
    if (raw === '') {
      // in double-spaced text one blank line is the line pitch: only two part paragraphs
      const run = spacing.doubled && clean(lines[index - 1]?.text ?? 'x') !== '' && clean(lines[index + 1]?.text ?? '') !== '';
      if (!nearChrome && !l.text.includes('\f') && !run) blank = true;
      continue;
    }
    nearChrome = false;
    const row = isRow({ text: raw, line: l.line, offset: l.offset + lead }) ?? layoutRow(raw, l.line, l.offset + lead);
    if (row) { flush(); blocks.push(row); blank = false; continue; }
    const span = tableLines.get(index);
    if (span !== undefined) {
      flush();
      blocks.push(span === 1 ? { type: 'para', text: raw, line: l.line, offset: l.offset + lead } : tableRowOf(raw, l.offset + lead, lines, index, l.line, tails));
      blank = false;
      continue;
    }
    // a letter-spaced line (`组 织 和 个 人 30 个`) loses its spaces; each character keeps its offset
    const u = unspaced(raw, l.offset + lead);
    const t = u ? u.text : raw;
    const offsets = u ? u.offsets.slice(0, -1) : Array.from({ length: raw.length }, (_, i) => l.offset + lead + i);
    const c = cur as typeof cur | null;
    // the line before was full: in the band below the wrap width, or a little shorter and open at its end
    // (proportional fonts: `拥有量2` + `件。` moved down together)
    const isFull = (w: number, text: string) => w >= wrap.width - wrap.tol || (w >= wrap.width * 0.8 && !CLOSED.test(text));
    // and this line is not a table cell flattened to a line: a short line of figures and signs (`⁄`, `85`)
    // after a full one is a value cell, while a paragraph's tail has words (`区招商投资局等`) or a sentence end
    // — unless the line before ends inside a number the wrap cut (`发布时间：2023-1` / `2-01 10:30:00`)
    const cellLike = !isFull(measure(raw), t) && !CLOSED.test(t) && !/[\u3400-\u9fff]/.test(t) && !(c !== null && NUMBER_CUT.test(c.lastText) && /^\d/.test(t));
    // a title broken over two lines joins whether or not its first line is full
    const wrapsTitle = c !== null && c.text === c.lastText && !blank && titleWraps(c.lastText, t);
    // a document number alone on its line is the notice's, under a title that may fill the line above; a date alone
    // is a signature's (`…认真抓好落实。` / `2023年10月18日`); a breadcrumb is chrome as wide as a line, and goes on in
    // nothing (`某市人民政府门户网站 > 信息公开 > 政策文件` / `某市人民政府关于印发…的通知`), nor do the addressees, nor
    // a notice's title once it reached its `…的通知` (a breadcrumb cut after its separator goes on, `… > 重点领域信息公开 >` / `市场监管`)
    // there, a line indented past the body's margin (`pdftotext -layout` keeps the first-line indent) starts a paragraph
    const indented = spacing.doubled && lead > spacing.margin + 1;
    if (c && (isFull(c.lastWidth, c.lastText) || wrapsTitle) && !blank && !indented && !PARAGRAPH_START.test(t) && !META_LABEL_LINE.test(t) && !signature.has(l) && !cellLike && !DOC_NUMBER_LINE.test(t)
      && !SIGNATURE_DATE.test(t) && !DATED_LINE.test(t) && !POSTED_LINE.test(t) && !(BREADCRUMB_LINE.test(c.lastText) && !BREADCRUMB_GOES_ON.test(c.lastText)) && !BREADCRUMB_LINE.test(t) && !ADDRESSEE_LINE.test(c.lastText) && !NOTICE_TITLE_EITHER.test(c.text)) {
      const before = c.text.length;
      c.text = joinText(c.text, t);
      if (c.text.length > before + t.length) c.offsets.push((c.offsets[c.offsets.length - 1] as number) + 1);
      c.offsets.push(...offsets);
      c.lastWidth = measure(raw);
      c.lastText = t;
      joined++;
    } else {
      flush();
      cur = { text: t, offsets, line: l.line, lastWidth: measure(raw), lastText: t };
    }
    blank = false;
  }
  flush();
  alignRows(blocks);
  return { blocks, width: wrap.width, measure: wrap.measure, joined, dropped: chrome.size };
}

/**
 * Whether blank lines are the line pitch rather than paragraph breaks: `pdftotext -layout` of a page set at double
 * line height (a portal's `line-height: 2`, printed from the browser) puts a blank line after many lines of one
 * paragraph. Then a third of the full lines open at their end (`…;责任单` / `位:区科技局…`) stand over a blank line
 * and a line that starts no item. `margin` is the commonest indent of the text's lines (the wrapped lines').
 */
function blankSpacing(lines: RawLine[], chrome: Set<RawLine>, fullOpen: (t: string) => boolean): { doubled: boolean; margin: number } {
  let open = 0, overBlank = 0;
  const leads = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as RawLine;
    const t = clean(l.text);
    if (t === '' || chrome.has(l)) continue;
    const lead = l.text.length - l.text.replace(/^[\f\s\u00a0\u3000]+/, '').length;
    leads.set(lead, (leads.get(lead) ?? 0) + 1);
    if (!fullOpen(t)) continue;
    open++;
    const after = lines[i + 1], next = lines[i + 2];
    if (!after || clean(after.text) !== '' || after.text.includes('\f') || !next || chrome.has(next)) continue;
    // the line under the blank goes on at the wrapped lines' indent (not further in), and is no item or label
      const t2 = clean(next.text);
    const lead2 = next.text.length - next.text.replace(/^[\f\s\u00a0\u3000]+/, '').length;
    if (t2 !== '' && lead2 <= lead && !PARAGRAPH_START.test(t2) && !META_LABEL_LINE.test(t2)) overBlank++;
  }
  const margin = [...leads].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  return { doubled: overBlank >= 8 && overBlank * 3 >= open, margin };
}

/**
 * A space-parted table row the wrap cut, with its tail: the next line that is not blank is joined to it (the
 * caller skips that line, through `tails`).
 */
function tableRowOf(raw: string, offset: number, lines: RawLine[], index: number, line: number, tails: Set<number>): Block {
  let k = index + 1;
  while (k < lines.length && clean((lines[k] as RawLine).text) === '') k++;
  const next = lines[k] as RawLine;
  const lead = next.text.length - next.text.replace(/^[\f\s\u00a0\u3000]+/, '').length;
  const tail = next.text.slice(lead).replace(/[\s\u00a0\u3000]+$/, '');
  tails.add(k);
  const text = joinText(raw, tail);
  const offsets = Array.from({ length: raw.length }, (_, i) => offset + i);
  if (text.length > raw.length + tail.length) offsets.push(offset + raw.length);
  for (let i = 0; i <= tail.length; i++) offsets.push(next.offset + lead + i);
  return { type: 'para', text, line, offset, offsets };
}

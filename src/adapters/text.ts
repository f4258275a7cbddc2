/**
 * fromText: a plain-text plan → blocks, one per non-blank line (scraped plans keep one paragraph per line).
 * Lines with pipe-separated cells (`索引号 | … | 分类 | …`) become `row` blocks so metadata tables stay tables.
 * Hard-wrapped text (pdftotext output) is rejoined into paragraphs first (unwrap.ts).
 */
import type { Block } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { unwrap, type RawLine } from './unwrap.js';
import { PARAGRAPH_START } from '../lexicon/structure.js';
import { expandGridTables, type GridLine } from './grid-table.js';
import { unspaced } from './pdf-spaces.js';

const LINE = /[^\r\n]*(?:\r\n|\n|\r|$)/g;

export function fromText(text: string, ctx?: Collector): Block[] {
  let lines: RawLine[] = [];
  let lineNo = 0;
  if (text.indexOf('\r') < 0) {
    // LF only (the common case): native indexOf, one slice a line, no match objects
    for (let at = 0; at < text.length;) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      lines.push({ text: text.slice(at, end), line: ++lineNo, offset: at });
      at = end + 1;
    }
  } else {
    LINE.lastIndex = 0;
    for (let m = LINE.exec(text); m && m[0] !== ''; m = LINE.exec(text)) {
      lineNo++;
      let end = m[0].length;
      while (end > 0 && (m[0].charCodeAt(end - 1) === 10 || m[0].charCodeAt(end - 1) === 13)) end--;
      lines.push({ text: end === m[0].length ? m[0] : m[0].slice(0, end), line: lineNo, offset: m.index });
    }
  }
  // a page laid out in tables, as pandoc draws it in grid tables: the cells' paragraphs read as lines (pandoc
  // wraps no Chinese outside a table, so there is nothing else to rejoin)
  const grid = expandGridTables(lines);
  if (grid) return lineBlocks(grid);
  // a page of list items through pandoc: its bullets cut off
  const items = pandocBullets(lines);
  if (items) lines = items.lines;
  // hard-wrapped text (pdftotext output): paragraphs rejoined, page chrome dropped
  const u = unwrap(lines, (l) => pipeRow(l.text, l.line, l.offset));
  // a wrap width found but nothing to rejoin or drop (a contents list of equal-width leader lines) is no wrap
  if (u && u.joined + u.dropped > 0) {
    ctx?.report('text-unwrapped', null, `the text is hard-wrapped at ${u.width} ${u.measure} a line (converted from PDF?): ${u.joined} wrapped lines rejoined into paragraphs, ${u.dropped} page-number, header and footer lines dropped`);
    return u.blocks;
  }
  return lineBlocks(lines, items?.wraps);
}

/**
 * pandoc's plain-text bullet (`-   ` and the item's text) and the four-space indent of an item's wrapped line:
 * a page whose lines were list items (`<li>`) reads as its lines. The bullets are cut off; the wrapped lines are
 * returned apart, to be joined to their item.
 */
const PANDOC_BULLET = /^-   (?=\S)/;
const PANDOC_ITEM_WRAP = /^    (?=\S)/;
function pandocBullets(lines: RawLine[]): { lines: RawLine[]; wraps: Set<RawLine> } | null {
  if (!lines.some((l) => PANDOC_BULLET.test(l.text))) return null;
  const wraps = new Set<RawLine>();
  let inItem = false;
  const out = lines.map((l) => {
    if (PANDOC_BULLET.test(l.text)) { inItem = true; return { text: l.text.slice(4), line: l.line, offset: l.offset + 4 }; }
    if (inItem && PANDOC_ITEM_WRAP.test(l.text)) wraps.add(l);
    else inItem = false;
    return l;
  });
  return { lines: out, wraps };
}

/** One block a non-blank line; a line that closes the bracket the line before left open continues it. */
function lineBlocks(lines: GridLine[], wraps?: Set<RawLine>): Block[] {
  const blocks: Block[] = [];
  for (const l of lines) {
    const { text: raw, line, offset, offsets } = l;
    if (raw.trim() === '' || /^[\s\u00a0\u3000\u200b\ufeff]*$/.test(raw)) continue;
    if (offsets) { blocks.push({ type: 'para', text: raw, line, offset, offsets }); continue; }
    const prev = blocks[blocks.length - 1];
    // pandoc wraps an item only at a space, which the break took: it comes back, read from the indent
    if (wraps?.has(l) && prev?.type === 'para') { joinLine(prev, raw, offset, true); continue; }
    const row = pipeRow(raw, line, offset);
    if (!row && prev?.type === 'para' && closesOpenBracket(prev.text, raw)) { joinLine(prev, raw, offset); continue; }
    // a letter-spaced line (a title or letterhead typeset spread out: `关 于 印 发 … 的 通 知`) loses its spaces
    const u = row ? null : unspaced(raw, offset);
    blocks.push(row ?? (u ? { type: 'para', text: u.text, line, offset, offsets: u.offsets } : { type: 'para', text: raw, line, offset }));
  }
  return blocks;
}

/** `\s` of a code unit (what `/^\s+/` strips). */
const isWhite = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;

/**
 * A line that ends inside a bracket the next line closes (`…20个。（区市场监管局、区` + `经济发展局按职责分工负责）`)
 * was wrapped: a short pdftotext conversion has too few full lines for the wrap width to show. The next line must
 * not start an item and must close the bracket before it opens one.
 */
function closesOpenBracket(line: string, next: string): boolean {
  // the next line first: most lines close no bracket before they open one, and then the line before is not read
  // (code units: brackets are never half of a surrogate pair)
  let i = 0;
  while (i < next.length && isWhite(next.charCodeAt(i))) i++;
  if (i === next.length) return false;
  let closes = false;
  for (let k = i; k < next.length; k++) {
    const c = next.charCodeAt(k);
    if (c === 0xff08 || c === 0x28) break;
    if (c === 0xff09 || c === 0x29) { closes = true; break; }
  }
  if (!closes) return false;
  let open = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 0xff08 || c === 0x28) open++;
    else if ((c === 0xff09 || c === 0x29) && open > 0) open--;
  }
  return open > 0 && !PARAGRAPH_START.test(i === 0 ? next : next.slice(i));
}

/**
 * Appends a wrapped line to its paragraph block; each character keeps its offset in the file. `space`: the line
 * was broken at a space, given back as the space before the line's first character.
 */
function joinLine(block: Block, raw: string, offset: number, space = false): void {
  const head = block.text.replace(/[\s\u00a0\u3000]+$/, '') + (space ? ' ' : '');
  const lead = raw.length - raw.replace(/^[\s\u00a0\u3000]+/, '').length;
  const tail = raw.slice(lead).replace(/[\s\u00a0\u3000]+$/, '');
  const at = block.offsets ?? Array.from({ length: block.text.length + 1 }, (_, i) => block.offset + i);
  const offsets = [...at.slice(0, head.length - (space ? 1 : 0))];
  if (space) offsets.push(offset + lead - 1);
  for (let i = 0; i < tail.length; i++) offsets.push(offset + lead + i);
  offsets.push(offset + lead + tail.length);
  block.text = head + tail;
  block.offsets = offsets;
}

/** A line with pipe-separated cells as a `row` block, or null when it is not one. */
export function pipeRow(raw: string, line: number, offset: number): Block | null {
  if (raw.indexOf('|') < 0 || !/\s\|\s|\|\s*\|/.test(raw) || raw.split('|').length < 3) return null;
  return { type: 'row', text: raw, line, offset, cells: splitCells(raw, line, offset) };
}

function splitCells(raw: string, line: number, offset: number): Block[] {
  const cells: Block[] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '|') {
      const piece = raw.slice(start, i);
      const lead = piece.length - piece.trimStart().length;
      cells.push({ type: 'para', text: piece.trim(), line, offset: offset + start + lead });
      start = i + 1;
    }
  }
  return cells;
}

/**
 * Article markup a page keeps out of its DOM and writes in by script: a CMS that ships the body in a hidden
 * `<textarea>` (copied into the page on load), as a JavaScript string (`var content = "<p>…</p>"`) or as a field of
 * a JSON state object (`window.__INITIAL_STATE__ = {"content": "<p>…</p>"}`). A reader that skips scripts and
 * form fields sees only the site's chrome, so such markup is found here, with the source offset of each character.
 */
import type { Block } from '../model.js';
import { Collector } from '../diagnostics.js';
import { LineIndex } from '../source/lines.js';
import { alignText } from './align.js';
import { ALIGN } from './html-blocks.js';
import { countCjk, parseTree, type DomNode } from './dom.js';

/** One piece of markup: its text and, for each character (and the end), its offset in the page's source. */
export interface EmbeddedMarkup {
  html: string;
  map: number[];
  /** `textarea` or `script`, for the diagnostic. */
  from: string;
}

// markup that makes paragraphs: a string holding only a link or a <span> is no article
const PARAGRAPH_MARKUP = /<(?:p|div|br|table|h[1-6])\b/i;
/** Fewer Chinese characters than this in a string: a label or a menu entry, not an article. */
const MIN_CJK = 20;

/** The textarea and script strings of the page that hold an article's markup, in document order. */
export function embeddedMarkup(root: DomNode, src: string): EmbeddedMarkup[] {
  const out: EmbeddedMarkup[] = [];
  for (const stack = [root]; stack.length > 0;) {
    const n = stack.pop() as DomNode;
    const kids = n.children;
    if (n.name === 'textarea' || n.type === 'script') {
      const t = kids?.[0];
      if (t?.type !== 'text' || t.start < 0) continue;
      const map = t.end - t.start === t.data.length && src.startsWith(t.data, t.start)
        ? Array.from({ length: t.data.length + 1 }, (_, i) => t.start + i)
        : alignText(t.data, src, t.start, t.end, ALIGN);
      if (n.name === 'textarea') keep(out, t.data, map, 'textarea');
      else for (const s of stringLiterals(t.data, map)) keep(out, s.html, s.map, 'script');
      continue;
    }
    if (kids !== undefined) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as DomNode);
  }
  return out;
}

function keep(out: EmbeddedMarkup[], html: string, map: number[], from: string): void {
  if (PARAGRAPH_MARKUP.test(html) && countCjk(html, 0, html.length) >= MIN_CJK) out.push({ html, map, from });
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\n', t: '\t', b: '', f: '', v: '', '0': '' };

/**
 * The string literals of a script (`"…"`, `'…'`, `` `…` ``), unescaped (`\"`, `\/`, `\n`, `\u3000`), each character
 * with the source offset of the escape it came from. Comments are not told from code: a string in a comment is
 * read like any other, and one without article markup is dropped by the caller.
 */
function stringLiterals(code: string, map: number[]): Array<{ html: string; map: number[] }> {
  const out: Array<{ html: string; map: number[] }> = [];
  for (let i = 0; i < code.length; i++) {
    const q = code[i];
    if (q !== '"' && q !== "'" && q !== '`') continue;
    let html = '';
    const m: number[] = [];
    let j = i + 1;
    for (; j < code.length && code[j] !== q; j++) {
      const c = code[j] as string;
      if (c === '\n' && q !== '`') break;
      if (c !== '\\') { html += c; m.push(map[j] as number); continue; }
      const e = code[j + 1] ?? '';
      const u = e === 'u' ? /^[0-9a-fA-F]{4}/.exec(code.slice(j + 2, j + 6)) : e === 'x' ? /^[0-9a-fA-F]{2}/.exec(code.slice(j + 2, j + 4)) : null;
      if (u) {
        html += String.fromCharCode(parseInt(u[0], 16));
        m.push(map[j] as number);
        j += 1 + u[0].length;
        continue;
      }
      const r = ESCAPES[e] ?? e;
      if (r !== '') { html += r; m.push(map[j] as number); }
      j++;
    }
    m.push(map[Math.min(j, code.length)] as number);
    out.push({ html, map: m });
    i = j;
  }
  return out;
}

/**
 * The page's blocks, with the article read from embedded markup where that holds more Chinese text than all the page
 * shows (the visible page is then only chrome around an empty container). `read` turns a parsed page into blocks;
 * blocks read from the markup are moved to the source offsets of their characters and merged in document order.
 */
export function withEmbedded(root: DomNode, src: string, lines: LineIndex, blocks: Block[], ctx: Collector,
  read: (root: DomNode, src: string, lines: LineIndex, ctx: Collector) => Block[]): Block[] {
  const found = embeddedMarkup(root, src);
  if (found.length === 0) return blocks;
  const shown = blocks.reduce((n, b) => n + countCjk(b.text, 0, b.text.length), 0);
  const hidden = found.reduce((n, e) => n + countCjk(e.html, 0, e.html.length), 0);
  if (hidden <= shown) return blocks;
  const inner: Block[] = [];
  for (const e of found) {
    // the markup's own diagnostics (a guessed container) would give lines of the string, not of the page
    for (const b of read(parseTree(e.html), e.html, new LineIndex(e.html), new Collector())) inner.push(moved(b, e.map, lines));
  }
  const first = found[0] as EmbeddedMarkup;
  ctx.report('html-embedded-body', lines.position(first.map[0] as number).line,
    `the page shows no article: it is markup in a ${first.from === 'textarea' ? '<textarea>' : 'script string'}, written in by script; read from there`);
  return [...blocks, ...inner].sort((a, b) => a.offset - b.offset);
}

/** A block read from embedded markup, its offsets taken through the markup's map to the page's source. */
function moved(b: Block, map: number[], lines: LineIndex): Block {
  const offsets: number[] = [];
  for (let i = 0; i <= b.text.length; i++) offsets.push(map[b.offsets ? (b.offsets[i] ?? b.offset) : b.offset + i] as number);
  const offset = offsets[0] as number;
  const out: Block = { ...b, offset, offsets, line: lines.position(offset).line };
  if (b.cells) out.cells = b.cells.map((c) => moved(c, map, lines));
  return out;
}

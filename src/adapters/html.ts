/**
 * fromHtml: a saved government web page → blocks. The page is parsed with parse5 (through cheerio) keeping source
 * locations, so every block maps each character back to the HTML file and line numbers point where the text sits.
 *
 * The article body is found by where the Chinese text is, not by site-specific selectors: from <body> down, the
 * element that holds most of the page's non-link CJK text is the body container. Inside it everything readable is
 * kept; outside it, page chrome is dropped (navigation and menus, which are mostly links; nav/header/footer/aside;
 * share widgets and footers named so in their class), while the front matter that CMS pages print around the
 * article (metadata table 索引号/发文字号/成文日期, the notice title, the plan title) is kept in document order.
 * Scripts, styles and hidden elements are never read: a `<script>` that writes plan-like text must not count.
 */
import * as cheerio from 'cheerio';
import type { Block } from '../model.js';
import { InputError, type Collector } from '../diagnostics.js';
import { LineIndex } from './lines.js';
import { alignText } from './align.js';

/** The part of a domhandler node we read (cheerio's tree, built by parse5 with source locations). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

/** Never text: their content is code, styling, embedded objects or form controls. */
const DROP = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'svg', 'math', 'canvas', 'object', 'embed', 'applet',
  'audio', 'video', 'map', 'select', 'option', 'optgroup', 'button', 'input', 'textarea', 'datalist', 'meta', 'link', 'title', 'img', 'picture', 'source', 'param']);
/** Page chrome by element name, dropped outside the article body. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog']);
/** Elements that start a new line (one block per paragraph, like one line of a .txt). */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'listing', 'plaintext', 'xmp']);
/** Class/id words of chrome regions (hints only: used outside the body, and only on text that does not look like a title). */
const CHROME_WORDS = /^(?:nav|navs|navbar|nav\d*|menu|menus|mainnav|subnav|topnav|header|head|top|topbar|banner|footer|foot|bottom|copyright|copy|share|bdshare|jiathis|breadcrumb|crumb|crumbs|location|position|path|sidebar|side|aside|toolbar|tool|tools|search|login|related|relate|links|link|friendlink|qrcode|ewm|print|close|fontsize|font)$/i;
/** Inside the article body only unmistakable widgets are dropped by name. */
const SHARE_WORDS = /^(?:share|bdshare|jiathis|qrcode|ewm)$/i;
const CHROME_ROLES = /^(?:navigation|banner|contentinfo|search|menu|menubar|complementary)$/i;
/** A title-shaped text that must survive a chrome hint (`…关于印发…的通知`, `…实施方案`). */
const TITLE_LIKE = /关于|通知|方案|意见|规划|纲要|计划/;
/** Blink stops nesting the DOM at 512 levels; deeper start tags are flattened into the 512th element. */
export const MAX_DEPTH = 512;

const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const WS = /[ \t\n\r\f]/;

function countCjk(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isCjk(s.charCodeAt(i))) n++;
  return n;
}

function isHidden(el: DomNode): boolean {
  const a = el.attribs ?? {};
  if ('hidden' in a) return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '');
}

interface Stats {
  cjk: number;
  linkCjk: number;
  links: number;
  headings: number;
}

export function fromHtml(text: string, ctx: Collector): Block[] {
  const capped = capNesting(text, MAX_DEPTH);
  if (capped.flattened > 0) {
    ctx.report('html-nesting-flattened', null, `the page nests elements deeper than ${MAX_DEPTH} levels; ${capped.flattened} deeper start tags were flattened (as browsers do)`);
  }
  // the flattened copy has the same offsets and lines; characters are aligned against what parse5 read
  const src = capped.text;
  const $ = cheerio.load(src, { sourceCodeLocationInfo: true });
  const root = $.root()[0] as unknown as DomNode;
  const lines = new LineIndex(text);
  const decodeEntity = entityDecoder();

  // Pass 1, children before parents: how much Chinese text (and how much of it in links) each element holds.
  const stats = new Map<DomNode, Stats>();
  const order: DomNode[] = [];
  for (const stack = [root]; stack.length > 0;) {
    const n = stack.pop() as DomNode;
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style' || n.type === 'root') {
      if (n.type !== 'root' && (DROP.has(n.name ?? '') || isHidden(n))) continue;
      order.push(n);
      for (const c of n.children ?? []) stack.push(c);
    }
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k] as DomNode;
    const s: Stats = { cjk: 0, linkCjk: 0, links: 0, headings: 0 };
    for (const c of n.children ?? []) {
      if (c.type === 'text') s.cjk += countCjk(c.data ?? '');
      const cs = stats.get(c);
      if (cs) { s.cjk += cs.cjk; s.linkCjk += cs.linkCjk; s.links += cs.links; s.headings += cs.headings; }
    }
    if (n.name === 'a') { s.linkCjk = s.cjk; s.links++; }
    if (/^h[1-3]$/.test(n.name ?? '')) s.headings++;
    stats.set(n, s);
  }
  const text$ = (n: DomNode) => (stats.get(n)?.cjk ?? 0) - (stats.get(n)?.linkCjk ?? 0);

  // The body container: descend from <body> while one child holds at least half of the page's running text.
  let body: DomNode = root;
  for (const stack = [root]; stack.length > 0;) {
    const n = stack.pop() as DomNode;
    if (n.name === 'body') { body = n; break; }
    if (n.type === 'root' || n.name === 'html') for (const c of n.children ?? []) stack.push(c);
  }
  const total = text$(body);
  let container: DomNode | null = null;
  if (total > 0) {
    let at: DomNode = body;
    for (;;) {
      let best: DomNode | null = null;
      for (const c of at.children ?? []) if (stats.has(c) && (best === null || text$(c) > text$(best))) best = c;
      if (best === null || text$(best) < total * 0.5) break;
      at = best;
    }
    container = at;
    const loc = container.sourceCodeLocation;
    if (container !== body) {
      ctx.report('html-body-guessed', loc ? lines.position(loc.startOffset).line : null,
        `article body taken as <${container.name}${describe(container)}> (${Math.round((text$(container) / total) * 100)}% of the page's text)`);
    }
  }
  const spine = new Set<DomNode>();
  for (let n: DomNode | null | undefined = container; n; n = n.parent) spine.add(n);

  /**
   * Chrome: menus (mostly links), chrome elements, chrome-named regions. Inside the body container a region must
   * be more clearly a link list (`详见<a>附件1</a>、<a>附件2</a>` in a paragraph is text).
   */
  const isChrome = (el: DomNode, inBody: boolean): boolean => {
    if (spine.has(el)) return false;
    const s = stats.get(el);
    if (!s) return true;
    if (CHROME_TAGS.has(el.name ?? '') && s.headings === 0) return true;
    if (CHROME_ROLES.test(el.attribs?.role ?? '')) return true;
    if (inBody ? s.links >= 3 && s.linkCjk >= s.cjk * 0.7 && el.name !== 'p' : s.links >= 2 && s.linkCjk >= s.cjk * 0.5) return true;
    // class/id hints name regions, not inline runs: `<span class="font">` inside a paragraph is text
    if (!BLOCK.has(el.name ?? '')) return false;
    const words = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`.split(/[\s_-]+/).filter(Boolean);
    const hint = inBody ? SHARE_WORDS : CHROME_WORDS;
    return words.some((w) => hint.test(w)) && s.headings === 0 && !TITLE_LIKE.test(plainText(el));
  };

  const blocks: Block[] = [];
  const buf = new LineBuffer(lines);
  let heading = 0;
  // Pass 2, document order, iterative (a page may nest hundreds of levels): emit blocks.
  type Frame = { n: DomNode; exit: boolean; pre: boolean; inBody: boolean };
  const stack: Frame[] = [{ n: body, exit: false, pre: false, inBody: container === body }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    const n = f.n;
    if (f.exit) {
      if (BLOCK.has(n.name ?? '')) buf.flush(blocks, heading);
      if (/^h[1-6]$/.test(n.name ?? '')) heading = 0;
      continue;
    }
    if (n.type === 'text') {
      const loc = n.sourceCodeLocation;
      const data = n.data ?? '';
      const from = loc?.startOffset ?? buf.lastOffset;
      const offs = alignText(data, src, from, loc?.endOffset ?? from, { decodeEntity });
      buf.add(data, offs, f.pre, blocks, heading);
      continue;
    }
    if (n.type !== 'tag' || !stats.has(n)) continue;
    const name = n.name ?? '';
    const inBody = f.inBody || n === container;
    if (isChrome(n, inBody)) continue;
    if (name === 'br') { buf.flush(blocks, heading); continue; }
    if (name === 'table' && isDataTable(n, stats)) {
      buf.flush(blocks, heading);
      emitTable(n, src, lines, decodeEntity, blocks);
      continue;
    }
    if (BLOCK.has(name)) buf.flush(blocks, heading);
    const h = /^h([1-6])$/.exec(name);
    if (h) heading = Number(h[1]);
    const pre = f.pre || name === 'pre' || name === 'textarea' || /white-space\s*:\s*pre/i.test(n.attribs?.style ?? '');
    stack.push({ n, exit: true, pre, inBody });
    const kids = n.children ?? [];
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ n: kids[k] as DomNode, exit: false, pre, inBody });
  }
  buf.flush(blocks, heading);
  if (blocks.length === 0) throw new InputError('input-empty', 'the page has no readable text (only markup, scripts or page chrome)');
  return blocks;
}

function describe(el: DomNode): string {
  const id = el.attribs?.id ? ` id="${el.attribs.id}"` : '';
  const cls = el.attribs?.class ? ` class="${el.attribs.class}"` : '';
  return id + cls;
}

/** Visible text of an element (iterative), for the title check on chrome hints. */
function plainText(el: DomNode): string {
  let out = '';
  for (const stack = [el]; stack.length > 0 && out.length < 2000;) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') out += n.data ?? '';
    else if (n.type === 'tag' && !DROP.has(n.name ?? '')) for (let k = (n.children ?? []).length - 1; k >= 0; k--) stack.push((n.children as DomNode[])[k] as DomNode);
  }
  return out;
}

/** Accumulates the characters of the current line with their source offsets; one flush = one block. */
class LineBuffer {
  private chars: string[] = [];
  private offs: number[] = [];
  private end = 0;
  lastOffset = 0;
  constructor(private readonly lines: LineIndex) {}

  add(data: string, offs: number[], pre: boolean, blocks: Block[], heading: number): void {
    for (let i = 0; i < data.length; i++) {
      const c = data[i] as string;
      if (pre && c === '\n') { this.flush(blocks, heading); continue; }
      if (!pre && WS.test(c)) {
        // collapse runs of ASCII whitespace to one space, as a browser renders them; NBSP and U+3000 stay
        if (this.chars.length === 0 || this.chars[this.chars.length - 1] === ' ') continue;
        this.chars.push(' ');
      } else this.chars.push(c);
      this.offs.push(offs[i] as number);
      this.end = (offs[i + 1] as number) ?? (offs[i] as number) + 1;
    }
    this.lastOffset = offs[offs.length - 1] ?? this.lastOffset;
  }

  flush(blocks: Block[], heading: number): void {
    let s = 0, e = this.chars.length;
    while (s < e && this.chars[s] === ' ') s++;
    while (e > s && this.chars[e - 1] === ' ') e--;
    const t = this.chars.slice(s, e).join('');
    if (t !== '' && !/^[\s\u00a0\u3000\u200b\ufeff]*$/.test(t)) {
      const offsets = this.offs.slice(s, e);
      offsets.push(e < this.chars.length ? (this.offs[e] as number) : this.end);
      blocks.push(makeBlock(t, offsets, this.lines, heading));
    }
    this.chars = [];
    this.offs = [];
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
function isDataTable(table: DomNode, stats: Map<DomNode, Stats>): boolean {
  let multi = false;
  for (const tr of rowsOf(table)) {
    let filled = 0;
    for (const cell of cellsOf(tr)) {
      if ((stats.get(cell)?.cjk ?? 0) > 300) return false;
      if (plainText(cell).trim() !== '') filled++;
      for (const stack = [...(cell.children ?? [])]; stack.length > 0;) {
        const n = stack.pop() as DomNode;
        if (n.name === 'table') return false;
        if (n.type === 'tag') stack.push(...(n.children ?? []));
      }
    }
    // two filled cells, or a header cell beside a value cell left empty (`<th>成文日期</th><td></td>`)
    if (filled >= 2 || (filled === 1 && cellsOf(tr).length >= 2 && cellsOf(tr).some((c) => c.name === 'th'))) multi = true;
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
function emitTable(table: DomNode, src: string, lines: LineIndex, decodeEntity: (r: string) => string, blocks: Block[]): void {
  for (const c of table.children ?? []) {
    if (c.name !== 'caption') continue;
    const cap = cellBlock(c, src, lines, decodeEntity);
    if (cap) blocks.push(cap);
  }
  for (const tr of rowsOf(table)) {
    const cells: Block[] = [];
    for (const td of cellsOf(tr)) {
      const at = td.sourceCodeLocation?.startOffset ?? 0;
      cells.push(cellBlock(td, src, lines, decodeEntity) ?? { type: 'para', text: '', line: lines.position(at).line, offset: at, offsets: [at] });
    }
    if (!cells.some((c) => c.text !== '')) continue;
    let text = '';
    const offsets: number[] = [];
    cells.forEach((c, k) => {
      if (k > 0) { text += ' | '; offsets.push(c.offset, c.offset, c.offset); }
      text += c.text;
      offsets.push(...(c.offsets ?? []).slice(0, c.text.length));
    });
    const last = cells[cells.length - 1] as Block;
    offsets.push((last.offsets ?? [])[last.text.length] ?? last.offset);
    const first = cells.find((c) => c.text !== '') as Block;
    blocks.push({ type: 'row', text, line: first.line, offset: offsets[0] as number, offsets, cells });
  }
}

/** A table cell's text as one block: inner paragraphs and `<br>` become single spaces. */
function cellBlock(cell: DomNode, src: string, lines: LineIndex, decodeEntity: (r: string) => string): Block | null {
  const chars: string[] = [];
  const offs: number[] = [];
  let end = cell.sourceCodeLocation?.startOffset ?? 0;
  const space = (at: number) => {
    if (chars.length > 0 && chars[chars.length - 1] !== ' ') { chars.push(' '); offs.push(at); }
  };
  for (const stack: DomNode[] = [...(cell.children ?? [])].reverse(); stack.length > 0;) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') {
      const loc = n.sourceCodeLocation;
      const data = n.data ?? '';
      const o = alignText(data, src, loc?.startOffset ?? end, loc?.endOffset ?? end, { decodeEntity });
      for (let i = 0; i < data.length; i++) {
        if (WS.test(data[i] as string)) space(o[i] as number);
        else { chars.push(data[i] as string); offs.push(o[i] as number); }
      }
      end = o[data.length] ?? end;
      continue;
    }
    if (n.type !== 'tag' || DROP.has(n.name ?? '') || isHidden(n)) continue;
    if (n.name === 'br' || BLOCK.has(n.name ?? '')) space(n.sourceCodeLocation?.startOffset ?? end);
    for (let k = (n.children ?? []).length - 1; k >= 0; k--) stack.push((n.children as DomNode[])[k] as DomNode);
  }
  let s = 0, e = chars.length;
  while (s < e && chars[s] === ' ') s++;
  while (e > s && chars[e - 1] === ' ') e--;
  if (s === e) return null;
  const offsets = offs.slice(s, e);
  offsets.push(e < chars.length ? (offs[e] as number) : end);
  return makeBlock(chars.slice(s, e).join(''), offsets, lines, 0);
}

/** Decodes an entity reference exactly as parse5 does (by asking it), cached per distinct reference. */
function entityDecoder(): (ref: string) => string {
  const cache = new Map<string, string>();
  return (ref: string) => {
    let d = cache.get(ref);
    if (d === undefined) {
      d = cheerio.load(ref, null, false).text();
      cache.set(ref, d);
    }
    return d;
  };
}

/**
 * Flattens nesting deeper than `max` levels by blanking the excess start and end tags with spaces (newlines
 * kept, so every offset and line stays where it was). parse5 slows down quadratically with depth (100,000 nested
 * `<div>` take about a minute), and no real page nests that deep. A light tag scanner tracks the depth; the raw
 * text of script/style and comments is skipped.
 */
export function capNesting(src: string, max: number): { text: string; flattened: number } {
  // quick exit: a page with fewer tags than the limit cannot exceed it
  let lt = 0;
  for (let i = src.indexOf('<'); i >= 0 && lt <= max; i = src.indexOf('<', i + 1)) lt++;
  if (lt <= max) return { text: src, flattened: 0 };
  const TAG = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound']);
  const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
  const AUTO = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
  const stack: Array<{ name: string; blanked: boolean }> = [];
  let depth = 0, flattened = 0;
  const blanks: Array<[number, number]> = [];
  const pop = (to: number) => {
    while (stack.length > to) { const e = stack.pop() as { blanked: boolean }; if (!e.blanked) depth--; }
  };
  for (let m = TAG.exec(src); m; m = TAG.exec(src)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]?.name !== name) k--;
      if (k < 0) continue;
      if (stack[k]?.blanked) blanks.push([m.index, m.index + m[0].length]);
      pop(k);
      continue;
    }
    if (RAW.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = TAG.lastIndex;
      const c = close.exec(src);
      TAG.lastIndex = c ? c.index : src.length;
    }
    if (VOID.has(name) || /\/$/.test(m[3] ?? '')) continue;
    // `<p>a<p>b`, `<li>a<li>b`: the same element closes its open sibling
    if (AUTO.has(name)) {
      for (let k = stack.length - 1; k >= Math.max(0, stack.length - 3); k--) if (stack[k]?.name === name) { pop(k); break; }
    }
    const blanked = depth >= max;
    if (blanked) { blanks.push([m.index, m.index + m[0].length]); flattened++; } else depth++;
    stack.push({ name, blanked });
  }
  if (blanks.length === 0) return { text: src, flattened: 0 };
  let out = '';
  let at = 0;
  for (const [s, e] of blanks) {
    out += src.slice(at, s) + src.slice(s, e).replace(/[^\n\r]/g, ' ');
    at = e;
  }
  out += src.slice(at);
  return { text: out, flattened };
}

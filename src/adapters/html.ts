/**
 * fromHtml: a saved government web page → blocks. The page is parsed with parse5 (through cheerio, into the light
 * tree of dom.ts) keeping source locations, so every block maps each character back to the HTML file and line
 * numbers point where the text sits.
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
import { LineIndex, rowFromCells } from '../source/lines.js';
import { alignText, type AlignOptions } from './align.js';
import { parseTree, type DomNode } from './dom.js';
import { capAttributes, MAX_ATTRIBUTES } from './html-guard.js';

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

/** The ASCII whitespace a browser collapses (not NBSP, not U+3000). */
const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
/** What `/[\s\u00a0\u3000\u200b\ufeff]/` matches: a line made only of these is blank. */
const isBlankChar = (c: number) => c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** CJK characters in `s[from, to)`. */
function countCjk(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    // CJK ideographs (U+4E00–9FFF, extension A U+3400–4DBF, compatibility U+F900–FAFF), tested inline: V8 ran
    // this loop four times slower through a helper
    if (c >= 0x3400 && ((c >= 0x4e00 && c <= 0x9fff) || c <= 0x4dbf || (c >= 0xf900 && c <= 0xfaff))) n++;
  }
  return n;
}

/** `h1`…`h6` → 1…6, anything else 0. */
function headingLevel(name: string): number {
  if (name.length !== 2 || name.charCodeAt(0) !== 104) return 0;
  const d = name.charCodeAt(1) - 48;
  return d >= 1 && d <= 6 ? d : 0;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHidden(el: DomNode): boolean {
  const a = el.attribs;
  if (a === undefined) return false;
  if ('hidden' in a) return true;
  const style = a.style;
  return style !== undefined && style.length >= 11 && HIDDEN_STYLE.test(style);
}

/** Pass 1 counted this element (it is not dropped): its counts are in `cjk`, `linkCjk`, `links`, `headings`. */
const counted = (n: DomNode) => n.cjk >= 0;
/**
 * A text node that is its source range character for character, without entities (see DomNode.plain): its
 * characters are read from the (flat) source, and its `data`, built by parse5 chunk by chunk, is never touched.
 */
const isPlain = (n: DomNode) => n.plain && n.end - n.start === n.data.length;
/** Start offset of a node in the source, or `dflt` for a node parse5 made up. */
const startOf = (n: DomNode, dflt: number) => (n.start >= 0 ? n.start : dflt);

export function fromHtml(text: string, ctx: Collector): Block[] {
  const trimmed = capAttributes(text);
  if (trimmed.dropped > 0) ctx.report('html-attributes-dropped', null, `the page gives elements more than ${MAX_ATTRIBUTES} attributes; ${trimmed.dropped} were ignored`);
  const capped = capNesting(trimmed.text, MAX_DEPTH);
  if (capped.flattened > 0) {
    ctx.report('html-nesting-flattened', null, `the page nests elements deeper than ${MAX_DEPTH} levels; ${capped.flattened} deeper start tags were flattened (as browsers do)`);
  }
  // the flattened copy has the same offsets and lines; characters are aligned against what parse5 read
  const src = capped.text;
  const root = parseTree(src);
  const lines = new LineIndex(text);

  // Pass 1, children before parents: how much Chinese text (and how much of it in links) each element holds.
  const order: DomNode[] = [];
  for (const stack = [root]; stack.length > 0;) {
    const n = stack.pop() as DomNode;
    const type = n.type;
    if (type === 'tag' || type === 'script' || type === 'style' || type === 'root') {
      if (type !== 'root' && (DROP.has(n.name) || isHidden(n))) continue;
      order.push(n);
      const kids = n.children;
      if (kids !== undefined) for (let k = 0; k < kids.length; k++) stack.push(kids[k] as DomNode);
    }
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k] as DomNode;
    let cjk = 0, linkCjk = 0, links = 0, headings = 0;
    const kids = n.children;
    if (kids !== undefined) {
      for (let i = 0; i < kids.length; i++) {
        const c = kids[i] as DomNode;
        if (c.type === 'text') cjk += isPlain(c) ? countCjk(src, c.start, c.end) : countCjk(c.data, 0, c.data.length);
        else if (counted(c)) { cjk += c.cjk; linkCjk += c.linkCjk; links += c.links; headings += c.headings; }
      }
    }
    const name = n.name;
    if (name === 'a') { linkCjk = cjk; links++; }
    const h = headingLevel(name);
    if (h >= 1 && h <= 3) headings++;
    n.cjk = cjk; n.linkCjk = linkCjk; n.links = links; n.headings = headings;
  }
  const text$ = (n: DomNode) => (counted(n) ? n.cjk - n.linkCjk : 0);

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
      for (const c of at.children ?? []) if (counted(c) && (best === null || text$(c) > text$(best))) best = c;
      if (best === null || text$(best) < total * 0.5) break;
      at = best;
    }
    container = at;
    if (container !== body) {
      ctx.report('html-body-guessed', container.start >= 0 ? lines.position(container.start).line : null,
        `article body taken as <${container.name}${describe(container)}> (${Math.round((text$(container) / total) * 100)}% of the page's text)`);
    }
  }
  const spine = new Set<DomNode>();
  for (let n: DomNode | null | undefined = container; n; n = n.parent) spine.add(n);

  /**
   * Chrome: menus (mostly links), chrome elements, chrome-named regions. Inside the body container a region must
   * be more clearly a link list (`详见<a>附件1</a>、<a>附件2</a>` in a paragraph is text).
   */
  const isChrome = (el: DomNode, s: DomNode, inBody: boolean): boolean => {
    if (spine.has(el)) return false;
    const name = el.name;
    if (s.headings === 0 && CHROME_TAGS.has(name)) return true;
    const a = el.attribs;
    if (a?.role !== undefined && CHROME_ROLES.test(a.role)) return true;
    if (inBody ? s.links >= 3 && s.linkCjk >= s.cjk * 0.7 && name !== 'p' : s.links >= 2 && s.linkCjk >= s.cjk * 0.5) return true;
    // class/id hints name regions, not inline runs: `<span class="font">` inside a paragraph is text
    if (!BLOCK.has(name) || s.headings !== 0) return false;
    const cls = a?.class, id = a?.id;
    if (!cls && !id) return false;
    const words = `${cls ?? ''} ${id ?? ''}`.split(/[\s_-]+/);
    const hint = inBody ? SHARE_WORDS : CHROME_WORDS;
    return words.some((w) => w !== '' && hint.test(w)) && !TITLE_LIKE.test(plainText(el));
  };

  const blocks: Block[] = [];
  const buf = new LineBuffer(lines, blocks);
  // Pass 2, document order, iterative (a page may nest hundreds of levels): emit blocks. A frame is a node and
  // its flags (on exit, inside <pre>, inside the body container), on two parallel stacks.
  const EXIT = 1, PRE = 2, IN_BODY = 4;
  const nodes: DomNode[] = [body];
  const flags: number[] = [container === body ? IN_BODY : 0];
  while (nodes.length > 0) {
    const n = nodes.pop() as DomNode;
    const f = flags.pop() as number;
    const type = n.type;
    if (f & EXIT) {
      const name = n.name;
      if (BLOCK.has(name)) buf.flush();
      if (headingLevel(name) !== 0) buf.heading = 0;
      continue;
    }
    if (type === 'text') {
      const data = n.data;
      const from = n.start >= 0 ? n.start : buf.lastOffset;
      const to = n.start >= 0 ? n.end : from;
      // a text node without entities or CRLF is its source range character for character
      if (isPlain(n)) buf.add(src, from, to, null, (f & PRE) !== 0);
      else buf.add(data, 0, data.length, alignText(data, src, from, to, ALIGN), (f & PRE) !== 0);
      continue;
    }
    if (type !== 'tag') continue;
    if (!counted(n)) continue;
    const name = n.name;
    const inBody = (f & IN_BODY) !== 0 || n === container;
    if (isChrome(n, n, inBody)) continue;
    if (name === 'br') { buf.flush(); continue; }
    if (name === 'table' && isDataTable(n)) {
      buf.flush();
      emitTable(n, src, lines, blocks);
      continue;
    }
    if (BLOCK.has(name)) buf.flush();
    const h = headingLevel(name);
    if (h !== 0) buf.heading = h;
    const pre = (f & PRE) !== 0 || name === 'pre' || name === 'textarea' || (n.attribs?.style !== undefined && /white-space\s*:\s*pre/i.test(n.attribs.style));
    const down = (pre ? PRE : 0) | (inBody ? IN_BODY : 0);
    nodes.push(n);
    flags.push(down | EXIT);
    const kids = n.children;
    if (kids !== undefined) for (let k = kids.length - 1; k >= 0; k--) { nodes.push(kids[k] as DomNode); flags.push(down); }
  }
  buf.flush();
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
    if (n.type === 'text') out += n.data;
    else if (n.type === 'tag' && !DROP.has(n.name)) for (let k = (n.children ?? []).length - 1; k >= 0; k--) stack.push((n.children as DomNode[])[k] as DomNode);
  }
  return out;
}

/**
 * Accumulates the current line (its text and the source offset of each character); one flush = one block.
 * Text is appended in runs, offsets into one array that becomes the block's `offsets` without a copy.
 */
class LineBuffer {
  private text = '';
  private offs: number[] = [];
  /** The character code last appended (32 for a collapsed space), -1 when the line is empty. */
  private last = -1;
  private end = 0;
  lastOffset = 0;
  heading = 0;
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
function isDataTable(table: DomNode): boolean {
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

/** `plainText(cell).trim() !== ''` without building the text. */
function hasVisibleText(el: DomNode): boolean {
  let seen = 0;
  for (const stack = [el]; stack.length > 0 && seen < 2000;) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') {
      const d = n.data;
      for (let i = 0; i < d.length; i++) if (!isTrimmed(d.charCodeAt(i))) return true;
      seen += d.length;
    } else if (n.type === 'tag' && !DROP.has(n.name)) for (let k = (n.children ?? []).length - 1; k >= 0; k--) stack.push((n.children as DomNode[])[k] as DomNode);
  }
  return false;
}

/** What `String.prototype.trim` removes: JS whitespace and line terminators (not U+200B). */
const isTrimmed = (c: number) => c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

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
function emitTable(table: DomNode, src: string, lines: LineIndex, blocks: Block[]): void {
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
const ALIGN: AlignOptions = { decodeEntity: decodeEntityRef };

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

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
 * Scripts, styles and hidden elements are never read: a `<script>` that writes plan-like text must not count,
 * except where the page shows no article and a script string or <textarea> holds its markup (html-embedded.ts).
 */
import type { Block } from '../model.js';
import { InputError, type Collector } from '../diagnostics.js';
import { LineIndex } from '../source/lines.js';
import { alignText } from './align.js';
import { BLOCK, counted, headingLevel, isPlain, parseTree, startOf, type DomNode } from './dom.js';
import { listLabel } from './html-list.js';
import { withEmbedded } from './html-embedded.js';
import { capAttributes, MAX_ATTRIBUTES } from './html-guard.js';
import { capNesting, MAX_DEPTH } from './html-nesting.js';
import { findBody } from './html-body.js';
import { ALIGN, LineBuffer, emitTable, isDataTable } from './html-blocks.js';
import { headTitle } from './html-title.js';

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
  // a CMS that writes the article in by script keeps it in a <textarea> or a script string (html-embedded.ts)
  const blocks = withEmbedded(root, src, lines, pageBlocks(root, src, lines, ctx), ctx, pageBlocks);
  if (blocks.length > 0) {
    const title = headTitle(root, src, lines, blocks);
    if (title !== null) blocks.unshift(title);
  }
  if (blocks.length === 0) throw new InputError('input-empty', 'the page has no readable text (only markup, scripts or page chrome)');
  return blocks;
}

/** The blocks of a parsed page: its article body and the front matter around it, chrome dropped. */
function pageBlocks(root: DomNode, src: string, lines: LineIndex, ctx: Collector): Block[] {
  const { body, container, isChrome } = findBody(root, src, lines, ctx);

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
      if (name === 'li') buf.label = null;
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
    if (isChrome(n, inBody)) continue;
    if (name === 'br') { buf.flush(); continue; }
    if (name === 'table' && isDataTable(n)) {
      buf.flush();
      emitTable(n, src, lines, blocks);
      continue;
    }
    if (BLOCK.has(name)) buf.flush();
    if (name === 'li') {
      const label = listLabel(n);
      buf.label = label === null ? null : { text: label, at: startOf(n, buf.lastOffset) };
    }
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
  return blocks;
}

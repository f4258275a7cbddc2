/**
 * fromMarkdown: a Markdown note → blocks, with unified + remark-parse + remark-gfm. remark only supplies what
 * Markdown marks explicitly (headings, lists, GFM tables, emphasis and escapes to strip); the plan's own numbering
 * (`一、`, `（一）`, `2．`) is recognised later by the outline, line by line, as for every format. So:
 * - a heading is a block with its `#` depth and only its own text (`## 二、推动变革…` outlines as chapter 二 once
 *   the `##` is gone; a level of `## 总体要求` headings that print no number is placed by depth in src/outline);
 * - a paragraph gives one block per line: remark merges `（一）指导思想\n（二）基本原则` into one paragraph, and
 *   swallows `2．…` lines (not a list marker for it) into the previous list item;
 * - an ordered list item gives `N.` + its text, N as printed in the source, so the outline sees task `N`;
 * - a bullet item gives `•` + its text (a 专栏 item, a goal line);
 * - a GFM table gives one `row` block per row with its cells.
 * Positions come from the mdast; every character keeps its source offset.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Block } from '../model.js';
import { InputError, type Collector } from '../diagnostics.js';
import { LineIndex, rowFromCells } from '../source/lines.js';
import { alignText } from './align.js';
import { markdownRisk } from './markdown-guard.js';
import { fromText } from './text.js';
import { frontBlocks, frontMatter } from './front-matter.js';
import { dropSpanAttributes, isFenceLine } from './pandoc-marks.js';
import { dropNavigation } from './link-lists.js';
import { continuedLists, headsItem, isRawHtml } from './pandoc-lists.js';

/** The part of an mdast node we read. */
interface MdNode {
  type: string;
  value?: string;
  lang?: string | null;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  /** For the qplan-marker of a list item whose list continues the one before it: its number. */
  num?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Characters with their source offsets. */
interface Run {
  chars: string[];
  offs: number[];
}

const BULLET_START = /^[—―\-•·●■◆]/;
const NUMERIC_REFS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** remark decodes character references; the few a Markdown plan uses are read back here for exact offsets. */
function decodeEntity(ref: string): string {
  const m = /^&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z][A-Za-z0-9]*));$/.exec(ref);
  if (!m) return ref;
  if (m[3]) return NUMERIC_REFS[m[3]] ?? ref;
  const cp = m[1] ? parseInt(m[1], 16) : Number(m[2]);
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}

const startOf = (n: MdNode) => n.position?.start.offset ?? 0;
const endOf = (n: MdNode) => n.position?.end.offset ?? startOf(n);

export function fromMarkdown(text: string, ctx: Collector): Block[] {
  const risk = markdownRisk(text);
  if (risk) {
    ctx.report('markdown-read-as-text', null, `read as plain text, not Markdown: ${risk}`);
    const plain = fromText(text);
    if (plain.length === 0) throw new InputError('input-empty', 'the Markdown file has no readable text');
    return plain;
  }
  // front matter is blanked, not cut, so remark's offsets stay the file's
  const fm = frontMatter(text);
  const md = fm ? text.slice(0, fm.end).replace(/[^\n]/g, ' ') + text.slice(fm.end) : text;
  const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as unknown as MdNode;
  const lines = new LineIndex(text);
  const blocks: Block[] = [];
  /** A list marker waiting for the first line of its item (`1.` / `•`). */
  let prefix: Run | null = null;
  /** Lists that continue the numbering of the list before them (pandoc's Word lists), by their first number. */
  const continued = new Map<MdNode, number>();

  const emit = (run: Run, type: 'para' | 'heading', depth?: number) => {
    // one block per line
    let from = 0;
    for (let i = 0; i <= run.chars.length; i++) {
      if (i < run.chars.length && run.chars[i] !== '\n') continue;
      let s = from, e = i;
      while (s < e && /[ \t]/.test(run.chars[s] as string)) s++;
      while (e > s && /[ \t]/.test(run.chars[e - 1] as string)) e--;
      from = i + 1;
      if (s === e) continue;
      let chars = run.chars.slice(s, e), offs = run.offs.slice(s, e);
      if (isFenceLine(chars.join(''))) continue;
      ({ chars, offs } = dropSpanAttributes(chars, offs));
      if (prefix) {
        const t = chars.join('');
        if (!(prefix.chars[0] === '•' && BULLET_START.test(t))) { chars = [...prefix.chars, ...chars]; offs = [...prefix.offs, ...offs]; }
        prefix = null;
      }
      const endOff = e < run.offs.length ? (run.offs[e] as number) : (run.offs[run.offs.length - 1] ?? 0) + 1;
      blocks.push(block(chars.join(''), [...offs, endOff], lines, type, depth));
    }
  };

  const stack: MdNode[] = [tree];
  while (stack.length > 0) {
    const n = stack.pop() as MdNode;
    switch (n.type) {
      case 'heading':
        emit(inline(n, text), 'heading', n.depth);
        break;
      case 'paragraph':
        emit(inline(n, text), 'para');
        break;
      case 'table':
        for (const row of n.children ?? []) {
          const cells = (row.children ?? []).map((c) => {
            const r = inline(c, text);
            return trimmedBlock(r, startOf(c), lines);
          });
          if (cells.some((c) => c.text !== '')) blocks.push(rowFromCells(cells));
        }
        break;
      case 'list': {
        const items = n.children ?? [];
        const from = continued.get(n);
        for (let k = items.length - 1; k >= 0; k--) {
          const item = items[k] as MdNode;
          stack.push(item);
          if (!headsItem(item)) stack.push({ type: 'qplan-marker', ordered: n.ordered ?? false, position: item.position, ...(from !== undefined ? { num: from + k } : {}) });
        }
        break;
      }
      case 'qplan-marker':
        prefix = markerRun(text, startOf(n), endOf(n), n.ordered === true, n.num);
        break;
      case 'code': {
        // pandoc's raw HTML (```{=html}) is markup, read as an HTML block is
        if (isRawHtml(n)) {
          emit(htmlRun(n, text), 'para');
          break;
        }
        const from = /^[ \t]*(?:`{3,}|~{3,})/.test(text.slice(startOf(n), startOf(n) + 40)) ? text.indexOf('\n', startOf(n)) + 1 : startOf(n);
        const value = n.value ?? '';
        const offs = alignText(value, text, from, endOf(n));
        emit({ chars: value.split(''), offs }, 'para');
        break;
      }
      case 'html':
        emit(htmlRun(n, text), 'para');
        break;
      case 'thematicBreak': case 'definition': case 'yaml': case 'toml':
        break;
      default: {
        // containers: root, blockquote, listItem, footnoteDefinition
        const kids = dropNavigation(n.children ?? []);
        for (const [list, num] of continuedLists(kids)) continued.set(list, num);
        for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as MdNode);
      }
    }
  }
  if (blocks.length === 0) throw new InputError('input-empty', 'the Markdown file has no readable text');
  if (fm) {
    const front = frontBlocks(fm, blocks, lines);
    const unread = front.unread.length > 0 ? `; not plan text: ${front.unread.join(', ')}` : '';
    ctx.report('markdown-front-matter', 1, `YAML front matter (lines 1–${fm.lastLine}) read as page metadata${unread}`);
    return [...front.blocks, ...blocks];
  }
  return blocks;
}

/** The text of a node's inline content with offsets; hard breaks and `<br>` become line ends. */
function inline(n: MdNode, src: string): Run {
  const run: Run = { chars: [], offs: [] };
  const stack: MdNode[] = [...(n.children ?? [])].reverse();
  while (stack.length > 0) {
    const c = stack.pop() as MdNode;
    if (c.type === 'text' || c.type === 'inlineCode') {
      const value = c.value ?? '';
      const offs = alignText(value, src, startOf(c), endOf(c), { decodeEntity });
      for (let i = 0; i < value.length; i++) {
        // pandoc writes — as `---` and – as `--` (its `smart` extension), as in `(2023---2027年)`
        const dash = c.type === 'text' && value.startsWith('--', i) ? (value.startsWith('---', i) ? 3 : 2) : 0;
        run.chars.push(dash === 3 ? '\u2014' : dash === 2 ? '\u2013' : value[i] as string);
        run.offs.push(offs[i] as number);
        if (dash > 0) i += dash - 1;
      }
    } else if (c.type === 'break' || (c.type === 'html' && /^<br\s*\/?>$/i.test(c.value ?? ''))) {
      run.chars.push('\n');
      run.offs.push(startOf(c));
    } else if (c.type === 'image' || c.type === 'imageReference' || c.type === 'footnoteReference' || c.type === 'html') {
      continue;
    } else {
      const kids = c.children ?? [];
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as MdNode);
    }
  }
  return run;
}

/** The text runs of a raw HTML block, tags removed, block tags and `<br>` as line ends. */
function htmlRun(n: MdNode, src: string): Run {
  const run: Run = { chars: [], offs: [] };
  const value = n.value ?? '';
  const base = startOf(n);
  const exact = src.slice(base, base + value.length) === value;
  let at = 0;
  for (const m of value.matchAll(/<[^>]*>/g)) {
    const seg = value.slice(at, m.index);
    for (let i = 0; i < seg.length; i++) { run.chars.push(seg[i] as string); run.offs.push(exact ? base + at + i : base); }
    if (/^<\/?(?:br|p|div|li|tr|h[1-6])\b/i.test(m[0])) { run.chars.push('\n'); run.offs.push(exact ? base + (m.index ?? 0) : base); }
    at = (m.index ?? 0) + m[0].length;
  }
  for (let i = at; i < value.length; i++) { run.chars.push(value[i] as string); run.offs.push(exact ? base + i : base); }
  return run;
}

/**
 * The marker of a list item as a prefix: `N.` with N as printed (so gaps stay visible), or `•`; `num` is the number
 * of a list that continues the one before it (its digits stand on the printed ones).
 */
function markerRun(src: string, start: number, end: number, ordered: boolean, num?: number): Run {
  const m = /^([ \t]*)(?:(\d{1,9})[.)]|[-*+])/.exec(src.slice(start, Math.min(end, start + 16)));
  const lead = m?.[1]?.length ?? 0;
  if (ordered && m?.[2] && num !== undefined) {
    const at = start + lead;
    return { chars: [...String(num).split(''), '.'], offs: [...String(num).split('').map(() => at), at + m[2].length] };
  }
  if (ordered && m?.[2]) {
    const digits = String(Number(m[2]));
    const skip = m[2].length - digits.length; // `01.` prints as 1
    const offs = digits.split('').map((_, i) => start + lead + skip + i);
    return { chars: [...digits.split(''), '.'], offs: [...offs, start + lead + m[2].length] };
  }
  return { chars: ['•'], offs: [start + lead] };
}

function block(text: string, offsets: number[], lines: LineIndex, type: 'para' | 'heading' | 'row', depth?: number): Block {
  const offset = offsets[0] ?? 0;
  const b: Block = { type, text, line: lines.position(offset).line, offset, offsets };
  if (depth !== undefined) b.depth = depth;
  return b;
}

function trimmedBlock(r: Run, at: number, lines: LineIndex): Block {
  let s = 0, e = r.chars.length;
  while (s < e && /\s/.test(r.chars[s] as string)) s++;
  while (e > s && /\s/.test(r.chars[e - 1] as string)) e--;
  if (s === e) return block('', [at], lines, 'para');
  const end = e < r.offs.length ? (r.offs[e] as number) : (r.offs[e - 1] as number) + 1;
  return block(r.chars.slice(s, e).join('').replace(/\n/g, ' '), [...r.offs.slice(s, e), end], lines, 'para');
}


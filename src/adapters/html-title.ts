/**
 * A page that prints the document title only in its <title> (`…实施方案_政策文件_某市人民政府`) and starts the body
 * with the text: the title segment is read as the first heading, so meta finds the title, issuer and jurisdiction.
 * Only when the body does not already print it, so a page with an <h1> reads as before.
 */
import type { Block } from '../model.js';
import type { LineIndex } from '../source/lines.js';
import { TITLE_LIKE, TITLE_SEPARATORS } from '../lexicon/html.js';
import { alignText } from './align.js';
import { countCjk, isPlain, type DomNode } from './dom.js';
import { ALIGN, LineBuffer } from './html-blocks.js';
import { printsTitle, squashTitle } from './printed-title.js';

/** A title segment needs this many CJK characters (a column name such as 政策文件 is shorter, and not title-like). */
const MIN_TITLE_CJK = 8;

/** The <title> heading block to put before `blocks`, or null when there is none or the body prints it already. */
export function headTitle(root: DomNode, src: string, lines: LineIndex, blocks: Block[]): Block | null {
  const el = findTitle(root);
  const t = el?.children?.[0];
  if (t === undefined || t.type !== 'text' || t.start < 0) return null;
  const data = t.data;
  let at = 0, seg: [number, number] | null = null;
  for (const part of data.split(TITLE_SEPARATORS)) {
    const from = data.indexOf(part, at);
    at = from + part.length;
    if (countCjk(part, 0, part.length) >= MIN_TITLE_CJK && TITLE_LIKE.test(part)) { seg = [from, at]; break; }
  }
  if (seg === null) return null;
  if (printsTitle(blocks, squashTitle(data.slice(seg[0], seg[1])))) return null;
  const out: Block[] = [];
  const buf = new LineBuffer(lines, out);
  buf.heading = 1;
  if (isPlain(t)) buf.add(src, t.start + seg[0], t.start + seg[1], null, false);
  else buf.add(data, seg[0], seg[1], alignText(data, src, t.start, t.end, ALIGN), false);
  buf.flush();
  return out[0] ?? null;
}

function findTitle(root: DomNode): DomNode | null {
  for (const stack = [root]; stack.length > 0;) {
    const n = stack.pop() as DomNode;
    if (n.name === 'title') return n;
    if (n.name === 'body' || n.name === 'svg') continue;
    const kids = n.children;
    if (kids !== undefined) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as DomNode);
  }
  return null;
}

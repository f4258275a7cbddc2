/**
 * An item mark on a line of its own, its text on the next (`1.` / `抓好农产品领域质量提升。…`): pandoc's Markdown and
 * plain text (its `1\.` escape wraps before a long line of Chinese), a page that sets the number in an element of
 * its own, a PDF whose hanging numbers stand apart. Mark and text are one block, each character at its own offset,
 * so the item keeps its title. Any format.
 */
import type { Block } from '../model.js';
import { blockOffset } from '../source/lines.js';
import { LONE_MARK, MARK_OPENING } from '../lexicon/structure.js';

export function joinHangingMarks(blocks: Block[]): Block[] {
  let out: Block[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block, next = blocks[i + 1];
    if (b.type === 'para' && next?.type === 'para' && LONE_MARK.test(b.text) && /^[\u4e00-\u9fff]/.test(next.text) && !MARK_OPENING.test(next.text)) {
      out ??= blocks.slice(0, i);
      out.push(joined(b, next));
      i++;
      continue;
    }
    out?.push(b);
  }
  return out ?? blocks;
}

function joined(mark: Block, text: Block): Block {
  const m = mark.text.trim();
  const lead = mark.text.indexOf(m);
  const offsets: number[] = [];
  for (let i = 0; i < m.length; i++) offsets.push(blockOffset(mark, lead + i));
  for (let i = 0; i <= text.text.length; i++) offsets.push(blockOffset(text, i));
  const b: Block = { type: 'para', text: m + text.text, line: mark.line, offset: offsets[0] as number, offsets };
  if (mark.page !== undefined) b.page = mark.page;
  return b;
}

/**
 * Paragraphs a scraper wrapped whole in Markdown emphasis (`**某市质量强市建设行动方案**`, `__一、主要目标__`): Markdown
 * saved as text, or printed with its marks. The text inside the marks is the block, at its own offsets, so a title
 * or heading reads as one. Any format; a real Markdown file has no such marks left after remark.
 */
import type { Block } from '../model.js';
import { sliceBlock } from './run-on.js';

const EMPHASIS_LINE = /^(\*\*|__)(?:[^*_]|[^*_].*?[^*_])\1$/;

export function plainEmphasis(blocks: Block[]): Block[] {
  let out: Block[] | null = null;
  blocks.forEach((b, i) => {
    if (b.type !== 'para' || b.text.length < 5 || !EMPHASIS_LINE.test(b.text) || b.text.slice(2, -2).includes(b.text.slice(0, 2))) return;
    const inner = sliceBlock(b, 2, b.text.length - 2);
    if (!inner) return;
    out ??= blocks.slice();
    out[i] = inner;
  });
  return out ?? blocks;
}

/**
 * A list number set apart from its text. Word's and LibreOffice's automatic numbering draw the number (`1.`, `（1）`,
 * `一、`), then a tab to the text's indent: the gap reads as a cell gap, and the item as a table row of two cells
 * (`1. | 产品质量稳步提升。…`) whose wrapped lines no longer join it. A line of two cells, the first a bare outline
 * mark or 专栏 number and the second text that opens with no mark of its own, is one cell. Pure: tested on plain data
 * (test/formats.pdf-office.test.ts).
 */
import type { LayoutCell } from './pdf-layout.js';
import { LONE_BOX_MARK, LONE_MARK, MARK_OPENING } from '../lexicon/structure.js';

export function joinMarkCell(cells: LayoutCell[]): LayoutCell[] {
  if (cells.length !== 2) return cells;
  const [mark, text] = cells as [LayoutCell, LayoutCell];
  const box = LONE_BOX_MARK.test(mark.text);
  if (!(box || LONE_MARK.test(mark.text)) || !/^[\u4e00-\u9fff“《]/.test(text.text) || MARK_OPENING.test(text.text)) return cells;
  // a box's title stands a space from its number (`专栏1 汽车产业质量提升工程`), an item's text runs on from its mark
  return [{ text: mark.text.trim() + (box ? ' ' : '') + text.text, x0: mark.x0, x1: text.x1 }];
}

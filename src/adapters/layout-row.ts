/**
 * Table rows of `pdftotext -layout` output: cells parted by runs of spaces, and the rows one cell short where
 * narrow ruled columns stood a single space apart (unwrap.ts reads hard-wrapped text with them).
 */
import type { Block } from '../model.js';

/**
 * A table row as `pdftotext -layout` prints it: three or more short cells parted by runs of two or more spaces (or
 * by tabs, as a table copied as text is).
 */
export function layoutRow(raw: string, line: number, offset: number): Block | null {
  if (raw.indexOf('  ') < 0 && raw.indexOf('\t') < 0) return null;
  const cells: Block[] = [];
  const piece = /\S+(?: \S+)*/g;
  for (let m = piece.exec(raw); m; m = piece.exec(raw)) cells.push({ type: 'para', text: m[0], line, offset: offset + m.index });
  if (cells.length < 3 || cells.some((c) => c.text.length > 40)) return null;
  const row: Block = { type: 'row', text: raw, line, offset, cells };
  LAYOUT_ROWS.add(row);
  return row;
}
const LAYOUT_ROWS = new WeakSet<Block>();

/**
 * Narrow columns of a ruled table can stand one space apart in `pdftotext -layout` (`单位 2022年` in the header):
 * a row one cell short of the rows around it, with one cell holding one space, is split there.
 */
export function alignRows(blocks: Block[]): void {
  for (let i = 0; i < blocks.length;) {
    let j = i;
    while (j < blocks.length && LAYOUT_ROWS.has(blocks[j] as Block)) j++;
    const run = blocks.slice(i, j);
    i = j === i ? i + 1 : j;
    if (run.length < 3) continue;
    const counts = new Map<number, number>();
    for (const r of run) counts.set(r.cells?.length ?? 0, (counts.get(r.cells?.length ?? 0) ?? 0) + 1);
    const n = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
    for (const r of run) {
      const cells = r.cells ?? [];
      const spaced = cells.filter((c) => c.text.split(' ').length === 2);
      if (cells.length !== n - 1 || spaced.length !== 1) continue;
      const c = spaced[0] as Block;
      const cut = c.text.indexOf(' ');
      cells.splice(cells.indexOf(c), 1, { ...c, text: c.text.slice(0, cut) }, { ...c, text: c.text.slice(cut + 1), offset: c.offset + cut + 1 });
    }
  }
}

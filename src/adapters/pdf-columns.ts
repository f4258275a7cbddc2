/**
 * Table columns from the rows around a row. A browser prints a page's `<table>` with a few points of padding between
 * cells, no wider than a space (`序号 指标`, `全社会…比重 %`): the gap alone cannot part such cells, but the column
 * starts can, since the cells of a column start at one x in every row. Pure: tested on plain data
 * (test/formats.pdf-office.test.ts).
 */
import type { LayoutLine } from './pdf-layout.js';

/** Starts this close (in points) are one column. */
const SAME_X = 1.5;

/** A run of table rows: consecutive lines of two cells or more, at least two of them with three or more. */
export function tableRuns(lines: LayoutLine[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && (lines[j] as LayoutLine).cells.length >= 2) j++;
    if (lines.slice(i, j).filter((l) => l.cells.length >= 3).length >= 2) runs.push([i, j]);
    i = Math.max(j, i + 1);
  }
  return runs;
}

/** The x where the cells of a column start: a start shared by at least two rows of three cells or more. */
export function columnStarts(rows: LayoutLine[]): number[] {
  const starts: Array<{ x: number; n: number }> = [];
  for (const r of rows) {
    if (r.cells.length < 3) continue;
    for (const c of r.cells) {
      const s = starts.find((k) => Math.abs(k.x - c.x0) <= SAME_X);
      if (s) s.n++; else starts.push({ x: c.x0, n: 1 });
    }
  }
  return starts.filter((s) => s.n >= 2).map((s) => s.x);
}

/** Whether an item starting at `x` opens a column. */
export const atColumn = (cuts: readonly number[], x: number) => cuts.some((c) => Math.abs(c - x) <= SAME_X);

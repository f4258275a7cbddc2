/**
 * Merged cells of a Word table, rebuilt so that each row keeps its columns. Word writes a cell merged down the
 * rows as a first cell (`<w:vMerge w:val="restart"/>`) and an empty continuing cell in each row under it
 * (`<w:vMerge/>`), and a cell merged across columns as one cell with `<w:gridSpan w:val="2"/>`.
 *
 * - In the rows of data, a continuing cell takes the text of the cell it continues: a 分工表 merges one
 *   牵头单位 down the rows of the tasks it leads, and each of those tasks has that lead.
 * - In a header printed over two rows (序号, 指标名称 … merged down beside 目标值 spanning `2025年 | 2030年`),
 *   the continuing cells are left out, as an HTML table's rowspan leaves them out, so the second row is the
 *   sub-header of years that the table readers merge under its spanning cell (extract/table-header.ts).
 */
import { kid, val, type XmlElement } from './xml.js';

type Merge = 'restart' | 'continue' | null;

function merge(tc: XmlElement): Merge {
  const v = kid(kid(tc, 'tcPr'), 'vMerge');
  if (v === undefined) return null;
  return v.attrs.val === 'restart' ? 'restart' : 'continue';
}

const span = (tc: XmlElement) => Math.max(1, Number(val(kid(tc, 'tcPr'), 'gridSpan') ?? 1) || 1);
const before = (tr: XmlElement) => Math.max(0, Number(val(kid(tr, 'trPr'), 'gridBefore') ?? 0) || 0);

/** The rows' cells with vertical merges resolved; `tcs[r][c]` is the cell element of `cells[r][c]`. */
export function mergedCells<T>(trs: XmlElement[], tcs: XmlElement[][], cells: T[][]): T[][] {
  // the grid column where each cell starts
  const cols = tcs.map((row, r) => {
    let at = before(trs[r] as XmlElement);
    return row.map((tc) => { const c = at; at += span(tc); return c; });
  });
  const merges = tcs.map((row) => row.map(merge));
  // the header: the first row and the rows its merged-down cells reach
  let headerEnd = 0;
  (merges[0] ?? []).forEach((m, i) => {
    if (m !== 'restart') return;
    const col = (cols[0] as number[])[i];
    let r = 1;
    while (r < tcs.length && (merges[r] as Merge[])[(cols[r] as number[]).indexOf(col as number)] === 'continue') r++;
    headerEnd = Math.max(headerEnd, r - 1);
  });
  if (!merges.some((row) => row.includes('continue'))) return cells;
  const above = new Map<number, T>();
  return cells.map((row, r) => row.flatMap((cell, i) => {
    const col = (cols[r] as number[])[i] as number;
    if ((merges[r] as Merge[])[i] !== 'continue') { above.set(col, cell); return [cell]; }
    if (r <= headerEnd) return [];
    return [above.get(col) ?? cell];
  }));
}

/**
 * The header test of a table typed with spaces (`序号 指标名称 单位 2022年 2025年 属性`), shared by the block reader
 * (spaced-table.ts) and the hard-wrap joiner (unwrap.ts), which must not join such a table's lines.
 */
import type { Block } from '../model.js';
import { columnRole, DIVISION_LEAD, DIVISION_OTHER, DIVISION_RESPONSIBLE, DIVISION_TASK, YEAR_ROWS_CORNER, type TableColumnRole } from '../lexicon/appendix.js';

const GAP = /[\t \u00a0\u3000]+/g;
/** Longest header cell and header line: a column name, not a clause. */
const HEADER_CELL_MAX = 12;
const HEADER_MAX = 80;
/** The same for a transposed table's header, whose cells are indicator names. */
const NAME_CELL_MAX = 30;
const TURNED_HEADER_MAX = 240;

/** The pieces of a line between runs of blanks: [start, end) in the block's text. */
export function pieces(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  GAP.lastIndex = 0;
  for (let m = GAP.exec(text); m; m = GAP.exec(text)) {
    if (m.index > at) out.push([at, m.index]);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push([at, text.length]);
  return out;
}

/** The roles of a header line's cells, or null when the line is no table header. */
export function headerRoles(b: Block): Array<TableColumnRole | null> | null {
  const t = b.text.trim();
  if (b.type !== 'para' || t.length > TURNED_HEADER_MAX || !/[\t \u00a0\u3000]/.test(t)) return null;
  const cells = pieces(b.text).map(([s, e]) => b.text.slice(s, e));
  // a transposed table (`年份 | 合格率（%） | …`, years as rows): its header cells are the indicators' names
  if (cells.length >= 3 && YEAR_ROWS_CORNER.test(cells[0] as string) && cells.every((c) => c.length <= NAME_CELL_MAX)) return cells.map((_, k) => (k === 0 ? 'name' : null));
  if (t.length > HEADER_MAX || cells.length < 3 || cells.some((c) => c.length > HEADER_CELL_MAX)) return null;
  const division = divisionRoles(cells);
  if (division) return division;
  const roles = cells.map(columnRole);
  const known = roles.filter((r) => r !== null).length;
  if (!roles.includes('name') || !(roles.includes('target') || roles.includes('unit')) || known < Math.max(3, cells.length - 1)) return null;
  return roles;
}

/**
 * A 重点任务分工表's header (`序号 重点任务 牵头单位 配合单位 完成时限`): a sequence column, one task column (and
 * maybe one of its measures), agency columns and nothing else but a due date or remarks. The task column takes the surplus of a row, as a name does.
 */
function divisionRoles(cells: string[]): Array<TableColumnRole | null> | null {
  const roles: Array<TableColumnRole | null> = [];
  let seq = 0, task = 0, agency = 0;
  for (const c of cells) {
    const role = columnRole(c);
    // a second task column (`重点任务 具体工作`: each task's measures, a row each) is free text as a note is
    if (role === 'seq') { seq++; roles.push('seq'); } else if (DIVISION_LEAD.test(c) || DIVISION_RESPONSIBLE.test(c)) { agency++; roles.push('agency'); } else if (DIVISION_TASK.test(c)) { task++; roles.push(task === 1 ? 'name' : 'note'); } else if (DIVISION_OTHER.test(c)) roles.push('note');
    else return null;
  }
  return seq === 1 && (task === 1 || task === 2) && agency >= 1 ? roles : null;
}

/**
 * The lines that form a space-parted table (a header and the rows under it, blank lines between them skipped),
 * each mapped to the number of lines its row takes: 2 where the row was wrapped, its tail on the next line with
 * too few cells to be a row (`2 农产品质量安全抽检合格率 % 98.2 ≥98.` / `5 约束性`). The hard-wrap joiner keeps each
 * row a line of its own, for {@link spacedTables} to read.
 */
export function spacedTableLines(lines: string[]): Map<number, 1 | 2> {
  const out = new Map<number, 1 | 2>();
  const next = (j: number) => { while (j < lines.length && (lines[j] as string).trim() === '') j++; return j; };
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i] as string;
    const roles = header.trim() === '' ? null : headerRoles({ type: 'para', text: header, line: 0, offset: 0 });
    if (!roles) continue;
    const n = roles.length;
    const rows = new Map<number, 1 | 2>();
    let last = i;
    for (let j = next(i + 1); j < lines.length; j = next(j + 1)) {
      const t = (lines[j] as string).trim();
      if (pieces(t).length >= n) { rows.set(j, 1); last = j; continue; }
      const k = next(j + 1);
      const tail = (lines[k] as string | undefined)?.trim() ?? '';
      if (tail === '' || pieces(tail).length >= n || pieces(t + tail).length < n) break;
      rows.set(j, 2);
      last = j = k;
    }
    if (rows.size === 0) continue;
    out.set(i, 1);
    for (const [r, span] of rows) out.set(r, span);
    i = last;
  }
  return out;
}

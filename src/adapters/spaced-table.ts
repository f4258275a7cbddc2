/**
 * Tables a scraper printed as lines of text with the cells parted by spaces or tabs (a web table copied as
 * text, `innerText`): `序号 指标名称 单位 2022年 2025年 属性` and then `1 制造业产品质量合格率 % 93.5 ≥95 预期性`.
 * Such lines become `row` blocks, as pipe rows do, so the indicator and appendix readers see a table.
 *
 * The header decides: a short line whose every cell is short and whose cells name a table's columns (a name
 * column and a unit or target column at least, src/lexicon/appendix.ts; or a 分工表's 序号, task and agency columns). The lines after it are rows while they
 * split into as many cells; a row with more cells than the header has spaces inside its name cell (the only
 * free text of such a table), so the surplus is given back to that cell. Prose never passes the header test.
 */
import type { Block } from '../model.js';
import { columnRole, DIVISION_LEAD, DIVISION_OTHER, DIVISION_RESPONSIBLE, DIVISION_TASK, type TableColumnRole } from '../lexicon/appendix.js';
import { sliceBlock } from './run-on.js';

const GAP = /[\t \u00a0\u3000]+/g;
/** Longest header cell and header line: a column name, not a clause. */
const HEADER_CELL_MAX = 12;
const HEADER_MAX = 80;

/** The pieces of a line between runs of blanks: [start, end) in the block's text. */
function pieces(text: string): Array<[number, number]> {
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
function headerRoles(b: Block): Array<TableColumnRole | null> | null {
  const t = b.text.trim();
  if (b.type !== 'para' || t.length > HEADER_MAX || !/[\t \u00a0\u3000]/.test(t)) return null;
  const cells = pieces(b.text).map(([s, e]) => b.text.slice(s, e));
  if (cells.length < 3 || cells.some((c) => c.length > HEADER_CELL_MAX)) return null;
  const division = divisionRoles(cells);
  if (division) return division;
  const roles = cells.map(columnRole);
  const known = roles.filter((r) => r !== null).length;
  if (!roles.includes('name') || !(roles.includes('target') || roles.includes('unit')) || known < Math.max(3, cells.length - 1)) return null;
  return roles;
}

/**
 * A 重点任务分工表's header (`序号 重点任务 牵头单位 配合单位 完成时限`): a sequence column, one task column, agency
 * columns and nothing else but a due date or remarks. The task column takes the surplus of a row, as a name does.
 */
function divisionRoles(cells: string[]): Array<TableColumnRole | null> | null {
  const roles: Array<TableColumnRole | null> = [];
  let seq = 0, task = 0, agency = 0;
  for (const c of cells) {
    const role = columnRole(c);
    if (role === 'seq') { seq++; roles.push('seq'); } else if (DIVISION_LEAD.test(c) || DIVISION_RESPONSIBLE.test(c)) { agency++; roles.push('agency'); } else if (DIVISION_TASK.test(c)) { task++; roles.push('name'); } else if (DIVISION_OTHER.test(c)) roles.push('note');
    else return null;
  }
  return seq === 1 && task === 1 && agency >= 1 ? roles : null;
}

/** `b` as a row of `n` cells, merging a surplus into the name column; null when it does not split so. */
function asRow(b: Block, n: number, nameCol: number): Block | null {
  if (b.type !== 'para' || b.text.indexOf('\n') >= 0) return null;
  const ps = pieces(b.text);
  if (ps.length < n) return null;
  if (ps.length > n) {
    const extra = ps.length - n;
    ps.splice(nameCol, extra + 1, [(ps[nameCol] as [number, number])[0], (ps[nameCol + extra] as [number, number])[1]]);
  }
  const cells = ps.map(([s, e]) => sliceBlock(b, s, e)).filter((c): c is Block => c !== null);
  if (cells.length !== n) return null;
  const row: Block = { type: 'row', text: b.text, line: b.line, offset: b.offset, cells };
  if (b.offsets) row.offsets = b.offsets;
  if (b.page !== undefined) row.page = b.page;
  return row;
}

/** The blocks with every space-parted table (a header and at least one row) turned into `row` blocks. */
export function spacedTables(blocks: Block[]): Block[] {
  let out: Block[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const roles = headerRoles(blocks[i] as Block);
    if (!roles) continue;
    const n = roles.length;
    const nameCol = roles.indexOf('name');
    const rows: Block[] = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const r = asRow(blocks[j] as Block, n, nameCol);
      if (!r) break;
      rows.push(r);
    }
    if (rows.length === 0) continue;
    const header = asRow(blocks[i] as Block, n, nameCol) as Block;
    out ??= blocks.slice();
    out.splice(i, rows.length + 1, header, ...rows);
    i += rows.length;
  }
  return out ?? blocks;
}

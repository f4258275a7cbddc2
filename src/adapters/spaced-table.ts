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
import { sliceBlock } from './run-on.js';
import { headerRoles, pieces } from './spaced-header.js';

/** `b` as a row of `n` cells, merging a surplus into the name column; null when it does not split so. */
function asRow(b: Block, n: number, nameCol: number, tabbed = false): Block | null {
  if (b.type !== 'para' || b.text.indexOf('\n') >= 0) return null;
  // a row of a tab-parted table that leaves cells empty (`\t\t建设…\t市市场监管局`: a 分工表's second measure of
  // the task above) keeps them: one tab parts two cells
  if (tabbed && b.text.indexOf('\t') >= 0 && b.text.split('\t').length === n) return tabRow(b, n);
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

function tabRow(b: Block, n: number): Block | null {
  const cells: Block[] = [];
  let at = 0;
  for (const part of b.text.split('\t')) {
    const cell = sliceBlock(b, at, at + part.length);
    cells.push(cell ?? { type: 'para', text: '', line: b.line, offset: b.offsets ? (b.offsets[at] as number) : b.offset + at });
    at += part.length + 1;
  }
  if (cells.length !== n || cells.every((c) => c.text === '')) return null;
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
    const tabbed = (blocks[i] as Block).text.trim().split('\t').length === n;
    const rows: Block[] = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const r = asRow(blocks[j] as Block, n, nameCol, tabbed);
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

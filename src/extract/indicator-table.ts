/**
 * Targets from an indicator table, wherever it stands (a 专栏 in the body, an appendix), real or rebuilt from a
 * flattened scrape. The header says what each column holds: the value of a target is the cell under a target year
 * (or 目标值), never a base year, a 属性 or a responsible agency. A table without such a header falls back to the
 * last cell of the row that reads as a value, as the old appendix reader did.
 */
import type { Comparator } from '../model.js';
import type { Collector } from '../diagnostics.js';
import type { ColumnNode, Outline } from '../outline/outline.js';
import { orig, reading, unfoldFound, type View } from '../source/view.js';
import { CELL_PREFIX_COMPARATORS, columnRole, INDICATOR_TABLE_COLUMN, INDICATOR_TABLE_TITLE, NOT_APPLICABLE, TARGET_HEADER_WORD, type TableColumnRole } from '../lexicon/appendix.js';
import { CHANGE_WORDS, PREFIX_COMPARATORS, SUFFIX_COMPARATORS } from '../lexicon/targets.js';
import { MEASURE_WORDS } from '../lexicon/measures.js';
import { buildTable, type TableOut } from './appendix.js';
import { measureFromName } from './measures.js';
import type { TargetList } from './targets/collect.js';

/** What a value cell says. */
export interface CellValue {
  value: number;
  unit: string | null;
  comparator: Comparator;
}

/** One target read from a row: which cell names it, which holds its value, and the value. */
export interface RowTarget<C> {
  nameCell: C;
  valueCell: C;
  value: CellValue;
  year: number | null;
  /** Whether the year is the value column's own (`2025年(目标)`) rather than the fallback. */
  yearOwn: boolean;
  /** The unit column's cell, when the table has one and it says something. */
  unitCell: C | null;
}

const YEAR = /(\d{4})\s*年/;
const SUFFIXES = [...SUFFIX_COMPARATORS].sort((a, b) => b[0].length - a[0].length);
/** The comparator words of running text, longest first; a change (`提高2个百分点`) is no level and stays unread. */
const PREFIX_WORDS = PREFIX_COMPARATORS.filter(([w]) => !CHANGE_WORDS.test(w)).sort((a, b) => b[0].length - a[0].length);
const CELL_UNITS = [...MEASURE_WORDS].sort((a, b) => b.length - a.length);

/** The role of each header cell. */
export function columnRoles(header: readonly string[]): Array<TableColumnRole | null> {
  return header.map((h) => {
    const t = h.replace(/\s+/g, '');
    if (t === '') return null;
    return columnRole(t);
  });
}

/**
 * A value cell: a number with an optional comparator mark before it, a unit and a comparator word after it
 * (`≥98%`, `98以上`, `2.5万`, `15`). Null when the cell is not one value (a range of words, two numbers, 预期性).
 */
export function readValueCell(cell: string): CellValue | null {
  let s = cell.replace(/\s+/g, '').replace(/，/g, ',');
  // `[30]` / `【30】`: a total over the plan's period (累计), printed in square brackets; the value is the total
  const total = /^(?:\[|【|［)(.+)(?:\]|】|］)$/.exec(s);
  if (total) s = total[1] as string;
  if (s === '' || NOT_APPLICABLE.test(s)) return null;
  let comparator: Comparator | null = null;
  for (const [w, c] of CELL_PREFIX_COMPARATORS) {
    if (s.startsWith(w)) { comparator = c; s = s.slice(w.length); break; }
  }
  // a word before the number, as in running text (`不少于1000`, `达到95%`, `控制在0.5以内`)
  if (comparator === null) {
    const word = PREFIX_WORDS.find(([w]) => s.startsWith(w) && /^\d/.test(s.slice(w.length)));
    if (word) { comparator = word[1]; s = s.slice(word[0].length); }
  }
  for (const [w, c] of SUFFIXES) {
    if (s.endsWith(w)) { comparator ??= c; s = s.slice(0, -w.length); break; }
  }
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(s);
  if (!m) return null;
  let rest = m[2] as string;
  let unit: string | null = null;
  if (rest === '％') rest = '%';
  if (rest !== '') {
    const u = CELL_UNITS.find((x) => rest === x);
    if (!u) return null;
    unit = u;
  }
  return { value: Number(m[1]), unit, comparator: comparator ?? '>=' };
}

/**
 * The targets of a table's rows. `text` gives a cell's text; `fallbackYear` stands for a value column that names no
 * year; `goalYear` (the plan's first horizon year) tells base-year columns from target-year ones. Rows may be one
 * cell short of the header where a merged category cell (rowspan) was printed only in a group's first row.
 */
export function tableTargets<C>(header: readonly string[], rows: readonly C[][], text: (c: C) => string, fallbackYear: number | null, goalYear: number | null = null): Array<RowTarget<C>> {
  const roles = columnRoles(header);
  // a bare year column before the plan's goal year (`2020年 | 2025年`) holds the base value, not a target
  const targetCols = roles.flatMap((r, i) => {
    if (r !== 'target') return [];
    const y = YEAR.exec(header[i] ?? '');
    const bare = !TARGET_HEADER_WORD.test(header[i] ?? '');
    return y && bare && goalYear !== null && Number(y[1]) < goalYear ? [] : [i];
  });
  const out: Array<RowTarget<C>> = [];
  for (const row of rows) {
    // align the row with the header: a missing leading category cell shifts the row right by one
    const shift = row.length === header.length - 1 && roles[0] === 'category' ? 1 : row.length === header.length ? 0 : null;
    const at = (col: number): C | undefined => (shift === null ? undefined : row[col - shift]);
    const nameCol = shift === null ? -1 : roles.findIndex((r, i) => r === 'name' && at(i) !== undefined && text(at(i) as C).trim() !== '');
    if (shift !== null && nameCol >= 0 && targetCols.length > 0) {
      const nameCell = at(nameCol) as C;
      const unitCol = roles.indexOf('unit');
      const unitCell = unitCol >= 0 ? at(unitCol) : undefined;
      const unitText = unitCell !== undefined ? text(unitCell).trim() : '';
      for (const col of targetCols) {
        const cell = at(col);
        if (cell === undefined) continue;
        const value = readValueCell(text(cell));
        if (!value) continue;
        const y = YEAR.exec(header[col] ?? '');
        out.push({ nameCell, valueCell: cell, value, year: y ? Number(y[1]) : fallbackYear, yearOwn: y !== null, unitCell: unitText === '' || NOT_APPLICABLE.test(unitText) ? null : (unitCell as C) });
      }
      continue;
    }
    // no usable header: the name is the second cell (after 序号), the value the last
    if (row.length < 3) continue;
    const last = row[row.length - 1] as C;
    const value = readValueCell(text(last));
    if (!value) continue;
    out.push({ nameCell: row[1] as C, valueCell: last, value, year: fallbackYear, yearOwn: false, unitCell: null });
  }
  return out;
}

/** Whether a table says it lists indicators, by its title or a header cell. */
export function isIndicatorTable(title: string, columns: readonly string[]): boolean {
  return INDICATOR_TABLE_TITLE.test(title) || columns.some((c) => INDICATOR_TABLE_COLUMN.test(c));
}

/**
 * The year that parts base-year columns from target-year ones: the plan's first horizon year, or, where the text
 * reaches none (a page of the 附件 table alone), the year after the document's: a column of its own year or before
 * (`2022年` in a 2023 plan) is history.
 */
const goalYearOf = (list: TargetList): number | null => list.fallbackYear ?? (list.docYear === null ? null : list.docYear + 1);

/**
 * Adds the targets of an indicator table's rows to `list`. `tableYear` stands for a value column that names no
 * year (null: the plan's first horizon year, marked as inferred). The indicator is the name cell as printed,
 * without the unit it prints in brackets (`合格率(%)`); the quote keeps them.
 */
export function readTableTargets(t: TableOut, head: View, where: string, tableYear: number | null, list: TargetList): void {
  const fallback = tableYear ?? list.fallbackYear;
  // the header as printed; its words are matched through the script fold (`單位` as `单位`)
  const header = t.table.columns.map((c) => reading(head, c));
  for (const r of tableTargets(header, t.cellViews, (v) => v.norm, fallback, goalYearOf(list))) {
    const quote = orig(r.nameCell).trim();
    const unit = r.value.unit !== null ? unfoldFound(r.valueCell, r.value.unit)
      : r.unitCell !== null ? orig(r.unitCell).trim()
      : unfoldFound(r.nameCell, measureFromName(r.nameCell.norm));
    const bracket = unit === '' ? null : new RegExp(`\\s*[(（]\\s*${unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*[)）]$`);
    const indicator = bracket ? quote.replace(bracket, '') : quote;
    const ownYear = /\((\d{4})年\)/.exec(r.nameCell.norm);
    const p = list.at(r.nameCell, 0);
    list.targets.push({
      indicator, value: r.value.value, unit, comparator: r.value.comparator,
      year: ownYear ? Number(ownYear[1]) : r.year, year_inferred: !ownYear && !r.yearOwn && tableYear === null,
      where, quote, line: p.line, column: p.column,
    });
  }
}

/** The year a table's title names last (`2025年主要指标`): it stands for a value column that names none. */
export function titleYear(title: string): number | null {
  const ys = [...title.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
  return ys.length ? (ys[ys.length - 1] as number) : null;
}

/**
 * The indicator table held by `views` under `head` (real rows, or cells a scraper flattened one per line), or null
 * when they build no table, its title and header name no indicator or target column, or no row gives a target.
 * `rebuilt` counts the rows rebuilt from flattened cells (0 for real rows).
 */
function indicatorTable(head: View, title: string, views: View[], list: TargetList, ctx: Collector): { t: TableOut; rebuilt: number } | null {
  let rebuilt = 0;
  const t = buildTable({ number: '', head, views }, ctx, { title, flattened: (_, n) => { rebuilt = n; } });
  if (!t) return null;
  const header = t.table.columns.map((h) => reading(head, h));
  if (!isIndicatorTable(reading(head, t.table.title), header)) return null;
  if (tableTargets(header, t.cellViews, (v: View) => v.norm, null, goalYearOf(list)).length === 0) return null;
  return { t, rebuilt };
}

/**
 * Reads the indicator tables of the body outside any 专栏 (`表1 主要指标` under 主要目标, or rows with no caption):
 * their targets are the plan's goals. A table whose header names no indicator or target column is left alone.
 */
export function readBodyTables(o: Outline, list: TargetList, ctx: Collector): void {
  for (const b of o.tables) {
    const views = b.views.filter((v) => !list.covered.has(v));
    if (views.length < (b.title ? 3 : 2)) continue;
    const found = indicatorTable(b.head, b.title, views, list, ctx);
    if (!found) continue;
    if (found.rebuilt > 0) ctx.report('body-table-flattened', b.head.b.line, `the table '${found.t.table.title}' was flattened one cell per line; rebuilt ${found.rebuilt} rows`);
    for (const v of views) list.covered.add(v);
    readTableTargets(found.t, b.head, 'goals', titleYear(b.title), list);
  }
}

/**
 * The indicator tables under 专栏 heads (rows, or cells a scraper flattened one per line). Their views are marked
 * as read, so the goals and prose readers leave them to {@link readTableTargets}.
 */
export function columnTables(o: Outline, list: TargetList, ctx: Collector): Map<ColumnNode, TableOut> {
  const out = new Map<ColumnNode, TableOut>();
  for (const c of o.columns) {
    if (c.table.length < 3) continue;
    const found = indicatorTable(c.head, c.title, c.table, list, ctx);
    if (!found) continue;
    if (found.rebuilt > 0) ctx.report('column-table-flattened', c.head.b.line, `the table of 专栏${c.number} was flattened one cell per line; rebuilt ${found.rebuilt} rows`);
    out.set(c, found.t);
    for (const v of c.table) list.covered.add(v);
  }
  return out;
}

/**
 * Targets from an indicator table, wherever it stands (a 专栏 in the body, an appendix), real or rebuilt from a
 * flattened scrape. The header says what each column holds: the value of a target is the cell under a target year
 * (or 目标值), never a base year, a 属性 or a responsible agency. A table without such a header falls back to the
 * last cell of the row that reads as a value, as the old appendix reader did.
 */
import type { Comparator } from '../model.js';
import { CELL_PREFIX_COMPARATORS, COLUMN_ROLES, NOT_APPLICABLE, type TableColumnRole } from '../lexicon/tables.js';
import { SUFFIX_COMPARATORS, UNITS } from '../lexicon/targets.js';

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
  /** The unit column's text, when the table has one. */
  unit: string | null;
}

const YEAR = /(\d{4})\s*年/;
const TARGET_WORD = /目标|规划|预期/;
const SUFFIXES = [...SUFFIX_COMPARATORS].sort((a, b) => b[0].length - a[0].length);
const CELL_UNITS = [...UNITS].sort((a, b) => b.length - a.length);

/** The role of each header cell. */
export function columnRoles(header: readonly string[]): Array<TableColumnRole | null> {
  return header.map((h) => {
    const t = h.replace(/\s+/g, '');
    if (t === '') return null;
    return COLUMN_ROLES.find(([, re]) => re.test(t))?.[0] ?? null;
  });
}

/**
 * A value cell: a number with an optional comparator mark before it, a unit and a comparator word after it
 * (`≥98%`, `98以上`, `2.5万`, `15`). Null when the cell is not one value (a range of words, two numbers, 预期性).
 */
export function readValueCell(cell: string): CellValue | null {
  let s = cell.replace(/\s+/g, '').replace(/，/g, ',');
  if (s === '' || NOT_APPLICABLE.test(s)) return null;
  let comparator: Comparator | null = null;
  for (const [w, c] of CELL_PREFIX_COMPARATORS) {
    if (s.startsWith(w)) { comparator = c; s = s.slice(w.length); break; }
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
    const bare = !TARGET_WORD.test(header[i] ?? '');
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
      const unitText = unitCol >= 0 && at(unitCol) !== undefined ? text(at(unitCol) as C).trim() : '';
      for (const col of targetCols) {
        const cell = at(col);
        if (cell === undefined) continue;
        const value = readValueCell(text(cell));
        if (!value) continue;
        const y = YEAR.exec(header[col] ?? '');
        out.push({ nameCell, valueCell: cell, value, year: y ? Number(y[1]) : fallbackYear, unit: unitText === '' || NOT_APPLICABLE.test(unitText) ? null : unitText });
      }
      continue;
    }
    // no usable header: the name is the second cell (after 序号), the value the last
    if (row.length < 3) continue;
    const last = row[row.length - 1] as C;
    const value = readValueCell(text(last));
    if (!value) continue;
    out.push({ nameCell: row[1] as C, valueCell: last, value, year: fallbackYear, unit: null });
  }
  return out;
}

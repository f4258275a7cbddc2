/**
 * appendix: attachment tables as rows. Real tables (HTML `<table>`, pipe rows) are taken as they are; tables
 * the scraper flattened one cell per line (附件1 指标 / 附件2 项目) are rebuilt from their sequence numbers:
 * a cell equal to the next 序号 starts a row, long descriptive cells label the rows that follow. Indicator tables
 * give targets: one per row with a plain value, and those in the group labels' text.
 */
import type { AppendixTable } from '../model.js';
import type { Collector } from '../diagnostics.js';
import type { Outline } from '../outline/outline.js';
import { makeView, orig, reading, unfoldFound, type View } from '../source/view.js';
import { isIndicatorTable, readTableTargets } from './indicator-table.js';
import type { TargetList } from './targets/collect.js';
import { maySpanFlattened, mergeSubHeader } from './table-header.js';
import {
  ATTACHMENT_LABEL, NOT_APPLICABLE, SEQUENCE_HEADER, YEAR_ROW_LABEL, YEAR_ROWS_CORNER,
} from '../lexicon/appendix.js';

export interface TableOut {
  table: AppendixTable;
  /** Per row: the view of each cell (for positions). */
  cellViews: View[][];
  /** Descriptive cells (group labels) with the rows they label. */
  groups: Array<{ v: View; firstRow: number }>;
  headerYears: number[];
}

/** A cell of a Markdown table's rule line (`---`, `:---:`). */
const RULE_CELL = /^:?-{3,}:?$/;
const isRule = (v: View) => (v.b.cells ?? []).some((c) => RULE_CELL.test(c.text.trim())) && (v.b.cells ?? []).every((c) => c.text.trim() === '' || RULE_CELL.test(c.text.trim()));
const isNumberCell = (s: string) => /^\d{1,3}$/.test(s.trim());
const isLong = (s: string) => s.length > 40 || /。/.test(s);

/**
 * Rebuilds one attachment's (or 专栏's) table; null when it holds none. `title`: the table's title when the caller
 * knows it (a 专栏's); `flattened`: says a flattened table was rebuilt (by default as an appendix table).
 */
export function buildTable(att: { number: string; head: View; views: View[] }, ctx: Collector, opts: { title?: string; flattened?: (title: string, rows: number) => void } = {}): TableOut | null {
  const views = att.views.filter((v) => v.norm.trim() !== '');
  if (views.length === 0) return null;
  // title: the attachment's own line after `附件1`, or the first short line after it
  let title = opts.title ?? unfoldFound(att.head, att.head.norm.replace(ATTACHMENT_LABEL, '').trim());
  let k = 0;
  if (!title && views[0] && views[0].b.type !== 'row' && !isNumberCell(views[0].norm) && views[0].norm.length <= 60) { title = orig(views[0]).trim(); k = 1; }

  // a Markdown-style table typed into a text file: its `| --- |` rule is no row
  const rowsFromTable = views.slice(k).filter((v) => v.b.type === 'row' && v.b.cells && !isRule(v));
  if (rowsFromTable.length >= 2) {
    const [head, ...rest] = rowsFromTable as View[];
    // `| a | b |`: the empty cells outside the first and last bar are no columns
    const edge = (at: (n: number) => number) => rowsFromTable.every((r) => { const cs = r.b.cells ?? []; return cs.length > 1 && (cs[at(cs.length)]?.text.trim() ?? '') === ''; });
    const dropFirst = edge(() => 0) ? 1 : 0, dropLast = edge((n) => n - 1) ? 1 : 0;
    const cells = (v: View) => (v.b.cells ?? []).slice(dropFirst, (v.b.cells ?? []).length - dropLast).map((c) => c.text.trim());
    // a header over two rows (a cell spanning the years under it): one header, and the rows start after it
    const spanned = rest.length >= 2 ? mergeSubHeader(cells(head as View), cells(rest[0] as View), cells(rest[1] as View).length) : null;
    const body = spanned ? rest.slice(1) : rest;
    const columns = spanned ?? cells(head as View);
    const cellViewsOf = (r: View) => (r.b.cells?.length ? r.b.cells.slice(dropFirst, r.b.cells.length - dropLast).map((c) => makeView(c, r.i, r.fold)) : [r]);
    if (!spanned && isTransposed(columns, body.map(cells))) return turned(att, title, head as View, body, cellViewsOf);
    return {
      table: {
        title, number: att.number || null, columns, rows: body.map((r) => cells(r).map((c) => (NOT_APPLICABLE.test(reading(r, c)) ? null : c))),
        row_lines: body.map((r) => r.b.line), line: att.head.b.line,
      },
      // a real table (HTML <table>, GFM, pipe rows) has its cells: indicator and value are read from them
      cellViews: body.map(cellViewsOf),
      groups: [],
      headerYears: yearsIn(columns.join(' ')),
    };
  }

  // flattened: header cells until the first `1`
  const cells = views.slice(k).filter((v) => v.b.type !== 'row');
  const header: View[] = [];
  const groups: TableOut['groups'] = [];
  let i = 0;
  for (; i < cells.length; i++) {
    const c = cells[i] as View;
    if (c.norm.trim() === '1' && cells[i + 1] && !isNumberCell((cells[i + 1] as View).norm)) break;
    if (isLong(c.norm)) groups.push({ v: c, firstRow: 0 });
    else header.push(c);
  }
  if (i >= cells.length) return null;
  const rows: View[][] = [];
  let expected = 1;
  // the width of the first row is the header's from 序号 on, when the header has one; else it is learned from it
  const seqHead = header.findIndex((h) => SEQUENCE_HEADER.test(h.norm.trim()));
  // …unless the header may have a second row of years (then the first row tells)
  const twoRows = seqHead >= 0 && maySpanFlattened(header.slice(seqHead).map((h) => h.norm.trim()));
  let width = seqHead >= 0 && !twoRows ? header.length - seqHead : 0;
  for (; i < cells.length; i++) {
    const c = cells[i] as View;
    const t = c.norm.trim();
    const current = rows[rows.length - 1];
    if (t === String(expected) && (!current || current.length >= Math.max(2, width))) {
      if (current && rows.length === 1) width = Math.max(width, current.length);
      rows.push([c]);
      expected++;
      continue;
    }
    if (isLong(t) && current && current.length >= Math.max(2, width)) {
      groups.push({ v: c, firstRow: rows.length });
      continue;
    }
    current?.push(c);
  }
  if (rows.length === 0) return null;
  width = Math.max(...rows.map((r) => r.length));
  const seqAt = seqHead;
  const after = seqAt >= 0 ? header.slice(seqAt).map((h) => orig(h).trim()) : header.map((h) => orig(h).trim());
  // the name column's header cell is often blank and lost: put an empty name after 序号
  // a header over two rows comes flattened as its first row, then the cells of the second (`…目标值 属性 2025年 2030年`)
  const subs = after.length - width + 1;
  const spanned = subs >= 2 && subs < after.length ? mergeSubHeader(after.slice(0, -subs), after.slice(-subs), width) : null;
  const columns = spanned ?? (after.length === width - 1 && after.length >= 1 ? [after[0] as string, '', ...after.slice(1)] : after);
  const rowGroup = (r: number): string | null => {
    let g: string | null = null;
    for (const x of groups) if (x.firstRow <= r) g = orig(x.v).trim();
    return g;
  };
  if (opts.flattened) opts.flattened(title, rows.length);
  else ctx.report('appendix-flattened', att.head.b.line, `table '${reading(att.head, title)}' was flattened one cell per line; rebuilt ${rows.length} rows`);
  return {
    table: {
      title, number: att.number || null, columns,
      rows: rows.map((r) => r.map((c) => (NOT_APPLICABLE.test(c.norm.trim()) ? null : orig(c).trim()))),
      row_lines: rows.map((r) => (r[0] as View).b.line),
      row_groups: rows.map((_, r) => rowGroup(r)),
      line: att.head.b.line,
    },
    cellViews: rows,
    groups,
    headerYears: spanned ? yearsIn(spanned.join(' ')) : yearsIn(header.map((h) => h.norm).join(' ')),
  };
}

function yearsIn(s: string): number[] {
  return [...s.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
}

/** Reads the attachments' tables; the rows and group labels of indicator tables go to the targets. */
export function readAppendix(o: Outline, list: TargetList, ctx: Collector): AppendixTable[] {
  const appendix: AppendixTable[] = [];
  for (const att of o.attachments) {
    const t = buildTable(att, ctx);
    if (!t) continue;
    appendix.push(t.table);
    if (!isIndicatorTable(reading(att.head, t.table.title), t.table.columns.map((c) => reading(att.head, c)))) continue;
    // a value column that names no year is the last year of the header; group labels speak of its first
    const dataYear = t.headerYears.length ? t.headerYears[t.headerYears.length - 1] as number : null;
    const groupYear = t.headerYears.length ? t.headerYears[0] as number : list.fallbackYear;
    readTableTargets(t, att.head, 'appendix', dataYear, list);
    // the group labels are not the document's end: a number they end with is not reported as cut
    for (const g of t.groups) list.read(g.v.norm, g.v, 0, 'appendix', groupYear ?? null, null);
  }
  return appendix;
}

/** A table whose rows are years and whose columns are indicators: a year corner cell, every row opened by a year. */
function isTransposed(columns: string[], rows: string[][]): boolean {
  return columns.length >= 2 && YEAR_ROWS_CORNER.test((columns[0] ?? '').replace(/\s+/g, ''))
    && rows.length >= 1 && rows.every((r) => YEAR_ROW_LABEL.test(r[0] ?? '') && r.length === columns.length);
}

/**
 * A transposed indicator table read turned: each indicator column becomes a row (its header cell the name, then
 * its value under each year), and the year labels become the header, so the readers of indicator tables take it
 * as printed the usual way (a base-year row is a base column).
 */
function turned(att: { number: string; head: View }, title: string, head: View, body: View[], cellViewsOf: (r: View) => View[]): TableOut {
  const headCells = cellViewsOf(head);
  const bodyCells = body.map(cellViewsOf);
  const columns = ['指标', ...bodyCells.map((r) => (r[0] as View).b.text.trim())];
  const cellViews = headCells.slice(1).map((h, j) => [h, ...bodyCells.map((r) => r[j + 1] as View)]);
  return {
    table: {
      title, number: att.number || null, columns,
      rows: cellViews.map((r) => r.map((v) => (NOT_APPLICABLE.test(v.norm.trim()) ? null : v.b.text.trim()))),
      row_lines: cellViews.map(() => head.b.line), line: att.head.b.line,
    },
    cellViews, groups: [], headerYears: yearsIn(columns.join(' ')),
  };
}

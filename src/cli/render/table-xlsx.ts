/**
 * `qplan table -o FILE.xlsx`: one workbook, a sheet per table, through write-excel-file (loaded only here). Cells
 * are typed: numbers are numbers, dates are dates (shown yyyy-mm-dd), booleans are booleans, lists are `;`-joined
 * text, a missing value is an empty cell. Text is always a text cell, never a formula, so `=HYPERLINK(…)` in a
 * plan stays text without the `'` that CSV needs.
 */
import type { CellValue, ColumnSpec, Table } from '../../table/columns.js';

type XlsxCell = null | { value: string | number | boolean | Date; type?: unknown; format?: string; fontWeight?: 'bold' };

function xlsxCell(v: CellValue, col: ColumnSpec): XlsxCell {
  if (v === null) return null;
  if (Array.isArray(v)) return v.length ? { value: v.join(';'), type: String } : null;
  if (col.type === 'date' && typeof v === 'string') return { value: new Date(`${v}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' };
  if (typeof v === 'number') return { value: v, type: Number };
  if (typeof v === 'boolean') return { value: v, type: Boolean };
  return { value: v, type: String };
}

/** The workbook's bytes. */
export async function renderXlsx(tables: Table[]): Promise<Uint8Array> {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const sheets = tables.map((t) => ({
    sheet: t.name,
    data: [
      t.columns.map((c) => ({ value: c.name, type: String, fontWeight: 'bold' as const })),
      ...t.rows.map((r) => t.columns.map((c) => xlsxCell(r[c.name] ?? null, c))),
    ],
    stickyRowsCount: 1,
  }));
  // the library's types want one row shape per call; the cells above are the shapes it documents
  const buffer = await (writeExcelFile as unknown as (s: unknown) => { toBuffer(): Promise<Uint8Array> })(sheets).toBuffer();
  return new Uint8Array(buffer);
}

/**
 * `qplan table` as text: CSV (UTF-8 with a BOM for Excel, RFC 4180, CRLF, formula-safe), TSV and NDJSON. Numbers
 * are written as numbers, a missing value is an empty field (null in NDJSON), dates are ISO, lists are `;`-joined
 * in CSV/TSV and arrays in NDJSON.
 */
import type { CellValue, Table } from '../../table/columns.js';
import { csvField, tsvField } from './csv.js';

export type TextTableFormat = 'csv' | 'tsv' | 'ndjson';

/** A cell as the text of a CSV/TSV field, before quoting. */
function cellText(v: CellValue): string {
  if (v === null) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** One table as CSV, TSV or NDJSON. */
export function renderTextTable(table: Table, format: TextTableFormat): string {
  const names = table.columns.map((c) => c.name);
  if (format === 'ndjson') {
    return table.rows.map((r) => `${JSON.stringify(Object.fromEntries(names.map((n) => [n, r[n] ?? null])))}\n`).join('');
  }
  const field = format === 'csv' ? csvField : tsvField;
  const sep = format === 'csv' ? ',' : '\t';
  const cell = (v: CellValue) => (typeof v === 'number' ? String(v) : field(cellText(v)));
  const lines = [names.map(field).join(sep), ...table.rows.map((r) => names.map((n) => cell(r[n] ?? null)).join(sep))];
  return format === 'csv' ? `\ufeff${lines.join('\r\n')}\r\n` : `${lines.join('\n')}\n`;
}

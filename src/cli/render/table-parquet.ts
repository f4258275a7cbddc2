/**
 * `qplan table -f parquet`: one Parquet file per table through hyparquet-writer (loaded only here), with an
 * explicit schema so every column keeps its type even when a table is empty or a column all null: strings UTF8,
 * integers INT32, numbers DOUBLE, booleans BOOLEAN, dates DATE, lists LIST<UTF8>. Every column is nullable.
 */
import type { ColumnSpec, Table } from '../../table/columns.js';

const optional = 'OPTIONAL' as const;

/** The schema elements of one column (a list is three: the LIST group, its repeated group, the element). */
function schemaOf(c: ColumnSpec): Record<string, unknown>[] {
  switch (c.type) {
    case 'string': return [{ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: optional }];
    case 'integer': return [{ name: c.name, type: 'INT32', repetition_type: optional }];
    case 'number': return [{ name: c.name, type: 'DOUBLE', repetition_type: optional }];
    case 'boolean': return [{ name: c.name, type: 'BOOLEAN', repetition_type: optional }];
    case 'date': return [{ name: c.name, type: 'INT32', converted_type: 'DATE', repetition_type: optional }];
    case 'list': return [
      { name: c.name, repetition_type: optional, num_children: 1, converted_type: 'LIST', logical_type: { type: 'LIST' } },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: optional },
    ];
  }
}

/** One table as Parquet bytes. */
export async function renderParquet(table: Table): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columnData = table.columns.map((c) => ({
    name: c.name,
    data: table.rows.map((r) => {
      const v = r[c.name] ?? null;
      return c.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v;
    }),
  }));
  const schema = [{ name: 'root', num_children: table.columns.length }, ...table.columns.flatMap(schemaOf)];
  const write = parquetWriteBuffer as unknown as (o: unknown) => ArrayBuffer;
  return new Uint8Array(write({ columnData, schema, createdBy: 'qplan' }));
}

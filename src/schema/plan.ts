/**
 * The `qplan/plan@1` contract, written once. The TypeScript types (`src/model.ts`), runtime validation
 * (`qplan validate`) and the published JSON Schema (`qplan schema`, `schema/plan.schema.json`) all derive
 * from these definitions, so they cannot drift apart.
 *
 * Field names are fixed by ../shared/docs/plan-schema.md; fields beyond the contract are additions, never
 * replacements. Importing this module loads zod (~50 ms), so the extractor only imports its *types*.
 */
import { z } from 'zod';

import { PLAN_SCHEMA_ID } from './constants.js';

export { PLAN_SCHEMA_ID };

const line = z.number().int().min(1).describe('1-based line in the source file');
const column = z.number().int().min(1).describe('1-based column (UTF-16 units) in the source line');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');

export const Severity = z.enum(['error', 'warning', 'info']);
export const Comparator = z.enum(['>=', '>', '=', '<=', '<']);
export const TaskKind = z.enum(['task', 'goal', 'safeguard']);
export const Level = z.enum(['province', 'city', 'district', 'county', 'zone']);
export const SourceFormat = z.enum(['text', 'html', 'markdown', 'docx', 'pdf']);

export const Source = z.strictObject({
  path: z.string().describe('the path as given on the command line'),
  format: SourceFormat,
  encoding: z.string().describe('as detected: utf-8, gb18030, utf-16le …'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0).optional(),
});

export const Meta = z.strictObject({
  title: z.string().nullable().describe("the plan's own title, without 《》"),
  notice_title: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  level: Level.nullable(),
  parent: z.string().nullable(),
  issuer: z.string().nullable(),
  doc_number: z.string().nullable(),
  signed: isoDate.nullable(),
  published: isoDate.nullable(),
  horizon_years: z.array(z.number().int().min(1900).max(2200)),
  script: z.enum(['simplified', 'traditional']).optional(),
});

export const Section = z.strictObject({
  number: z.string(),
  title: z.string(),
  line,
  role: z.enum(['preamble', 'goals', 'tasks', 'safeguards']).optional(),
});

export const Task = z.strictObject({
  id: z.string().min(1),
  kind: TaskKind,
  chapter: z.string().nullable(),
  group: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  lead: z.array(z.string()),
  responsible: z.array(z.string()),
  units_etc: z.boolean(),
  line,
  column: column.optional(),
  number: z.string().optional().describe('the printed number before normalization'),
});

export const Column = z.strictObject({
  number: z.number().int().min(0),
  title: z.string(),
  items: z.array(z.string()),
  after_task: z.string().nullable(),
  line,
  item_lines: z.array(line).optional(),
});

export const Target = z.strictObject({
  indicator: z.string(),
  value: z.number(),
  unit: z.string(),
  comparator: Comparator,
  year: z.number().int().min(1900).max(2200).nullable(),
  year_inferred: z.boolean(),
  where: z.string().regex(/^(goals|appendix|task:.+|column:\d+)$/, 'goals | appendix | task:<id> | column:<n>'),
  quote: z.string(),
  line,
  column: column.optional(),
});

export const AppendixTable = z.strictObject({
  title: z.string(),
  number: z.string().nullable().optional(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string().nullable())),
  row_lines: z.array(line).optional(),
  row_groups: z.array(z.string().nullable()).optional(),
  line,
});

export const Diagnostic = z.strictObject({
  severity: Severity,
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  line: line.nullable(),
  column: column.optional(),
  message: z.string(),
});

export const Plan = z.strictObject({
  schema: z.literal(PLAN_SCHEMA_ID),
  source: Source,
  meta: Meta,
  sections: z.array(Section),
  tasks: z.array(Task),
  columns: z.array(Column),
  targets: z.array(Target),
  appendix: z.array(AppendixTable),
  diagnostics: z.array(Diagnostic),
});

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
const page = z.number().int().min(1).describe('1-based page of a PDF; `line` is then the line on that page, counted from the top');
// a calendar date, not only its shape: 2024-13-45 and 2024-02-30 are refused, 2024-02-29 is a date (a pattern,
// not `format: date`, which editors limited to draft-07 do not check)
const CALENDAR_DATE = /^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/;
const isoDate = z.string().regex(CALENDAR_DATE, 'an ISO date YYYY-MM-DD');

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
  level: Level.nullable().describe('province (incl. 直辖市) | city | district | county | zone'),
  parent: z.string().nullable(),
  issuer: z.string().nullable(),
  doc_number: z.string().nullable().describe('发文字号, repaired where the scrape lost glyphs (see diagnostics)'),
  signed: isoDate.nullable().describe('成文日期 as YYYY-MM-DD'),
  published: isoDate.nullable().describe('发布日期 as YYYY-MM-DD'),
  horizon_years: z.array(z.number().int().min(1900).max(2200)).describe('the years the plan looks to, e.g. [2027, 2035]'),
  script: z.enum(['simplified', 'traditional']).optional(),
});

export const Section = z.strictObject({
  number: z.string(),
  title: z.string(),
  line,
  page: page.optional(),
  role: z.enum(['preamble', 'goals', 'tasks', 'safeguards']).optional(),
});

export const Task = z.strictObject({
  id: z.string().min(1).describe('the printed number (1, (三), 一是); prefixed with chapter and group (三.(一).1) when printed numbers repeat'),
  kind: TaskKind,
  chapter: z.string().nullable().describe('ordinal of the enclosing chapter (二)'),
  group: z.string().nullable().describe('ordinal of the enclosing (一)-level group, or null'),
  title: z.string(),
  text: z.string().describe('the paragraph after the title, unit note removed'),
  lead: z.array(z.string()).describe('牵头单位, as written'),
  responsible: z.array(z.string()).describe('责任单位, as written'),
  units_etc: z.boolean().describe('the unit list ended in 等'),
  line,
  page: page.optional(),
  column: column.optional(),
  number: z.string().optional().describe('the printed number before normalization'),
});

export const Column = z.strictObject({
  number: z.number().int().min(0),
  title: z.string(),
  items: z.array(z.string()),
  after_task: z.string().nullable().describe('the item the 专栏 box follows'),
  line,
  page: page.optional(),
  item_lines: z.array(line).optional(),
  item_pages: z.array(page).optional(),
});

export const Target = z.strictObject({
  indicator: z.string(),
  value: z.number(),
  value_max: z.number().optional().describe('the upper end of a range (`1—2个`); value is its lower end'),
  unit: z.string().describe('as written: %, 分, 个, 项, 亿元 …; "" for bare indices'),
  comparator: Comparator.describe('the commitment: >= for 达到/以上/不低于, > for 超过, <= for 以内/不超过'),
  year: z.number().int().min(1900).max(2200).nullable().describe("the governing 到YYYY年; with none in reach, the plan's first horizon year"),
  year_inferred: z.boolean().describe("true when the year came from the plan's horizon, not the sentence"),
  where: z.string().regex(/^(goals|text|appendix|task:.+|column:\d+)$/, 'goals | text | appendix | task:<id> | column:<n>'),
  quote: z.string().describe('the exact source span'),
  line,
  page: page.optional(),
  column: column.optional(),
});

export const AppendixTable = z.strictObject({
  title: z.string(),
  number: z.string().nullable().optional(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string().nullable())),
  row_lines: z.array(line).optional(),
  row_pages: z.array(page).optional(),
  row_groups: z.array(z.string().nullable()).optional(),
  line,
  page: page.optional(),
});

export const Diagnostic = z.strictObject({
  severity: Severity,
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  line: line.nullable(),
  page: page.optional(),
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

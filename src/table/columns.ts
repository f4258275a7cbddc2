/**
 * The tidy tables of a corpus (`qplan table`): their names, their columns in order, each column's type and a
 * one-line description. The names are a contract, like the plan's field names: add columns, never rename or drop
 * them. The README's column reference is generated from this list (`npm run docs`).
 */

/** How a column's values are typed in every format: Parquet types, XLSX cell types, JSON values. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'list';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  description: string;
}

export const TABLE_NAMES = ['plans', 'targets', 'tasks', 'units', 'themes'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** One cell: null where the plan gives no value; a list is an array of strings. */
export type CellValue = string | number | boolean | null | string[];
export type Row = Record<string, CellValue>;

export interface Table {
  name: TableName;
  columns: readonly ColumnSpec[];
  rows: Row[];
}

const c = (name: string, type: ColumnType, description: string): ColumnSpec => ({ name, type, description });
const PLAN = c('plan', 'string', "the plan's key: its source path, with `#2`, `#3` … where one path gives several plans");

/** What each table says and its columns, in output order. */
export const TABLES: Record<TableName, { description: string; columns: readonly ColumnSpec[] }> = {
  plans: {
    description: 'one row per plan',
    columns: [
      PLAN,
      c('file', 'string', 'source.path: the file the plan was read from, as given'),
      c('format', 'string', 'text | html | markdown | pdf | docx'),
      c('encoding', 'string', 'the encoding the source was decoded with'),
      c('sha256', 'string', 'of the source bytes'),
      c('bytes', 'integer', 'size of the source file'),
      c('title', 'string', "the plan's own title"),
      c('notice_title', 'string', 'the title of the notice that issued it'),
      c('jurisdiction', 'string', 'the place the plan is for'),
      c('level', 'string', 'province | city | district | county | zone'),
      c('parent', 'string', 'the place above the jurisdiction'),
      c('province', 'string', 'the province-level division the jurisdiction lies in (from the 2023 division table)'),
      c('issuer', 'string', 'the issuing body'),
      c('doc_number', 'string', '发文字号'),
      c('signed', 'date', '成文日期'),
      c('published', 'date', '发布日期'),
      c('horizon_start', 'integer', 'the first horizon year (到2027年)'),
      c('horizon_end', 'integer', 'the last horizon year (展望2035年)'),
      c('script', 'string', 'simplified | traditional'),
      c('tasks', 'integer', 'numbered tasks (kind task)'),
      c('goals', 'integer', 'numbered goal items'),
      c('safeguards', 'integer', 'numbered safeguards'),
      c('targets', 'integer', 'quantitative targets'),
      c('columns', 'integer', '专栏 boxes'),
      c('column_items', 'integer', 'items in the 专栏 boxes'),
      c('appendix_tables', 'integer', 'tables in the appendix'),
      c('diagnostics', 'integer', 'diagnostics of the extraction'),
      c('errors', 'integer', 'of which errors'),
      c('warnings', 'integer', 'of which warnings'),
    ],
  },
  targets: {
    description: 'one row per plan × target',
    columns: [
      PLAN,
      c('target', 'integer', 'the 1-based position of the target in the plan'),
      c('indicator', 'string', 'the indicator as written'),
      c('indicator_id', 'string', 'the canonical indicator (src/lexicon/indicators.yaml), or x-… for a name no entry matched'),
      c('indicator_name', 'string', 'the canonical indicator name'),
      c('indicator_match', 'string', 'alias | similar | same-name | unlisted: how the name was matched'),
      c('indicator_confidence', 'number', '1 for an alias, the name similarity (0–1) otherwise'),
      c('value', 'number', 'the target value (the lower end of a range)'),
      c('value_max', 'number', 'the upper end of a range (1—2个), else empty'),
      c('unit', 'string', 'as written: %, 个, 亿元 …; empty for bare indices'),
      c('comparator', 'string', '>= | > | = | <= | <'),
      c('year', 'integer', 'the year the target is for'),
      c('year_inferred', 'boolean', "true when the year came from the plan's horizon, not the sentence"),
      c('where', 'string', 'goals | text | appendix | task:<id> | column:<n>'),
      c('task', 'string', 'the task id when where is task:<id>'),
      c('quote', 'string', 'the exact source span'),
      c('line', 'integer', 'the source line'),
      c('column', 'integer', 'the source column'),
      c('page', 'integer', 'the PDF page, else empty'),
    ],
  },
  tasks: {
    description: 'one row per plan × task, goal item or safeguard',
    columns: [
      PLAN,
      c('task', 'string', 'the task id (1, (三), 三.(一).1)'),
      c('kind', 'string', 'task | goal | safeguard'),
      c('chapter', 'string', 'ordinal of the chapter (二)'),
      c('group', 'string', 'ordinal of the (一)-level group'),
      c('title', 'string', "the task's title"),
      c('text', 'string', 'the paragraph after the title'),
      c('lead', 'list', '牵头单位, as written'),
      c('responsible', 'list', '责任单位, as written'),
      c('units_etc', 'boolean', 'the unit list ended in 等'),
      c('targets', 'integer', 'targets stated in this task'),
      c('line', 'integer', 'the source line'),
      c('page', 'integer', 'the PDF page, else empty'),
    ],
  },
  units: {
    description: 'one row per plan × task × named unit',
    columns: [
      PLAN,
      c('task', 'string', 'the task id'),
      c('role', 'string', 'lead | responsible'),
      c('position', 'integer', 'the 1-based position of the unit in its list'),
      c('unit', 'string', 'the unit as written (区发改委)'),
      c('agency_id', 'string', 'the canonical agency (src/lexicon/agencies.yaml), or unlisted:<stem>'),
      c('agency', 'string', 'the canonical agency name (发展改革委), or the name as written'),
      c('agency_known', 'boolean', 'false when no alias matched'),
      c('line', 'integer', "the task's source line"),
    ],
  },
  themes: {
    description: "one row per plan × theme of the taxonomy (compare's theme classification)",
    columns: [
      PLAN,
      c('theme', 'string', 'the theme id'),
      c('theme_name', 'string', 'the theme name'),
      c('theme_group', 'string', 'the level-1 group of the theme'),
      c('degree', 'number', "share of the plan's items (tasks, goal items, safeguards, 专栏 items, goals bullets) that carry the theme, 0–1"),
      c('items', 'integer', 'how many items carry it (each 专栏 item counts)'),
      c('item_ids', 'list', 'their ids: task ids, column:N (a 专栏 box), goal:LINE (a goals bullet)'),
      c('targets', 'integer', 'targets stated in those items'),
      c('with_units', 'integer', 'items among them that name a unit'),
    ],
  },
};

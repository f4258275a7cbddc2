/**
 * Table vocabulary: how an attachment's label is printed, which table is an indicator table, what each header cell
 * says its column holds, and the cells that mean "not applicable". Plans print their main indicators as a table
 * (专栏1 主要指标, 附件1 …主要指标) with columns such as 序号 | 指标名称 | 单位 | 2022年(基期) | 2025年(目标) | 属性;
 * the value of a target is the cell under the target year, never the base year or the 属性.
 */

/** The label that opens an attachment's own line (`附件1`, `附 件 2:`), to take it off the title. */
export const ATTACHMENT_LABEL = /^附\s*件\s*\d*\s*[:：.]?\s*/;
/** A table whose title says this is an indicator table: its rows give targets. */
export const INDICATOR_TABLE_TITLE = /指标/;
/** …or one whose column headers say so (`指标名称`, `目标值`). */
export const INDICATOR_TABLE_COLUMN = /指标|目标值|目标/;
/** The header of a sequence-number column (`序号`), where the columns of a flattened table start. */
export const SEQUENCE_HEADER = /^序号$|^编号$|^序$/;
/** A cell that means "not applicable" (a slash, a dash, 无, 不适用): null in the rows. */
export const NOT_APPLICABLE = /^[⁄/／—\-–]+$|^无$|^不适用$|^待定$|^暂无$/;

export type TableColumnRole = 'seq' | 'name' | 'unit' | 'base' | 'target' | 'attribute' | 'agency' | 'note' | 'category';

/** Header cells by what their column holds. The first rule that matches a cell wins. */
export const COLUMN_ROLES: Array<[role: TableColumnRole, test: RegExp]> = [
  ['seq', /^(?:序号|编号|序|排序)$/],
  ['attribute', /属性|性质|类型$/],
  ['unit', /^(?:单位|计量单位|指标单位)$/],
  ['agency', /牵头|责任|负责|部门|主体|单位$/],
  ['base', /基期|基数|基准|现状|现值|完成值|实际值|基础值|\d{4}\s*年\s*[(（]?\s*(?:基期|现状|完成|实际|基数)/],
  ['note', /^(?:备注|说明|注)$/],
  ['category', /^(?:类别|分类|领域|维度|方面|类型|一级指标)$/],
  ['name', /指标|名称|内容|项目/],
  ['target', /目标|规划|预期|\d{4}\s*年/],
];

/**
 * A header cell that may span a second header row of years (`目标值` over `2025年 | 2030年`, `指标值` over
 * `2022年(基期) | 2025年`); a name column (`指标名称`) never does.
 */
export const SPAN_HEADER = /^(?!.*名称)(?:.*(?:目标|规划|预期|基期|现状)值?|指标值|数值|年份|年度|目标年份?|.{0,6}值)$/;
/** A spanning cell that says what its years hold (目标值, 基期值): it stays in each merged header cell. */
export const SPAN_SAYS = /目标|规划|预期|基期|基数|现状/;
/** A cell of such a second row: a year with an optional label (`2025年`, `2022年(基期)`, `2025年目标`) or a short label. */
export const SUB_HEADER_CELL = /^(?:\d{4}年(?:底|末)?(?:[(（][^()（）\d]{1,6}[)）]|[^\d]{0,6})|[^\d]{1,8})$/;

/** The role of one header cell (whitespace already taken out), or null. */
export const columnRole = (cell: string): TableColumnRole | null => COLUMN_ROLES.find(([, re]) => re.test(cell))?.[0] ?? null;

/** A target column's header that says so in words (a bare year column may instead hold a base value). */
export const TARGET_HEADER_WORD = /目标|规划|预期/;

/** Comparator marks a value cell may carry before its number (`≥98`, `＞95`). */
export const CELL_PREFIX_COMPARATORS: Array<[string, '>=' | '>' | '<=' | '<' | '=']> = [
  ['≥', '>='], ['>=', '>='], ['＞', '>'], ['>', '>'], ['≤', '<='], ['<=', '<='], ['＜', '<'], ['<', '<'], ['≈', '='], ['约', '='],
];

/** A 重点任务分工表's header over its tasks (`重点任务`, `工作内容`, `具体措施`). */
export const DIVISION_TASK = /任务|工作内容|主要内容|工作措施|具体措施|主要措施|工作事项|重点工作|具体工作/;
/** …over the date each task is due (`完成时限`, `时间节点`), and its remarks. */
export const DIVISION_OTHER = /时限|完成时间|时间节点|进度安排|完成期限|^备注$/;
/** A 重点任务分工表's header over the lead agencies (`牵头单位`, `主要责任单位`). */
export const DIVISION_LEAD = /牵头|主要责任|主责/;
/** …and over the others (`责任单位`, `配合单位`, `参与部门`). */
export const DIVISION_RESPONSIBLE = /(?<!主要)责任|配合|参与|协同|协办/;
/** The numbering column of a task table (`序号`). */
export const DIVISION_SEQ = /^(?:序号|编号|序)$/;

/**
 * The corner cell of a TRANSPOSED indicator table, whose rows are years (`2022年（基期值）`, `2025年`) and whose
 * columns are the indicators (`年份 | 合格率（%） | …`): the table is read turned, one indicator a row.
 */
export const YEAR_ROWS_CORNER = /^(?:年份|年度|时间|年份\/指标|指标\/年份)$/;
/** A year row's label (`2025年`, `2022年（基期值）`, `2025年目标值`). */
export const YEAR_ROW_LABEL = /^\d{4}\s*年/;

/**
 * Appendix vocabulary: how an attachment's label is printed, which table is an indicator table, the header of a
 * sequence column, and the cells that mean "not applicable".
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
export const NOT_APPLICABLE = /^[⁄/／—\-–]+$|^无$|^不适用$/;

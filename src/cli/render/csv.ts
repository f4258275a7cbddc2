/**
 * CSV and TSV fields that spreadsheets open safely: the one place the formula-injection rule lives (compare's CSV
 * and `qplan table` both use it).
 */

/** A text that a spreadsheet would run as a formula: = + - @, a tab or a carriage return first (or their full-width forms). */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * A text cell made formula-safe. A cell starting with = + - @, a tab or a carriage return would open as a formula
 * in a spreadsheet (`=100% 2027` is a comparator cell; a plan can say `=HYPERLINK(…)`): OWASP's rule puts a `'`
 * before it, so it shows as text. Numbers are not texts: a negative number stays a number.
 */
export function formulaSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180 quoting), formula-safe. */
export function csvField(value: string): string {
  const s = formulaSafe(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One TSV field, formula-safe. TSV has no quoting: a tab, newline, carriage return or backslash inside a field is
 * written as `\t`, `\n`, `\r`, `\\` (PostgreSQL's text format does the same), so every line is one row and
 * every row has the same number of fields.
 */
export function tsvField(value: string): string {
  return formulaSafe(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

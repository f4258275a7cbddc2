/**
 * A table header printed over two rows: one cell of the first row spans the cells of the second
 * (`序号 | 指标名称 | 单位 | 2022年 | 目标值 | 属性` over `2025年 | 2030年`). HTML and Word tables merge such cells
 * (colspan/rowspan) and every reader of the page sees the second row as a row of its own, one cell per year. Merged
 * into one header row, each year column says what it holds (`2025年目标值`), and the rows that follow line up.
 */
import { SPAN_HEADER, SPAN_SAYS, SUB_HEADER_CELL } from '../lexicon/appendix.js';

const YEAR = /\d{4}\s*年/;

/**
 * The header of `head` with its one spanning cell replaced by the cells of `sub`, or null when `sub` is no
 * sub-header: its cells are years and short labels (at least one year), exactly one cell of `head` can span them,
 * and the merged header is as wide as the rows under it (`width`).
 */
export function mergeSubHeader(head: readonly string[], sub: readonly string[], width: number): string[] | null {
  if (sub.length < 2 || head.length - 1 + sub.length !== width) return null;
  const cells = sub.map((c) => c.replace(/\s+/g, ''));
  if (!cells.every((c) => SUB_HEADER_CELL.test(c)) || !cells.some((c) => YEAR.test(c))) return null;
  const spans = head.flatMap((h, i) => {
    const t = h.replace(/\s+/g, '');
    return !YEAR.test(t) && SPAN_HEADER.test(t) ? [i] : [];
  });
  if (spans.length !== 1) return null;
  const at = spans[0] as number;
  const span = (head[at] as string).trim();
  // a span that says what its years hold (目标值, 基期值) stays in each; a neutral one (指标值, 年份) adds nothing
  const keep = SPAN_SAYS.test(span.replace(/\s+/g, ''));
  const merged = sub.map((c) => (keep ? `${c.trim()}${span}` : c.trim()));
  return [...head.slice(0, at), ...merged, ...head.slice(at + 1)];
}

/**
 * Whether a flattened header (`…目标值 属性 2025年 2030年`) may end with a second header row: its last cells are
 * years and one cell before them can span them. Its rows are then not as wide as the header.
 */
export function maySpanFlattened(header: readonly string[]): boolean {
  let k = header.length;
  while (k > 0 && YEAR.test(header[k - 1] as string) && SUB_HEADER_CELL.test((header[k - 1] as string).replace(/\s+/g, ''))) k--;
  if (header.length - k < 2) return false;
  return header.slice(0, k).filter((h) => !YEAR.test(h) && SPAN_HEADER.test(h.replace(/\s+/g, ''))).length === 1;
}

/**
 * Terminal tables wider than the terminal: a grid whose columns are plans is cut into pages of plan columns that
 * fit, each page repeating the row labels (themes, indicators, agencies, tasks). Rows stay the same across pages,
 * so page 2 reads like page 1; plans as rows was the other choice, but themes (36) and indicators (dozens) would
 * then be the columns and overflow just the same. See docs/compare.md, "reading the report".
 */
import { displayWidth } from '../width.js';
import type { Cell, Grid } from './compare-views.js';

/**
 * Display columns a plan column needs to stay readable once wrapped: six CJK characters, enough for `≥98.5% 2027`
 * or a task id list. Below this a table of many plans becomes a wall of one-character slivers.
 */
export const MIN_PLAN_COLUMN = 12;

/** Column widths (content only, without padding) that fit `total` terminal columns. */
export function fitWidths(natural: number[], total: number): number[] {
  const n = natural.length;
  const avail = Math.max(n * 6, total - (n + 1) - 2 * n); // borders and one space of padding each side
  if (natural.reduce((a, b) => a + b, 0) <= avail) return natural;
  const widths = natural.map(() => 0);
  // the first column (row names) gets at most a quarter; the rest share what is left, small columns first
  widths[0] = Math.min(natural[0] ?? 0, Math.max(10, Math.floor(avail / 4)));
  let left = avail - (widths[0] ?? 0);
  const rest = natural.map((w, i) => ({ w, i })).slice(1).sort((a, b) => a.w - b.w);
  rest.forEach((c, k) => {
    const share = Math.floor(left / (rest.length - k));
    const w = Math.max(6, Math.min(c.w, share));
    widths[c.i] = w;
    left -= w;
  });
  return widths;
}

const naturalWidth = (grid: Grid, i: number) =>
  Math.max(1, displayWidth(grid.header[i] ?? ''), ...grid.rows.map((r) => Math.max(0, ...(r[i]?.lines ?? []).map(displayWidth))));

/** True when the first column and the plan columns `cols` fit `columns` with every plan column readable. */
function fits(natural: number[], cols: number[], columns: number): boolean {
  const want = [natural[0] ?? 1, ...cols.map((i) => natural[i] ?? 1)];
  const got = fitWidths(want, columns);
  return got.every((w, k) => k === 0 || w >= Math.min(want[k] ?? 1, MIN_PLAN_COLUMN));
}

const isEmpty = (c: Cell | undefined) => !c || c.tone === 'dim';

/**
 * The grid as pages of plan columns that fit `columns`; the grid itself when it fits or its columns are not plans.
 * Pages of indicators and agencies leave out the rows with nothing in that page's plans (a corpus has hundreds of
 * indicator names that one plan uses); theme rows all stay, since an empty theme cell is a finding.
 */
export function pageGrid(grid: Grid, columns: number): Grid[] {
  const n = grid.header.length - 1;
  if (!grid.planColumns || n < 2) return [grid];
  const natural = grid.header.map((_, i) => naturalWidth(grid, i));
  const all = Array.from({ length: n }, (_, k) => k + 1);
  if (fits(natural, all, columns)) return [grid];
  const chunks: number[][] = [];
  let chunk: number[] = [];
  for (const i of all) {
    if (chunk.length > 0 && !fits(natural, [...chunk, i], columns)) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(i);
  }
  if (chunk.length) chunks.push(chunk);
  const dropEmpty = grid.view === 'indicators' || grid.view === 'agencies';
  return chunks.map((cols, p) => {
    const first = cols[0] ?? 1, last = cols[cols.length - 1] ?? 1;
    const rows = grid.rows
      .filter((r) => !dropEmpty || cols.some((i) => !isEmpty(r[i])))
      .map((r) => [r[0] ?? { lines: [] }, ...cols.map((i) => r[i] ?? { lines: [] })]);
    const page: Grid = {
      view: grid.view,
      title: `${grid.title} · 计划 ${first}–${last} / ${n} (page ${p + 1}/${chunks.length})`,
      header: [grid.header[0] ?? '', ...cols.map((i) => grid.header[i] ?? '')],
      rows,
    };
    // the note once, under the last page, with what paging left out
    const notes = [p === chunks.length - 1 ? grid.note : undefined,
      p === chunks.length - 1 && dropEmpty ? 'each page leaves out the rows with nothing in its plans' : undefined].filter(Boolean);
    if (notes.length) page.note = notes.join(' · ');
    return page;
  });
}

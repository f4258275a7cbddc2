/**
 * Text renderings of the comparison grids: terminal tables (box drawing, chalk) and Markdown (CSV: compare-csv.ts).
 *
 * Terminal tables are cli-table3's job. It wraps by code units (which loses CJK characters) and its default style
 * emits ANSI even into pipes, so cells are pre-wrapped here by display width (a CJK character takes two columns) and
 * the table is built with `style: {head: [], border: []}` and no `wordWrap`. Colour is applied per wrapped line,
 * only when the caller decided colour is on.
 */
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import { charWidth, displayWidth } from '../width.js';
import type { Cell, Grid } from './compare-views.js';
import type { CompareResult } from '../../compare/types.js';
import { visible, visibleGrid } from './visible.js';
import { fitWidths, pageGrid } from './compare-pages.js';

export { fitWidths };

/** Wraps one line to `width` display columns, preferring to break after a separator (, 、 ; space ·). */
export function wrapLine(text: string, width: number): string[] {
  if (width <= 0 || displayWidth(text) <= width) return [text];
  const out: string[] = [];
  let line = '';
  let w = 0;
  let breakAt = -1; // index in `line` just after the last separator
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0) ?? 0);
    if (w + cw > width && line.length > 0) {
      if (breakAt > 0 && breakAt < line.length) {
        out.push(line.slice(0, breakAt).trimEnd());
        line = line.slice(breakAt).trimStart();
      } else {
        out.push(line.trimEnd());
        line = '';
      }
      w = displayWidth(line);
      breakAt = -1;
    }
    if (line.length === 0 && ch === ' ') continue;
    line += ch;
    w += cw;
    if (/[,、;·\s，；)）]/u.test(ch)) breakAt = line.length;
  }
  if (line) out.push(line);
  return out;
}

export function wrapCell(lines: string[], width: number): string[] {
  return lines.flatMap((l) => wrapLine(l, width));
}

function colorLine(chalk: ChalkInstance, cell: Cell, line: string): string {
  if (chalk.level === 0) return line;
  switch (cell.tone) {
    case 'dim': return chalk.gray(line);
    case 'bad': return chalk.red(line);
    case 'warn': return chalk.yellow(line);
    case 'good': return chalk.green(line);
  }
  if (cell.heat !== undefined && cell.heat > 0) return cell.heat >= 0.5 ? chalk.bold.green(line) : chalk.green(line);
  return line;
}

/** Above this many rendered lines cli-table3's layout (quadratic in them) takes minutes; the table is drawn directly. */
export const TALL_TABLE = 300;
/**
 * Or with a cell of more than this many lines: cli-table3's time grows with the cube of a cell's lines (a themes cell
 * listing 500 task ids, 120 lines, took 10 s; 1,000 ids, 90 s).
 */
export const TALL_CELL = 16;

interface Laid {
  widths: number[];
  head: string[][];
  rows: string[][][];
  height: number;
  /** Lines of the tallest cell. */
  tallest: number;
}

/** Widths fitted to `columns`, every cell wrapped by display width and coloured line by line. */
function layout(grid: Grid, columns: number, chalk: ChalkInstance): Laid {
  const all = [grid.header.map((h) => ({ lines: [h] } as Cell)), ...grid.rows];
  const natural = grid.header.map((_, i) => Math.max(1, ...all.map((r) => Math.max(0, ...(r[i]?.lines ?? []).map(displayWidth)))));
  const widths = fitWidths(natural, columns);
  const head = grid.header.map((h, i) => wrapLine(h, widths[i] ?? 10).map((l) => chalk.bold(l)));
  let height = 0, tallest = 0;
  const rows = grid.rows.map((row) => {
    const cells = widths.map((w, i) => {
      const cell = row[i] ?? { lines: [] };
      return wrapCell(cell.lines, w).map((l) => colorLine(chalk, cell, l));
    });
    const h = Math.max(1, ...cells.map((c) => c.length));
    height += h;
    tallest = Math.max(tallest, h);
    return cells;
  });
  return { widths, head, rows, height, tallest };
}

/** One grid as a table, `columns` wide at most: cli-table3, or {@link drawTable} for very tall grids. */
export function renderTable(grid: Grid, columns: number, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const t = layout(grid, columns, chalk);
  if (t.height > TALL_TABLE || t.tallest > TALL_CELL) return draw(grid, t, chalk);
  const table = new Table({
    head: t.head.map((lines) => lines.join('\n')),
    colWidths: t.widths.map((w) => w + 2),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    // no rule between body rows: multi-line cells stay readable and the table half as long
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: false,
  });
  for (const row of t.rows) table.push(row.map((lines) => lines.join('\n')));
  return `${chalk.bold(grid.title)}\n${table.toString()}\n${noteLines(grid, t, chalk)}`;
}

/**
 * The layout cli-table3 gives (one column of padding, no rules between body rows), drawn line by line in linear
 * time; used past {@link TALL_TABLE} lines, and a test keeps the two byte-identical.
 */
export function drawTable(grid: Grid, columns: number, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return draw(grid, layout(grid, columns, chalk), chalk);
}

/** The note under a table, wrapped to the table's width. */
function noteLines(grid: Grid, t: Laid, chalk: ChalkInstance): string {
  if (!grid.note) return '';
  const width = t.widths.reduce((a, w) => a + w + 3, 1);
  return wrapLine(grid.note, width).map((l) => `${chalk.gray(l)}\n`).join('');
}

function draw(grid: Grid, t: Laid, chalk: ChalkInstance): string {
  const rule = (left: string, mid: string, right: string) => `${left}${t.widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const out = [chalk.bold(grid.title), rule('┌', '┬', '┐')];
  const put = (cells: string[][]) => {
    const h = Math.max(1, ...cells.map((c) => c.length));
    for (let k = 0; k < h; k++) {
      out.push(`│${t.widths.map((w, i) => {
        const s = cells[i]?.[k] ?? '';
        return ` ${s}${' '.repeat(Math.max(0, w - displayWidth(s)))} `;
      }).join('│')}│`);
    }
  };
  put(t.head);
  for (const row of t.rows) put(row);
  out.push(rule('└', '┴', '┘'));
  return `${out.join('\n')}\n${noteLines(grid, t, chalk)}`;
}

/** The plans being compared, as a small grid (shown above the views). */
export function plansGrid(r: CompareResult): Grid {
  return {
    view: 'plans', title: '计划 (plans)', header: ['计划', '标题', '来源', '任务', '目标'],
    rows: r.plans.map((p) => [
      { lines: [p.baseline ? `${p.label} (基准)` : p.label] }, { lines: [p.title ?? '—'] }, { lines: [p.source] },
      { lines: [`${p.counts.task}+${p.counts.safeguard}${p.counts.column_items ? ` 专栏${p.counts.column_items}` : ''}`] },
      { lines: [String(p.counts.targets)] },
    ]),
  };
}

export function renderTables(grids: Grid[], columns: number, color: boolean): string {
  // pages are drawn directly: cli-table3 took 12 s for the 60 pages of 300 plans (the output is the same, see drawTable)
  return grids.flatMap((g) => {
    const pages = pageGrid(visibleGrid(g), columns);
    return pages.length > 1 ? pages.map((p) => drawTable(p, columns, color)) : pages.map((p) => renderTable(p, columns, color));
  }).join('\n');
}

/**
 * Text for a Markdown table cell: a line break would end the row (and a next line `## …` would become a heading),
 * `|` would split the cell, `[`/`]` could make a link or an image that loads from anywhere, `<` and `&` raw HTML or
 * an entity. Control and bidi characters are shown as escapes, as on a terminal.
 */
export const mdEscape = (s: string) => visible(s.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' '))
  .replace(/&/g, '&amp;').replace(/\\/g, '\\\\').replace(/[|[\]`]/g, '\\$&').replace(/</g, '&lt;');

/** GitHub-flavoured Markdown: one heading and table per grid. */
export function renderMarkdown(r: CompareResult, grids: Grid[]): string {
  const out = [`# qplan compare: ${mdEscape(r.plans.map((p) => p.label).join(' · '))}`, ''];
  for (const g of grids) {
    out.push(`## ${mdEscape(g.title)}`, '');
    out.push(`| ${g.header.map(mdEscape).join(' | ')} |`);
    out.push(`|${g.header.map(() => '---').join('|')}|`);
    for (const row of g.rows) out.push(`| ${row.map((c) => c.lines.map(mdEscape).join('<br>')).join(' | ')} |`);
    if (g.note) out.push('', `_${mdEscape(g.note)}_`);
    out.push('');
  }
  return out.join('\n');
}


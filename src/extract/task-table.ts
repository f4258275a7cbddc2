/**
 * A plan whose tasks are only a table in its body (a 工作要点 or 任务清单: 序号 | 工作任务 | 牵头单位 | 责任单位 |
 * 完成时限): each row is a task, numbered by its 序号 cell (else by its place), titled by the first clause of its
 * task cell, with the agencies of its lead and responsible columns. Read only when the text numbers no task itself.
 */
import type { Collector } from '../diagnostics.js';
import type { ItemNode, Outline } from '../outline/outline.js';
import { makeView, type View } from '../source/view.js';
import { DIVISION_SEQ, DIVISION_TASK } from '../lexicon/appendix.js';
import { agencyColumns, HEADER_CELL_MAX, rowAgencies } from './division.js';
import { extractTasks, type TaskOut } from './tasks.js';

/** The tasks of the body's division tables, their row views (read by no other reader), or none. */
export function tableTasks(o: Outline, ctx: Collector): { tasks: TaskOut[]; rows: View[] } {
  const items: ItemNode[] = [];
  const agencies: Array<{ lead: string[]; responsible: string[]; etc: boolean }> = [];
  const rows: View[] = [];
  for (const t of o.tables) {
    const all = [t.head, ...t.views].filter((v) => v.b.type === 'row' && v.b.cells);
    const h = all.findIndex((v) => header(v) !== null);
    if (h < 0) continue;
    const cols = header(all[h] as View) as Columns;
    for (const row of all.slice(h + 1)) {
      const cells = row.b.cells ?? [];
      const cell = cells[cols.task];
      if (!cell || cell.text.trim() === '' || header(row)) continue;
      const seq = cols.seq >= 0 ? (cells[cols.seq]?.text.trim() ?? '') : '';
      const printed = /^\d{1,3}$/.test(seq) ? String(Number(seq)) : String(items.length + 1);
      items.push({ kind: 'task', printed, chapter: chapterOf(o, row), group: null, head: { v: makeView(cell, row.i, row.fold), start: 0 }, more: [], style: 'arabic', groupNote: null });
      agencies.push(rowAgencies(cols.lead >= 0 ? cells[cols.lead]?.text : null, cols.responsible >= 0 ? cells[cols.responsible]?.text : null));
      rows.push(row);
    }
  }
  if (items.length === 0) return { tasks: [], rows };
  ctx.report('tasks-from-table', items[0]?.head.v.b.line ?? null, `the text numbers no task; ${items.length} tasks were read from the rows of its task table`);
  const tasks = extractTasks(items, ctx);
  tasks.forEach((t, i) => {
    const a = agencies[i];
    if (!a || t.task.lead.length > 0 || t.task.responsible.length > 0) return;
    t.task.lead = a.lead;
    t.task.responsible = a.responsible;
    t.task.units_etc = a.etc;
  });
  return { tasks, rows };
}

interface Columns { seq: number; task: number; lead: number; responsible: number }

/** The columns of a task table's header row: a task column and a lead or responsible one. */
function header(v: View): Columns | null {
  const cols = (v.b.cells ?? []).map((c) => c.text.replace(/\s+/g, ''));
  const { lead, responsible } = agencyColumns(cols);
  const task = cols.findIndex((c, i) => i !== lead && i !== responsible && DIVISION_TASK.test(c) && c.length <= HEADER_CELL_MAX);
  if (task < 0 || (lead < 0 && responsible < 0)) return null;
  return { seq: cols.findIndex((c) => DIVISION_SEQ.test(c)), task, lead, responsible };
}

/** The chapter a row stands in: the last chapter head before it. */
function chapterOf(o: Outline, row: View): string | null {
  let ord: string | null = null;
  for (const c of o.chapters) if (c.v.i <= row.i) ord = c.ord;
  return ord;
}

/**
 * extract: outline → the plan's content. Metadata (meta/), tasks with their agencies (tasks.ts, agencies.ts), the
 * targets of each region (targets/: goals and tasks; columns.ts, prose.ts, appendix.ts), 专栏 boxes, appendix
 * tables and sections, each value with its source line. Pure: no filesystem, no process.
 */
import type { AppendixTable, Column, Meta, Section, Target, Task } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { LineIndex } from '../source/lines.js';
import type { Outline } from '../outline/outline.js';
import { orig, positionAt, type DocumentFold } from '../source/view.js';
import { extractMeta, type MetaResult } from './meta/index.js';
import { extractTasks } from './tasks.js';
import { tableTasks } from './task-table.js';
import { extractColumns } from './columns.js';
import { readProse } from './prose.js';
import { readAppendix } from './appendix.js';
import { unitsFromTables } from './division.js';
import { columnTables, readBodyTables } from './indicator-table.js';
import { TargetList, type Locate } from './targets/collect.js';
import { readGoals, readTasks } from './targets/regions.js';
import { widerScopes } from './targets/years.js';

/** What extract adds to a plan: everything but its schema, source and diagnostics. */
export interface PlanBody {
  meta: Meta;
  sections: Section[];
  tasks: Task[];
  columns: Column[];
  targets: Target[];
  appendix: AppendixTable[];
}

/**
 * Reads the plan's content from its outline; `text` is the decoded source (for line and column), `fold` the
 * document's traditional-script fold when it has one.
 */
export async function assemble(o: Outline, text: string, ctx: Collector, fold?: DocumentFold): Promise<PlanBody> {
  let metaRead: MetaResult;
  if (fold?.script) {
    // the metadata readers match patterns on the strings they take: they read a simplified copy (src/source/fold.ts)
    const f = await import('../source/fold.js');
    const copy = f.readingViews(o.views, fold.script);
    metaRead = extractMeta({ ...o, views: copy }, ctx);
    f.restoreMeta(metaRead.meta, o.views, copy);
  } else metaRead = extractMeta(o, ctx);
  const { meta, docYear } = metaRead;
  const lines = new LineIndex(text);
  const at: Locate = (v, normIndex) => positionAt(lines, v, normIndex);

  let tasks = extractTasks(o.items, ctx);
  // a 工作要点 may number its tasks only as the rows of a table
  const fromTable = tasks.length === 0 ? tableTasks(o, ctx) : null;
  if (fromTable) tasks = fromTable.tasks;
  if (tasks.length === 0) ctx.report('no-tasks', null, 'no numbered task was found');
  for (const t of tasks) {
    const p = at(t.node.head.v, 0);
    t.task.line = p.line;
    t.task.column = p.column;
  }

  // the regions in document order of reading: goals, tasks, 专栏, what nothing else read, appendix tables
  const list = new TargetList(at, ctx, docYear, meta.horizon_years[0] ?? null, o.views[o.views.length - 1], widerScopes(meta));
  // a task table's rows are read through their tasks' cells
  if (fromTable) for (const r of fromTable.rows) list.covered.add(r);
  const tables = columnTables(o, list, ctx);
  readBodyTables(o, list, ctx);
  readGoals(o, list);
  readTasks(tasks, list);
  const columns = extractColumns(o, tasks, list, tables);
  readProse(o, list, ctx);
  const appendix = readAppendix(o, list, ctx);
  unitsFromTables(appendix, tasks, ctx);
  list.reportSkipped();
  // a plan that writes no goal year in its text but heads its indicator table's target column with one (`2025年
  // 目标值`): that column's year is its horizon (the last, when the table gives a value per year)
  if (meta.horizon_years.length === 0) {
    const years = list.targets.filter((t) => !t.year_inferred && t.year !== null && (docYear === null || t.year >= docYear)).map((t) => t.year as number);
    if (years.length > 0) meta.horizon_years = [Math.max(...years)];
  }

  const sections = o.chapters.map((c) => {
    const from = c.v.norm.indexOf(c.title) >= 0 ? c.v.norm.indexOf(c.title) : 0;
    return { number: c.ord, title: orig(c.v, from, from + c.title.length).trim(), line: at(c.v, 0).line, role: c.role };
  });
  return { meta, sections, tasks: tasks.map((t) => t.task), columns, targets: list.targets, appendix };
}

/**
 * columns: the 专栏 boxes (`专栏1 产业质量竞争力提升工程`) → `Column[]` with their item titles and lines, and the
 * targets their items set (`where: column:N`), each item's year opener governing its own lines.
 */
import type { Column } from '../model.js';
import type { ColumnNode, Outline } from '../outline/outline.js';
import type { TableOut } from './appendix.js';
import { readTableTargets, titleYear } from './indicator-table.js';
import type { TaskOut } from './tasks.js';
import type { TargetList } from './targets/collect.js';
import { orig, type View } from '../source/view.js';
import { cutTitle } from './titles.js';
import { openerYear } from './targets/years.js';

/** Reads the 专栏 boxes; `after_task` is the id of the task each box follows. */
export function extractColumns(o: Outline, tasks: TaskOut[], list: TargetList, tables: ReadonlyMap<ColumnNode, TableOut> = new Map()): Column[] {
  const columns: Column[] = [];
  const idOf = new Map(tasks.map((t) => [t.node, t.task.id]));
  for (const c of o.columns) {
    const items: string[] = [];
    const itemLines: number[] = [];
    for (const it of c.items) {
      const rest = it.head.v.norm.slice(it.head.start);
      const cut = cutTitle(rest);
      items.push(orig(it.head.v, it.head.start + cut.start, it.head.start + cut.end).trim());
      itemLines.push(list.at(it.head.v, it.head.start).line);
      let year: number | null = null;
      for (const [v, from] of [[it.head.v, it.head.start] as [View, number], ...it.more.map((m): [View, number] => [m, 0])]) {
        list.covered.add(v);
        const s = v.norm.slice(from);
        list.read(s, v, from, `column:${c.number}`, year);
        year = openerYear(s, list.docYear, list.wider) ?? year;
      }
    }
    list.covered.add(c.head);
    if (c.titleView) list.covered.add(c.titleView);
    const table = tables.get(c);
    if (table) {
      // a year in the box's title (`2025年主要指标`) stands for a value column that names none
      readTableTargets(table, c.head, `column:${c.number}`, titleYear(c.title), list);
    }
    columns.push({
      number: c.number, title: (c.titleView ? orig(c.titleView) : orig(c.head, c.titleStart)).trim(), items, after_task: c.afterItem ? idOf.get(c.afterItem) ?? null : null,
      // the line that holds the title (the one under `专栏1` when it stands alone)
      line: list.at(c.titleView ?? c.head, 0).line, item_lines: itemLines,
    });
  }
  return columns;
}

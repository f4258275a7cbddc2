/**
 * division: a 重点任务分工表 in the appendix (序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限) names the agencies of
 * the tasks whose text prints no note of its own. A row goes to the task whose title opens one of its cells
 * (`推动陈皮产业高质量发展` / `推动陈皮产业高质量发展。…` / `1.推动陈皮产业高质量发展`); its names are kept as the table prints them.
 */
import type { AppendixTable } from '../model.js';
import type { Collector } from '../diagnostics.js';
import type { TaskOut } from './tasks.js';
import { splitAgencies } from './agencies.js';
import { DIVISION_LEAD, DIVISION_RESPONSIBLE } from '../lexicon/appendix.js';
import { MARK_OPENING } from '../lexicon/structure.js';

/** A cell or title as compared: no spaces, punctuation or brackets, full-width folded. */
const key = (s: string) => s.normalize('NFKC').replace(/[\s。.,，;；:：、“”"'‘’()（）《》〔〕[\]【】]/g, '');

/** Fills lead/responsible of note-less tasks from the appendix's division tables; one row a task. */
export function unitsFromTables(tables: AppendixTable[], tasks: TaskOut[], ctx: Collector): void {
  const bare = tasks.filter((t) => t.note === null && t.task.lead.length === 0 && t.task.responsible.length === 0);
  for (const table of tables) {
    if (bare.length === 0) return;
    const { lead: leadCol, responsible: respCol } = agencyColumns(table.columns.map((c) => c.replace(/\s+/g, '')));
    if (leadCol < 0 && respCol < 0) continue;
    table.rows.forEach((row, r) => {
      // a cell may print the task's own number before its title (`1.推动…`, `（二）提升…`)
      const cells = row.map((c, i) => (i === leadCol || i === respCol || c == null ? '' : key(c.replace(MARK_OPENING, ''))));
      const at = bare.findIndex((t) => {
        const k = key(t.task.title);
        // a title of a word or two (`品牌建设`) may open any cell: only a title of a task's length is matched
        return k.length >= 6 && cells.some((c) => c.startsWith(k));
      });
      if (at < 0) return;
      const [t] = bare.splice(at, 1) as [TaskOut];
      const a = rowAgencies(leadCol >= 0 ? row[leadCol] : null, respCol >= 0 ? row[respCol] : null);
      if (a.lead.length === 0 && a.responsible.length === 0) return;
      t.task.lead = a.lead;
      t.task.responsible = a.responsible;
      t.task.units_etc = a.etc;
      ctx.report('units-from-table', table.row_lines?.[r] ?? table.line, `agencies of task ${t.task.id} read from the table '${table.title}'`);
    });
  }
}

/** The longest header cell of a division table (`主要责任单位`, `牵头单位(部门)`): a longer cell is a task's own text. */
export const HEADER_CELL_MAX = 8;

/** The lead and responsible columns among a division table's header cells (spaces removed); -1 where there is none. */
export function agencyColumns(cols: string[]): { lead: number; responsible: number } {
  const lead = cols.findIndex((c) => DIVISION_LEAD.test(c) && c.length <= HEADER_CELL_MAX);
  const responsible = cols.findIndex((c, i) => i !== lead && DIVISION_RESPONSIBLE.test(c) && c.length <= HEADER_CELL_MAX);
  return { lead, responsible };
}

/** The agencies of a division table's row: its lead and responsible cells (null where the table has no such column). */
export function rowAgencies(lead: string | null | undefined, responsible: string | null | undefined): { lead: string[]; responsible: string[]; etc: boolean } {
  const l = splitAgencies(lead ?? ''), r = splitAgencies(responsible ?? '');
  return { lead: l.names, responsible: r.names, etc: l.etc || r.etc };
}

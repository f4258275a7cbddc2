/**
 * division: a 重点任务分工表 in the appendix (序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限) names the agencies of
 * the tasks whose text prints no note of its own. A row goes to the task whose title opens one of its cells
 * (`推动陈皮产业高质量发展` / `推动陈皮产业高质量发展。…` / `1.推动陈皮产业高质量发展`); its names are kept as the table prints them.
 */
import type { AppendixTable } from '../model.js';
import type { Collector } from '../diagnostics.js';
import type { TaskOut } from './tasks.js';
import { splitAgencies } from './agencies.js';
import { DIVISION_LEAD, DIVISION_RESPONSIBLE, DIVISION_SEQ } from '../lexicon/appendix.js';
import { bigramDice } from '../compare/search/tokens.js';
import { MARK_OPENING } from '../lexicon/structure.js';
import { halfWidth } from '../source/normalize.js';

/** A cell or title as compared: no spaces, punctuation or brackets, full-width folded. */
const key = (s: string) => s.normalize('NFKC').replace(/[\s。.,，;；:：、“”"'‘’()（）《》〔〕[\]【】]/g, '');

/** Share of character bigrams a reworded row title has in common with its task's (`提升新型显示产业质量` / `推动新型显示产业质量提升`: 0.8). */
const REWORDED_MIN = 0.6;

/**
 * Fills lead/responsible of note-less tasks from the appendix's division tables. A row goes to a task by its
 * title, or, where the row rewords it, by its 序号 (the task's printed number or its place among the tasks) and
 * most of the title's characters; a row whose 序号 is left empty (the task's second measure, a merged cell
 * flattened) adds its names to the task of the row above, each name once, a lead never again as responsible.
 */
export function unitsFromTables(tables: AppendixTable[], tasks: TaskOut[], ctx: Collector): void {
  const bare = tasks.filter((t) => t.note === null && t.task.lead.length === 0 && t.task.responsible.length === 0);
  const order = tasks.filter((t) => t.task.kind === 'task');
  for (const table of tables) {
    if (bare.length === 0) return;
    const cols = table.columns.map((c) => c.replace(/\s+/g, ''));
    const { lead: leadCol, responsible: respCol } = agencyColumns(cols);
    if (leadCol < 0 && respCol < 0) continue;
    const seqCol = cols.findIndex((c) => DIVISION_SEQ.test(c));
    let above: TaskOut | null = null;
    table.rows.forEach((row, r) => {
      // a cell may print the task's own number before its title (`1.推动…`, `（二）提升…`)
      const cells = row.map((c, i) => (i === leadCol || i === respCol || c == null ? '' : key(c.replace(MARK_OPENING, ''))));
      let at = bare.findIndex((t) => {
        const k = key(t.task.title);
        // a title of a word or two (`品牌建设`) may open any cell: only a title of a task's length is matched
        return k.length >= 6 && cells.some((c) => c.startsWith(k));
      });
      const seq = seqCol >= 0 ? halfWidth(row[seqCol] ?? '').trim() : null;
      if (at < 0 && seq) at = bySequence(seq, cells, bare, order);
      const a = rowAgencies(leadCol >= 0 ? row[leadCol] : null, respCol >= 0 ? row[respCol] : null);
      if (at < 0) {
        if (seq === '' && above) addAgencies(above, a);
        else above = null;
        return;
      }
      const [t] = bare.splice(at, 1) as [TaskOut];
      above = null;
      if (a.lead.length === 0 && a.responsible.length === 0) return;
      t.task.lead = a.lead;
      t.task.responsible = a.responsible;
      t.task.units_etc = a.etc;
      // only a numbered row has rows of its own under it (in a table that numbers no row, an empty 序号 is no sign)
      above = seq ? t : null;
      ctx.report('units-from-table', table.row_lines?.[r] ?? table.line, `agencies of task ${t.task.id} read from the table '${table.title}'`);
    });
  }
}

/** The bare task a row that rewords its title names by its 序号, or -1. */
function bySequence(seq: string, cells: string[], bare: TaskOut[], order: TaskOut[]): number {
  if (!/^\d{1,3}$/.test(seq)) return -1;
  const n = Number(seq);
  return bare.findIndex((t) => (t.node.printed.replace(/\D/g, '') === seq || order[n - 1] === t)
    && cells.some((c) => c.length >= 4 && bigramDice(c, key(t.task.title)) >= REWORDED_MIN));
}

function addAgencies(t: TaskOut, a: { lead: string[]; responsible: string[]; etc: boolean }): void {
  const lead = [...new Set([...t.task.lead, ...a.lead])];
  t.task.lead = lead;
  t.task.responsible = [...new Set([...t.task.responsible, ...a.responsible])].filter((n) => !lead.includes(n));
  t.task.units_etc ||= a.etc;
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

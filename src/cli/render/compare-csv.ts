/**
 * compare's CSV as data: one long table, one row per observation, one value per cell (value, unit, comparator and
 * year in their own columns), numbers as numbers, missing as empty, no display text (no `≥98.3% 2027`, no `—`, no
 * line breaks). Every view uses the same columns (the `view` column says which), so `--view all` is one table with
 * the same field count on every line and loads as is in pandas, DuckDB or Excel.
 */
import type { CompareResult } from '../../compare/types.js';
import type { CellValue } from '../../table/columns.js';
import type { CompareView as ViewName } from '../../compare/types.js';
import { taskIndex } from '../../compare/lookup.js';
import { csvField } from './csv.js';

/** The columns, in order; a view fills the ones it has. */
export const COMPARE_CSV_COLUMNS = [
  'view', 'plan', 'id', 'name', 'known', 'indicator', 'value', 'unit', 'comparator', 'year', 'year_inferred', 'match', 'confidence',
  'ambition', 'where', 'line', 'items', 'item_ids', 'targets', 'with_units', 'units', 'lead', 'responsible', 'task', 'title',
  'counterpart_plan', 'counterpart_task', 'counterpart_title', 'score', 'gap',
  // added with coverage degrees and score bands (appended, so existing column positions hold)
  'degree', 'signals', 'band',
] as const;
type Col = (typeof COMPARE_CSV_COLUMNS)[number];
type Rec = Partial<Record<Col, CellValue | undefined>>;

function records(r: CompareResult, views: readonly ViewName[]): Rec[] {
  const out: Rec[] = [];
  const labels = r.plans.map((p) => p.label);
  const themeName = new Map(r.themes.map((t) => [t.id, t.name]));
  const tasks = taskIndex(r);
  for (const view of views) {
    if (view === 'themes') {
      for (const t of r.themes) for (const plan of labels) {
        const c = t.plans[plan];
        // a mentioned theme lists the items where its words occur
        const ids = c?.degree === 'mentioned' ? c.mentioned : c?.items ?? [];
        out.push({
          view, plan, id: t.id, name: t.name, items: c?.items.length ?? 0, item_ids: ids, targets: c?.targets ?? 0, with_units: c?.with_units ?? 0,
          degree: c?.degree ?? 'absent', signals: c?.signals ?? [],
        });
      }
    } else if (view === 'indicators') {
      for (const row of r.indicators) for (const plan of labels) {
        const c = row.plans[plan];
        const named = row.named[plan];
        if (!c) {
          if (named) out.push({ view, plan, id: row.id, name: row.name, known: row.listed, item_ids: named, degree: 'named' });
          continue;
        }
        out.push({ degree: 'target',
          view, plan, id: row.id, name: row.name, known: row.listed, indicator: c.indicator, value: c.value, unit: c.unit, comparator: c.comparator,
          year: c.year, year_inferred: c.year_inferred, match: c.match, confidence: c.confidence, ambition: c.ambition ?? null, where: c.where, line: c.line,
        });
      }
    } else if (view === 'agencies') {
      for (const a of r.agencies) for (const plan of labels) {
        const c = a.plans[plan];
        if (c) out.push({ view, plan, id: a.id, name: a.name, known: a.known, units: c.names, lead: c.lead, responsible: c.responsible });
      }
    } else if (view === 'tasks') {
      for (const a of r.alignments) for (const [other, c] of Object.entries(a.counterparts)) {
        out.push({ view, plan: a.plan, task: a.task, title: a.title, line: a.line, counterpart_plan: other, counterpart_task: c.task, counterpart_title: c.task === null ? null : tasks.get(other)?.get(c.task)?.title ?? null, score: c.score, band: c.band ?? null });
      }
    } else if (view === 'gaps') {
      const unclassified = new Map(r.unclassified.map((u) => [u.plan, u.items]));
      for (const g of r.gaps) {
        const plan = g.plan;
        for (const id of g.missing_themes) out.push({ view, plan, gap: 'missing-theme', id, name: r.missing[id]?.name ?? themeName.get(id) ?? id, degree: 'absent' });
        for (const id of g.missing_indicators) out.push({ view, plan, gap: 'missing-indicator', id, name: r.missing[id]?.name ?? id, known: r.missing[id]?.listed ?? null, degree: 'absent' });
        for (const task of g.tasks_without_units) out.push({ view, plan, gap: 'task-without-units', task });
        for (const t of g.targets_without_year) out.push({ view, plan, gap: 'target-without-year', indicator: t.indicator, line: t.line, year: t.year });
        for (const task of unclassified.get(plan) ?? []) out.push({ view, plan, gap: 'unclassified', task });
      }
    }
  }
  return out;
}

/** The CSV (UTF-8 with a BOM for Excel, CRLF rows, RFC 4180, formula-safe); lists are `;`-joined. */
export function renderCompareCsv(r: CompareResult, views: readonly ViewName[]): string {
  const cell = (v: CellValue | undefined): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return csvField(Array.isArray(v) ? v.join(';') : v);
  };
  const lines = [COMPARE_CSV_COLUMNS.join(','), ...records(r, views).map((rec) => COMPARE_CSV_COLUMNS.map((c) => cell(rec[c])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

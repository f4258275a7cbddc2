/**
 * The lineage as terminal tables or Markdown: plans and their parents, targets against the parent's (those the parent
 * has), and the tasks taken from elsewhere (copied or adapted). The table layout is compare's.
 */
import type { LineageResult } from '../../lineage/types.js';
import type { Cell, Grid } from './compare-views.js';
import { renderTable } from './compare-text.js';

const COMPARATOR: Record<string, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** `≥98.3% 2027`. */
export function commitmentText(value: number | null, unit: string | null, comparator: string | null, year: number | null): string {
  if (value === null) return '—';
  return `${COMPARATOR[comparator ?? ''] ?? comparator ?? ''}${value}${unit ?? ''}${year !== null ? ` ${year}` : ''}`;
}

const RELATION_TONE: Record<string, Cell['tone']> = { tighter: 'good', same: 'dim', looser: 'bad', incomparable: 'warn' };
const RELATION_ZH: Record<string, string> = { tighter: '更严 tighter', same: '相同 same', looser: '更宽 looser', incomparable: '不可比 incomparable', none: '—' };

export function lineageGrids(r: LineageResult): Grid[] {
  const plans: Grid = {
    view: 'plans', title: '上级 Parents',
    header: ['计划', '年份', '上级', '依据', '抄自上级', '抄自同级', '抄自其他', '任务 抄/改/新', '目标 严/同/宽'],
    rows: r.plans.map((p) => [
      { lines: [p.label] }, { lines: [p.year === null ? '—' : String(p.year)] }, { lines: [p.parent ?? '—'] }, { lines: [p.parent_note], tone: 'dim' },
      { lines: [pct(p.copied_from_parent)] }, { lines: [pct(p.copied_from_siblings)] }, { lines: [pct(p.copied_from_others)] },
      { lines: [`${p.counts.copied}/${p.counts.adapted}/${p.counts.new}`] }, { lines: [`${p.counts.tighter}/${p.counts.same}/${p.counts.looser}`] },
    ]),
    note: `copied: ≥ ${pct(r.rule.copied_at)} of a task's characters aligned with its source; adapted: ≥ ${pct(r.rule.adapted_at)}`,
  };
  const targetRows: Cell[][] = [];
  for (const p of r.plans) {
    for (const t of p.targets) {
      if (t.relation === 'none') continue;
      targetRows.push([
        { lines: [p.label] }, { lines: [t.indicator] }, { lines: [commitmentText(t.value, t.unit, t.comparator, t.year)] },
        { lines: [commitmentText(t.parent_value, t.parent_unit, t.parent_comparator, t.parent_year)] },
        { lines: [RELATION_ZH[t.relation] ?? t.relation], tone: RELATION_TONE[t.relation] }, { lines: [t.note ?? ''], tone: 'dim' },
      ]);
    }
  }
  const targets: Grid = { view: 'plans', title: '目标对照 Targets against the parent', header: ['计划', '指标', '本级', '上级', '关系', '说明'], rows: targetRows };
  const taskRows: Cell[][] = [];
  for (const p of r.plans) {
    for (const t of p.tasks) {
      if (t.status === 'new') continue;
      taskRows.push([
        { lines: [p.label] }, { lines: [`${t.id} ${t.title}`.trim()] }, { lines: [t.status], tone: t.status === 'copied' ? 'bad' : 'warn' },
        { lines: [pct(t.copied_share)] }, { lines: [`${t.source_plan ?? '—'} ${t.source_task ?? ''}`.trim()] }, { lines: [t.source_role ?? ''] },
      ]);
    }
  }
  const tasks: Grid = { view: 'plans', title: '任务来源 Tasks taken from elsewhere', header: ['计划', '任务', '状态', '抄录比例', '来源', '关系'], rows: taskRows };
  return [plans, targets, tasks];
}

export function renderLineageTables(r: LineageResult, color: boolean, columns = 160): string {
  return lineageGrids(r).map((g) => renderTable(g, columns, color)).join('\n');
}

const mdEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');

export function renderLineageMarkdown(r: LineageResult): string {
  const out = [`# qplan lineage: ${r.plans.map((p) => p.label).join(' · ')}`, ''];
  for (const g of lineageGrids(r)) {
    out.push(`## ${g.title}`, '', `| ${g.header.map(mdEscape).join(' | ')} |`, `|${g.header.map(() => '---').join('|')}|`);
    for (const row of g.rows) out.push(`| ${row.map((c) => c.lines.map(mdEscape).join('<br>')).join(' | ')} |`);
    if (g.note) out.push('', `_${mdEscape(g.note)}_`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * `comparePlans`: lay plans side by side — theme coverage, indicators, agencies, task alignment and gaps — as one
 * `qplan/compare@1` document. Orchestration only: each view is built in views/, and this module prepares the plans
 * (labels, items, the script fold), calls the views asked for and keeps the document proportional to what was asked.
 */
import type { Plan } from '../model.js';
import type { CompareItem, ComparePlanInfo, CompareResult, CompareView, IndicatorRow, Missing } from './types.js';
import { COMPARE_SCHEMA_ID, COMPARE_VIEWS, dict } from './types.js';
import { MISSING_FROM_MAX, type CompareInput, type CompareOptions, type Prepared } from './options.js';
import { ownNames, planItems, reportedId } from './items.js';
import { fileStem, planLabels, planYear } from './labels.js';
import { themeRows } from './views/themes.js';
import { alignIndicators } from './views/indicators.js';
import { markNamedIndicators } from './views/indicator-names.js';
import { agencyRows } from './views/agencies.js';
import { alignTasks } from './views/tasks.js';
import { gapRows } from './views/gaps.js';

export {
  ALIGN_EVERY_PLAN_UP_TO, ALIGN_FLOOR, ALIGN_MIN_SCORE, ALIGN_STRONG, ALIGN_TOP, MISSING_FROM_MAX, type CompareInput, type CompareOptions,
} from './options.js';
export { uniqueLabels, planLabels } from './labels.js';

const identity = (s: string) => s;

/** A string fold from a character fold, remembering what it folded (plans of one genre repeat their sentences). */
function stringFold(fold: (ch: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let out = seen.get(s);
    if (out === undefined) {
      out = '';
      for (const ch of s) out += fold(ch);
      if (seen.size < 200_000) seen.set(s, out);
    }
    return out;
  };
}

/** Compares two or more plans (one is enough for a single-plan profile). */
export function comparePlans(inputs: (Plan | CompareInput)[], options: CompareOptions): CompareResult {
  const norm: CompareInput[] = inputs.map((i) => ('plan' in i ? i : { plan: i }));
  if (norm.length === 0) throw new Error('comparePlans: no plans given');
  const { taxonomy, indicators: indicatorLex } = options.vocabulary;
  const asked = new Set<CompareView>(options.views ?? COMPARE_VIEWS);
  // gaps are read off the themes and indicators, which are then computed but written only when asked for
  const computed = new Set(asked);
  if (asked.has('gaps')) {
    computed.add('themes');
    computed.add('indicators');
  }
  const views = COMPARE_VIEWS.filter((v) => asked.has(v));
  const labels = planLabels(norm.map((n) => n.plan), norm.map((n) => n.label));
  // a traditional plan is matched through the same fold extract reads it with, and shown as written
  const folded = options.fold ? stringFold(options.fold) : identity;
  const plans: Prepared[] = norm.map((n, i) => {
    const match = n.plan.meta.script === 'traditional' ? folded : identity;
    return { ...n, label: labels[i] as string, own: ownNames(n.plan).map(match), items: planItems(n.plan), match };
  });

  const themes = computed.has('themes') ? themeRows(plans, options) : { rows: [], unclassified: [], themesOf: [] };
  let indicators: IndicatorRow[] = [];
  if (computed.has('indicators')) {
    indicators = alignIndicators(plans.map((p) => ({ label: p.label, own: p.own, targets: p.plan.targets, match: p.match })), indicatorLex);
    markNamedIndicators(indicators, plans, indicatorLex);
  }
  const agencies = asked.has('agencies') ? agencyRows(plans, options) : { rows: [], unknown: [] };
  const alignment = asked.has('tasks') ? alignTasks(plans, options) : null;
  const gaps = asked.has('gaps') ? gapRows(plans, themes.rows, indicators) : { gaps: [], missing: dict<Missing>() };

  const planInfo: ComparePlanInfo[] = plans.map((p) => {
    const k = (kind: string) => p.plan.tasks.filter((t) => t.kind === kind).length;
    return {
      label: p.label,
      title: p.plan.meta.title ?? null,
      source: p.plan.source.path,
      level: p.plan.meta.level ?? null,
      counts: {
        task: k('task'), goal: k('goal'), safeguard: k('safeguard'),
        column_items: p.plan.columns.reduce((n, c) => n + c.items.length, 0), targets: p.plan.targets.length,
      },
      jurisdiction: p.plan.meta.jurisdiction ?? null,
      baseline: Boolean(p.baseline),
      year: planYear(p.plan),
      file: fileStem(p.plan.source.path),
      script: p.plan.meta.script ?? 'simplified',
    };
  });

  // the items the written views refer to, each once (the tasks view's entries carry their own title and line)
  const referred = plans.map(() => new Set<string>());
  if (asked.has('themes')) for (const r of referred) r.add('*');
  // by label, not by searching the plans: a row or gap per plan of thousands
  const byLabel = new Map(plans.map((p, pi) => [p.label, pi]));
  if (asked.has('agencies')) {
    for (const a of agencies.rows) {
      for (const [label, cell] of Object.entries(a.plans)) for (const id of [...cell.lead, ...cell.responsible]) referred[byLabel.get(label) ?? -1]?.add(id);
    }
  }
  if (asked.has('gaps')) {
    gaps.gaps.forEach((g) => {
      const pi = byLabel.get(g.plan) ?? -1;
      for (const id of g.tasks_without_units) referred[pi]?.add(id);
    });
    themes.unclassified.forEach((u, pi) => { for (const id of u.items) referred[pi]?.add(id); });
  }
  const items = dict<CompareItem[]>();
  plans.forEach((p, pi) => {
    const r = referred[pi] as Set<string>;
    if (r.size === 0) return;
    const all = r.has('*');
    const list = p.items.flatMap((it, k) => {
      if (!all && !r.has(it.id) && !r.has(reportedId(it.id))) return [];
      const { text, ...rest } = it;
      return [{ ...rest, ...(options.itemText ? { text } : {}), themes: themes.themesOf[pi]?.[k] ?? [] }];
    });
    if (list.length > 0) items[p.label] = list;
  });

  return {
    schema: COMPARE_SCHEMA_ID,
    taxonomy: taxonomy.name,
    groups: taxonomy.groups,
    views,
    ...(alignment ? { alignment_rule: alignment.rule } : {}),
    ...(asked.has('gaps') ? { missing_from_max: MISSING_FROM_MAX } : {}),
    plans: planInfo,
    themes: asked.has('themes') ? themes.rows : [],
    indicators: asked.has('indicators') ? indicators : [],
    agencies: agencies.rows,
    alignments: alignment?.alignments ?? [],
    gaps: gaps.gaps,
    missing: gaps.missing,
    unclassified: asked.has('themes') || asked.has('gaps') ? themes.unclassified : [],
    unknown_agencies: agencies.unknown,
    items,
  };
}

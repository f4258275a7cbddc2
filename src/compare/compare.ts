/**
 * `comparePlans`: lay plans side by side — theme coverage, indicators, agencies, task alignment and gaps — as one
 * `qplan/compare@1` document. Pure: plans and vocabularies in, a document out; rendering is the CLI's business.
 */
import type { Plan } from '../model.js';
import type { ComparePlanInfo, CompareResult, CompareView, IndicatorRow } from './types.js';
import { COMPARE_SCHEMA_ID, COMPARE_VIEWS } from './types.js';
import { MISSING_FROM_MAX, type CompareInput, type CompareOptions } from './options.js';
import { ownNames, planItems } from './items.js';
import { themeRows } from './views/themes.js';
import { alignIndicators } from './views/indicators.js';
import { agencyRows } from './views/agencies.js';
import { alignTasks } from './views/tasks.js';
import { gapRows } from './views/gaps.js';

export {
  ALIGN_EVERY_PLAN_UP_TO, ALIGN_MIN_SCORE, ALIGN_TOP, MISSING_FROM_MAX, type CompareInput, type CompareOptions,
} from './options.js';


/** Unique labels: the given label or the jurisdiction; a repeated label gets `-2`, `-3` … */
export function uniqueLabels(wanted: string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w) => {
    let label = w;
    for (let n = 2; used.has(label); n++) label = `${w}-${n}`;
    used.add(label);
    return label;
  });
}

function defaultLabel(plan: Plan): string {
  if (plan.meta.jurisdiction) return plan.meta.jurisdiction;
  if (plan.meta.title) return plan.meta.title;
  const base = plan.source.path.split(/[\\/]/).pop() ?? plan.source.path;
  return base.replace(/\.[^.]+$/, '') || 'plan';
}

/** Compares two or more plans (one is enough for a single-plan profile). */
export function comparePlans(inputs: (Plan | CompareInput)[], options: CompareOptions): CompareResult {
  const norm: CompareInput[] = inputs.map((i) => ('plan' in i ? i : { plan: i }));
  if (norm.length === 0) throw new Error('comparePlans: no plans given');
  const { taxonomy, indicators: indicatorLex } = options.vocabulary;
  const wanted = new Set<CompareView>(options.views ?? COMPARE_VIEWS);
  if (wanted.has('gaps')) {
    wanted.add('themes');
    wanted.add('indicators');
  }
  const views = COMPARE_VIEWS.filter((v) => wanted.has(v));
  const labels = uniqueLabels(norm.map((n) => n.label?.trim() || defaultLabel(n.plan)));
  const plans = norm.map((n, i) => ({ ...n, label: labels[i] as string, own: ownNames(n.plan), items: planItems(n.plan) }));

  const themes = wanted.has('themes') ? themeRows(plans, options) : { rows: [], unclassified: [], themesOf: [] };
  const indicators: IndicatorRow[] = wanted.has('indicators')
    ? alignIndicators(plans.map((p) => ({ label: p.label, own: p.own, targets: p.plan.targets })), indicatorLex)
    : [];
  const agencies = wanted.has('agencies') ? agencyRows(plans, options) : { rows: [], unknown: [] };
  const alignment = wanted.has('tasks') ? alignTasks(plans, options) : null;
  const gaps = wanted.has('gaps') ? gapRows(plans, themes.rows, indicators) : [];

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
    };
  });

  return {
    schema: COMPARE_SCHEMA_ID,
    taxonomy: taxonomy.name,
    groups: taxonomy.groups,
    views,
    ...(alignment ? { alignment_rule: alignment.rule } : {}),
    ...(wanted.has('gaps') ? { missing_from_max: MISSING_FROM_MAX } : {}),
    plans: planInfo,
    themes: themes.rows,
    indicators,
    agencies: agencies.rows,
    alignments: alignment?.alignments ?? [],
    gaps,
    unclassified: themes.unclassified,
    unknown_agencies: agencies.unknown,
    // the items with the themes the themes view gave them (the prepared items stay as built)
    items: Object.fromEntries(plans.map((p, pi) => [p.label, p.items.map((it, k) => ({ ...it, themes: themes.themesOf[pi]?.[k] ?? [] }))])),
  };
}

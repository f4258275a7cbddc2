/**
 * The gaps view: what each plan lacks altogether that the others (or the baseline) have. Only absence is a gap: a
 * theme the plan mentions, or an indicator it names without a value, is not missing (the themes and indicators
 * views show those degrees).
 */
import type { Gap, IndicatorRow, Missing, ThemeRow } from '../types.js';
import { dict } from '../types.js';
import { MISSING_FROM_MAX, type Prepared } from '../options.js';

/** Gaps: against the baseline when there is one, otherwise against every other plan. */
export function gapRows(plans: Prepared[], themes: ThemeRow[], indicators: IndicatorRow[]): { gaps: Gap[]; missing: Record<string, Missing> } {
  const baselines = plans.filter((p) => p.baseline);
  const others = baselines.length > 0 ? baselines : plans.filter((o) => !o.baseline);
  // who has each theme and indicator, once: listed once in `missing`, referred to by id from every plan lacking it
  // (a corpus of a thousand near-identical plans would otherwise name hundreds of plans per gap of each plan)
  const who = (labels: string[]) => ({ count: labels.length, plans: labels.length > MISSING_FROM_MAX ? labels.slice(0, MISSING_FROM_MAX) : labels });
  const haveTheme = themes.map((t) => who(others.filter((o) => (t.plans[o.label]?.items.length ?? 0) > 0).map((o) => o.label)));
  const haveIndicator = indicators.map((r) => who(others.filter((o) => r.plans[o.label]).map((o) => o.label)));
  const missing = dict<Missing>();
  const gaps = plans.filter((p) => !p.baseline).map((p) => {
    const missing_themes: string[] = [];
    themes.forEach((t, k) => {
      if ((t.plans[p.label]?.degree ?? 'absent') !== 'absent') return;
      const have = haveTheme[k];
      if (have && have.count > 0) {
        missing_themes.push(t.id);
        missing[t.id] ??= { kind: 'theme', name: t.name, ...have };
      }
    });
    const missing_indicators: string[] = [];
    indicators.forEach((r, k) => {
      if (r.plans[p.label] || r.named[p.label]) return;
      const have = haveIndicator[k];
      if (have && have.count > 0) {
        missing_indicators.push(r.id);
        missing[r.id] ??= { kind: 'indicator', name: r.name, listed: r.listed, ...have };
      }
    });
    const tasks_without_units = p.plan.tasks
      .filter((t) => t.kind === 'task' && (t.lead ?? []).length === 0 && (t.responsible ?? []).length === 0)
      .map((t) => t.id);
    const targets_without_year = p.plan.targets
      .filter((g) => g.year === null || g.year_inferred)
      .map((g) => ({ indicator: g.indicator, line: g.line, year: g.year }));
    return { plan: p.label, missing_themes, missing_indicators, tasks_without_units, targets_without_year };
  });
  return { gaps, missing };
}

/** The gaps view: what each plan lacks that the others (or the baseline) have. */
import type { Gap, IndicatorRow, ThemeRow } from '../types.js';
import { dict } from '../types.js';
import { MISSING_FROM_MAX, type Prepared } from '../options.js';

/** Gaps: against the baseline when there is one, otherwise against every other plan. */
export function gapRows(plans: Prepared[], themes: ThemeRow[], indicators: IndicatorRow[]): Gap[] {
  const baselines = plans.filter((p) => p.baseline);
  const others = baselines.length > 0 ? baselines : plans.filter((o) => !o.baseline);
  // who has each theme and indicator, once: a plan that lacks one is never among those who have it, so the list
  // is the same for every plan that lacks it (and is shared, not copied, between them)
  // (a corpus of a thousand near-identical plans would otherwise name hundreds of plans per gap of each plan)
  const who = (labels: string[]) => ({ count: labels.length, named: labels.length > MISSING_FROM_MAX ? labels.slice(0, MISSING_FROM_MAX) : labels });
  const haveTheme = themes.map((t) => who(others.filter((o) => (t.plans[o.label]?.items.length ?? 0) > 0).map((o) => o.label)));
  const haveIndicator = indicators.map((r) => who(others.filter((o) => r.plans[o.label]).map((o) => o.label)));
  return plans.filter((p) => !p.baseline).map((p) => {
    const missingFrom = dict<string[]>();
    const missingFromCount = dict<number>();
    const missing_themes: string[] = [];
    themes.forEach((t, k) => {
      if ((t.plans[p.label]?.items.length ?? 0) > 0) return;
      const have = haveTheme[k];
      if (have && have.count > 0) {
        missing_themes.push(t.id);
        missingFrom[t.id] = have.named;
        missingFromCount[t.id] = have.count;
      }
    });
    const missing_indicators: string[] = [];
    indicators.forEach((r, k) => {
      if (r.plans[p.label]) return;
      const have = haveIndicator[k];
      if (have && have.count > 0) {
        missing_indicators.push(r.id);
        missingFrom[r.id] = have.named;
        missingFromCount[r.id] = have.count;
      }
    });
    const tasks_without_units = p.plan.tasks
      .filter((t) => t.kind === 'task' && (t.lead ?? []).length === 0 && (t.responsible ?? []).length === 0)
      .map((t) => t.id);
    const targets_without_year = p.plan.targets
      .filter((g) => g.year === null || g.year_inferred)
      .map((g) => ({ indicator: g.indicator, line: g.line, year: g.year }));
    return {
      plan: p.label, missing_themes, missing_indicators, tasks_without_units, targets_without_year, missing_from: missingFrom,
      missing_from_count: missingFromCount,
    };
  });
}

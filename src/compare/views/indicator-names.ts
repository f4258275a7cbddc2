/**
 * Indicators a plan names without a value: "提升绿色建筑占比" with no number is not a target, but the plan has not
 * left the indicator out either. For each row a plan has no target in, the row's names (the table's aliases, or the
 * plans' own names for generated rows) are looked for in the plan's items, on the same normalized form.
 */
import type { IndicatorLexicon, IndicatorRow } from '../types.js';
import type { Prepared } from '../options.js';
import { normalizeIndicator } from './indicators.js';
import { PhraseFinder } from '../search/phrases.js';
import { halfWidth } from '../../source/normalize.js';

/** Shorter names (合格率, 覆盖率) say nothing of which indicator is meant. */
const MIN_NAME = 4;
const NOISE = /[“”‘’"'「」『』《》\s的]/gu;

/** Fills `row.named` for every plan that names a row's indicator in an item but has no target in that row. */
export function markNamedIndicators(rows: IndicatorRow[], plans: Prepared[], lex: IndicatorLexicon): void {
  const byName = new Map<string, number[]>();
  const add = (name: string, r: number) => {
    if ([...name].length < MIN_NAME) return;
    const list = byName.get(name);
    if (!list) byName.set(name, [r]);
    else if (list[list.length - 1] !== r) list.push(r);
  };
  const entries = new Map(lex.indicators.map((e) => [e.id, e]));
  const byLabel = new Map(plans.map((p) => [p.label, p]));
  rows.forEach((row, r) => {
    const entry = row.listed ? entries.get(row.id) : undefined;
    for (const a of entry ? [entry.name, ...entry.aliases] : []) add(normalizeIndicator(a, lex), r);
    for (const [label, c] of Object.entries(row.plans)) {
      const own = byLabel.get(label);
      add(normalizeIndicator(own ? own.match(c.indicator) : c.indicator, lex, own?.own ?? []), r);
    }
  });
  if (byName.size === 0) return;
  const names = [...byName.keys()];
  const finder = new PhraseFinder(names);
  for (const p of plans) {
    for (const item of p.items) {
      const text = halfWidth(p.match(`${item.title}${item.text}`)).replace(NOISE, '');
      finder.find(text, (k) => {
        for (const r of byName.get(names[k] as string) ?? []) {
          const row = rows[r];
          if (!row || row.plans[p.label]) continue;
          const list = (row.named[p.label] ??= []);
          if (!list.includes(item.id)) list.push(item.id);
        }
      });
    }
  }
}

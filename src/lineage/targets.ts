/**
 * Targets against the parent's. Every target of every plan and reference is given its canonical indicator by
 * compare's canonicaliser (`alignIndicators`, in one pass over all of them, each target as its own column so the
 * id of each is known), then each target meets the parent's target of the same id.
 */
import type { Target } from '../model.js';
import { alignIndicators, normalizeIndicator, type PlanTargets } from '../compare/views/indicators.js';
import type { IndicatorLexicon } from '../compare/types.js';
import { relate } from './relation.js';
import type { LineageTarget, ReferenceTarget } from './types.js';

/** A target holder: a plan's targets with its own names, or a reference's. */
export interface Holder {
  own: string[];
  targets: (Target | ReferenceTarget)[];
}

export interface Canonical {
  /** Per holder, per target: the canonical id. */
  ids: string[][];
  direction: Map<string, 'higher' | 'lower'>;
}

/** The canonical indicator id of every target of every holder. */
export function canonicalIds(holders: readonly Holder[], lex: IndicatorLexicon): Canonical {
  const columns: PlanTargets[] = [];
  holders.forEach((h, hi) => {
    h.targets.forEach((t, ti) => {
      columns.push({ label: `${hi}:${ti}`, own: h.own, targets: [asTarget(t)] });
    });
  });
  const rows = alignIndicators(columns, lex);
  const ids = holders.map((h) => h.targets.map(() => ''));
  const direction = new Map<string, 'higher' | 'lower'>();
  for (const r of rows) {
    direction.set(r.id, r.direction);
    for (const label of Object.keys(r.plans)) {
      const [hi, ti] = label.split(':').map(Number) as [number, number];
      const list = ids[hi];
      if (list) list[ti] = r.id;
    }
  }
  // a reference may pin its target to a table indicator instead of leaving it to name matching
  holders.forEach((h, hi) => h.targets.forEach((t, ti) => {
    const pinned = 'indicator_id' in t ? t.indicator_id : undefined;
    if (!pinned) return;
    const list = ids[hi];
    if (list) list[ti] = pinned;
    const entry = lex.indicators.find((e) => e.id === pinned);
    if (entry && !direction.has(pinned)) direction.set(pinned, entry.direction);
  }));
  return { ids, direction };
}

function asTarget(t: Target | ReferenceTarget): Target {
  if ('where' in t) return t;
  return { indicator: t.indicator, value: t.value, unit: t.unit, comparator: t.comparator, year: t.year, year_inferred: false, where: 'goals', quote: t.quote, line: 0 };
}

/**
 * Each child target with the parent's target on the same indicator (the parent's target whose normalized name is
 * the child's when there are several, else its first) and the relation between them.
 */
export function targetLineage(
  child: Holder, childIds: string[], parent: Holder | null, parentIds: string[], canonical: Canonical, lex: IndicatorLexicon, parentIsPlan: boolean,
): LineageTarget[] {
  const byId = new Map<string, number[]>();
  parentIds.forEach((id, k) => {
    const list = byId.get(id) ?? [];
    list.push(k);
    byId.set(id, list);
  });
  const parentNorms = parent ? parent.targets.map((p) => normalizeIndicator(p.indicator, lex, parent.own)) : [];
  const out: LineageTarget[] = [];
  const first = new Map<string, LineageTarget>();
  child.targets.forEach((raw, k) => {
    const t = asTarget(raw);
    const id = childIds[k] ?? '';
    // a plan stating the same indicator for the same year twice (goals and appendix) keeps the first
    const key = `${id}|${t.year ?? ''}`;
    const seen = first.get(key);
    if (seen) {
      (seen.also_lines ??= []).push(t.line);
      return;
    }
    const base: LineageTarget = {
      indicator: t.indicator, indicator_id: id, value: t.value, unit: t.unit, comparator: t.comparator, year: t.year, line: t.line, quote: t.quote,
      parent_indicator: null, parent_value: null, parent_unit: null, parent_comparator: null, parent_year: null, parent_line: null, parent_quote: null,
      relation: 'none', note: null,
    };
    first.set(key, base);
    out.push(base);
    if (!parent) return;
    // the same words are the same indicator, whatever name matching made of them; else the same canonical id
    const norm = normalizeIndicator(t.indicator, lex, child.own);
    const named = parentNorms.indexOf(norm);
    const matches = named >= 0 ? [named] : byId.get(id) ?? [];
    if (matches.length === 0) return;
    const pick = matches.find((m) => parentNorms[m] === norm) ?? (matches[0] as number);
    const p = asTarget(parent.targets[pick] as Target | ReferenceTarget);
    const { relation, note } = relate(t, p, canonical.direction.get(id) ?? 'higher');
    Object.assign(base, {
      parent_indicator: p.indicator, parent_value: p.value, parent_unit: p.unit, parent_comparator: p.comparator, parent_year: p.year,
      parent_line: parentIsPlan ? p.line : null, parent_quote: p.quote, relation, note,
    });
  });
  return out;
}

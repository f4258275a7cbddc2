/**
 * Who each plan answers to. Among the plans given: one whose jurisdiction is the plan's meta.parent (full or short
 * form: 甲市 or 甲), a level above it (district, county or zone → city or province-level municipality; city →
 * province), and in force when the plan was issued (issued no later, and its horizon not yet over). Else a user
 * reference for that jurisdiction, under the same rule. Else the national reference in force that year. A parent plan
 * of 2012 whose horizon ended in 2020 is not the parent of a plan of 2023, even when it is of the same city.
 */
import type { Level, Plan } from '../model.js';
import { placeForms } from '../compare/items.js';
import type { Reference } from './types.js';

const RANK: Record<Level | 'national', number> = { national: -1, province: 0, city: 1, district: 2, county: 2, zone: 2 };

/** The year a plan was issued: signed, else published, else (a plan without dates) its first horizon year. */
export function planYear(plan: Plan): number | null {
  const d = plan.meta.signed ?? plan.meta.published ?? null;
  if (d && /^\d{4}/.test(d)) return Number(d.slice(0, 4));
  const h = plan.meta.horizon_years ?? [];
  return h.length > 0 ? Math.min(...h) : null;
}

/** First and last year a plan is in force: from its issue to its last horizon year. */
export function planPeriod(plan: Plan): [number, number] | null {
  const y = planYear(plan);
  const h = plan.meta.horizon_years ?? [];
  if (y === null) return null;
  return [y, h.length > 0 ? Math.max(y, ...h) : y];
}

export type ParentChoice =
  | { kind: 'plan'; index: number; note: string }
  | { kind: 'reference'; reference: Reference; note: string }
  | { kind: 'none'; note: string };

const sameName = (a: string | null | undefined, b: string | null | undefined): boolean => {
  if (!a || !b) return false;
  const fa = placeForms(a.trim());
  return placeForms(b.trim()).some((f) => fa.includes(f));
};

const above = (parent: Level | 'national' | null, child: Level | null): boolean =>
  parent === null || child === null || RANK[parent] < RANK[child];

const covers = (period: [number, number] | null, year: number | null): boolean =>
  period === null || year === null || (period[0] <= year && year <= period[1]);

/** Chooses the parent of every plan (index into `plans`, a reference, or none), with a note saying why. */
export function chooseParents(plans: readonly Plan[], references: readonly Reference[]): ParentChoice[] {
  // plans by the names they go by, so a corpus of a thousand plans looks each parent name up once
  const byName = new Map<string, number[]>();
  plans.forEach((p, i) => {
    for (const f of placeForms(p.meta.jurisdiction?.trim())) {
      const list = byName.get(f) ?? [];
      list.push(i);
      byName.set(f, list);
    }
  });
  const periods = plans.map(planPeriod);
  return plans.map((plan, i): ParentChoice => {
    const year = planYear(plan);
    const parentName = plan.meta.parent?.trim() || null;
    const skipped: string[] = [];
    if (parentName) {
      const candidates = [...new Set(placeForms(parentName).flatMap((f) => byName.get(f) ?? []))].filter((k) => k !== i).sort((a, b) => a - b);
      let best: number | null = null;
      for (const k of candidates) {
        const c = plans[k] as Plan;
        if (!above(c.meta.level ?? null, plan.meta.level ?? null)) continue;
        const period = periods[k] ?? null;
        if (!covers(period, year)) {
          skipped.push(`${c.meta.jurisdiction} (${period?.[0]}–${period?.[1]}) is not in force in ${year}`);
          continue;
        }
        // the latest issued wins: a plan revised in 2023 replaces the one of 2018
        if (best === null || (periods[k]?.[0] ?? 0) > (periods[best]?.[0] ?? 0)) best = k;
      }
      if (best !== null) return { kind: 'plan', index: best, note: `meta.parent ${parentName}, in force in ${year ?? 'an unknown year'}` };
      const ref = latest(references.filter((r) => r.jurisdiction && sameName(r.jurisdiction, parentName) && above(r.level, plan.meta.level ?? null) && covers(r.period, year)));
      if (ref) return { kind: 'reference', reference: ref, note: `meta.parent ${parentName}: reference ${ref.id}${skipped.length ? `; ${skipped.join('; ')}` : ''}` };
    }
    const national = latest(references.filter((r) => r.level === 'national' && covers(r.period, year)));
    const why = !parentName ? 'no meta.parent'
      : skipped.length ? `no plan of ${parentName} among those given is in force (${skipped.join('; ')})` : `${parentName} is not among the plans given`;
    if (national) return { kind: 'reference', reference: national, note: `${why}; the national reference in force in ${year ?? 'an unknown year'}` };
    return { kind: 'none', note: `${why}; no reference is in force in ${year ?? 'an unknown year'}` };
  });
}

function latest(refs: Reference[]): Reference | null {
  let best: Reference | null = null;
  for (const r of refs) if (!best || r.year > best.year) best = r;
  return best;
}

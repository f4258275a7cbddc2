/**
 * How a target stands against its parent's: each commitment is read as the set of outcomes it allows (`>=95` allows
 * [95, ∞), `>95` allows (95, ∞), `<=5` allows (−∞, 5]), and the relation is set inclusion. A child that allows
 * strictly fewer outcomes is tighter (`>=95` inside `>=94`; `<=4` inside `<=5`; `>30` inside `>=30`), the same set is
 * the same, strictly more is looser; sets that do not nest (`>=90` against `<=95`) are incomparable. A bare `=` (达到
 * 86) commits to reaching the value, so it reads as a bound in the indicator's direction: `>=` for a rate that should
 * rise, `<=` for one that should fall.
 */
import type { Comparator } from '../model.js';
import type { Relation } from './types.js';

/** One side of a commitment: a lower or an upper bound, open or closed. */
interface Bound {
  side: 'lower' | 'upper';
  value: number;
  open: boolean;
}

/** The commitment as a bound; `direction` decides what a bare `=` means. */
export function bound(value: number, comparator: Comparator, direction: 'higher' | 'lower' = 'higher'): Bound {
  switch (comparator) {
    case '>=': return { side: 'lower', value, open: false };
    case '>': return { side: 'lower', value, open: true };
    case '<=': return { side: 'upper', value, open: false };
    case '<': return { side: 'upper', value, open: true };
    default: return { side: direction === 'higher' ? 'lower' : 'upper', value, open: false };
  }
}

export interface Commitment {
  value: number;
  unit: string;
  comparator: Comparator;
  year: number | null;
}

/** Normalized unit for comparison: full-width ％ is %, spaces go. */
const unitKey = (u: string) => u.replace(/％/g, '%').replace(/\s+/g, '');

/**
 * The relation of `child` to `parent` (both on the same canonical indicator), with a note when something needs
 * saying: units or bound sides that differ (incomparable), or years that differ (the relation is still given).
 */
export function relate(child: Commitment, parent: Commitment, direction: 'higher' | 'lower' = 'higher'): { relation: Relation; note: string | null } {
  if (unitKey(child.unit) !== unitKey(parent.unit)) {
    return { relation: 'incomparable', note: `units differ: ${child.unit || '(none)'} against ${parent.unit || '(none)'}` };
  }
  const c = bound(child.value, child.comparator, direction);
  const p = bound(parent.value, parent.comparator, direction);
  const notes: string[] = [];
  if (child.year !== null && parent.year !== null && child.year !== parent.year) notes.push(`years differ: ${child.year} against ${parent.year}`);
  if (c.side !== p.side) {
    notes.unshift(`bounds point different ways: ${child.comparator}${child.value} against ${parent.comparator}${parent.value}`);
    return { relation: 'incomparable', note: notes.join('; ') };
  }
  // for a lower bound a larger value allows fewer outcomes; for an upper bound a smaller one does
  const sign = c.side === 'lower' ? 1 : -1;
  const diff = sign * (c.value - p.value);
  let relation: Relation;
  if (Math.abs(c.value - p.value) > 1e-9) relation = diff > 0 ? 'tighter' : 'looser';
  else if (c.open === p.open) relation = 'same';
  else relation = c.open ? 'tighter' : 'looser';
  return { relation, note: notes.length > 0 ? notes.join('; ') : null };
}

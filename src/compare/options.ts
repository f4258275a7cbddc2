/** What `comparePlans` takes besides the plans, and the inputs as the views see them. */
import type { Plan } from '../model.js';
import type { CompareView, PlanItem, Vocabulary } from './types.js';

/** A plan with an optional label, and whether it is the baseline others are measured against. */
export interface CompareInput {
  plan: Plan;
  label?: string;
  baseline?: boolean;
}

export interface CompareOptions {
  vocabulary: Vocabulary;
  /** The sections to compute (default: all). `gaps` needs themes and indicators, which are then filled too. */
  views?: readonly CompareView[];
  /**
   * Counterparts per task: in every other plan (`'all'`), or in the `alignTop` plans with the closest ones. Default:
   * every plan for comparisons of up to `ALIGN_EVERY_PLAN_UP_TO` plans, otherwise the best `ALIGN_TOP`.
   */
  alignTop?: number | 'all';
  /** The lowest score a counterpart needs (default `ALIGN_FLOOR`). */
  alignMinScore?: number;
  /**
   * The traditional → simplified character fold extract uses (`traditionalFold()` in src/source/script.ts), for
   * plans written in traditional script: they are matched through it, and shown as written. Without it such plans
   * are matched as written.
   */
  fold?: (ch: string) => string;
  /** Write each item's text in `items` (default: title and line only; a reader follows the line to the source). */
  itemText?: boolean;
}

/** Up to this many plans every task gets its closest counterpart in every other plan: a table a reader can scan. */
export const ALIGN_EVERY_PLAN_UP_TO = 20;
/** Beyond that, the closest counterparts in this many plans (a corpus of a thousand plans would otherwise give a million cells per task list). */
export const ALIGN_TOP = 10;
/**
 * No counterpart below this cosine: chosen from the distribution of best-counterpart scores over the seeds, the
 * fixtures and a synthetic corpus (docs/compare.md). Below it a "closest" task shares only genre words.
 */
export const ALIGN_FLOOR = 0.15;
/** A counterpart at or above this is `strong` (the same task reworded); between the floor and this, `partial`. */
export const ALIGN_STRONG = 0.35;
/** Kept for callers of the top-k rule: the floor. */
export const ALIGN_MIN_SCORE = ALIGN_FLOOR;
/** `gaps[].missing_from` names at most this many plans per theme or indicator; `missing_from_count` says how many have it. */
export const MISSING_FROM_MAX = 20;

/** A plan ready for the views: its unique label, the names it calls itself by, its comparable items. */
export interface Prepared extends CompareInput {
  label: string;
  own: string[];
  items: PlanItem[];
  /** The text as matched: the plan's strings through the script fold (identity for simplified plans). */
  match: (s: string) => string;
}

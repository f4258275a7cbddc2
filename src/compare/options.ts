/** What `comparePlans` takes besides the plans, and the inputs as the views see them. */
import type { Plan } from '../model.js';
import type { CompareItem, CompareView, Vocabulary } from './types.js';

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
  /** With a top: the lowest score a counterpart needs (default `ALIGN_MIN_SCORE`). */
  alignMinScore?: number;
}

/** Up to this many plans every task gets its closest counterpart in every other plan: a table a reader can scan. */
export const ALIGN_EVERY_PLAN_UP_TO = 20;
/** Beyond that, the closest counterparts in this many plans (a corpus of a thousand plans would otherwise give a million cells per task list). */
export const ALIGN_TOP = 10;
export const ALIGN_MIN_SCORE = 0.1;
/** `gaps[].missing_from` names at most this many plans per theme or indicator; `missing_from_count` says how many have it. */
export const MISSING_FROM_MAX = 20;

/** A plan ready for the views: its unique label, the names it calls itself by, its comparable items. */
export interface Prepared extends CompareInput {
  label: string;
  own: string[];
  items: CompareItem[];
}

/**
 * Types of the comparison (`qplan/compare@1`, see docs compare-schema.md) and of the vocabularies it runs on.
 * The field names of `CompareResult` are a contract: add fields, never rename or drop them.
 */
import type { Comparator, Level, TaskKind } from '../model.js';

export const COMPARE_SCHEMA_ID = 'qplan/compare@1';

/**
 * An empty map keyed by plan labels or theme ids. Those come from plan documents and `--label`, so a key may be
 * `__proto__` or `constructor`: a map without a prototype keeps them as ordinary keys.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies (parsed from the YAML data files; see vocab.ts)

export interface Theme {
  id: string;
  group: string;
  name: string;
  /** Signal words with their weights (the theme name is always one of them). */
  signals: { word: string; weight: number }[];
}

export interface Taxonomy {
  name: string;
  groups: { id: string; name: string }[];
  themes: Theme[];
  scoring: { title: number; body: number; body_cap: number; min_score: number; relative: number };
  /** Genre phrases removed before tasks are aligned by similarity. */
  boilerplate: string[];
}

export interface AgencyEntry {
  id: string;
  name: string;
  aliases: string[];
  patterns: RegExp[];
}

export interface AgencyLexicon {
  level_prefixes: string[];
  party_prefixes: string[];
  suffixes: string[];
  agencies: AgencyEntry[];
}

export interface IndicatorEntry {
  id: string;
  name: string;
  unit: string | null;
  direction: 'higher' | 'lower';
  aliases: string[];
}

export interface IndicatorLexicon {
  strip_prefixes: string[];
  similarity: number;
  cluster_similarity: number;
  indicators: IndicatorEntry[];
}

/** Everything `comparePlans` needs besides the plans. */
export interface Vocabulary {
  taxonomy: Taxonomy;
  agencies: AgencyLexicon;
  indicators: IndicatorLexicon;
}

// ---------------------------------------------------------------------------------------------------------------
// The comparison document

export interface ComparePlanInfo {
  label: string;
  title: string | null;
  source: string;
  level: Level | null;
  counts: { task: number; goal: number; safeguard: number; column_items: number; targets: number };
  /** Extra: the jurisdiction as the plan names it, and whether this plan is the `--baseline`. */
  jurisdiction: string | null;
  baseline: boolean;
}

/** Why an item carries a theme: the deciding words and where they were found. */
export interface ThemeEvidence {
  score: number;
  title: string[];
  body: string[];
}

export interface ThemePlanCell {
  /** Task ids, `column:N` (a 专栏 box, any of whose items carries the theme) and `goal:LINE` (a goals bullet). */
  items: string[];
  /** Extra: how many of the plan's targets sit in those items, and how many of the tasks name a unit. */
  targets: number;
  with_units: number;
  /** Extra: the deciding words per item (`column:N.K` for single 专栏 items). */
  why: Record<string, ThemeEvidence>;
}

export interface ThemeRow {
  id: string;
  name: string;
  group: string;
  plans: Record<string, ThemePlanCell>;
}

export interface IndicatorCell {
  indicator: string;
  value: number;
  unit: string;
  comparator: Comparator;
  year: number | null;
  line: number;
  /** Extras: where in the plan, the source quote, how the name was matched and how sure that is. */
  year_inferred: boolean;
  where: string;
  quote: string;
  match: 'alias' | 'similar' | 'same-name' | 'unlisted';
  confidence: number;
  /** Set where years and units agree with at least one other plan and the values differ. */
  ambition?: 'most' | 'least';
  /** Lines of further targets of the same plan read as the same indicator. */
  also?: number[];
}

export interface IndicatorRow {
  id: string;
  name: string;
  /** Extra: listed in the indicator table, or generated from the plans' own names. */
  listed: boolean;
  direction: 'higher' | 'lower';
  plans: Record<string, IndicatorCell>;
}

export interface AgencyPlanCell {
  names: string[];
  lead: string[];
  responsible: string[];
}

export interface AgencyRow {
  id: string;
  name: string;
  /** Extra: false when no alias matched and the written name was kept. */
  known: boolean;
  plans: Record<string, AgencyPlanCell>;
}

export interface Counterpart {
  task: string | null;
  score: number;
  /** Extra: the counterpart's title and source line. */
  title?: string;
  line?: number;
}

export interface Alignment {
  plan: string;
  task: string;
  /** Extra: the task's own title and line. */
  title: string;
  line: number;
  counterparts: Record<string, Counterpart>;
}

export interface Gap {
  plan: string;
  missing_themes: string[];
  missing_indicators: string[];
  tasks_without_units: string[];
  /** Extra: targets whose sentence gives no year (the year, if any, was inferred from the plan's horizon). */
  targets_without_year: { indicator: string; line: number; year: number | null }[];
  /**
   * Extra: who has what this plan lacks (labels, in plan order), per theme / indicator id; at most
   * `missing_from_max` of them (a corpus of a thousand plans would otherwise name hundreds per gap).
   */
  missing_from: Record<string, string[]>;
  /** Extra: how many plans have it, per theme / indicator id (the full length of the `missing_from` list). */
  missing_from_count: Record<string, number>;
}

export interface UnclassifiedEntry {
  plan: string;
  items: string[];
}

/** The sections of a comparison, as `compare --view` names them. */
export type CompareView = 'themes' | 'indicators' | 'agencies' | 'tasks' | 'gaps';
export const COMPARE_VIEWS: readonly CompareView[] = ['themes', 'indicators', 'agencies', 'tasks', 'gaps'];

/** How the counterparts of `alignments` were chosen. */
export interface AlignmentRule {
  /**
   * `every-plan`: each task's closest counterpart in every other plan (`task: null` where none shares a word);
   * `top`: only in the `top` plans with the closest counterparts, each scoring at least `min_score`, best first.
   */
  rule: 'every-plan' | 'top';
  top: number | null;
  min_score: number;
  /** Comparisons of at most this many plans use `every-plan` unless told otherwise. */
  every_plan_up_to: number;
}

export interface CompareResult {
  schema: typeof COMPARE_SCHEMA_ID;
  taxonomy: string;
  /** Extra: the taxonomy's level-1 groups (id and name), in order. */
  groups: { id: string; name: string }[];
  /**
   * Extra: the sections this document holds. A comparison asked for some views only (`compare --view gaps`) computes
   * what those need; the other sections are present and empty.
   */
  views: CompareView[];
  /** Extra: how the counterparts of `alignments` were chosen (when the tasks view was computed). */
  alignment_rule?: AlignmentRule;
  /** Extra: `gaps[].missing_from` names at most this many plans per theme or indicator (when gaps were computed). */
  missing_from_max?: number;
  plans: ComparePlanInfo[];
  themes: ThemeRow[];
  indicators: IndicatorRow[];
  agencies: AgencyRow[];
  alignments: Alignment[];
  gaps: Gap[];
  unclassified: UnclassifiedEntry[];
  /** Extra: agency names no alias matched, kept as written. */
  unknown_agencies: { name: string; plans: string[] }[];
  /** Extra: the items of every plan (task text, source line), so any cell can be traced to the source. */
  items: Record<string, CompareItem[]>;
}

/** One classifiable item of a plan: a task, goal item, safeguard, goals bullet or 专栏 item. */
export interface CompareItem {
  /** `1`, `(三)`, `goal:55`, `column:6.2`. */
  id: string;
  kind: TaskKind | 'column' | 'goal-line';
  title: string;
  text: string;
  line: number;
  lead: string[];
  responsible: string[];
  themes: string[];
}

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
  /** Extra: the year the plan was signed or published (labels repeated jurisdictions), and the file name without its extension. */
  year: number | null;
  file: string;
  /** Extra: the script the plan is written in; a traditional plan is matched through the traditional → simplified fold. */
  script: 'simplified' | 'traditional';
}

/**
 * How far a plan takes up a theme: `covered`, some item carries it (it is that item's strongest theme, or close to
 * it); `mentioned`, its signal words occur only in items where other themes are stronger; `absent`, no signal at all.
 */
export type ThemeDegree = 'covered' | 'mentioned' | 'absent';
export const THEME_DEGREES: readonly ThemeDegree[] = ['covered', 'mentioned', 'absent'];

/** How far a plan takes up an indicator: a `target` (a value), `named` without a value, or `absent`. */
export type IndicatorDegree = 'target' | 'named' | 'absent';

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
  /** Extra: covered (`items` is not empty), mentioned (only `mentioned` is) or absent (neither). */
  degree: ThemeDegree;
  /** Extra: items (ids as in `items`) with the theme's signal words where other themes are stronger. */
  mentioned: string[];
  /** Extra: the theme's signal words found anywhere in the plan, as matched (simplified script), in taxonomy order. */
  signals: string[];
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
  /**
   * Extra: plans that name the indicator without a value (no target of theirs is read as it), with the items (task
   * ids, `column:N.K`) where the name occurs. A plan in neither `plans` nor `named` lacks it.
   */
  named: Record<string, string[]>;
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

/**
 * How close a counterpart is: `strong` (at or above `alignment_rule.strong`: the same task, reworded) or `partial`
 * (between the floor and that: a related task). Below the floor there is no counterpart.
 */
export type ScoreBand = 'strong' | 'partial';

export interface Counterpart {
  /** The counterpart's task id (its title and line are in that plan's own `alignments` entry), or null: none above the floor. */
  task: string | null;
  score: number;
  /** Extra: the band of the score (absent when `task` is null). */
  band?: ScoreBand;
  /** Extra (until 2026-11: always present): the counterpart's title and source line; no longer written, see `task`. */
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
  /** Themes the plan lacks altogether (degree `absent`) that others have (covered or mentioned). */
  missing_themes: string[];
  /** Indicators the plan neither targets nor names that others target. Their names are in `missing_names`. */
  missing_indicators: string[];
  tasks_without_units: string[];
  /** Extra: targets whose sentence gives no year (the year, if any, was inferred from the plan's horizon). */
  targets_without_year: { indicator: string; line: number; year: number | null }[];
}

/**
 * Extra: something at least one plan lacks — a theme or an indicator — listed once for all the plans lacking it:
 * its name and who has it (at most `missing_from_max` labels, in plan order; `count` says how many).
 */
export interface Missing {
  kind: 'theme' | 'indicator';
  name: string;
  /** Indicators: listed in the indicator table, or named by the plans only. */
  listed?: boolean;
  count: number;
  plans: string[];
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
  /** Extra: no counterpart scores below this (see docs/compare.md for how it was chosen). */
  floor: number;
  /** Extra: a counterpart scoring at least this is `strong`, otherwise `partial`. */
  strong: number;
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
  /** Extra: `missing[id].plans` names at most this many plans per theme or indicator (when gaps were computed). */
  missing_from_max?: number;
  plans: ComparePlanInfo[];
  themes: ThemeRow[];
  indicators: IndicatorRow[];
  agencies: AgencyRow[];
  alignments: Alignment[];
  gaps: Gap[];
  /** Extra: every theme and indicator id named in `gaps`, once, with its name and who has it. */
  missing: Record<string, Missing>;
  unclassified: UnclassifiedEntry[];
  /** Extra: agency names no alias matched, kept as written. */
  unknown_agencies: { name: string; plans: string[] }[];
  /**
   * Extra: the items the asked views refer to (theme cells, tasks without units), each once per plan, with text
   * and source line, so any cell can be traced to the source. Tasks of the tasks view carry their own title and line.
   */
  items: Record<string, CompareItem[]>;
}

/** An item as the views read it: with its text. */
export type PlanItem = CompareItem & { text: string };

/** One classifiable item of a plan: a task, goal item, safeguard, goals bullet or 专栏 item. */
export interface CompareItem {
  /** `1`, `(三)`, `goal:55`, `column:6.2`. */
  id: string;
  kind: TaskKind | 'column' | 'goal-line';
  title: string;
  /** The item's text: only with `CompareOptions.itemText` (the HTML report shows it; in JSON it would be most of the document). */
  text?: string;
  line: number;
  lead: string[];
  responsible: string[];
  themes: string[];
}

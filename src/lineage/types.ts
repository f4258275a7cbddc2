/**
 * Types of the lineage document (`qplan/lineage@1`) and of the reference targets it measures plans against.
 * The field names of `LineageResult` are a contract: add fields, never rename or drop them.
 */
import type { Comparator, Level } from '../model.js';

export const LINEAGE_SCHEMA_ID = 'qplan/lineage@1';

/** One target of a reference document (a 纲要), with the document's own words. */
export interface ReferenceTarget {
  indicator: string;
  value: number;
  unit: string;
  comparator: Comparator;
  year: number;
  quote: string;
  /**
   * The canonical indicator (an id of src/lexicon/indicators.yaml) when the document's wording should not be left
   * to name matching: the 纲要's 食品抽检合格率 is the indicator local plans write as 食品(安全)评价性抽检合格率.
   */
  indicator_id?: string;
}

/** A document plans answer to when their parent is not among the plans given (see src/lexicon/references.yaml). */
export interface Reference {
  id: string;
  document: string;
  issuer: string | null;
  /** Year of issue. */
  year: number;
  /** First and last year in force. */
  period: [number, number];
  level: Level | 'national';
  /** Null for national documents; otherwise a parent for plans whose meta.parent names it. */
  jurisdiction: string | null;
  targets: ReferenceTarget[];
}

/** How a target stands against its parent's target on the same indicator. */
export type Relation = 'tighter' | 'same' | 'looser' | 'incomparable' | 'none';

export interface LineageTarget {
  indicator: string;
  /** Canonical indicator id (from the indicator table, or a generated `x-…` id), shared with `qplan compare`. */
  indicator_id: string;
  value: number;
  unit: string;
  comparator: Comparator;
  year: number | null;
  line: number;
  quote: string;
  parent_indicator: string | null;
  parent_value: number | null;
  parent_unit: string | null;
  parent_comparator: Comparator | null;
  parent_year: number | null;
  /** The parent's line (a plan) or null (a reference). */
  parent_line: number | null;
  parent_quote: string | null;
  relation: Relation;
  /** Lines of further targets of the plan read as the same indicator for the same year (goals and appendix). */
  also_lines?: number[];
  /** Why, when it is not plain: years that differ, units that differ, bounds that point different ways. */
  note: string | null;
}

/** An aligned stretch: offsets (UTF-16, end exclusive) into the task's text and into the source task's text. */
export interface ReuseSpan {
  start: number;
  end: number;
  source_start: number;
  source_end: number;
  /** Characters of the task inside the stretch that equal their counterpart (after folding and masking). */
  matched: number;
}

export type ReuseStatus = 'copied' | 'adapted' | 'new';

export interface LineageTask {
  id: string;
  kind: string;
  title: string;
  line: number;
  status: ReuseStatus;
  /** Label of the plan the best-aligned passage is in, or null (new and no passage found). */
  source_plan: string | null;
  source_task: string | null;
  source_line: number | null;
  /** `parent`, `sibling` (same meta.parent) or `other`. */
  source_role: 'parent' | 'sibling' | 'other' | null;
  /** Share of the task text's characters (without white space) aligned with identical characters in the source. */
  copied_share: number;
  spans: ReuseSpan[];
  /** The texts the spans point into (the task's `text`, or its title when it has none). */
  text: string;
  source_text: string | null;
}

export interface LineagePlan {
  label: string;
  title: string | null;
  source: string;
  jurisdiction: string | null;
  level: Level | null;
  year: number | null;
  /** The parent: a plan label, a reference id, or null. */
  parent: string | null;
  parent_kind: 'plan' | 'reference' | null;
  /** How the parent was chosen (or why there is none). */
  parent_note: string;
  targets: LineageTarget[];
  tasks: LineageTask[];
  /** Shares of the plan's task text copied from its parent, from siblings and from other plans. */
  copied_from_parent: number;
  copied_from_siblings: number;
  copied_from_others: number;
  counts: { copied: number; adapted: number; new: number; tighter: number; same: number; looser: number; incomparable: number; none: number };
}

/** The thresholds the statuses were decided by (reported so a reader can re-judge). */
export interface ReuseRule {
  copied_at: number;
  adapted_at: number;
  min_alignment: number;
}

export interface LineageResult {
  schema: typeof LINEAGE_SCHEMA_ID;
  rule: ReuseRule;
  references: { id: string; document: string; issuer: string | null; year: number; period: [number, number]; jurisdiction: string | null }[];
  plans: LineagePlan[];
}

/**
 * qplan as a library: read a plan (`extractPlan` / `extract`), serialize it, and (lazily, they load more code)
 * compare and validate plans. Nothing here touches the filesystem or `process`.
 */
export type {
  Plan, Task, Target, Column, Meta, Section, AppendixTable, Diagnostic, Source, Block, Span, Position, ExtractOptions, Comparator, TaskKind, Level,
} from './model.js';
export { extractPlan, type ExtractResult, type PlanInput } from './pipeline.js';
export { toJson, toNdjson, toYaml } from './plan-io/serialize.js';
export { CODES, InputError } from './diagnostics.js';
export { PLAN_SCHEMA_ID } from './schema/constants.js';

import { extractPlan, type PlanInput } from './pipeline.js';
import type { ExtractOptions, Plan } from './model.js';

/** `extract(input, options) → Plan`: the plan alone, for scripts that do not need the intermediate stages. */
export async function extract(input: PlanInput, options: ExtractOptions = {}): Promise<Plan> {
  return (await extractPlan(input, options)).plan;
}

export type { ValidateDiagnostic, ValidateOptions } from './validate/index.js';

/**
 * Validates the text of a plan document (YAML or JSON) against `qplan/plan@1` and its semantic checks;
 * returns diagnostics with `line`/`column` into that text. Async only because zod and yaml load on first use
 * (they cost ~70 ms, which `extract` users should not pay).
 */
export async function validatePlan(source: string, options: import('./validate/index.js').ValidateOptions = {}): Promise<import('./validate/index.js').ValidateDiagnostic[]> {
  return (await import('./validate/index.js')).validatePlan(source, options);
}

/** The JSON Schema (draft 2020-12) of `qplan/plan@1`, generated from the zod schema; what `qplan schema` prints. */
export async function planSchema(): Promise<Record<string, unknown>> {
  return (await import('./validate/schema.js')).planSchema();
}
export { comparePlans, loadVocabulary, type CompareInput, type CompareOptions, type CompareResult, type Vocabulary } from './compare/index.js';
export { lineagePlans, readReferences, type LineageInput, type LineageOptions, type LineageResult, type Reference } from './lineage/index.js';
export { buildTables, type TableOptions } from './table/build.js';
export { TABLES, TABLE_NAMES, type Table, type TableName, type Row, type CellValue, type ColumnSpec, type ColumnType } from './table/columns.js';

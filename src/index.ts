/**
 * qplan as a library: read a plan (`extractPlan` / `extract`), serialize it, and (lazily, they load more code)
 * compare and validate plans. Nothing here touches the filesystem or `process`.
 */
export type {
  Plan, Task, Target, Column, Meta, Section, AppendixTable, Diagnostic, Source, Block, Span, Position, ExtractOptions, Comparator, TaskKind, Level,
} from './model.js';
export { extractPlan, type ExtractResult, type PlanInput } from './extract/index.js';
export { toJson, toNdjson, toYaml } from './serialize/serialize.js';
export { CODES, InputError } from './diagnostics.js';
export { PLAN_SCHEMA_ID } from './schema/constants.js';

import { extractPlan, type PlanInput } from './extract/index.js';
import type { ExtractOptions, Plan } from './model.js';

/** `extract(input, options) → Plan`: the plan alone, for scripts that do not need the intermediate stages. */
export async function extract(input: PlanInput, options: ExtractOptions = {}): Promise<Plan> {
  return (await extractPlan(input, options)).plan;
}

/** Schema identifiers, importable without loading zod. */
export const PLAN_SCHEMA_ID = 'qplan/plan@1';
export const COMPARE_SCHEMA_ID = 'qplan/compare@1';

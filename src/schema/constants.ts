/** Schema identifiers, importable without loading zod. */
export const PLAN_SCHEMA_ID = 'qplan/plan@1';
export const COMPARE_SCHEMA_ID = 'qplan/compare@1';
/** Where the plan@1 JSON Schema is published: its `$id`, and what the YAML modeline names. */
export const PLAN_SCHEMA_URL = 'https://qplan.dev/schema/plan@1.json';

/**
 * serialize: a plan → deterministic YAML / JSON / NDJSON. Key order is the contract's order (objects are built
 * in that order), no timestamps, no absolute paths beyond what the user gave: the same bytes in give the same
 * bytes out.
 */
import type { Plan } from '../model.js';
import { stringifyYaml } from './to-yaml.js';
import { PLAN_SCHEMA_URL } from '../schema/constants.js';

export function toJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function toNdjson(plan: Plan): string {
  return `${JSON.stringify(plan)}\n`;
}

/** YAML with a schema modeline for editors (yaml-language-server). */
export function toYaml(plan: Plan): string {
  return `${YAML_MODELINE}\n${stringifyYaml(plan)}`;
}

/** Points editors at the schema; the URL is the schema's own `$id`, so the two cannot disagree. */
export const YAML_MODELINE = `# yaml-language-server: $schema=${PLAN_SCHEMA_URL}`;

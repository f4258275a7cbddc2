/**
 * The zod schema as a checker and as a published JSON Schema. Both come from `src/schema/plan.ts`, so the
 * file editors read (`schema/plan.schema.json`) and the check `qplan validate` runs cannot disagree.
 */
import { z } from 'zod';
import { Plan, PLAN_SCHEMA_ID } from '../schema/plan.js';
import { PLAN_SCHEMA_URL } from '../schema/constants.js';
import type { ValidateCode } from './codes.js';
import type { DataPath } from './yaml.js';

export { PLAN_SCHEMA_URL };

/** The JSON Schema (draft 2020-12) of `qplan/plan@1`, generated from the zod definitions. */
export function planSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Plan, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  // id, title and description first: editors show them on hover
  return {
    $schema,
    $id: PLAN_SCHEMA_URL,
    title: PLAN_SCHEMA_ID,
    description: 'A Chinese quality-strong plan read by qplan: metadata, chapters, tasks with their units, 专栏 boxes, targets, appendix tables and diagnostics, each with its source line.',
    ...rest,
  };
}

/** A schema problem in plain words, with the data path it concerns. */
export interface SchemaIssue {
  code: ValidateCode;
  path: DataPath;
  message: string;
  /** Point at the key (unknown keys) rather than the value. */
  focus: 'value' | 'key';
}

/** Checks data against plan@1 and turns zod's issues into plain sentences with the data path they concern. */
export function schemaIssues(data: unknown): SchemaIssue[] {
  const r = Plan.safeParse(data, { reportInput: true });
  if (r.success) return [];
  const out: SchemaIssue[] = [];
  for (const issue of r.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = showPath(path);
    const input = (issue as { input?: unknown }).input;
    const present = hasPath(data, path);
    switch (issue.code) {
      case 'invalid_type':
        if (!present) out.push({ code: 'schema-required', path, focus: 'value', message: `${where} is required but missing` });
        else out.push({ code: 'schema-type', path, focus: 'value', message: `${where} should be ${article(typeName(issue.expected))}, not ${describe(input)}` });
        break;
      case 'invalid_value':
        if (!present) out.push({ code: 'schema-required', path, focus: 'value', message: `${where} is required but missing (one of ${issue.values.map(String).join(', ')})` });
        else out.push({ code: 'schema-enum', path, focus: 'value', message: `${where} is ${describe(input)}; expected one of ${issue.values.map((v) => String(v)).join(', ')}` });
        break;
      case 'invalid_format': {
        // messages written in the schema (`an ISO date YYYY-MM-DD`) read better than the pattern
        const custom = !issue.message.startsWith('Invalid');
        const want = custom ? issue.message : `a string matching ${(issue as { pattern?: string }).pattern ?? issue.format}`;
        out.push({ code: 'schema-format', path, focus: 'value', message: `${where} is ${describe(input)}; expected ${want}` });
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
        const origin = (issue as { origin?: string }).origin;
        let message: string;
        if (origin === 'string' && small && Number(bound) === 1) message = `${where} must not be empty`;
        else if (origin === 'string' || origin === 'array') message = `${where} has ${lengthOf(input)} ${origin === 'string' ? 'characters' : 'items'}; ${small ? 'at least' : 'at most'} ${bound} allowed`;
        else message = `${where} is ${describe(input)}; must be ${small ? 'at least' : 'at most'} ${bound}`;
        out.push({ code: 'schema-range', path, focus: 'value', message });
        break;
      }
      case 'unrecognized_keys': {
        const known = knownKeys(path);
        for (const key of issue.keys) {
          const guess = closest(key, known);
          const at = showPath([...path, key]);
          out.push({ code: 'schema-unknown-key', path: [...path, key], focus: 'key', message: `unknown field ${at}${guess ? ` (did you mean '${guess}'?)` : ''}` });
        }
        break;
      }
      default:
        out.push({ code: 'schema-invalid', path, focus: 'value', message: `${where}: ${issue.message}` });
    }
  }
  return groupMissing(out);
}

/** Several fields missing from one mapping read better as one message (a stray non-plan YAML misses all eight). */
function groupMissing(issues: SchemaIssue[]): SchemaIssue[] {
  const byParent = new Map<string, SchemaIssue[]>();
  for (const i of issues) {
    if (i.code !== 'schema-required') continue;
    const key = JSON.stringify(i.path.slice(0, -1));
    byParent.set(key, [...(byParent.get(key) ?? []), i]);
  }
  const out: SchemaIssue[] = [];
  const done = new Set<string>();
  for (const i of issues) {
    const key = JSON.stringify(i.path.slice(0, -1));
    const group = i.code === 'schema-required' ? byParent.get(key) ?? [] : [];
    if (group.length < 2) { out.push(i); continue; }
    if (done.has(key)) continue;
    done.add(key);
    const parent = i.path.slice(0, -1);
    const names = group.map((g) => String(g.path[g.path.length - 1])).join(', ');
    out.push({ code: 'schema-required', path: parent, focus: 'value', message: `${showPath(parent)} is missing the required fields ${names}` });
  }
  return out;
}

/** `['tasks', 3, 'title']` → `tasks[3].title`. */
export function showPath(path: DataPath): string {
  if (path.length === 0) return 'the document';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function hasPath(data: unknown, path: DataPath): boolean {
  let cur: unknown = data;
  for (const p of path) {
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, p)) return false;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return true;
}

function typeName(expected: string): string {
  return expected === 'int' ? 'whole number' : expected === 'array' ? 'list' : expected === 'object' ? 'mapping' : expected;
}

function article(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 39)}…` : v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

function lengthOf(v: unknown): number {
  return typeof v === 'string' || Array.isArray(v) ? v.length : 0;
}

/** The field names the JSON Schema allows at a data path, for "did you mean" hints. */
let cachedSchema: Record<string, unknown> | null = null;
function knownKeys(path: DataPath): string[] {
  cachedSchema ??= planSchema();
  let node: Record<string, unknown> | undefined = cachedSchema;
  for (const p of path) {
    if (!node) return [];
    if (typeof p === 'number') node = node.items as Record<string, unknown> | undefined;
    else node = (node.properties as Record<string, Record<string, unknown>> | undefined)?.[p];
    const alt = node?.anyOf as Record<string, unknown>[] | undefined;
    if (alt) node = alt.find((a) => a.type === 'object' || a.type === 'array');
  }
  return Object.keys((node?.properties as Record<string, unknown> | undefined) ?? {});
}

function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    // the edit distance is at least the difference in length: most candidates need no table at all
    if (Math.abs(c.length - word.length) >= bestD) continue;
    const d = distance(word, c, bestD);
    if (d < bestD) { bestD = d; best = c; }
  }
  return best;
}

/** Levenshtein distance, given up (returning `limit`) once every cell of a row reaches `limit`. */
function distance(a: string, b: string, limit = Infinity): number {
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      const v = Math.min(tmp + 1, (row[j - 1] as number) + 1, prev + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = v;
      if (v < low) low = v;
      prev = tmp;
    }
    if (low >= limit) return limit;
  }
  return row[b.length] as number;
}

/**
 * validate: plan documents (YAML/JSON) and raw plan files → diagnostics with `line:column`. Pure: text or
 * bytes in, data out; no filesystem, no process, no rendering. Loading this module loads zod and yaml, so
 * only the validate/schema commands (and `validatePlan` in the library) import it.
 */
import type { Diagnostic } from '../model.js';
import { InputError } from '../diagnostics.js';
import { PLAN_SCHEMA_ID } from '../schema/constants.js';
import { VALIDATE_CODES, type ValidateCode } from './codes.js';
import { checkPlan } from './checks.js';
import { schemaIssues } from './schema.js';
import { readYaml, type DataPath, type ReadDoc } from './yaml.js';
import { isNdjson, ndjsonLines } from '../source/ndjson.js';

export { VALIDATE_CODES, type ValidateCode } from './codes.js';
export { planSchema, PLAN_SCHEMA_URL } from './schema.js';
export { MAX_ALIAS_COUNT } from './yaml.js';

/** Files above this many bytes are refused unread (a corpus plan is well under 1 MB; the largest seed is 60 KB). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** A diagnostic about a validated file: `line`/`column` point into that file (the YAML, or the raw text). */
export interface ValidateDiagnostic extends Diagnostic {
  /** The data path the problem concerns, as a JSON Pointer (`/tasks/3/title`), for plan documents. */
  pointer?: string;
  /** 0-based index of the document in a multi-document YAML stream, when there is more than one. */
  document?: number;
}

export interface ValidateOptions {
  /** The file's path, for messages and to tell plan documents (.yaml/.yml/.json) from raw plans. */
  path?: string;
  /** Refuse inputs larger than this many bytes (default 20 MB). */
  maxBytes?: number;
}

/** Plan documents by extension; everything else is read as a raw plan (text, HTML, Markdown). */
export const PLAN_DOCUMENT_EXT = /\.(?:ya?ml|json|ndjson|jsonl)$/i;

/**
 * Validates the text of a plan document (YAML, or JSON; a stream of several YAML documents or a JSON
 * array of plans is checked plan by plan) against `qplan/plan@1` and the semantic checks.
 */
export function validatePlan(source: string, options: ValidateOptions = {}): ValidateDiagnostic[] {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // a UTF-16 unit is at most 3 UTF-8 bytes: only measure exactly when it could matter
  if (source.length > max / 3) {
    const size = new TextEncoder().encode(source).length;
    if (size > max) return [tooLargeDiagnostic(size, max)];
  }
  // editors do not count a BOM as a column, so dropping it keeps line 1's columns as they show them
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const out: ValidateDiagnostic[] = [];
  const { docs, problems } = readYaml(text);
  for (const p of problems) {
    out.push(diag(p.code, p.severity, p.message, p.place?.line ?? null, p.place?.column));
  }
  docs.forEach((doc, d) => {
    if (!doc.ok) return;
    const multi = docs.length > 1 ? d : undefined;
    // `qplan extract --format json a b` writes an array of plans; a list of anything else is one finding, not one per item
    const isPlanList = Array.isArray(doc.data) && doc.data.some((p) => typeof p === 'object' && p !== null && 'schema' in p);
    if (Array.isArray(doc.data) && !isPlanList) {
      const place = doc.locate([]);
      out.push({ ...diag('schema-version-unknown', 'error', `the document is a list, not a ${PLAN_SCHEMA_ID} plan or a list of plans (no item has a 'schema' field)`, place?.line ?? null, place?.column), pointer: '' });
      return;
    }
    const units: [unknown, DataPath][] = Array.isArray(doc.data) ? doc.data.map((p, i) => [p, [i]]) : [[doc.data, []]];
    for (const [data, prefix] of units) out.push(...checkOne(data, prefix, doc, multi));
  });
  return sortDiagnostics(out);
}

function checkOne(data: unknown, prefix: DataPath, doc: ReadDoc, document: number | undefined): ValidateDiagnostic[] {
  const out: ValidateDiagnostic[] = [];
  const add = (code: ValidateCode, path: DataPath, message: string, focus: 'value' | 'key' = 'value') => {
    const full = [...prefix, ...path];
    const place = doc.locate(full, focus);
    const d = diag(code, VALIDATE_CODES[code].severity, message, place?.line ?? null, place?.column);
    d.pointer = `/${full.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`.replace(/^\/$/, '');
    if (document !== undefined) d.document = document;
    out.push(d);
  };
  const where = prefix.length > 0 ? `plan [${prefix.join('.')}]` : 'the document';
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    add('schema-type', [], `${where} should be a mapping (a ${PLAN_SCHEMA_ID} plan), not ${data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data}`);
    return out;
  }
  const plan = data as Record<string, unknown>;
  if (!('schema' in plan)) {
    add('schema-version-unknown', [], `${where} has no 'schema' field; supported: ${PLAN_SCHEMA_ID} (add 'schema: ${PLAN_SCHEMA_ID}' at the top)`);
    return out;
  }
  if (plan.schema !== PLAN_SCHEMA_ID) {
    // another version's fields mean other things: checking them against plan@1 would only mislead
    add('schema-version-unknown', ['schema'], `unknown schema version ${JSON.stringify(plan.schema)}; supported: ${PLAN_SCHEMA_ID}`);
    return out;
  }
  for (const issue of schemaIssues(plan)) add(issue.code, issue.path, issue.message, issue.focus);
  checkPlan(plan, add);
  return out;
}

/**
 * Validates NDJSON (`qplan extract -f ndjson`): each line is one plan document, checked as {@link validatePlan}
 * checks a file; a diagnostic's `line` is the line of the NDJSON text and `column` the column in that line.
 */
export function validateNdjson(source: string, options: ValidateOptions = {}): ValidateDiagnostic[] {
  const out: ValidateDiagnostic[] = [];
  for (const l of ndjsonLines(source)) {
    for (const d of validatePlan(l.text, { ...options, maxBytes: Infinity })) out.push({ ...d, line: l.line });
  }
  return sortDiagnostics(out);
}

/**
 * Validates one file's bytes: plan documents by {@link validatePlan}; raw plans (txt/html/md) are extracted
 * and the extractor's diagnostics (repairs, doubts) are returned, with lines into the raw file.
 */
export async function validateBytes(bytes: Uint8Array, options: ValidateOptions = {}): Promise<ValidateDiagnostic[]> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) return [tooLargeDiagnostic(bytes.length, max)];
  const path = options.path ?? '<input>';
  if (PLAN_DOCUMENT_EXT.test(path)) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return [diag('file-not-utf8', 'error', 'the file is not valid UTF-8; plan YAML/JSON files must be UTF-8', null)];
    }
    return isNdjson(path, text) ? validateNdjson(text, options) : validatePlan(text, options);
  }
  const { extractPlan } = await import('../pipeline.js');
  try {
    const { plan } = await extractPlan(bytes, { path });
    return sortDiagnostics(plan.diagnostics.map((d) => ({ ...d })));
  } catch (e) {
    // empty or binary inputs cannot be read as a plan: a finding about this file, not a crash
    if (!(e instanceof InputError)) throw e;
    return [diag(e.code, 'error', e.reason, null)];
  }
}

/** The polite refusal for a file over the size limit (the CLI checks the size before reading). */
export function tooLargeDiagnostic(size: number | null, max: number): ValidateDiagnostic {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return diag('file-too-large', 'error', `the file is ${size === null ? `more than ${mb(max)}` : mb(size)}; qplan validates files up to ${mb(max)}, so it was not read (raise the limit with --max-size)`, null);
}

function diag(code: string, severity: Diagnostic['severity'], message: string, line: number | null, column?: number): ValidateDiagnostic {
  // key order as printed in JSON: where before what
  return column === undefined ? { severity, code, line, message } : { severity, code, line, column, message };
}

/** Sorted by (document, line, column, code), duplicates dropped: the order diagnostics are printed in. */
export function sortDiagnostics(list: ValidateDiagnostic[]): ValidateDiagnostic[] {
  const seen = new Set<string>();
  return [...list]
    .sort((a, b) => (a.document ?? 0) - (b.document ?? 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code))
    .filter((d) => {
      const k = `${d.document ?? 0}\u0000${d.line}\u0000${d.column}\u0000${d.code}\u0000${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

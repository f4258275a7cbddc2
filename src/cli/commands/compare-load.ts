/**
 * Reading the plans `compare` is given: extracted plan documents (YAML, JSON; a JSON array or a multi-document YAML
 * stream gives several) or raw plan files, extracted on the spot.
 *
 * A corpus is a thousand plan files of 40 KB each; the `yaml` library reads those at ~5 MB/s, so reading alone would
 * take longer than the whole comparison. Plan YAML written by `qplan extract` (src/serialize/yaml.ts) is a small
 * subset of YAML — block mappings and lists indented by two, JSON-quoted or plain scalars, inline lists of scalars —
 * which `readPlanYaml` parses directly. Anything outside that subset (anchors, block scalars, single quotes,
 * comments after the head, flow mappings, tabs, ambiguous plain scalars …) makes it give up, and the `yaml` library
 * reads the file instead: hand-written plan files keep working, with the library's exact semantics.
 */
import type { Plan } from '../../model.js';
import { isNdjson, ndjsonLines } from '../../serialize/ndjson.js';

/** Thrown when a text is outside the subset `readPlanYaml` reads. */
class OutsideSubset extends Error {}

const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NUMBERISH = /^[-+]?(?:\d[\d_,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0[xob]|^\d+:\d|^\d{4}-\d{1,2}-\d{1,2}/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A plain scalar as YAML 1.2 (core schema) reads it, for the unambiguous cases only: JSON numbers, null, true,
 * false, and strings that no reader could take for anything else.
 */
function plain(s: string, flow: boolean): unknown {
  if (s === 'null') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (JSON_NUMBER.test(s)) return Number(s);
  if (s === '' || s.trim() !== s || RESERVED.test(s) || NUMBERISH.test(s)) throw new OutsideSubset();
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |:$| #|[\t\r\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s)) throw new OutsideSubset();
  if (flow && /[,[\]{}]/.test(s)) throw new OutsideSubset();
  return s;
}

/** The end (index after the closing quote) of the JSON string starting at `from`. */
function quotedEnd(s: string, from: number): number {
  for (let i = from + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  throw new OutsideSubset();
}

function quoted(s: string): string {
  try {
    return JSON.parse(s) as string;
  } catch {
    // YAML escapes JSON does not know (\x41, \e …): the library reads those
    throw new OutsideSubset();
  }
}

/** A scalar or inline list that fills the rest of a line. */
function value(s: string): unknown {
  const c = s.charCodeAt(0);
  if (c === 34) {
    if (quotedEnd(s, 0) !== s.length) throw new OutsideSubset();
    return quoted(s);
  }
  if (c === 91) return inlineList(s);
  if (s === '{}') return {};
  return plain(s, false);
}

/** `[a, "b, c", 3]`: scalars only. */
function inlineList(s: string): unknown[] {
  if (!s.endsWith(']')) throw new OutsideSubset();
  const out: unknown[] = [];
  const body = s.slice(1, -1);
  let i = 0;
  const skip = () => {
    while (body.charCodeAt(i) === 32) i++;
  };
  skip();
  if (i === body.length) return out;
  for (;;) {
    skip();
    let item: unknown;
    if (body.charCodeAt(i) === 34) {
      const end = quotedEnd(body, i);
      item = quoted(body.slice(i, end));
      i = end;
    } else {
      let j = i;
      while (j < body.length && body.charCodeAt(j) !== 44) j++;
      const token = body.slice(i, j).trimEnd();
      if (token === '') throw new OutsideSubset();
      item = plain(token, true);
      i = j;
    }
    out.push(item);
    skip();
    if (i === body.length) return out;
    if (body.charCodeAt(i) !== 44) throw new OutsideSubset();
    i++;
  }
}

/**
 * One document of the subset. Lines are (indent, content); a list item `- key: value` is read by rewriting its
 * line as the mapping line it starts, two columns further in.
 */
function readDocument(lines: string[], from: number, to: number): unknown {
  const indent = new Int32Array(to - from);
  const content: string[] = new Array<string>(to - from);
  for (let i = from; i < to; i++) {
    const line = lines[i] as string;
    let k = 0;
    while (line.charCodeAt(k) === 32) k++;
    if (k === line.length || line.charCodeAt(k) === 9 || line.charCodeAt(line.length - 1) === 32) throw new OutsideSubset();
    indent[i - from] = k;
    content[i - from] = k === 0 ? line : line.slice(k);
  }
  const n = to - from;
  let i = 0;

  const block = (ind: number): unknown => {
    const c = content[i] as string;
    return c === '-' || c.startsWith('- ') ? list(ind) : mapping(ind);
  };

  /** The value of `key:` / `-` with nothing after it: the block below, or null. */
  const nested = (ind: number): unknown => {
    if (i < n && (indent[i] as number) > ind) return block(indent[i] as number);
    return null;
  };

  const mapping = (ind: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    while (i < n && indent[i] === ind) {
      const c = content[i] as string;
      if (c === '-' || c.startsWith('- ')) throw new OutsideSubset();
      let key: string;
      let rest: number;
      if (c.charCodeAt(0) === 34) {
        rest = quotedEnd(c, 0);
        key = quoted(c.slice(0, rest));
        if (c.charCodeAt(rest) !== 58) throw new OutsideSubset();
      } else {
        // a plain key holds no ': ' (the emitter quotes such keys), so the first one ends it
        rest = c.indexOf(': ');
        if (rest < 0 && c.endsWith(':')) rest = c.length - 1;
        if (rest <= 0) throw new OutsideSubset();
        key = c.slice(0, rest);
        if (!PLAIN_KEY.test(key) && typeof plain(key, false) !== 'string') throw new OutsideSubset();
      }
      if (key === '__proto__' || Object.prototype.hasOwnProperty.call(obj, key)) throw new OutsideSubset();
      i++;
      if (rest + 1 === c.length) obj[key] = nested(ind);
      else {
        if (c.charCodeAt(rest + 1) !== 32) throw new OutsideSubset();
        obj[key] = value(c.slice(rest + 2));
      }
    }
    if (i < n && (indent[i] as number) > ind) throw new OutsideSubset();
    return obj;
  };

  const list = (ind: number): unknown[] => {
    const arr: unknown[] = [];
    while (i < n && indent[i] === ind) {
      const c = content[i] as string;
      if (c === '-') {
        i++;
        arr.push(nested(ind));
        continue;
      }
      if (!c.startsWith('- ')) break;
      const rest = c.slice(2);
      if (startsMapping(rest)) {
        // `- key: value` opens a mapping whose further keys sit two columns in
        indent[i] = ind + 2;
        content[i] = rest;
        arr.push(mapping(ind + 2));
      } else {
        i++;
        arr.push(value(rest));
      }
    }
    if (i < n && (indent[i] as number) > ind) throw new OutsideSubset();
    return arr;
  };

  if (n === 0) return null;
  const doc = block(indent[0] as number);
  if (i !== n) throw new OutsideSubset();
  return doc;
}

/** Whether the rest of a list item line is `key: …` / `key:` rather than a scalar. */
function startsMapping(s: string): boolean {
  if (s.charCodeAt(0) === 34) {
    const end = quotedEnd(s, 0);
    return end < s.length && s.charCodeAt(end) === 58;
  }
  if (s.charCodeAt(0) === 91 || s === '{}') return false;
  return s.indexOf(': ') > 0 || (s.length > 1 && s.endsWith(':'));
}

/**
 * The documents of a YAML text in the subset `qplan extract` writes, or null when the text is outside it (the
 * caller then uses the `yaml` library). A head of `#` comment lines is skipped; `---` separates documents.
 */
export function readPlanYaml(text: string): unknown[] | null {
  if (text.includes('\r') || text.includes('\t')) return null;
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  try {
    const docs: unknown[] = [];
    let start = 0;
    const flush = (end: number) => {
      let s = start;
      while (s < end && (lines[s] as string).startsWith('#')) s++;
      if (s < end) docs.push(readDocument(lines, s, end));
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (line === '---') {
        flush(i);
        start = i + 1;
      } else if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) return null;
    }
    flush(lines.length);
    return docs;
  } catch (e) {
    if (e instanceof OutsideSubset) return null;
    throw e;
  }
}

/** Keeps what `compare` reads of a plan (the sections, appendix tables and diagnostics are not). */
function slim(p: Plan): Plan {
  return { schema: p.schema, source: p.source, meta: p.meta, tasks: p.tasks, columns: p.columns ?? [], targets: p.targets } as unknown as Plan;
}

const PLAN_DOC = /\.(?:ya?ml|json|ndjson|jsonl)$/i;

/** An input that is not what `compare` reads; the message names the file. */
export class PlanInputError extends Error {
  override name = 'InputError';
}

/** How {@link loadPlans} reads. */
export interface LoadOptions {
  /** Keep the whole plan (sections, appendix, diagnostics); by default only what `compare` reads is kept. */
  whole?: boolean;
}

/**
 * The plans in one input: an extracted plan document (YAML, JSON, NDJSON; a JSON array, a multi-document YAML
 * stream or NDJSON lines give several) or a raw plan file, which is extracted on the spot.
 */
export async function loadPlans(path: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<Plan[]> {
  const keep = options.whole ? (p: Plan) => p : slim;
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '');
  const looksLikeDoc = PLAN_DOC.test(path) || /^\s*[[{]/.test(head) || /^schema:\s*qplan\/plan@1/m.test(head);
  if (looksLikeDoc && !/\.(?:txt|html?|md)$/i.test(path)) {
    const text = new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
    let docs: unknown[];
    /** Where each document is, for messages: `file:line` for NDJSON, `file (plan k of n)` for the others. */
    let where: (k: number) => string = (k) => (docs.length > 1 ? `${path} (plan ${k + 1} of ${docs.length})` : path);
    try {
      if (isNdjson(path, text)) {
        const lines = ndjsonLines(text);
        docs = lines.map((l) => {
          try {
            return JSON.parse(l.text) as unknown;
          } catch (e) {
            throw new Error(`line ${l.line}: ${(e as Error).message}`);
          }
        });
        where = (k) => `${path}:${lines[k]?.line ?? 0}`;
      } else if (/^\s*[[{]/.test(text)) {
        const parsed: unknown = JSON.parse(text);
        docs = Array.isArray(parsed) ? parsed : [parsed];
      } else {
        const fast = readPlanYaml(text);
        if (fast) docs = fast;
        else {
          const YAML = await import('yaml');
          docs = YAML.parseAllDocuments(text).map((d) => {
            if (d.errors.length > 0) throw new Error(d.errors[0]?.message.split('\n')[0]);
            return d.toJS() as unknown;
          });
        }
      }
    } catch (e) {
      throw new PlanInputError(`${path}: not a readable plan document: ${(e as Error).message}`);
    }
    const { schemaIssues } = await import('../../validate/schema.js');
    const plans: Plan[] = [];
    for (const [k, d] of docs.entries()) {
      if (d === null || d === undefined) continue;
      const p = d as Partial<Plan> | null;
      if (typeof p !== 'object' || p === null || p.schema !== 'qplan/plan@1') {
        throw new PlanInputError(`${where(k)}: not a qplan/plan@1 document (run \`qplan extract\` on the raw file, or pass the raw file itself)`);
      }
      // everything compare reads ends up in its reports: a plan document is checked in full before use
      const issues = schemaIssues(d);
      if (issues.length > 0) {
        const more = issues.length > 1 ? ` and ${issues.length - 1} more problem(s)` : '';
        throw new PlanInputError(`${where(k)}: not a valid qplan/plan@1 document: ${issues[0]?.message}${more} (see \`qplan validate ${path}\`)`);
      }
      plans.push(keep(d as Plan));
    }
    if (plans.length === 0) throw new PlanInputError(`${path}: empty plan document`);
    return plans;
  }
  const { extractPlan } = await import('../../pipeline.js');
  return [keep((await extractPlan(bytes, { path })).plan)];
}

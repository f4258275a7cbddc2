/**
 * Reading the plans `compare`, `table` and `lineage` are given: extracted plan documents (YAML, JSON, NDJSON; a JSON
 * array, a multi-document YAML stream or NDJSON lines give several) or raw plan files, extracted on the spot.
 */
import type { Plan } from '../model.js';
import { isNdjson, ndjsonLines } from '../source/ndjson.js';
import { readPlanYaml } from './from-yaml.js';
import { PLAN_DOC_EXT, RAW_EXT, extPattern } from '../source/extensions.js';

/** Keeps what `compare` reads of a plan (the sections, appendix tables and diagnostics are not). */
function slim(p: Plan): Plan {
  return { schema: p.schema, source: p.source, meta: p.meta, tasks: p.tasks, columns: p.columns ?? [], targets: p.targets } as unknown as Plan;
}

const PLAN_DOC = extPattern(PLAN_DOC_EXT);
const RAW = extPattern(RAW_EXT);

/** An input that is not what `compare` reads; the message names the file. */
export class PlanInputError extends Error {
  override name = 'PlanInputError';
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
  if (looksLikeDoc && !RAW.test(path)) {
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
    const { schemaIssues } = await import('../validate/schema.js');
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
  const { extractPlan } = await import('../pipeline.js');
  return [keep((await extractPlan(bytes, { path })).plan)];
}

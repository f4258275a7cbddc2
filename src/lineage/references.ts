/**
 * Reference documents as data: the built-in src/lexicon/references.yaml and user files of the same shape. Parsing
 * checks the shape and names the file and entry of the first thing wrong; reading bytes is the caller's business.
 */
import type { Comparator, Level } from '../model.js';
import type { Reference, ReferenceTarget } from './types.js';

/** Where the built-in references sit, relative to this module (src/lineage/ or dist/lineage/). */
export const DEFAULT_REFERENCES_URL = new URL('../lexicon/references.yaml', import.meta.url);

/** A reference file that does not have the expected shape. */
export class ReferenceError extends Error {
  override name = 'ReferenceFileError';
}

const COMPARATORS: readonly Comparator[] = ['>=', '>', '=', '<=', '<'];
const LEVELS: readonly (Level | 'national')[] = ['national', 'province', 'city', 'district', 'county', 'zone'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks and types the parsed contents of a references file. */
export function parseReferences(data: unknown, where: string): Reference[] {
  const bad = (what: string): never => {
    throw new ReferenceError(`${where}: ${what}`);
  };
  if (!isObj(data)) return bad('expected a mapping with `references:`');
  if (data.schema !== undefined && data.schema !== 'qplan/references@1') bad(`schema must be qplan/references@1 (got ${String(data.schema)})`);
  const list = data.references;
  if (!Array.isArray(list)) return bad('`references` must be a list');
  const ids = new Set<string>();
  return list.map((r: unknown, i): Reference => {
    const at = `references[${i}]`;
    if (!isObj(r)) return bad(`${at}: expected a mapping`);
    const str = (k: string, optional = false): string | null => {
      const v = r[k];
      if ((v === undefined || v === null) && optional) return null;
      if (typeof v !== 'string' || v.trim() === '') return bad(`${at}.${k}: expected a non-empty string`);
      return v.trim();
    };
    const year = (v: unknown, k: string): number => (Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2200 ? (v as number) : bad(`${at}.${k}: expected a year`));
    const id = str('id') as string;
    if (ids.has(id)) bad(`${at}.id: '${id}' given twice`);
    ids.add(id);
    const issued = year(r.year, 'year');
    const period = r.period;
    const span: [number, number] = Array.isArray(period) && period.length === 2
      ? [year(period[0], 'period[0]'), year(period[1], 'period[1]')]
      : bad(`${at}.period: expected [first year, last year]`);
    if (span[0] > span[1]) bad(`${at}.period: first year after last year`);
    const level = (r.level ?? 'national') as Level | 'national';
    if (!LEVELS.includes(level)) bad(`${at}.level: one of ${LEVELS.join(', ')}`);
    const jurisdiction = str('jurisdiction', true);
    if (level !== 'national' && !jurisdiction) bad(`${at}.jurisdiction: needed for a ${level} reference`);
    if (!Array.isArray(r.targets)) return bad(`${at}.targets: expected a list`);
    const targets = r.targets.map((t: unknown, k): ReferenceTarget => {
      const tat = `${at}.targets[${k}]`;
      if (!isObj(t)) return bad(`${tat}: expected a mapping`);
      if (typeof t.indicator !== 'string' || !t.indicator.trim()) bad(`${tat}.indicator: expected a name`);
      if (typeof t.value !== 'number' || !Number.isFinite(t.value)) bad(`${tat}.value: expected a number`);
      const comparator = (t.comparator ?? '>=') as Comparator;
      if (!COMPARATORS.includes(comparator)) bad(`${tat}.comparator: one of ${COMPARATORS.join(' ')}`);
      const unit = t.unit === undefined || t.unit === null ? '' : String(t.unit);
      const quote = typeof t.quote === 'string' && t.quote.trim() ? t.quote.trim() : bad(`${tat}.quote: expected the document's words`);
      const id = t.indicator_id;
      if (id !== undefined && id !== null && (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id))) bad(`${tat}.indicator_id: expected an indicator id (a-z, 0-9, -)`);
      return {
        indicator: (t.indicator as string).trim(), value: t.value as number, unit, comparator, year: year(t.year, `targets[${k}].year`), quote,
        ...(typeof id === 'string' ? { indicator_id: id } : {}),
      };
    });
    return { id, document: str('document') as string, issuer: str('issuer', true), year: issued, period: span, level, jurisdiction, targets };
  });
}

/** Parses a references YAML text (YAML is loaded lazily). */
export async function readReferences(text: string, where: string): Promise<Reference[]> {
  const YAML = await import('yaml');
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (e) {
    throw new ReferenceError(`${where}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return parseReferences(data, where);
}

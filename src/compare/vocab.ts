/**
 * The vocabularies of `compare` are data files (taxonomy.default.yaml here, agencies.yaml and indicators.yaml in
 * src/lexicon/; the build copies them next to the compiled modules). This module turns their parsed contents into
 * typed, checked objects. Reading the files is I/O, so `loadVocabulary` takes the reader as a parameter: the core
 * stays free of `fs`, and the CLI (or a library user) decides how bytes are fetched.
 */
import type { AgencyLexicon, IndicatorLexicon, Taxonomy, Vocabulary } from './types.js';

/** Where the default data files sit, relative to this module (src/compare/ when run from source, dist/compare/ when built). */
export const DEFAULT_VOCABULARY_URLS = {
  taxonomy: new URL('./taxonomy.default.yaml', import.meta.url),
  agencies: new URL('../lexicon/agencies.yaml', import.meta.url),
  indicators: new URL('../lexicon/indicators.yaml', import.meta.url),
};

/** Reads a file's text. */
export type TextReader = (url: URL) => Promise<string>;

/** A vocabulary file that does not have the expected shape. */
export class VocabularyError extends Error {
  override name = 'VocabularyError';
}

/**
 * Loads the default vocabularies through `read`; `taxonomyText` (the text of a `--taxonomy FILE`) replaces the
 * default taxonomy. YAML is imported lazily: only `compare` pays for it.
 */
export async function loadVocabulary(read: TextReader, opts: { taxonomyText?: string; taxonomySource?: string } = {}): Promise<Vocabulary> {
  const YAML = await import('yaml');
  const parse = (text: string, where: string): unknown => {
    try {
      return YAML.parse(text);
    } catch (e) {
      throw new VocabularyError(`${where}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  const u = DEFAULT_VOCABULARY_URLS;
  // built code reads dist/…; should the build have skipped copying the data files, the sources next to it serve
  const readData = async (url: URL, source: string): Promise<string> => {
    try {
      return await read(url);
    } catch (e) {
      try {
        return await read(new URL(`../../src/${source}`, import.meta.url));
      } catch {
        throw e;
      }
    }
  };
  const [tax, ag, ind] = await Promise.all([
    opts.taxonomyText !== undefined ? Promise.resolve(opts.taxonomyText) : readData(u.taxonomy, 'compare/taxonomy.default.yaml'),
    readData(u.agencies, 'lexicon/agencies.yaml'),
    readData(u.indicators, 'lexicon/indicators.yaml'),
  ]);
  const taxWhere = opts.taxonomySource ?? 'taxonomy.default.yaml';
  return {
    taxonomy: parseTaxonomy(parse(tax, taxWhere), taxWhere),
    agencies: parseAgencies(parse(ag, 'agencies.yaml'), 'agencies.yaml'),
    indicators: parseIndicators(parse(ind, 'indicators.yaml'), 'indicators.yaml'),
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function strings(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' && typeof s !== 'number')) throw new VocabularyError(`${where}: expected a list of words`);
  return v.map((s) => String(s));
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new VocabularyError(`${where}: expected a non-empty string`);
  return v.trim();
}

function num(v: unknown, fallback: number, where: string): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new VocabularyError(`${where}: expected a number`);
  return v;
}

/** Checks a parsed taxonomy (`--taxonomy FILE` or the default) and normalizes it. */
export function parseTaxonomy(doc: unknown, where = 'taxonomy'): Taxonomy {
  if (!isObj(doc) || !Array.isArray(doc.themes) || doc.themes.length === 0) throw new VocabularyError(`${where}: expected a mapping with a non-empty 'themes' list`);
  const s = isObj(doc.scoring) ? doc.scoring : {};
  const scoring = {
    title: num(s.title, 3, `${where}: scoring.title`),
    body: num(s.body, 1, `${where}: scoring.body`),
    body_cap: num(s.body_cap, 2, `${where}: scoring.body_cap`),
    min_score: num(s.min_score, 3, `${where}: scoring.min_score`),
    relative: num(s.relative, 0.25, `${where}: scoring.relative`),
  };
  const seen = new Set<string>();
  const themes = doc.themes.map((t, i) => {
    const at = `${where}: themes[${i}]`;
    if (!isObj(t)) throw new VocabularyError(`${at}: expected a mapping`);
    const id = str(t.id, `${at}.id`);
    if (seen.has(id)) throw new VocabularyError(`${at}: duplicate theme id '${id}'`);
    seen.add(id);
    const name = str(t.name, `${at}.name`);
    const group = t.group === undefined ? '' : str(t.group, `${at}.group`);
    // "word*2" carries a weight; the theme's own name always counts as a signal
    const signals = new Map<string, number>([[name, 2]]);
    for (const raw of strings(t.signals, `${at}.signals`)) {
      const m = /^(.*?)\*(\d+(?:\.\d+)?)$/.exec(raw.trim());
      const word = (m?.[1] ?? raw).trim();
      if (word) signals.set(word, Math.max(signals.get(word) ?? 0, m ? Number(m[2]) : 1));
    }
    return { id, group, name, signals: [...signals].map(([word, weight]) => ({ word, weight })) };
  });
  const groupsIn = Array.isArray(doc.groups) ? doc.groups : [];
  const groups = groupsIn.map((g, i) => {
    if (!isObj(g)) throw new VocabularyError(`${where}: groups[${i}]: expected a mapping`);
    return { id: str(g.id, `${where}: groups[${i}].id`), name: g.name === undefined ? String(g.id) : str(g.name, `${where}: groups[${i}].name`) };
  });
  for (const t of themes) if (t.group && !groups.some((g) => g.id === t.group)) groups.push({ id: t.group, name: t.group });
  return {
    name: typeof doc.name === 'string' ? doc.name : where,
    groups,
    themes,
    scoring,
    boilerplate: strings(doc.boilerplate, `${where}: boilerplate`),
  };
}

/** Checks a parsed agency table. */
export function parseAgencies(doc: unknown, where = 'agencies'): AgencyLexicon {
  if (!isObj(doc) || !Array.isArray(doc.agencies)) throw new VocabularyError(`${where}: expected a mapping with an 'agencies' list`);
  return {
    level_prefixes: strings(doc.level_prefixes, `${where}: level_prefixes`),
    party_prefixes: strings(doc.party_prefixes, `${where}: party_prefixes`),
    suffixes: strings(doc.suffixes, `${where}: suffixes`),
    agencies: doc.agencies.map((a, i) => {
      const at = `${where}: agencies[${i}]`;
      if (!isObj(a)) throw new VocabularyError(`${at}: expected a mapping`);
      const patterns = strings(a.patterns, `${at}.patterns`).map((p) => {
        try {
          return new RegExp(p, 'u');
        } catch {
          throw new VocabularyError(`${at}.patterns: not a regular expression: ${p}`);
        }
      });
      return { id: str(a.id, `${at}.id`), name: str(a.name, `${at}.name`), aliases: strings(a.aliases, `${at}.aliases`), patterns };
    }),
  };
}

/** Checks a parsed indicator table. */
export function parseIndicators(doc: unknown, where = 'indicators'): IndicatorLexicon {
  if (!isObj(doc) || !Array.isArray(doc.indicators)) throw new VocabularyError(`${where}: expected a mapping with an 'indicators' list`);
  return {
    strip_prefixes: strings(doc.strip_prefixes, `${where}: strip_prefixes`),
    similarity: num(doc.similarity, 0.8, `${where}: similarity`),
    cluster_similarity: num(doc.cluster_similarity, 0.8, `${where}: cluster_similarity`),
    indicators: doc.indicators.map((x, i) => {
      const at = `${where}: indicators[${i}]`;
      if (!isObj(x)) throw new VocabularyError(`${at}: expected a mapping`);
      const name = str(x.name, `${at}.name`);
      const direction = x.direction === 'lower' ? 'lower' : 'higher';
      return {
        id: str(x.id, `${at}.id`),
        name,
        unit: typeof x.unit === 'string' ? x.unit : null,
        direction,
        aliases: [name, ...strings(x.aliases, `${at}.aliases`)],
      };
    }),
  };
}

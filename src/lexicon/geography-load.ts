/**
 * The geography from its precomputed index (geography-index.json, written by `npm run geography`), and that index
 * from a built geography. Building it from divisions.json (geography-data.ts) runs ~3,300 rows through the name
 * rules in the interpreter on every cold start (~25 ms idle, with its garbage; a third of what one cold
 * `qplan extract` spends over node's own start); the index is one JSON parse (the bundle keeps it JSON:
 * scripts/bundle.mjs) and a loop that links places to names. The result is the same object graph: test/geography.test.ts compares the two, so an edit of the
 * hand-kept data without `npm run geography` fails the tests.
 */
import type { Entry, Geography, Level, Place } from './geography-data.js';
import { namesOf } from './geography-names.js';
import { ETHNIC_GROUPS } from './place-words.js';

/**
 * The serialized form. `p`: places as [name, code, level letter, parent index or -1] (a place's province is its
 * parent's, a province's itself);
 * `n`: the name index in insertion order as [name, flags (1 surface, 2 stem, 4 generic), place indexes...];
 * `a`: hand-kept aliases as [place index, aliases...]; `s`: the provinces' short names.
 */
export interface GeographyIndex {
  p: Array<[string, string, string, number]>;
  n: Array<[string, number, ...number[]]>;
  a: Array<[number, ...string[]]>;
  s: string[];
}

const LETTER: Record<Level, string> = { province: 'p', city: 'c', district: 'd', county: 'x', zone: 'z' };
const LEVEL: Record<string, Level> = Object.fromEntries(Object.entries(LETTER).map(([l, c]) => [c, l as Level]));

export function geographyToIndex(g: Geography, provinceShorts: ReadonlySet<string>, aliasesOf: ReadonlyMap<Place, readonly string[]>): GeographyIndex {
  const at = new Map(g.places.map((p, i) => [p, i]));
  const idx = (p: Place | null | undefined): number => (p ? (at.get(p) ?? -1) : -1);
  const index: GeographyIndex = {
    p: g.places.map((p) => {
      const parent = g.parentOf.get(p) ?? null;
      // what the loader derives must be what the build made
      if ((parent?.name ?? null) !== p.parent || (parent?.province ?? p.name) !== p.province || LEVEL[LETTER[p.level]] !== p.level) {
        throw new Error(`geography index: ${p.name}'s parent, province or level cannot be derived`);
      }
      return [p.name, p.code, LETTER[p.level], idx(parent)];
    }),
    n: [...g.byName].map(([name, e]) => [name, (e.surface ? 1 : 0) | (e.stem ? 2 : 0) | (e.generic ? 4 : 0), ...e.places.map(idx)]),
    a: [...aliasesOf].map(([p, names]) => [idx(p), ...names]),
    s: [...provinceShorts],
  };
  return index;
}

export function geographyFromIndex(index: GeographyIndex): Geography {
  const t0 = performance.now();
  const places: Place[] = new Array(index.p.length);
  const parentOf = new Map<Place, Place | null>();
  // parents come before their children in the table, and a zone's parent is a table row
  for (let i = 0; i < index.p.length; i++) {
    const [name, code, letter, parent] = index.p[i] as GeographyIndex['p'][number];
    const up = parent >= 0 ? places[parent] as Place : null;
    const place: Place = Object.freeze({ name, code, level: LEVEL[letter] as Level, parent: up?.name ?? null, province: up?.province ?? name });
    places[i] = place;
    parentOf.set(place, up);
  }
  const byName = new Map<string, Entry>();
  for (const row of index.n) {
    const flags = row[1];
    const list: Place[] = [];
    for (let k = 2; k < row.length; k++) list.push(places[row[k] as number] as Place);
    byName.set(row[0], { places: list, surface: (flags & 1) !== 0, stem: (flags & 2) !== 0, generic: (flags & 4) !== 0 });
  }
  const aliasesOf = new Map<Place, string[]>();
  for (const [i, ...names] of index.a) aliasesOf.set(places[i] as Place, names);
  const ethnic = [...ETHNIC_GROUPS].sort((a, b) => b.length - a.length);
  const provinceShorts = new Set(index.s);
  return { places, byName, parentOf, namesOf: (p) => namesOf(p, aliasesOf.get(p), ethnic, provinceShorts), loadMs: performance.now() - t0 };
}

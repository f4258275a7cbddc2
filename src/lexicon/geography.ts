/**
 * The administrative geography of China (every province, prefecture and county-level unit of the 2023 statistical
 * codes, plus the zones and changes kept in aliases-places.yaml) and a resolver over it: which places a name may mean
 * (lookupPlace), which one a text means (resolvePlace), and where place names stand in a text (findPlaces).
 * The data loads lazily on the first call (a few milliseconds, from geography-index.json) and every function is
 * synchronous and pure.
 */
import type { Entry, Geography, Level, Place } from './geography-data.js';
import { pairKey } from './geography-names.js';
import { geographyFromIndex, type GeographyIndex } from './geography-load.js';
import index from './geography-index.json' with { type: 'json' };
import { STRADDLE_WORDS } from './place-words.js';

export type { Level, Place } from './geography-data.js';

/** One place name found in a text: the places it may name, and its span (UTF-16 offsets, end exclusive). */
export interface PlaceMatch {
  place: Place[];
  start: number;
  end: number;
  surface: string;
}

/** Options of findPlaces. */
export interface FindPlacesOptions {
  /** Also find province names without their suffix (江西, 广西, 西藏). Off by default: 江西 is often a word part. */
  provinceStems?: boolean;
}

let geo: Geography | null = null;
// from the precomputed index, not from divisions.json: see geography-load.ts (a JSON import is typed by its values,
// arrays of string | number, not by the tuples the index holds)
const load = (): Geography => (geo ??= geographyFromIndex(index as unknown as GeographyIndex));

/** The scan index of findPlaces, built on its first call: first two UTF-16 units → surfaces, longest first. */
interface Surface { text: string; entry: Entry }
let scan: { index: Map<number, Surface[]>; first: Uint8Array; ms: number } | null = null;
function scanIndex(): Map<number, Surface[]> {
  if (scan) return scan.index;
  const g = load();
  const t0 = performance.now();
  const index = new Map<number, Surface[]>();
  for (const [text, entry] of g.byName) {
    if ((!entry.surface && !entry.stem) || text.length < 2) continue;
    const key = pairKey(text, 0);
    const list = index.get(key);
    if (list === undefined) index.set(key, [{ text, entry }]);
    else list.push({ text, entry });
  }
  for (const list of index.values()) if (list.length > 1) list.sort((a, b) => b.text.length - a.text.length);
  // the first units of the keys: most positions of a text start no name, and a table look says so without a
  // lookup of the pair (a number past the small-integer range) in the map
  const first = new Uint8Array(65536);
  for (const key of index.keys()) first[Math.floor(key / 0x10000)] = 1;
  scan = { index, first, ms: performance.now() - t0 };
  return index;
}

/** Every place: the table in code order, then the hand-kept zones and changes. */
export function allPlaces(): readonly Place[] {
  return load().places;
}

/** The parent place (上海市 for 黄浦区, 湖北省 for 仙桃市); null for a province. */
export function parentOf(place: Place): Place | null {
  return load().parentOf.get(place) ?? null;
}

/**
 * Size of the geography and what its first use cost: `loadMs` reading divisions.json and building the name index
 * (first call of any function), `scanMs` building the scan index (first findPlaces call).
 */
export function geographyStats(): { places: number; names: number; surfaces: number; loadMs: number; scanMs: number } {
  const g = load();
  let surfaces = 0;
  for (const list of scanIndex().values()) surfaces += list.length;
  return { places: g.places.length, names: g.byName.size, surfaces, loadMs: g.loadMs, scanMs: scan?.ms ?? 0 };
}

/**
 * Every place with this exact name or with it as an accepted short form: 石柱县 → 石柱土家族自治县, 恩施州 →
 * 恩施土家族苗族自治州, 广西 → 广西壮族自治区, 扬州 → 扬州市. A stem (a name without its suffix) counts only with two
 * or more characters left and not when it is a province's short name (a province stem names the province, never the prefecture of the same stem). Several places
 * come back when the name repeats (朝阳区 in two cities).
 */
export function lookupPlace(name: string): Place[] {
  return [...(load().byName.get(name.trim())?.places ?? [])];
}

const RANK: Record<Level, number> = { province: 0, city: 1, zone: 2, district: 2, county: 2 };

/**
 * The place a name means in a text, or null. Among the candidates of lookupPlace, those whose parent is named in the
 * context win over those whose province only is named, which win over the rest (names count full or short: 长春 for
 * 长春市). Still several: the higher level wins (恩施 → 恩施州 over 恩施市). Still tied: null, never a guess.
 * The name's own occurrences are blanked out of the context first, so 朝阳区 never reads as evidence for 朝阳市.
 */
export function resolvePlace(name: string, context: string): Place | null {
  const candidates = lookupPlace(name);
  if (candidates.length <= 1) return candidates[0] ?? null;
  const g = load();
  const key = name.trim();
  const ctx = key ? context.split(key).join('\u0000') : context;
  const named = (p: Place | null | undefined): boolean => !!p && g.namesOf(p).some((k) => ctx.includes(k));
  const score = (p: Place): number => {
    const parent = g.parentOf.get(p) ?? null;
    if (named(parent)) return 2;
    const province = g.byName.get(p.province)?.places.find((q) => q.level === 'province');
    return province !== p && named(province) ? 1 : 0;
  };
  const best = keepMax(candidates, score);
  const top = keepMax(best, (p) => -RANK[p.level]);
  return top.length === 1 ? (top[0] ?? null) : null;
}

function keepMax<T>(items: T[], score: (item: T) => number): T[] {
  const scores = items.map(score);
  const max = Math.max(...scores);
  return items.filter((_, i) => scores[i] === max);
}

/**
 * Finds place names in a text, left to right, longest first at each position, without overlap. Rules:
 * - Found: full standard names (江西省, 石柱土家族自治县), suffixed short forms (石柱县, 恩施州) and the hand-kept
 *   names of aliases-places.yaml; bare province names (江西, 广西) only with `provinceStems`. Bare prefecture or
 *   county stems (扬州) are never searched: too many are word parts (朝阳, 新华, 永定).
 * - A name is not taken when an ordinary word from place-words.yaml crosses one of its edges: 中山市场监管 (市场),
 *   和平区域 (区域), 沿海城市 (沿海 over 海城市). A word that starts right after the name does not count, so
 *   中山市市场监管局 still yields 中山市. When the longest name is rejected, shorter ones at the same place are tried.
 * - Generic names that are also real districts (城区, 郊区, 矿区, 老城区) count only right after their parent's name
 *   (大同市城区); 主城区 alone is no place.
 * - A name right after its parent's name keeps only the candidates under that parent: 长春市朝阳区 is not the
 *   朝阳区 of the capital. Otherwise every candidate is listed; resolvePlace chooses.
 * Cost: one map lookup on the two UTF-16 units at each position (a number key, no string made), then a startsWith
 * per surface sharing them (a few at most).
 */
export function findPlaces(text: string, options: FindPlacesOptions = {}): PlaceMatch[] {
  const g = load();
  const index = scanIndex();
  const first = (scan as NonNullable<typeof scan>).first;
  const out: PlaceMatch[] = [];
  let i = 0;
  while (i < text.length - 1) {
    if (first[text.charCodeAt(i)] !== 1) { i++; continue; }
    const hit = matchAt(g, index, text, i, out[out.length - 1], options.provinceStems === true);
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}

function matchAt(
  g: Geography, index: Map<number, Surface[]>, text: string, start: number, prev: PlaceMatch | undefined, stems: boolean,
): PlaceMatch | null {
  const list = index.get(pairKey(text, start));
  if (!list) return null;
  for (const { text: surface, entry } of list) {
    if ((entry.stem && !stems) || !text.startsWith(surface, start)) continue;
    const end = start + surface.length;
    if (straddled(text, start) || straddled(text, end)) continue;
    const underPrev = (p: Place): boolean => {
      const up = g.parentOf.get(p);
      return !!up && !!prev && prev.place.includes(up);
    };
    const after = prev && prev.end === start ? entry.places.filter(underPrev) : [];
    if (entry.generic && after.length === 0) continue;
    return { place: after.length > 0 ? after : [...entry.places], start, end, surface };
  }
  return null;
}

/** True when one of the words covers text[edge - 1] and text[edge] together, that is, crosses the edge. */
function straddled(text: string, edge: number): boolean {
  if (edge <= 0 || edge >= text.length) return false;
  for (const w of STRADDLE_WORDS) {
    for (let k = 1; k < w.length; k++) if (edge - k >= 0 && text.startsWith(w, edge - k)) return true;
  }
  return false;
}

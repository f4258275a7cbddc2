/**
 * Builds the in-memory geography of China from the committed data: divisions.json (generated from the 2023 statistical
 * division codes by scripts/gen-divisions.mjs), aliases-places.ts (zones, changes since 2023, other names) and
 * place-words.ts (ethnic names, generic names, straddle words). Pure;
 * geography.ts holds the public API. At run time qplan loads the same geography from its precomputed index
 * (geography-index.json, written from this build by `npm run geography`; geography-load.ts); this build is the
 * source of truth, used by that script and by the test that holds the two equal. The hand-kept lists are data modules rather than YAML because a YAML parse
 * alone would cost about as much as the whole build (measured: several ms cold), and the budget is 15 ms.
 */
import divisions from './divisions.json' with { type: 'json' };
import { CHANGES, EXTRA_PROVINCES, PLACE_ALIASES, ZONES } from './aliases-places.js';
import { ETHNIC_GROUPS, GENERIC_PLACE_NAMES } from './place-words.js';
import { NONE, namesOf as placeNames, provinceShort, shortName, stemOf } from './geography-names.js';

/** Administrative level of a place, as qplan reports a plan's jurisdiction. */
export type Level = 'province' | 'city' | 'district' | 'county' | 'zone';

/** One division (or zone) of China. Objects are frozen and shared: compare them by identity or by code. */
export interface Place {
  /** Full standard name: 石柱土家族自治县, 上海市. */
  name: string;
  /** Six-digit division code (GB/T 2260 style, 500240); '' for zones and units that have none. */
  code: string;
  level: Level;
  /** Full standard name of the parent; null for a province. Never a pseudo-level such as 市辖区. */
  parent: string | null;
  /** Full name of the province-level division the place lies in (itself for a province). */
  province: string;
}

/** One accepted name: every place it may mean, and how findPlaces treats it. */
export interface Entry {
  places: Place[];
  /** findPlaces looks for it: a full name, a suffixed short form (石柱县, 恩施州) or a hand-kept alias. */
  surface: boolean;
  /** A province short name without suffix (江西, 内蒙古): findPlaces looks for it only on request. */
  stem: boolean;
  /** An ordinary word too (城区, 郊区): findPlaces takes it only right after its parent's name. */
  generic: boolean;
}

/** The indexes built once on first use. */
export interface Geography {
  places: Place[];
  /** Every accepted name (full, short form, stem, alias) → its entry; places in table order. */
  byName: Map<string, Entry>;
  parentOf: Map<Place, Place | null>;
  /** The accepted names of a place, for finding a parent in a context. */
  namesOf: (place: Place) => string[];
  loadMs: number;
}

/** What the build knows beyond {@link Geography}: what the precomputed index (geography-load.ts) stores too. */
export interface BuiltGeography extends Geography {
  provinceShorts: Set<string>;
  aliasesOf: Map<Place, string[]>;
}

/**
 * Reads divisions.json and builds every index in one pass; throws on inconsistent hand-kept data (a parent name that
 * does not name exactly one place). Plain loops over a sorted table: on first use this code runs in the
 * interpreter, where every helper call and short-lived array shows in the load time.
 */
export function buildGeography(): BuiltGeography {
  const t0 = performance.now();
  const ethnic = [...ETHNIC_GROUPS].sort((a, b) => b.length - a.length);
  const provinceShorts = new Set<string>();
  const byName = new Map<string, Entry>();
  const parentOf = new Map<Place, Place | null>();
  const byCode = new Map<string, Place>();
  const places: Place[] = [];
  const aliasesOf = new Map<Place, string[]>();

  const add = (key: string, p: Place, surface: boolean, stem: boolean): void => {
    const e = byName.get(key);
    if (e === undefined) byName.set(key, { places: [p], surface, stem, generic: GENERIC_PLACE_NAMES.includes(key) });
    else if (e.places[e.places.length - 1] !== p) e.places.push(p);
  };
  const index = (p: Place, aliases: readonly string[]): void => {
    places.push(p);
    add(p.name, p, true, false);
    for (const a of aliases) add(a, p, true, false);
    const short = shortName(p, ethnic);
    if (short !== null) add(short, p, p.level !== 'province', p.level === 'province');
    const stem = stemOf(p, short);
    if (stem !== null && !provinceShorts.has(stem)) add(stem, p, false, false);
  };

  // The table is sorted by code, so a province comes before its prefectures and a prefecture before its counties.
  // The provinces' short names are collected first: 海南区 (150303) is read before 海南省 and must not take 海南.
  const rows: string[] = [...EXTRA_PROVINCES.map((p) => `${p.code}\t${p.name}`), ...divisions.rows];
  for (const row of rows) if (row.startsWith('0000', 2)) provinceShorts.add(provinceShort(row.slice(7), ethnic));
  for (const row of rows) {
    const code = row.slice(0, 6);
    const name = row.slice(7);
    const province = byCode.get(code.slice(0, 2) + '0000');
    const parent = code.endsWith('0000') ? undefined
      : code.endsWith('00') ? province : (byCode.get(code.slice(0, 4) + '00') ?? province);
    const level = levelOf(code, name, parent);
    const place: Place = { name, code, level, parent: parent?.name ?? null, province: province?.name ?? name };
    byCode.set(code, place);
    parentOf.set(place, parent ?? null);
    index(place, NONE);
  }

  const unique = (name: string): Place => {
    const found = byName.get(name)?.places.filter((p) => p.name === name) ?? [];
    if (found.length !== 1 || !found[0]) throw new Error(`aliases-places.ts: ${name} names ${found.length} places`);
    return found[0];
  };
  const kept = [
    ...ZONES.map((z) => ({ name: z.name, level: 'zone' as const, parent: z.parent, aliases: z.aliases })),
    ...CHANGES.map((c) => ({ ...c, aliases: NONE })),
  ];
  for (const z of kept) {
    const parent = unique(z.parent);
    const place: Place = { name: z.name, code: '', level: z.level, parent: parent.name, province: parent.province };
    parentOf.set(place, parent);
    aliasesOf.set(place, [...z.aliases]);
    index(place, z.aliases);
  }
  for (const [alias, name] of Object.entries(PLACE_ALIASES)) {
    const p = unique(name);
    aliasesOf.set(p, [...(aliasesOf.get(p) ?? []), alias]);
    add(alias, p, true, false);
  }
  for (const p of places) Object.freeze(p);

  const namesOf = (p: Place): string[] => placeNames(p, aliasesOf.get(p), ethnic, provinceShorts);
  return { places, byName, parentOf, namesOf, loadMs: performance.now() - t0, provinceShorts, aliasesOf };
}

/**
 * Level from the code and the name: xx0000 province; xxxx00 prefecture (city); a county-level code xxxx7x is a
 * statistical functional zone (苏州工业园区, 石家庄高新技术产业开发区); 特区 and a 林区 directly under its province
 * (六枝特区, 神农架林区) count as counties, while 碑林区 and 万柏林区 are districts; other names in 区 are districts;
 * 县, 自治县, 旗, 自治旗 and county-level cities (昆山市) are counties.
 */
function levelOf(code: string, name: string, parent: Place | undefined): Level {
  if (parent === undefined) return 'province';
  if (code.endsWith('00')) return 'city';
  if (code.charCodeAt(4) === 55 /* 7 */) return 'zone';
  if (name.endsWith('特区') || (name.endsWith('林区') && parent.level === 'province')) return 'county';
  return name.endsWith('区') ? 'district' : 'county';
}


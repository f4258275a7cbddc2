/**
 * Builds the in-memory geography of China from the committed data: divisions.tsv (generated from the 2023 statistical
 * division codes by scripts/gen-divisions.mjs), aliases-places.ts (zones, changes since 2023, other names) and
 * place-words.ts (ethnic names, generic names, straddle words). Pure apart from reading divisions.tsv once;
 * geography.ts holds the public API. The hand-kept lists are data modules rather than YAML because a YAML parse
 * alone would cost about as much as the whole build (measured: several ms cold), and the budget is 15 ms.
 */
import { readFileSync } from 'node:fs';
import { CHANGES, EXTRA_PROVINCES, PLACE_ALIASES, ZONES } from './aliases-places.js';
import { ETHNIC_GROUPS, GENERIC_PLACE_NAMES, STRADDLE_WORDS } from './place-words.js';

/** Administrative level of a place, as qplan reports a plan's jurisdiction. */
export type Level = 'province' | 'city' | 'district' | 'county' | 'zone';

/** One division (or zone) of China. Objects are frozen and shared: compare them by identity or by code. */
export interface Place {
  /** Full standard name: 石柱土家族自治县, 北京市. */
  name: string;
  /** Six-digit division code (GB/T 2260 style, 500240); '' for zones and units that have none. */
  code: string;
  level: Level;
  /** Full standard name of the parent; null for a province. Never a pseudo-level such as 市辖区. */
  parent: string | null;
  /** Full name of the province-level division the place lies in (itself for a province). */
  province: string;
}

/** A string that findPlaces looks for, with every place it may name. */
export interface Surface {
  text: string;
  places: Place[];
  /** A province short name without suffix (江西, 内蒙古): searched only on request. */
  stem: boolean;
  /** An ordinary word too (城区, 郊区): found only right after its parent's name. */
  generic: boolean;
}

/** The indexes built once on first use. */
export interface Geography {
  places: Place[];
  /** Every accepted name (full, short form, stem, alias) → the places it names, in table order. */
  byKey: Map<string, Place[]>;
  /** The names of each place (its keys), for finding a parent in the context. */
  keysOf: Map<Place, string[]>;
  parentOf: Map<Place, Place | null>;
  /** First two characters → the surfaces that start with them, longest first. */
  scan: Map<string, Surface[]>;
  straddleWords: readonly string[];
  loadMs: number;
}

/** Reads the data files and builds every index. Throws on inconsistent data (a parent name that is not unique). */
export function buildGeography(): Geography {
  const t0 = performance.now();
  const ethnic = [...ETHNIC_GROUPS].sort((a, b) => b.length - a.length);
  const generic = new Set(GENERIC_PLACE_NAMES);

  const rows: Array<[string, string]> = EXTRA_PROVINCES.map((p) => [p.code, p.name]);
  for (const line of readFileSync(new URL('./divisions.tsv', import.meta.url), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    rows.push([line.slice(0, tab), line.slice(tab + 1)]);
  }
  const nameByCode = new Map(rows);
  const places: Place[] = [];
  const parentCode = new Map<Place, string>();
  for (const [code, name] of rows) {
    const city = `${code.slice(0, 4)}00`;
    const up = code.endsWith('0000') ? null : code.endsWith('00') || !nameByCode.has(city) ? `${code.slice(0, 2)}0000` : city;
    const place: Place = {
      name,
      code,
      level: levelOf(code, name, up),
      parent: up === null ? null : (nameByCode.get(up) ?? null),
      province: nameByCode.get(`${code.slice(0, 2)}0000`) ?? name,
    };
    places.push(place);
    if (up !== null) parentCode.set(place, up);
  }
  const byName = new Map<string, Place[]>();
  for (const p of places) push(byName, p.name, p);
  const unique = (name: string): Place => {
    const found = byName.get(name) ?? [];
    if (found.length !== 1 || !found[0]) throw new Error(`aliases-places.ts: ${name} names ${found.length} places`);
    return found[0];
  };
  const handKept = new Map<Place, string[]>();
  const kept = [
    ...ZONES.map((z) => ({ name: z.name, level: 'zone' as const, parent: z.parent, aliases: [...z.aliases] })),
    ...CHANGES.map((c) => ({ ...c, aliases: [] })),
  ];
  for (const z of kept) {
    const parent = unique(z.parent);
    const place: Place = { name: z.name, code: '', level: z.level, parent: parent.name, province: parent.province };
    places.push(place);
    push(byName, place.name, place);
    handKept.set(place, z.aliases);
  }
  for (const [alias, name] of Object.entries(PLACE_ALIASES)) {
    const p = unique(name);
    handKept.set(p, [...(handKept.get(p) ?? []), alias]);
  }

  const parentOf = new Map<Place, Place | null>();
  const byCode = new Map(places.filter((p) => p.code).map((p) => [p.code, p]));
  for (const p of places) {
    const up = parentCode.get(p);
    parentOf.set(p, up !== undefined ? (byCode.get(up) ?? null) : p.parent === null ? null : unique(p.parent));
  }

  const provinceShorts = new Set(places.filter((p) => p.level === 'province').map((p) => provinceShort(p.name, ethnic)));
  const byKey = new Map<string, Place[]>();
  const keysOf = new Map<Place, string[]>();
  const surfaces = new Map<string, Surface>();
  const addSurface = (text: string, p: Place, stem: boolean): void => {
    const s = surfaces.get(text) ?? { text, places: [], stem, generic: generic.has(text) };
    if (!s.places.includes(p)) s.places.push(p);
    surfaces.set(text, s);
  };
  for (const p of places) {
    const aliases = handKept.get(p) ?? NONE;
    const short = p.level === 'province' ? provinceShort(p.name, ethnic) : autonomousShort(p.name, ethnic);
    const stem = p.level === 'province' || p.level === 'zone' || generic.has(p.name) ? '' : placeStem(short ?? p.name);
    const keys = [p.name, ...aliases];
    if (short && !keys.includes(short)) keys.push(short);
    if (stem.length >= 2 && !provinceShorts.has(stem) && !keys.includes(stem)) keys.push(stem);
    keysOf.set(p, keys);
    for (const k of keys) push(byKey, k, p);
    addSurface(p.name, p, false);
    for (const a of aliases) addSurface(a, p, false);
    // Suffixed short forms (石柱县, 恩施州) are surfaces; a province's bare short name (江西, 广西) only on request.
    if (short) addSurface(short, p, p.level === 'province');
  }
  const scan = new Map<string, Surface[]>();
  for (const s of surfaces.values()) {
    if (s.text.length < 2) continue;
    push(scan, s.text.slice(0, 2), s);
  }
  for (const list of scan.values()) list.sort((a, b) => b.text.length - a.text.length);
  places.forEach((p) => Object.freeze(p));
  return { places, byKey, keysOf, parentOf, scan, straddleWords: STRADDLE_WORDS, loadMs: performance.now() - t0 };
}

const NONE: string[] = [];
const STEM_SUFFIXES = ['林区', '特区', '新区', '地区', '市', '县', '区', '旗', '盟', '州'];

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Level from the code and the name: xx0000 province; xxxx00 prefecture (city); a county-level code xxxx7x is a
 * statistical functional zone (苏州工业园区, 石家庄高新技术产业开发区); 特区 and a 林区 directly under its province
 * (六枝特区, 神农架林区) count as counties, while 碑林区 and 万柏林区 are districts; other names in 区 are districts;
 * 县, 自治县, 旗, 自治旗 and county-level cities (昆山市) are counties.
 */
function levelOf(code: string, name: string, parent: string | null): Level {
  if (parent === null) return 'province';
  if (code.endsWith('00')) return 'city';
  if (code[4] === '7') return 'zone';
  if (name.endsWith('特区') || (name.endsWith('林区') && parent.endsWith('0000'))) return 'county';
  return name.endsWith('区') ? 'district' : 'county';
}

/** 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西, 香港特别行政区 → 香港, 江西省 → 江西, 北京市 → 北京. */
function provinceShort(name: string, ethnic: string[]): string {
  if (name.endsWith('特别行政区')) return name.slice(0, -5);
  if (name.endsWith('自治区')) return stripEthnic(name.slice(0, -3), ethnic);
  return name.slice(0, -1);
}

/** 石柱土家族自治县 → 石柱县, 恩施土家族苗族自治州 → 恩施州, 鄂伦春自治旗 → 鄂伦春旗; null for other names. */
function autonomousShort(name: string, ethnic: string[]): string | null {
  const at = name.lastIndexOf('自治');
  if (at <= 0 || at !== name.length - 3 || !'县州旗'.includes(name.charAt(at + 2))) return null;
  return stripEthnic(name.slice(0, at), ethnic) + name.charAt(at + 2);
}

/**
 * Drops ethnic names from the end of a stem, longest first (土家族 before 土族), repeatedly: 积石山保安族东乡族撒拉族 →
 * 积石山. It stops before leaving fewer than two characters: 鄂伦春自治旗 → 鄂伦春旗, 内蒙古自治区 → 内蒙古 (not 内),
 * and a whole-stem name only loses 族 (鄂温克族自治旗 → 鄂温克旗). Of the 150 autonomous units below province level, all
 * but the five with a customary abbreviation (博州, 克州, 巴州: aliases-places.ts) read naturally this way.
 */
function stripEthnic(stem: string, ethnic: string[]): string {
  let s = stem;
  for (;;) {
    const withZu = s.endsWith('族');
    const body = withZu ? s.slice(0, -1) : s;
    // 各族 ("all peoples") stands for a list of groups: 龙胜各族自治县 → 龙胜县.
    const g = withZu && body.endsWith('各') ? '各' : ethnic.find((e) => body.endsWith(e) && (withZu || e.length >= 2));
    if (g === undefined || body.length - g.length < 2) return withZu && g !== undefined ? body : s;
    s = body.slice(0, -g.length);
  }
}

/** The name without its level suffix (扬州市 → 扬州, 神农架林区 → 神农架, 恩施州 → 恩施); the caller checks its length. */
function placeStem(name: string): string {
  const suffix = STEM_SUFFIXES.find((s) => name.endsWith(s));
  return suffix ? name.slice(0, -suffix.length) : name;
}

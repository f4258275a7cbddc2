/**
 * The name forms of a place, shared by the build of the geography (geography-data.ts) and its load from the
 * precomputed index (geography-load.ts): short forms, stems, and the scan key. Pure, no data of its own.
 */
import type { Place } from './geography-data.js';
import { GENERIC_PLACE_NAMES } from './place-words.js';

/** The accepted names of a place (full, hand-kept aliases, short form, stem), for finding a parent in a context. */
export function namesOf(p: Place, aliases: readonly string[] | undefined, ethnic: string[], provinceShorts: ReadonlySet<string>): string[] {
  const short = shortName(p, ethnic);
  const stem = stemOf(p, short);
  const names = [p.name, ...(aliases ?? NONE)];
  if (short !== null) names.push(short);
  if (stem !== null && !provinceShorts.has(stem)) names.push(stem);
  return names;
}

/** The short form: a province's name without its suffix (江西, 广西), an autonomous unit's (石柱县, 恩施州); else null. */
export function shortName(p: Place, ethnic: string[]): string | null {
  if (p.level === 'province') return provinceShort(p.name, ethnic);
  return p.name.includes('自治') ? autonomousShort(p.name, ethnic) : null;
}

/**
 * The name (or short form) without its level suffix, when two or more characters are left: 扬州市 → 扬州, 恩施州 →
 * 恩施, 神农架林区 → 神农架, 阿克苏地区 → 阿克苏, 滨海新区 → 滨海 (but 万柏林区 → 万柏林: 林区 and 特区 are suffixes
 * only of the county-level units so named). None for provinces, zones and the generic names (城区 → 城 is no name).
 */
export function stemOf(p: Place, short: string | null): string | null {
  if (p.level === 'province' || p.level === 'zone' || GENERIC_PLACE_NAMES.includes(p.name)) return null;
  const name = short ?? p.name;
  const two = name.slice(-2);
  const cut = two === '地区' || two === '新区' || (p.level === 'county' && (two === '林区' || two === '特区')) ? 2
    : '市县区旗盟州'.includes(name.charAt(name.length - 1)) ? 1 : 0;
  return name.length - cut >= 2 ? name.slice(0, name.length - cut) : null;
}

/** The two UTF-16 units at `at` as one number: the scan index key, read without making a string. */
export function pairKey(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

export const NONE: readonly string[] = [];

/** 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西, 香港特别行政区 → 香港, 江西省 → 江西, 上海市 → 上海. */
export function provinceShort(name: string, ethnic: string[]): string {
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
 * and a whole-stem name only loses 族 (鄂温克族自治旗 → 鄂温克旗). With 各族 below, all 150 autonomous units below
 * province level get a short form; customary abbreviations (博州, 克州) are aliases in aliases-places.ts.
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

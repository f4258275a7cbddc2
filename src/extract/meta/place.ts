/**
 * The plan's place: jurisdiction (the standard name), level and parent, from the division table. Read from the
 * issuer first, then the titles; a text that names neither (a reprint starting at the preamble) is read from its
 * own words: the level it speaks of itself in (我省, 全市) and the place it names most at that level.
 */
import type { Level } from '../../model.js';
import { findPlaces, lookupPlace, resolvePlace, type Place, type PlaceMatch } from '../../lexicon/geography.js';
import {
  COUNTY_END, DISTRICT_END, NOT_A_NAME, PLACE_STEM_PHRASES, SELF_LEVEL, SHAPED, STEM_SUFFIXES, ZONE_END, ZONE_PARENT_SUFFIXES,
} from '../../lexicon/meta.js';

export interface PlaceRead {
  jurisdiction: string | null;
  level: Level | null;
  parent: string | null;
  /** How the place was read, for a diagnostic when it came from the running text. */
  from: 'name' | 'text' | 'shape' | 'ambiguous' | null;
}

const NONE: PlaceRead = { jurisdiction: null, level: null, parent: null, from: null };

function read(p: Place, from: PlaceRead['from']): PlaceRead {
  return { jurisdiction: p.name, level: p.level, parent: p.parent, from };
}

/** One match's place, resolved from the text when the name occurs more than once in the country (朝阳区). */
function pick(m: PlaceMatch, context: string): Place | null {
  if (m.place.length === 1) return m.place[0] as Place;
  const chosen = resolved(m.surface, context);
  return chosen && m.place.includes(chosen) ? chosen : null;
}

/**
 * resolvePlace, remembered for the last context: it reads the whole context for each name, and a scan of the text
 * meets the same names again and again (its place, its districts).
 */
let lastContext: string | null = null;
const resolvedIn = new Map<string, Place | null>();
function resolved(name: string, context: string): Place | null {
  if (context !== lastContext) { resolvedIn.clear(); lastContext = context; }
  let p = resolvedIn.get(name);
  if (p === undefined) resolvedIn.set(name, (p = resolvePlace(name, context)));
  return p;
}


/** The level a name's suffix gives (a name the division table does not hold). */
function levelOf(name: string): Level {
  return ZONE_END.test(name) ? 'zone' : COUNTY_END.test(name) ? 'county' : DISTRICT_END.test(name) ? 'district' : 'city';
}

/** The place a name (issuer, title) gives: known, ambiguous (`西湖区` with no context: name and level only), or shaped. */
function nameRead(name: string, text: string): PlaceRead | null {
  const flat = name.replace(/《[^》]*》|<[^>]*>/g, (x) => ' '.repeat(x.length)).replace(/\s+/g, ' ');
  const ms = findPlaces(flat);
  let k = 0;
  while (k + 1 < ms.length && (ms[k + 1] as PlaceMatch).start === (ms[k] as PlaceMatch).end) k++;
  const known = ms[k];
  const rest = flat.slice(known ? known.end : 0).replace(/^\s*(?:中共)?/, '');
  const tail = SHAPED.exec(rest);
  const up = known ? pick(known, text) : null;
  if (tail && !NOT_A_NAME.test(tail[1] as string) && lookupPlace(tail[1] as string).length === 0 && (!known || known.end <= 12)) {
    const own = tail[1] as string;
    const level = levelOf(own);
    const parent = up?.name ?? (level === 'zone' ? zoneCity(own) : null) ?? mostNamed(text, level === 'city' ? ['province'] : ['city', 'province']);
    return { jurisdiction: own, level, parent, from: 'shape' };
  }
  if (!known) return null;
  if (up) return read(up, 'name');
  // several places share the name and the text does not tell which: the name and level stand, the parent does not
  const levels = new Set(known.place.map((p) => p.level));
  const names = new Set(known.place.map((p) => p.name));
  return { jurisdiction: names.size === 1 ? (known.place[0] as Place).name : known.surface, level: levels.size === 1 ? (known.place[0] as Place).level : null, parent: null, from: 'ambiguous' };
}

/** The one city a zone's name opens with (`西安高新区` → 西安市), tried on its first two to four characters. */
function zoneCity(name: string): string | null {
  for (let n = 4; n >= 2; n--) {
    if (name.length - n < 2) continue;
    for (const suffix of ZONE_PARENT_SUFFIXES) {
      const found = lookupPlace(name.slice(0, n) + suffix).filter((p) => p.level === 'city' || (p.level === 'province' && suffix === '市'));
      if (found.length === 1) return (found[0] as Place).name;
    }
  }
  return null;
}

/** The place of the given levels the text names most (a 直辖市 counts as a city), or null on a tie. */
function mostNamed(text: string, levels: Level[]): string | null {
  const counts = new Map<string, number>();
  for (const m of findPlaces(text)) {
    const p = pick(m, text);
    if (p && (levels.includes(p.level) || (levels.includes('city') && p.level === 'province' && /市$/.test(p.name)))) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  }
  let best: string | null = null, n = 0, tie = false;
  for (const [k, c] of counts) {
    if (c > n) { best = k; n = c; tie = false; } else if (c === n) tie = true;
  }
  return tie ? null : best;
}

/** Reads the place from the names, else from the text. */
export function readPlace(names: Array<string | null | undefined>, text: string): PlaceRead {
  for (const n of names) {
    const r = n ? nameRead(n, text) : null;
    if (r) return r;
  }
  const p = placeInText(text);
  return p ? read(p, 'text') : NONE;
}

/** The level a text speaks of itself in (我省, 全市 …), by count; null when it never does. */
function selfLevel(text: string): Level | null {
  let best: Level | null = null, n = 0;
  for (const [re, level] of SELF_LEVEL) {
    // 我市/本市 name the plan's own place; 全省 often names the one above (`走在全省前列`): half the weight
    let c = 0;
    for (const m of text.matchAll(re)) c += m[0].startsWith('全') ? 1 : 2;
    if (c > n) { best = level; n = c; }
  }
  return best;
}

const fits = (p: Place, self: Level): boolean => p.level === self
  // a 直辖市 calls itself 本市, an autonomous region 全区
  || (p.level === 'province' && ((self === 'city' && /市$/.test(p.name)) || (self === 'district' && /自治区$/.test(p.name))));

function placeInText(text: string): Place | null {
  const self = selfLevel(text);
  if (!self) return null;
  const counts = new Map<Place, number>();
  const bump = (p: Place | null | undefined) => { if (p && fits(p, self)) counts.set(p, (counts.get(p) ?? 0) + 1); };
  for (const m of findPlaces(text, { provinceStems: true })) bump(pick(m, text));
  for (const m of text.matchAll(PLACE_STEM_PHRASES)) {
    const phrase = (m[1] ?? m[2] ?? m[3]) as string;
    // the phrase may run into the words before the name (`现代化襄阳篇章`): try its tails, longest first
    tails: for (let from = 0; from <= phrase.length - 2; from++) {
      for (const suffix of STEM_SUFFIXES) {
        const c = lookupPlace(phrase.slice(from) + suffix).filter((p) => fits(p, self));
        if (c.length === 1) { bump(c[0]); break tails; }
      }
    }
  }
  let best: Place | null = null, n = 0, tie = false;
  for (const [p, c] of counts) {
    if (c > n) { best = p; n = c; tie = false; } else if (c === n) tie = true;
  }
  return tie ? null : best;
}

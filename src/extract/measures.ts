/**
 * measures: the measure word after a value (`150个`, `4.4万亩`, `98.3%`) and the one a count indicator's name
 * implies (`企业个数` → 个, `研发投入(亿元)` → 亿元). The words are in src/lexicon/measures.ts.
 */
import { COUNT_NAME_MEASURES, MEASURE_WORDS } from '../lexicon/measures.js';

/** The measure words by their first unit, each list in MEASURE_WORDS' order (every number asks at its end). */
const BY_FIRST = new Map<number, string[]>();
for (const u of MEASURE_WORDS) {
  const list = BY_FIRST.get(u.charCodeAt(0)) ?? [];
  list.push(u);
  BY_FIRST.set(u.charCodeAt(0), list);
}

/** The measure word at `at` (one space allowed before it), the longest that fits; null when none. */
export function measureAt(s: string, at: number): string | null {
  const from = s.charCodeAt(at) === 32 ? at + 1 : at;
  const list = BY_FIRST.get(s.charCodeAt(from));
  if (list === undefined) return null;
  // within the six units the old slice read (`at`…`at + 6`, less the space)
  const end = Math.min(s.length, at + 6);
  for (const u of list) if (from + u.length <= end && s.startsWith(u, from)) return u;
  return null;
}

/** True when `s` ends with a measure word and holds a digit (a counted value: `150个`). */
export function endsWithCount(s: string): boolean {
  return MEASURE_WORDS.some((u) => s.endsWith(u) && /\d/.test(s));
}

const COUNT_NAME = new RegExp(`(${COUNT_NAME_MEASURES.join('|')})数(?:\\(.*\\))?$`);

/** Measure word implied by an indicator name: 个数 → 个, 户数 → 户, 项数 → 项, `(亿元)` → 亿元; '' when none. */
export function measureFromName(name: string): string {
  const m = COUNT_NAME.exec(name.replace(/\s+/g, ''));
  if (m) return m[1] as string;
  // the unit in the indicator's name, as HTML tables print it: `制造业产品质量合格率(%)`, `研发投入(亿元)`
  const paren = /\((%|‰|[\u4e00-\u9fff]{1,3})\)$/.exec(name.replace(/\s+/g, ''));
  return paren && !/年/.test(paren[1] as string) ? (paren[1] as string) : '';
}

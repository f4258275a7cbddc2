/**
 * `分别` lists: one clause that pairs several names, or several years, with as many values in order —
 * `国际标准、国家标准、行业标准分别达到5项、30项、60项`, `2025年、2027年分别达到86分、88分`, and a value list with its years
 * after it, `合格率分别达到98%、99%和99.5%(分别对应2025、2026、2027年)`. The per-number reader sees only the first
 * value with a name; this pass replaces what it found inside such a clause with one target per pair.
 */
import type { Comparator } from '../../model.js';
import {
  CHANGE_WORDS, COUNT_VERB_IN_NAME, LEVEL_IN_NAME, LEVEL_ONLY_END, PREFIX_COMPARATORS, RESPECTIVE_YEARS, RESPECTIVELY, SHARED_HEAD, SUFFIX_COMPARATORS, VALUE_LIST_JOINER, YEAR_NAME, YEAR_NAME_TAIL,
} from '../../lexicon/targets.js';
import { measureAt } from '../measures.js';
import { digitsEnd, digitsValue } from './values.js';
import type { FoundTarget, TargetContext } from './find.js';
import { HARD_STOP, cleanIndicator, endsWithComparator, sentenceSubject } from './phrases.js';

interface ListValue { at: number; value: number; unit: string; suffix: Comparator | null; end: number }

const DIGITS = /^\d+/;

/** The values after 分别 and its comparator word: `5项、30项、60项以上`, `98%、99%和99.5%`. */
function valueList(s: string, from: number): ListValue[] {
  const out: ListValue[] = [];
  let i = from;
  for (;;) {
    const sp = /^\s*/.exec(s.slice(i, i + 4))?.[0].length ?? 0;
    const n = DIGITS.exec(s.slice(i + sp, i + sp + 24));
    if (!n) break;
    const at = i + sp;
    // thousands separators and decimals as every number is read (`1,200、2,500家`; `分别达到100,200家` is two)
    let e = digitsEnd(s, at, at + n[0].length);
    const value = digitsValue(s.slice(at, e));
    const unit = measureAt(s, e) ?? '';
    if (unit) e = s.indexOf(unit, e) + unit.length;
    let suffix: Comparator | null = null;
    for (const [w, c] of SUFFIX_COMPARATORS) if (s.startsWith(w, e)) { suffix = c; e += w.length; break; }
    out.push({ at, value, unit, suffix, end: e });
    const j = VALUE_LIST_JOINER.exec(s.slice(e, e + 4));
    if (!j) break;
    i = e + j[0].length;
  }
  return out;
}

/**
 * Splits a list of names at its 、 (outside quotes and brackets); when one name is missing, the last may hold two
 * joined by 和/及/与 (`A、B和C`). A joiner inside a word (`参与`) is never a split otherwise.
 */
function splitNames(t: string, want: number): string[] {
  const out: string[] = [];
  let depth = 0, last = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i] as string;
    if ('“《(（「'.includes(c)) depth++;
    else if ('”》)）」'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === '、') {
      out.push(t.slice(last, i));
      last = i + 1;
    }
  }
  out.push(t.slice(last));
  if (out.length + 1 === want) {
    const tail = out[out.length - 1] as string;
    const j = Math.max(tail.lastIndexOf('和'), tail.lastIndexOf('及'), tail.lastIndexOf('与'));
    if (j >= 2 && tail.length - j > 2) out.splice(out.length - 1, 1, tail.slice(0, j), tail.slice(j + 1));
  }
  const names = out.map((x) => x.trim());
  // `国家级、省级专精特新企业`: a name that is only a level takes the noun after the last name's level
  const lastName = names[names.length - 1] as string;
  const lv = LEVEL_IN_NAME.exec(lastName);
  const noun = lv ? lastName.slice(lv.index + lv[0].length) : '';
  if (noun.length >= 2) return names.map((n, k) => (k < names.length - 1 && LEVEL_ONLY_END.test(n) ? `${n}${noun}` : n));
  // `制造业产品、农产品、食品抽检合格率`: the head printed on the last name is every short name's
  const head = SHARED_HEAD.exec(lastName);
  if (!head || head.index < 2) return names;
  return names.map((n, k) => (k < names.length - 1 && n.length <= SHARED_HEAD_NAME_MAX && !SHARED_HEAD.test(n) ? `${n}${head[0]}` : n));
}

/** A 分别 word in a clause's head: the clause is read from that word, not as a list without it. */
const RESPECTIVELY_IN = new RegExp(RESPECTIVELY.source);

/**
 * Lists of values after one comparator with no 分别 (`国家级、省级专精特新企业达到20家、100家`): where a found target's
 * comparator word stands, when another value follows it after 、 or 和.
 */
function implicitLists(s: string, out: FoundTarget[]): Array<{ at: number; len: number; implicit: boolean }> {
  const found: Array<{ at: number; len: number; implicit: boolean }> = [];
  for (const t of out) {
    const cmp = endsWithComparator(s.slice(Math.max(0, t.valueAt - 6), t.valueAt));
    if (!cmp || CHANGE_WORDS.test(cmp[0])) continue;
    if (valueList(s, t.valueAt).length < 2) continue;
    found.push({ at: t.valueAt - cmp[0].length, len: 0, implicit: true });
  }
  return found;
}

/** The longest name that takes a shared head (`制造业产品`); a longer one names an indicator of its own. */
const SHARED_HEAD_NAME_MAX = 8;

/** Years printed after a value list: `(分别对应2025、2026、2027年)`. */
function yearsAfter(s: string, from: number): { years: number[]; end: number } | null {
  const m = RESPECTIVE_YEARS.exec(s.slice(from, from + 60));
  if (!m) return null;
  const years = (m[1] as string).split(/[、,，和及与]/).map((y) => Number(y.replace(/\D/g, ''))).filter((y) => y >= 1900);
  return years.length > 1 ? { years, end: from + m[0].length } : null;
}

/**
 * Rewrites `out` for the 分别 clauses of `s`: the targets the per-number pass found on a list's values give way to
 * one target per (name, value) or (year, value) pair. A list whose counts do not match is left as it was.
 */
export function readRespectively(
  s: string, out: FoundTarget[], ctx: TargetContext, yearAt: (at: number) => number | null, yearsAt: (at: number) => number[],
): FoundTarget[] {
  const anchors = [...s.matchAll(RESPECTIVELY)].map((m) => ({ at: m.index ?? 0, len: m[0].length, implicit: false }));
  anchors.push(...implicitLists(s, out));
  if (anchors.length === 0) return out;
  let result = out;
  for (const { at, len, implicit } of anchors) {
    const word = PREFIX_COMPARATORS.find(([w]) => s.startsWith(w, at + len));
    const values = valueList(s, at + len + (word?.[0].length ?? 0));
    if (values.length < 2) continue;
    let cs = at;
    // the clause starts after any punctuation but the 、 that joins its names
    while (cs > 0 && !HARD_STOP.test(s[cs - 1] as string)) cs--;
    const head = s.slice(cs, at);
    const names = splitNames(head, values.length);
    const last = values[values.length - 1] as ListValue;
    const after = yearsAfter(s, last.end);
    const suffix = last.suffix;
    const comparator = (v: ListValue): Comparator => v.suffix ?? suffix ?? word?.[1] ?? '>=';
    const unitOf = (v: ListValue) => v.unit || last.unit;
    const pairs: Array<{ indicator: string; year: number | null; v: ListValue; qStart: number }> = [];
    const years = names.every((n) => YEAR_NAME.test(n)) ? names.map((n) => Number((YEAR_NAME.exec(n) as RegExpExecArray)[1])) : null;
    // `合格率2023年、2024年、2025年分别达到…`: the indicator, then its years
    const firstYear = !years && names.length > 1 && names.slice(1).every((n) => YEAR_NAME.test(n)) ? YEAR_NAME_TAIL.exec(names[0] as string) : null;
    const named = firstYear ? cleanIndicator((names[0] as string).slice(0, firstYear.index)) : null;
    // a list without 分别 pairs names only, and only where every value has its name
    if (implicit && (years || named || after || names.length !== values.length || RESPECTIVELY_IN.test(head))) continue;
    if (named && firstYear && named.text.length >= 2 && names.length === values.length) {
      const ys = [Number(firstYear[1]), ...names.slice(1).map((n) => Number((YEAR_NAME.exec(n) as RegExpExecArray)[1]))];
      values.forEach((v, k) => pairs.push({ indicator: named.text, year: ys[k] as number, v, qStart: cs + named.cut }));
    } else if (years && years.length === values.length) {
      // `…满意度达到85分以上,2025年、2027年分别达到86分、88分`: the years share the sentence's subject
      const subject = sentenceSubject([...result].reverse().find((t) => t.qEnd <= cs), s, cs);
      if (subject === null) continue;
      values.forEach((v, k) => pairs.push({ indicator: subject, year: years[k] as number, v, qStart: cs }));
    } else if (after && after.years.length === values.length) {
      const name = cleanIndicator(head).text;
      if (name.length < 2) continue;
      values.forEach((v, k) => pairs.push({ indicator: name, year: after.years[k] as number, v, qStart: cs }));
    } else if (names.length === 1 && yearsAt(at).length === values.length) {
      // `到2027年和2030年,质量竞争力指数分别达到88.5和90以上`: the governing years pair with the values
      const name = cleanIndicator(head).text;
      const ys = yearsAt(at);
      if (name.length < 2) continue;
      values.forEach((v, k) => pairs.push({ indicator: name, year: ys[k] as number, v, qStart: cs }));
    } else if (names.length === values.length && names.every((n) => n.length >= 2)) {
      const first = cleanIndicator(names[0] as string);
      // `主导或参与制修订国际标准、国家标准…`: the verb of the first name is every name's
      const verb = COUNT_VERB_IN_NAME.exec(first.text);
      const prefix = verb && first.text.length - verb.index - verb[0].length >= 2 ? first.text.slice(0, verb.index + verb[0].length) : '';
      names.forEach((n, k) => {
        const own = k === 0 ? first.text : cleanIndicator(n).text;
        const indicator = k === 0 || !prefix || COUNT_VERB_IN_NAME.test(own) ? own : `${prefix}${own}`;
        pairs.push({ indicator, year: null, v: values[k] as ListValue, qStart: cs + first.cut });
      });
    } else continue;
    const listStart = (values[0] as ListValue).at, listEnd = after?.end ?? last.end;
    const kept = result.filter((t) => t.valueAt < cs || t.valueAt >= listEnd);
    // the pass found nothing here: this is no target list (a history clause, a name)
    if (kept.length === result.length) continue;
    const found = result.find((t) => t.valueAt === listStart);
    // a change (`分别增长8%和10%`) is not the level itself: the verb stays in each indicator, as elsewhere
    const change = word && CHANGE_WORDS.test(word[0]) ? word[0] : '';
    for (const p of pairs) {
      if (change && !p.indicator.endsWith(change)) p.indicator += change;
      const year = p.year ?? yearAt(p.v.at) ?? found?.year ?? ctx.year;
      const t: FoundTarget = {
        indicator: p.indicator, value: p.v.value, unit: unitOf(p.v), comparator: comparator(p.v),
        year: year ?? ctx.fallbackYear, yearInferred: year === null && (found?.yearInferred ?? true),
        unitInferred: p.v.unit === '' && last.unit !== '', qStart: p.qStart, qEnd: listEnd, valueAt: p.v.at,
      };
      kept.push(t);
    }
    result = kept.sort((a, b) => a.valueAt - b.valueAt);
  }
  return result;
}

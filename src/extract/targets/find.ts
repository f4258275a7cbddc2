/**
 * targets: quantitative commitments in running text. First find number spans (values.ts), then resolve each into
 * {indicator, value, unit, comparator, year}: the clause around the number (phrases.ts) decides whether it is a
 * target (`合格率达到98.3%以上`, `建成…中心150个`, `累计建成4.4万亩高标准农田`) or not (a name `“22411”`, a duration
 * `24小时`, history `2011年达到85.49`, a modifier `节能65%设计标准`).
 */
import type { Comparator } from '../../model.js';
import { zhToInt } from '../../lexicon/numerals.js';
import { curlQuotes } from '../../source/normalize.js';
import {
  AFTER_FILLER, AFTER_PREDICATE, ALREADY_DONE, ZH_RANGE_BEFORE, AGE_AFTER, DURATION_LIMIT, PER_UNIT, CHANGE_ONLY, INCLUSIVE, CHANGE_TAIL, GRADE, MORE_THAN_AFTER, MOVE_FIRST_VERBS, SCALE_MEASURE, NEW_LEAD, PER_YEAR_LEAD, TOTAL_AFTER, TOTAL_ONLY, FUNDING_BEFORE, MONEY_UNIT, NOT_TARGET_NAME, NOTE_AFTER, CHANGE_WORDS, COUNT_FIRST_VERBS, NOT_TARGET_AFTER, PLAN_PARTS_AFTER, PLAN_PARTS_BEFORE, QUOTED_TERM, RANGE_SIGNS, RANGE_TAIL, RANK_AFTER, RANK_BEFORE,
  RATE_BASE_BEFORE, RATE_NAME, SUFFIX_COMPARATORS, COMMITMENT_ONLY,
} from '../../lexicon/targets.js';
import { WEAK_MEASURES } from '../../lexicon/measures.js';
import { measureAt } from '../measures.js';
import { cleanIndicator, clauseEnd, clauseStart, colonLabel, endsWithComparator, previousClauseSubject, sentenceSubject } from './phrases.js';
import { charTable, digitsValue, lostDecimalPoint, numbersIn, protectedSpans } from './values.js';
import { readRespectively } from './respectively.js';
import { ListNeighbours } from './neighbours.js';
import { governingYears, pastSentenceGoal, yearMarks } from './years.js';

export interface FoundTarget {
  indicator: string;
  value: number;
  /** The measure word (`个`, `%`); '' for a bare index. */
  unit: string;
  comparator: Comparator;
  year: number | null;
  yearInferred: boolean;
  unitInferred: boolean;
  /** Quote span in the scanned string (normalized indices, end exclusive). */
  qStart: number;
  qEnd: number;
  /** Where the value itself sits (for the column of the target). */
  valueAt: number;
  /** The upper end of a range (`1—2个`); the value is its lower end. */
  valueMax?: number;
  /** How a damaged value was repaired (`985%` → 98.5), for a diagnostic. */
  repair?: string;
}

/** A number the reader saw but did not emit, with the reason (for diagnostics). */
export interface SkippedNumber {
  at: number;
  reason: 'cut' | 'value-unreadable';
  text: string;
}

export interface TargetContext {
  /** Year governing the text from outside (the goals block's `到2027年`). */
  year: number | null;
  /** Years at or after which a year marker is a goal, not history. */
  docYear: number | null;
  /** The plan's first horizon year, for targets with no year in reach. */
  fallbackYear: number | null;
  /** The level characters of the jurisdictions above the plan (widerScopes): their `全X` goals are not its own. */
  wider?: string;
  /** The scanned text is the document's last: a number that ends it may have been cut by the scrape. */
  atEnd?: boolean;
  /** Receives the numbers that look like targets but cannot be read with certainty. */
  skipped?: SkippedNumber[];
}

/** What before a number makes it part of a code, a longer number, an ordinal or a fraction (`第3`, `GB/T`, `+5`). */
const BEFORE_NO = charTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+-—~.“"第/0123456789');
/** The same right after it (`5G`, `3+2`, `“22411”`). */
const AFTER_NO = charTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+”"/');
/**
 * A pattern anchored at the start (`^…`) as a sticky one, tried at a position of the whole string: what the anchored
 * one says of the string's rest, without cutting the rest out (lookaheads see the same characters).
 */
const sticky = (re: RegExp) => {
  if (!re.source.startsWith('^')) throw new Error(`not anchored: ${re.source}`);
  return new RegExp(re.source.slice(1), 'y');
};
const startsAt = (re: RegExp, s: string, at: number) => {
  re.lastIndex = at;
  return re.test(s);
};
/** The suffix comparators by their first unit, in SUFFIX_COMPARATORS' order (each number asks after its measure). */
const SUFFIX_BY_FIRST = new Map<number, Array<[string, Comparator]>>();
for (const wc of SUFFIX_COMPARATORS) {
  const list = SUFFIX_BY_FIRST.get(wc[0].charCodeAt(0)) ?? [];
  list.push(wc);
  SUFFIX_BY_FIRST.set(wc[0].charCodeAt(0), list);
}
const NOT_AFTER_AT = sticky(NOT_TARGET_AFTER);
const AGE_AT = sticky(AGE_AFTER);
const DURATION_LIMIT_AT = sticky(DURATION_LIMIT);
/** RANGE_TAIL can only match where a space (`\s`) or a range sign follows. */
const RANGE_FIRST = charTable(`${RANGE_SIGNS} \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`);
const mayRange = (s: string, at: number) => RANGE_FIRST[s.charCodeAt(at) | 0] === 1;

/**
 * Finds the targets in one normalized string, under the years of its own year marks ({@link yearMarks}) or the
 * context's. Targets governed by a year before the document's own year are history and skipped.
 */
export function findTargets(s: string, ctx: TargetContext): FoundTarget[] {
  const curled = curlQuotes(s);
  const found = findIn(curled, ctx);
  if (curled === s) return found;
  // ASCII quotes were read as the curly pair every rule knows (same length, same places); indicators print them
  for (const f of found) f.indicator = f.indicator.replace(/[“”]/g, '"');
  return found;
}

function findIn(s: string, ctx: TargetContext): FoundTarget[] {
  // most strings a region hands over hold no number at all: nothing else needs reading then
  const numbers = numbersIn(s);
  if (numbers.length === 0) return [];
  const marks = yearMarks(s, ctx.wider);
  const prot = protectedSpans(s);
  const inProtected = (i: number) => prot.some(([a, b]) => i >= a && i < b);
  const inYear = (i: number) => marks.some((m) => i >= m.at && i < m.end);
  const out: FoundTarget[] = [];
  const rangeEnd = new Set<number>();
  const bare: Array<{ ns: number; ne: number; value: number; cs: number; indicator: string; cut: number }> = [];

  for (const m of numbers) {
    let ns = m.index;
    const ne = ns + m.text.length;
    const chinese = m.chinese;
    if (inYear(ns) || inProtected(ns)) continue;
    if (BEFORE_NO[s.charCodeAt(ns - 1) | 0] === 1 || AFTER_NO[s.charCodeAt(ne) | 0] === 1) continue;
    if (RANK_BEFORE.test(s[ns - 1] ?? '') && RANK_AFTER.test(s[ne] ?? '')) continue;
    let value = m.rate ? m.rate.value : chinese ? zhToInt(m.text) : digitsValue(m.text);
    if (!Number.isFinite(value) || (chinese && value < 2)) continue;
    if (!chinese && rangeEnd.has(ns)) continue;
    // a range `1—2个`: the value is its floor, the ceiling is kept beside it
    const range = chinese || !mayRange(s, ne) ? null : RANGE_TAIL.exec(s.slice(ne, ne + 12));
    const valueMax = range ? Number(range[1]) : undefined;
    const ve = range ? ne + range[0].length : ne;
    if (range) rangeEnd.add(ne + range[0].length - (range[1] as string).length);

    // `20余家`, `100多个`: more than the number
    const more = !chinese && MORE_THAN_AFTER.test(s[ve] ?? '') && measureAt(s, ve + 1) !== null;
    const measure = m.rate ? m.rate.unit : measureAt(s, more ? ve + 1 : ve);
    let ue = ve;
    if (measure && !m.rate) ue = s.indexOf(measure, ve) + measure.length;
    // a unit per something (`30万元/亩`, `15平方米/人`): the whole is the unit
    const per = measure && measure !== '%' && s.charCodeAt(ue) === 47 ? PER_UNIT.exec(s.slice(ue, ue + 6)) : null;
    if (per) ue += per[0].length;
    // a range with the measure on both ends: `2.5%—3%`
    let upper = valueMax;
    // `两到三个`, `一至两家`: a range of numerals, its lower end before 到/至
    const zr = chinese ? ZH_RANGE_BEFORE.exec(s.slice(Math.max(0, ns - 5), ns)) : null;
    if (zr) {
      upper = value;
      value = zhToInt(zr[1] as string);
      ns -= zr[0].length;
    }
    const tail = measure && upper === undefined && mayRange(s, ue) ? RANGE_TAIL.exec(s.slice(ue, ue + 12)) : null;
    if (tail && s.startsWith(measure as string, ue + tail[0].length)) {
      upper = Number(tail[1]);
      rangeEnd.add(ue + tail[0].length - (tail[1] as string).length);
      ue += tail[0].length + (measure as string).length;
    }
    else {
      const at = s.charCodeAt(ve) === 32 ? ve + 1 : ve;
      if (startsAt(NOT_AFTER_AT, s, at) && !(startsAt(AGE_AT, s, at) && (endsWithComparator(s.slice(Math.max(0, ns - 6), ns)) || startsAt(DURATION_LIMIT_AT, s, at)))) continue;
    }
    if (measure && measure !== '%' && (startsAt(NOT_AFTER_AT, s, ue) || (SCALE_MEASURE.test(measure) && s[ue] === GRADE))) continue;
    // counts of the plan's own parts: `31项任务`, `14个方面`, `3个部分25条`
    if (measure && PLAN_PARTS_AFTER.test(s.slice(ue, ue + 8))) continue;
    if (PLAN_PARTS_BEFORE.test(s.slice(Math.max(0, ns - 8), ns))) continue;
    // the excerpt ends right after the digits: the measure or a decimal part may be lost, so nothing is certain
    if (!measure && ctx.atEnd && s.slice(ve).trim() === '') {
      ctx.skipped?.push({ at: ns, reason: 'cut', text: m.text });
      continue;
    }
    let suffix: Comparator | null = null;
    let se = ue;
    let gap = 0;
    while (s.charCodeAt(ue + gap) === 32) gap++;
    // `96%(含)以上`: the inclusive mark before the comparator word says what 以上 already says
    if (s.startsWith(INCLUSIVE, ue + gap)) gap += INCLUSIVE.length;
    const sufs = SUFFIX_BY_FIRST.get(s.charCodeAt(ue + gap));
    if (sufs) for (const wc of sufs) {
      if (s.startsWith(wc[0], ue + gap)) { suffix = wc[1]; se = ue + gap + wc[0].length; break; }
    }
    const cs = clauseStart(s, ns);
    let ce = clauseEnd(s, se);
    // a space after a whole value ends its clause where another value follows in the run (`≥96% 每万人口…≥25件`)
    if ((measure !== null || suffix !== null) && s.charCodeAt(se) === 32 && /\d/.test(s.slice(se, ce))) ce = se;
    let before = s.slice(cs, ns);
    // a rate base before the value (`抽检量达到每千人口4批次`) belongs to the unit: 批次/千人
    let unit = measure ? measure + (per ? per[0] : '') : '';
    const rate = measure ? RATE_BASE_BEFORE.exec(before) : null;
    if (rate) {
      before = before.slice(0, rate.index);
      unit = `${measure}/${rate[1]}${rate[2] === '人口' ? '人' : rate[2]}`;
    }
    // money set aside or given (`安排专项资金5000万元`, `给予奖励200万元`) is funding, not a target
    if (MONEY_UNIT.test(unit) && FUNDING_BEFORE.test(before)) continue;
    let after = s.slice(se, ce).trim();
    // a note in brackets after the value (`达到95%以上(2023年为93.8%)`, `2家(目前已有5家)`) is no part of the name
    const note = NOTE_AFTER.exec(after);
    if (note) after = after.slice(note[0].length).trim();
    // `突破1000亿元大关`, `达到95%的目标`: a word that only restates the value
    if (AFTER_FILLER.test(after)) after = '';
    // `保持在85以上并逐年提高`: a second predicate of the same subject, no part of the name
    else if (AFTER_PREDICATE.test(after)) after = '';
    // `达到94%以` at the end of an excerpt: the cut comparator adds nothing certain, the value stands
    if (ctx.atEnd && ce === s.length && after !== '' && SUFFIX_COMPARATORS.some(([w]) => w.length > after.length && w.startsWith(after))) after = '';

    // history: governed by a year before the document's own; a list of years (`2023年、2025年均…`) governs each
    const governing = governingYears(marks, s, ns);
    // `全市已建成国家级质检中心12个`, `指数已达到85.6`: what is done, unless a goal year of the clause speaks of it
    if (governing.length === 0 && ALREADY_DONE.test(before)) continue;
    let years = governing.filter((y) => y > 0 && (ctx.docYear === null || y >= ctx.docYear));
    if (governing.length > 0 && years.length === 0) {
      // a past year among goals (`到2025年,…。截至2022年底,已建成…。满意度达到80分`) speaks for its own sentence only
      const goal = pastSentenceGoal(marks, s, ns, ctx);
      if (goal === null) continue;
      years = [goal];
    }
    const year = years.length > 0 ? years[0] as number : ctx.year;

    let indicator: string, qStart: number, comparator: Comparator;
    let repair: string | undefined;
    if (after === '' || (measure === '%' && QUOTED_TERM.test(after))) {
      // noun first: `合格率达到98.3%以上`
      const cmp = endsWithComparator(before);
      // a change (`能耗下降14%`) is not the level itself: the verb stays in the indicator
      const nounPart = cmp && !CHANGE_WORDS.test(cmp[0]) ? before.trimEnd().slice(0, -cmp[0].length) : before;
      const cleaned = cleanIndicator(nounPart);
      // `制造业产品质量合格率:95%以上`, `满意度(分):82`: the name stands before a colon, as in a list of indicators
      const label = cleaned.text === '' && s.charCodeAt(cs - 1) === 58 ? colonLabel(s, cs - 1, measure !== null || cmp !== null || suffix !== null) : null;
      if (label) {
        if (!measure && label.unit) unit = label.unit;
        indicator = label.text;
        qStart = label.start;
        comparator = suffix ?? cmp?.[1] ?? '>=';
      } else {
        if (!measure && !cmp && !suffix) {
          if (cleaned.text.length >= 2 && !chinese) bare.push({ ns, ne, value, cs, indicator: cleaned.text, cut: cleaned.cut });
          continue;
        }
        if (measure && WEAK_MEASURES.has(measure) && !cmp && !suffix) continue;
        qStart = cs + cleaned.cut + (nounPart.length - nounPart.trimStart().length);
        let name = cleaned.text;
        if (CHANGE_ONLY.test(name)) {
          // `总产值突破5000亿元,年均增长8%以上`: the growth of the sentence's subject
          const subject = sentenceSubject(out[out.length - 1], s, cs) ?? previousClauseSubject(s, cs);
          if (subject !== null) name = `${subject}${name}`;
        } else if (TOTAL_ONLY.test(name)) {
          // `每年新增…企业5家以上,累计达到30家`: the total of the sentence's subject over the period
          const subject = sentenceSubject(out[out.length - 1], s, cs);
          if (subject === null) continue;
          name = TOTAL_AFTER.test(name) ? `${subject.replace(PER_YEAR_LEAD, '').replace(NEW_LEAD, '')}${name}` : `${name}${subject.replace(PER_YEAR_LEAD, '')}`;
        } else if (name.length < 2 || /^[\d.%]+$/.test(name) || COMMITMENT_ONLY.test(name)) {
          // `2023年合格率稳定在92%以上,到2025年达到94%`: the subject of the sentence carries over
          const subject = cmp ? sentenceSubject(out[out.length - 1], s, cs) ?? previousClauseSubject(s, cs) : null;
          if (subject !== null) {
            // `营业收入年均增长10%左右,突破50亿元`: the level is the subject's, without its change
            const level = subject.replace(CHANGE_TAIL, '');
            name = level.length >= 2 ? level : subject;
            qStart = cs + (before.length - before.trimStart().length);
          }
          // `…建成“一站式”服务平台,数量达到10个`: nothing nameable before the value
          else if (!COUNT_FIRST_VERBS.test(before)) continue;
        }
        if (COUNT_FIRST_VERBS.test(before.trimEnd()) && !cmp && name.length < 2) continue;
        // `实现区级政务服务事项100%“全程网办”`: the quoted term completes the indicator
        indicator = after === '' ? name : `${name}${after}`;
        comparator = suffix ?? (more && (!cmp || cmp[1] === '>=') ? '>' : cmp?.[1] ?? '>=');
        if (measure === '%' && value > 100 && RATE_NAME.test(name) && !(cmp && CHANGE_WORDS.test(cmp[0]))) {
          const fixed = lostDecimalPoint(m.text);
          if (fixed === null) {
            ctx.skipped?.push({ at: ns, reason: 'value-unreadable', text: `${m.text}%` });
            continue;
          }
          repair = `${m.text}% read as ${fixed}% (a rate cannot pass 100%; the decimal point was lost and only this reading is a valid rate)`;
          value = fixed;
        }
      }
    } else {
      // count first: `累计建成4.4万亩高标准农田`, `新创建20个省级以上标准化试点`, `完成近100个…建设任务`
      const lead = before.trimEnd();
      const cmp = endsWithComparator(lead);
      const verb = cmp && !CHANGE_WORDS.test(cmp[0]) ? lead.slice(0, -cmp[0].length) : lead;
      // `打造10条以上…街区、50个以上“放心消费示范单位”`: the next count of a list shares the verb of the one before
      const prev = out[out.length - 1];
      const listed = measure !== null && prev !== undefined && prev.qStart >= cs && s.slice(prev.qEnd, ns) === '、';
      if (!measure || !(listed || COUNT_FIRST_VERBS.test(verb) || ((suffix || cmp) && MOVE_FIRST_VERBS.test(verb)))) continue;
      const cleaned = listed ? { text: '', cut: ns - cs } : cleanIndicator(verb);
      indicator = `${cleaned.text}${after}`;
      qStart = cs + cleaned.cut;
      comparator = suffix ?? (cmp && !CHANGE_WORDS.test(cmp[0]) && !(more && cmp[1] === '>=') ? cmp[1] : more ? '>' : '>=');
    }
    if (NOT_TARGET_NAME.test(indicator)) continue;
    const qEnd = after === '' ? se : ce;
    const one = (y: number | null): FoundTarget => {
      const t: FoundTarget = {
        indicator, value, unit, comparator, year: y ?? ctx.fallbackYear, yearInferred: y === null,
        unitInferred: false, qStart, qEnd, valueAt: ns,
      };
      if (upper !== undefined) t.valueMax = upper;
      if (repair) t.repair = repair;
      return t;
    };
    if (years.length > 1) for (const y of years) out.push(one(y));
    else out.push(one(year));
  }

  // a bare number in a list whose neighbours are counted: `国际标准2项,国家标准20,行业标准…50项`
  const neighbours = new ListNeighbours(s, out);
  for (const b of bare) {
    const prevT = neighbours.before(b.cs);
    const nextT = neighbours.after(b.ne);
    const model = prevT ?? nextT;
    if (!model || model.unit === '' || model.unit === '%') continue;
    const governing = [...marks].reverse().find((mk) => mk.end <= b.ns && !mk.base && !(mk.until !== undefined && mk.until <= b.ns));
    const year = governing && (ctx.docYear === null || governing.year >= ctx.docYear) ? governing.year : ctx.year;
    out.push({
      indicator: b.indicator, value: b.value, unit: model.unit, comparator: model.comparator, year: year ?? ctx.fallbackYear,
      yearInferred: year === null, unitInferred: true, qStart: b.cs + b.cut, qEnd: b.ne, valueAt: b.ns,
    });
  }
  out.sort((a, b) => a.valueAt - b.valueAt);
  const yearAt = (at: number) => governingYears(marks, s, at).find((y) => y > 0 && (ctx.docYear === null || y >= ctx.docYear)) ?? null;
  const yearsAt = (at: number) => governingYears(marks, s, at).filter((y) => y > 0 && (ctx.docYear === null || y >= ctx.docYear));
  return readRespectively(s, out, ctx, yearAt, yearsAt);
}

/**
 * Years in a clause: `2025年`, `到2027年`, `截至2025年底`. A mark opens what follows (`到2025年,`), is listed with
 * others (`到2023年、2025年、2027年`), ends a period (`2020年到2025年期间`), or is a base year compared against
 * (`较2020年下降14%`), which never governs a target.
 */
import {
  BASE_AFTER_YEAR, BASE_BEFORE_HISTORY, CITED_AUTHORITY, CITED_GOALS, CITED_OWN, SCOPE_AFTER_YEAR, WIDER_THAN_LOWER, WIDER_THAN_PROVINCE, FIVE_YEAR_LAST, FIVE_YEAR_MARK, FROM_AFTER_YEAR, FROM_BEFORE_YEAR, PERIOD_START, DEADLINE_DONE, BASE_BEFORE_YEAR, HISTORY_WORDS, TIME_HINTS, TO_YEAR, YEAR_LEAD, YEAR_LIST_GAP, YEAR_MARK,
} from '../../lexicon/targets.js';
import type { Meta } from '../../model.js';

/** The end of a sentence, past which a list of years no longer governs. */
const SENTENCE_END = /[。!！?？;；]/;

export interface YearMark {
  at: number; end: number; year: number; opener: boolean; base?: boolean; history?: boolean;
  /** The end of the brackets the mark stands in (`(2023年为93.8%)`, `(目前已有5家)`): it governs nothing past them. */
  until?: number;
}

/**
 * The level characters of the jurisdictions wider than the plan's (`国省市` for a county under a city): their
 * `全X` goals are reported, not set, by this plan. Empty when the plan's level or place is unknown.
 */
export function widerScopes(meta: Pick<Meta, 'level' | 'jurisdiction' | 'parent'>): string {
  if (meta.level === null || meta.jurisdiction === null) return '';
  const own = meta.jurisdiction.slice(-1);
  const wider = meta.level === 'province' ? WIDER_THAN_PROVINCE : WIDER_THAN_LOWER + (meta.parent?.slice(-1) ?? '');
  return [...new Set(wider)].filter((c) => c !== own).join('');
}

/** The last clause read (with the plan's wider scopes) and its marks: findTargets and then openerYear ask in turn. */
let memoS: string | null = null;
let memoWider = '';
let memoMarks: YearMark[] = [];

/**
 * The year marks and history words of a clause, in order (callers only read the list). `wider` holds the level
 * characters of the jurisdictions above the plan ({@link widerScopes}): their goals' years are history here.
 */
export function yearMarks(s: string, wider = ''): YearMark[] {
  if (s === memoS && wider === memoWider) return memoMarks;
  const marks = readYearMarks(s, wider);
  memoS = s;
  memoWider = wider;
  memoMarks = marks;
  return marks;
}

function readYearMarks(s: string, wider: string): YearMark[] {
  const marks = readMarks(s);
  if (marks.length > 0 && (s.indexOf('(') >= 0 || s.indexOf('（') >= 0)) scopeToBrackets(s, marks);
  if (marks.length > 0 && (s.indexOf('提出') >= 0 || s.indexOf('要求') >= 0 || s.indexOf('指出') >= 0 || s.indexOf('部署') >= 0 || s.indexOf('明确') >= 0)) citedGoals(s, marks);
  if (marks.length > 0 && wider !== '') widerGoals(s, marks, wider);
  return marks;
}

/** The years of a sentence that reports a higher plan's goals are history to this plan: they govern no target. */
function citedGoals(s: string, marks: YearMark[]): void {
  CITED_GOALS.lastIndex = 0;
  for (let c = CITED_GOALS.exec(s); c; c = CITED_GOALS.exec(s)) {
    if (CITED_OWN.test(c[1] as string)) continue;
    toHistory(s, marks, c.index + c[0].length, /[。!！?？]/);
  }
}

/**
 * A county plan's `省委省政府提出,到2025年,全省…` or `到2025年全市…`: the goals of a wider jurisdiction, context to
 * this plan, whose years govern none of its targets (a clause ends at `;` too: the next may be the plan's own).
 */
function widerGoals(s: string, marks: YearMark[], wider: string): void {
  if (s.indexOf('全') < 0 && s.indexOf('委') < 0 && s.indexOf('政府') < 0) return;
  CITED_AUTHORITY.lastIndex = 0;
  for (let c = CITED_AUTHORITY.exec(s); c; c = CITED_AUTHORITY.exec(s)) {
    if (wider.includes(c[1] as string)) toHistory(s, marks, c.index + c[0].length, /[。!！?？;；]/);
  }
  for (const m of marks) {
    if (m.base || m.history) continue;
    const w = SCOPE_AFTER_YEAR.exec(s.slice(m.end, m.end + 6));
    if (w && wider.includes(w[1] as string)) toHistory(s, marks, m.at, /[。!！?？;；]/);
  }
}

/** Makes history of the marks from `from` to the sentence's end (`stop`): what they govern is no target. */
function toHistory(s: string, marks: YearMark[], from: number, stop: RegExp): void {
  const end = s.slice(from).search(stop);
  const to = end < 0 ? s.length : from + end;
  for (const m of marks) {
    if (m.at >= from && m.at < to && !m.base) { m.year = 0; m.history = true; m.opener = true; }
  }
}

/** Marks a year or history word inside brackets with the brackets' end: a note's time is the note's own. */
function scopeToBrackets(s: string, marks: YearMark[]): void {
  for (const m of marks) {
    const open = Math.max(s.lastIndexOf('(', m.at), s.lastIndexOf('（', m.at));
    if (open < 0) continue;
    const close = s.slice(open, m.end).search(/[)）]/);
    if (close >= 0) continue;
    const end = s.slice(m.end).search(/[)）]/);
    // a long stretch is no note (a bracket lost its pair)
    if (end < 0 || end > 30 || m.at - open > 30) continue;
    // `近期目标(2023—2025年):` labels what follows: the period opens it, as `到2025年,` would
    if (/^\s*[:：]/.test(s.slice(m.end + end + 1, m.end + end + 3)) && !m.base && !m.history) m.opener = true;
    else m.until = m.end + end + 1;
  }
}

function readMarks(s: string): YearMark[] {
  const out: YearMark[] = [];
  if (!TIME_HINTS.some((h) => s.indexOf(h) >= 0)) return out;
  // exec loops on the shared patterns: matchAll clones its pattern on every call, and every clause is read
  HISTORY_WORDS.lastIndex = 0;
  for (let m = HISTORY_WORDS.exec(s); m; m = HISTORY_WORDS.exec(s)) {
    const at = m.index;
    // `比上年增长8%` compares against last year: a base, not the time of the clause
    const base = BASE_BEFORE_HISTORY.test(s.slice(Math.max(0, at - 2), at));
    out.push({ at, end: at + m[0].length, year: 0, opener: false, history: !base, base });
  }
  if (out.length > 0) {
    const years = yearMarksOnly(s);
    return [...out, ...years].sort((a, b) => a.at - b.at);
  }
  return yearMarksOnly(s);
}

function yearMarksOnly(s: string): YearMark[] {
  const out = calendarMarks(s);
  // most strings name no five-year plan: the period scan runs only where 五 is
  if (s.indexOf('五') < 0) return out;
  const periods = fiveYearMarks(s);
  return periods.length === 0 ? out : [...out, ...periods].sort((a, b) => a.at - b.at);
}

/** `“十三五”期间`, `到“十四五”末`: marks of a plan period's last year (a base after 较/比, as a year's is). */
function fiveYearMarks(s: string): YearMark[] {
  const out: YearMark[] = [];
  FIVE_YEAR_MARK.lastIndex = 0;
  for (let m = FIVE_YEAR_MARK.exec(s); m; m = FIVE_YEAR_MARK.exec(s)) {
    const year = FIVE_YEAR_LAST[m[1] as string] as number;
    let at = m.index;
    const lead = YEAR_LEAD.exec(s.slice(Math.max(0, at - 4), at));
    if (lead) at -= lead[0].length;
    const end = m.index + m[0].length;
    if (BASE_BEFORE_YEAR.test(s.slice(Math.max(0, at - 3), at))) {
      out.push({ at, end, year, opener: false, base: true });
      continue;
    }
    out.push({ at, end, year, opener: /^[,，:：]/.test(s.slice(end, end + 1)) || lead !== null && TO_YEAR.test(lead[0]) });
  }
  return out;
}

function calendarMarks(s: string): YearMark[] {
  const out: YearMark[] = [];
  YEAR_MARK.lastIndex = 0;
  for (let m = YEAR_MARK.exec(s); m; m = YEAR_MARK.exec(s)) {
    let at = m.index;
    // the governing word before the year (`到2027年`, `截至2025年底`) belongs to the mark
    const lead = YEAR_LEAD.exec(s.slice(Math.max(0, at - 4), at));
    if (lead) at -= lead[0].length;
    const end = m.index + m[0].length;
    // a period printed as a range (`2021—2023年,全市累计…`) is governed by its end, like `2021年到2023年`
    const period = lead ? null : PERIOD_START.exec(s.slice(Math.max(0, at - 8), at));
    if (period && !/\d/.test(s[at - period[0].length - 1] ?? '') && !/[-—~至]/.test(s[end] ?? '')) {
      out.push({ at: at - period[0].length, end, year: Number(m[1]), opener: /^[,，:：]/.test(s.slice(end, end + 1)) });
      continue;
    }
    if (/\d/.test(s[at - 1] ?? '') || /[-—~至]/.test(s[end] ?? '') || /[-—~]$/.test(s.slice(Math.max(0, at - 1), at))) continue; // ranges and longer numbers
    // a base year (`较2020年下降14%`, `在2020年基础上`) is compared against, never the year of a target
    if (BASE_BEFORE_YEAR.test(s.slice(Math.max(0, at - 3), at)) || BASE_AFTER_YEAR.test(s.slice(end, end + 4))
      || (FROM_BEFORE_YEAR.test(s.slice(Math.max(0, at - 2), at)) && FROM_AFTER_YEAR.test(s.slice(end, end + 4)))) {
      out.push({ at, end, year: Number(m[1]), opener: false, base: true });
      continue;
    }
    // `截至2022年底,已建成…`: an account of what is done, history whatever the document's year
    if (lead !== null && DEADLINE_DONE.test(s.slice(end, end + 16)) && !TO_YEAR.test(lead[0])) {
      out.push({ at, end, year: 0, opener: true, history: true });
      continue;
    }
    out.push({ at, end, year: Number(m[1]), opener: /^[,，:：]/.test(s.slice(end, end + 1)) || lead !== null && TO_YEAR.test(lead[0]) });
  }
  return out;
}

/** The index of the last mark before `at` that is no base (a base never governs), or -1. */
function lastMark(marks: YearMark[], at: number): number {
  let k = -1;
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i] as YearMark;
    if (m.end <= at && !m.base && !(m.until !== undefined && m.until <= at)) k = i;
  }
  return k;
}

/**
 * The years that govern a number at `at`: the last year mark before it, with the marks it is listed with
 * (`到2023年、2025年、2027年…`). A period (`2020年到2025年期间`) is governed by its end only.
 */
export function governingYears(marks: YearMark[], s: string, at: number): number[] {
  const k = lastMark(marks, at);
  if (k < 0) return [];
  const out = [(marks[k] as YearMark).year];
  for (let i = k; i > 0; i--) {
    const a = marks[i - 1] as YearMark, b = marks[i] as YearMark;
    // `2020年到2025年期间` is a period, not a list: only its end governs
    if (!YEAR_LIST_GAP.test(s.slice(a.end, b.at)) || TO_YEAR.test(s.slice(b.at))) break;
    out.unshift(a.year);
  }
  // a list of years (`2025年、2027年分别达到…`) pairs values of its own sentence; past it the last opener governs
  if (out.length > 1 && SENTENCE_END.test(s.slice((marks[k] as YearMark).end, at))) {
    const first = k - out.length + 1;
    for (let j = first - 1; j >= 0; j--) {
      const m = marks[j] as YearMark;
      if (!m.base && !(m.until !== undefined && m.until <= at) && (m.opener || m.history)) return [m.year];
    }
    return [];
  }
  return out;
}

/**
 * The goal year for a number governed by a past mark that stands in an earlier sentence: the last goal opener before
 * that mark in the same string (`到2025年,`); null when there is none or an account began before (history goes on).
 */
export function pastSentenceGoal(marks: YearMark[], s: string, at: number, ctx: { docYear: number | null }): number | null {
  const k = lastMark(marks, at);
  if (k < 0 || !SENTENCE_END.test(s.slice((marks[k] as YearMark).end, at))) return null;
  for (let j = k - 1; j >= 0; j--) {
    const m = marks[j] as YearMark;
    if (m.base || (m.until !== undefined && m.until <= at)) continue;
    // an account that began earlier (`近年来,…。2022年,…。`) stays history
    if (m.history || (ctx.docYear !== null && m.year < ctx.docYear)) return null;
    if (m.opener) return m.year;
  }
  return null;
}

/** The year a block sets for the blocks after it (`2015年,产品质量发展的具体目标:`), or null. */
export function openerYear(s: string, docYear: number | null, wider = ''): number | null {
  // only year marks open (history words never do): a string findTargets did not read (it holds no number) needs
  // the year scan alone, not the history words and time hints first
  let y: number | null = null;
  for (const m of s === memoS && wider === memoWider ? memoMarks : yearMarksOnly(s)) if (m.opener && !m.history && (docYear === null || m.year >= docYear)) y = m.year;
  return y;
}

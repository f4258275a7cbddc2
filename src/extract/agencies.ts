/**
 * agencies: the note that closes a task — `(牵头单位:A;责任单位:B、C等)`, `(责任单位:…)`,
 * `(A、B和C等按职责分工负责)` — found even when the scrape lost its opening or closing parenthesis.
 * Names are kept as written; a trailing 等 is recorded as `units_etc` (the output keeps the notes' own word).
 */
import {
  AGENCY_END, AGENCY_ETC, AGENCY_JOINERS, AGENCY_LABELS, AGENCY_SEPARATORS, AGENCY_START, BARE_DUTY, BRACKET_LABEL, DUTY_PHRASE,
  GROUP_SCOPE, LEAD_AFTER_NAME, LEAD_PREPOSITION, LEAD_THEN_OTHERS, ROLE_CLAUSE, lastAgencyNoteMark,
} from '../lexicon/agency-notes.js';

export interface AgencyNote {
  lead: string[];
  responsible: string[];
  etc: boolean;
  /** Where the note starts and ends in the normalized text (including its parentheses). */
  start: number;
  end: number;
  openLost: boolean;
  closeLost: boolean;
}

/** Splits a list of agency names on 、,; and on a 和/及 that joins two names (not 工业和信息化局). */
export function splitAgencies(list: string): { names: string[]; etc: boolean } {
  let etc = false;
  const names: string[] = [];
  for (let part of splitOutside(list)) {
    part = part.trim();
    if (!part) continue;
    if (AGENCY_ETC.test(part)) { etc = true; part = part.replace(AGENCY_ETC, '').trim(); }
    names.push(...splitOnAnd(part));
  }
  return { names: names.filter(Boolean), etc };
}

/** AGENCY_SEPARATORS (a one-character class) per char code, learnt as codes are met: -1 unknown, 0 no, 1 yes. */
const SEPARATOR = new Int8Array(65536).fill(-1);
function isSeparator(c: number): boolean {
  let k = SEPARATOR[c] as number;
  if (k < 0) SEPARATOR[c] = k = AGENCY_SEPARATORS.test(String.fromCharCode(c)) ? 1 : 0;
  return k === 1;
}

/** Splits on the separators outside brackets: `各县〔市、区〕人民政府` is one name. */
function splitOutside(list: string, isSep: (c: number) => boolean = isSeparator): string[] {
  const parts: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    // 〔 ( [ open, 〕 ) ] close
    if (c === 0x3014 || c === 0x28 || c === 0x5b) depth++;
    else if ((c === 0x3015 || c === 0x29 || c === 0x5d) && depth > 0) depth--;
    else if (depth === 0 && isSep(c)) { parts.push(list.slice(from, i)); from = i + 1; }
  }
  parts.push(list.slice(from));
  return parts;
}

/** , ; (ASCII and full-width): where the clauses of a note part. */
const isClauseBreak = (c: number) => c === 0x2c || c === 0xff0c || c === 0x3b || c === 0xff1b;

const OPENS = '(【', CLOSES = ')】';
// the walks from the mark to the note's parentheses compare char codes (no one-character strings)
const [OPEN_A, OPEN_B, CLOSE_A, CLOSE_B] = [OPENS.charCodeAt(0), OPENS.charCodeAt(1), CLOSES.charCodeAt(0), CLOSES.charCodeAt(1)];
const isOpen = (c: number) => c === OPEN_A || c === OPEN_B;
const isClose = (c: number) => c === CLOSE_A || c === CLOSE_B;
const FULL_STOP = 0x3002;

const JOINER_CODES = AGENCY_JOINERS.map((j) => j.charCodeAt(0));

function splitOnAnd(s: string): string[] {
  for (let i = 1; i < s.length - 1; i++) {
    if (!JOINER_CODES.includes(s.charCodeAt(i))) continue;
    const left = s.slice(0, i), right = s.slice(i + 1);
    if (AGENCY_END.test(left) && AGENCY_START.test(right)) return [left, ...splitOnAnd(right)];
  }
  return [s];
}

/** Finds the agency note of a task paragraph (normalized text), or null when it has none. */
export function findAgencyNote(text: string): AgencyNote | null {
  // `【牵头单位】A`: the bracketed label reads as `牵头单位:` of the same length, so positions hold
  const bracketed = text.indexOf('】') >= 0 && BRACKET_LABEL.test(text);
  BRACKET_LABEL.lastIndex = 0;
  const norm = bracketed ? text.replace(BRACKET_LABEL, (x, label: string) => `${label}:`.padEnd(x.length, ' ')) : text;
  const note = readNote(norm);
  // a bracketed label opens a note that runs to the end of its paragraph: no parenthesis was lost
  if (note && bracketed && note.openLost) { note.openLost = false; note.closeLost = false; }
  return note;
}

function readNote(norm: string): AgencyNote | null {
  // the note is the last parenthesised span that carries an agency mark; else an unparenthesised tail
  // the note closes the paragraph: look in its tail only (a long list of agencies is well under 400 characters)
  const tail = Math.max(0, norm.length - 400);
  const found = lastAgencyNoteMark(tail ? norm.slice(tail) : norm);
  const mark = found < 0 ? -1 : found + tail;
  if (mark < 0) return null;
  // walk back to the note's own `(`, skipping balanced `(套)` pairs; a 。 first means the `(` was lost
  let open = -1;
  for (let i = mark - 1, depth = 0; i >= 0; i--) {
    const c = norm.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c)) { if (depth === 0) { open = i; break; } depth--; }
    else if (c === FULL_STOP && depth === 0) break;
  }
  const openLost = open < 0;
  const start = openLost ? norm.lastIndexOf('。', mark) + 1 : open;
  let close = -1;
  for (let i = mark, depth = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (isOpen(c)) depth++;
    else if (isClose(c)) { if (depth === 0) { close = i; break; } depth--; }
  }
  const closeLost = close < 0;
  const end = closeLost ? norm.length : close + 1;
  if (closeLost) close = norm.length;
  let inner = norm.slice(openLost ? start : start + 1, close).trim();
  inner = inner.replace(/[。.;]+$/, '').replace(GROUP_SCOPE, '');
  const lead: string[] = [], responsible: string[] = [];
  let etc = false;
  const labelled = AGENCY_LABELS.some(({ label }) => { label.lastIndex = 0; return label.test(inner); });
  if (labelled) {
    // cut the note at every label; each part goes to its label's role
    const cuts: Array<{ at: number; len: number; role: 'lead' | 'responsible' }> = [];
    for (const { label, role } of AGENCY_LABELS) {
      label.lastIndex = 0;
      for (let m = label.exec(inner); m; m = label.exec(inner)) cuts.push({ at: m.index, len: m[0].length, role });
    }
    cuts.sort((a, b) => a.at - b.at);
    cuts.forEach((c, k) => {
      const body = inner.slice(c.at + c.len, k + 1 < cuts.length ? (cuts[k + 1] as { at: number }).at : inner.length).replace(/[;,，、\s]+$/, '');
      const r = splitAgencies(body.replace(DUTY_PHRASE, (x) => (/^等/.test(x) ? '等' : '')));
      (c.role === 'lead' ? lead : responsible).push(...r.names);
      if (r.etc) etc = true;
    });
  } else if (!DUTY_PHRASE.test(inner) && BARE_DUTY.test(inner) && !roleClauses(inner)) {
    // `(A、B负责)`, `(A牵头负责)`: only a list of agencies makes it a note (`(A牵头,B负责)` is read by clauses)
    const r = splitAgencies(inner.replace(BARE_DUTY, ''));
    if (r.names.length === 0 || !r.names.every((n) => AGENCY_END.test(n))) return null;
    (/牵头负责$/.test(inner) ? lead : responsible).push(...r.names); etc = r.etc;
  } else {
    const m = DUTY_PHRASE.exec(inner);
    const body = m ? inner.slice(0, m.index) + (m[0].startsWith('等') ? '等' : '') : inner;
    const byRole = m ? null : roleClauses(inner);
    // `(区发展改革委牵头,区…配合)`
    const lm = byRole ? null : LEAD_THEN_OTHERS.exec(body);
    if (byRole) {
      lead.push(...byRole.lead); responsible.push(...byRole.responsible); etc = byRole.etc;
    } else if (lm) {
      const a = splitAgencies(lm[1] as string), b = splitAgencies(lm[2] as string);
      lead.push(...a.names); responsible.push(...b.names); etc = a.etc || b.etc;
    } else {
      const r = splitAgencies(body);
      responsible.push(...r.names); etc = r.etc;
    }
  }
  // `区农业农村委(牵头)、区市场监管局`: the mark after a name makes it the lead
  for (let k = responsible.length - 1; k >= 0; k--) {
    const n = responsible[k] as string;
    if (LEAD_AFTER_NAME.test(n)) { responsible.splice(k, 1); lead.unshift(n.replace(LEAD_AFTER_NAME, '')); }
  }
  for (let k = 0; k < lead.length; k++) lead[k] = (lead[k] as string).replace(LEAD_AFTER_NAME, '').replace(LEAD_PREPOSITION, '');
  if (lead.length === 0 && responsible.length === 0) return null;
  // a note printed as a line of its own (`责任单位:市经信局、市发改委`) never had parentheses to lose
  const own = openLost && closeLost && norm.slice(0, start).trim() === '';
  return { lead, responsible, etc, start, end, openLost: openLost && !own, closeLost: closeLost && !own };
}

/**
 * A note of clauses that each close with a role (`A牵头,B、C配合`, `A、B按职责分工负责,C、D落实`); null unless every
 * clause does and the first names agencies only.
 */
function roleClauses(inner: string): { lead: string[]; responsible: string[]; etc: boolean } | null {
  // clauses part at , and ; outside brackets (`各县(市,区)人民政府落实` is one clause)
  const clauses = splitOutside(inner).length > 1 ? splitOutside(inner, isClauseBreak).map((c) => c.trim()).filter(Boolean) : [];
  if (clauses.length < 2) return null;
  const out = { lead: [] as string[], responsible: [] as string[], etc: false };
  for (const [k, c] of clauses.entries()) {
    const m = ROLE_CLAUSE.exec(c);
    if (!m || m.index === 0) return null;
    const r = splitAgencies(c.slice(0, m.index).replace(LEAD_PREPOSITION, '') + (/^等/.test(m[0]) ? '等' : ''));
    if (r.names.length === 0 || (k === 0 && !r.names.every((n) => AGENCY_END.test(n)))) return null;
    (m[1] ? out.lead : out.responsible).push(...r.names);
    if (r.etc) out.etc = true;
  }
  return out;
}

/**
 * run-on-head: the lines of a plan's head and tail inside a run-on paragraph (a page or a pandoc rendering that
 * printed each line break as a space): page chrome, metadata labels, the notice and plan titles, the document
 * number, the addressee, the signature and its date, 附件. Each is a whole token between spaces, so a cut there
 * puts back a lost line break; a space inside a real line (`中共某省委 某省人民政府`, a date-time) matches none.
 */
import { RUN_ON_ADDRESSEE, RUN_ON_ANNEX, RUN_ON_LABEL, RUN_ON_PARTY, RUN_ON_SIGNATURE, RUN_ON_TITLE, RUN_ON_TOKEN } from '../lexicon/structure.js';

const VALUE_BEFORE = /[:：][\s\u3000]*$/;
const CELL_BEFORE = /\|[\s\u3000]*$/;
const CELL_AFTER = /^[\s\u3000]*\|/;

export interface HeadCuts {
  /** Offsets where a line starts (never 0), unsorted, possibly repeated. */
  cuts: number[];
  /** How many tokens other than a metadata label were found (labels alone are weak evidence). */
  strong: number;
  /** How many metadata labels were found. */
  labels: number;
}

/**
 * Where a token can start: 0 and the index after each space. Every pattern here opens with a lookbehind for a space
 * (or the start), so each is tried, sticky, only at these few places instead of at every character of a long line.
 */
export function tokenStarts(text: string): number[] {
  const at = [0];
  SPACE.lastIndex = 0;
  while (SPACE.test(text)) at.push(SPACE.lastIndex);
  return at;
}
const SPACE = /[\s\u3000]/g;

const STICKY = new Map<RegExp, RegExp>();
/**
 * The matches of `re` (global, opening with a space lookbehind) that start before `limit`, as its exec loop finds
 * them (left to right, none overlapping), tried only at `starts`.
 */
export function tokensAt(re: RegExp, text: string, starts: number[], limit: number, each: (m: RegExpExecArray) => void): void {
  let y = STICKY.get(re);
  if (!y) STICKY.set(re, (y = new RegExp(re.source, re.flags.replace('g', '') + 'y')));
  let from = 0;
  for (const s of starts) {
    if (s >= limit) break;
    if (s < from) continue;
    y.lastIndex = s;
    const m = y.exec(text);
    if (!m) continue;
    from = s + m[0].length;
    each(m);
  }
}

/** Cuts for the head (text before `headEnd`, the first chapter mark) and the tokens allowed anywhere. */
export function headCuts(text: string, headEnd: number, starts = tokenStarts(text)): HeadCuts {
  const cuts: number[] = [];
  let strong = 0, labels = 0;
  const token = (re: RegExp, limit: number): void => {
    tokensAt(re, text, starts, limit, (m) => {
      const end = m.index + m[0].length;
      // a label's value (`名 称: 某市…的通知 发布日期: 2021年12月01日`) or a cell (`| 某政发〔2023〕1号 |`) is no line
      const before = text.slice(Math.max(0, m.index - 4), m.index);
      if (VALUE_BEFORE.test(before) || (CELL_BEFORE.test(before) && CELL_AFTER.test(text.slice(end, end + 4)))) return;
      let start = m.index;
      // `中共某市委 某市人民政府关于…意见` is one line: the title keeps its joint issuers
      if (re === RUN_ON_TITLE && !m[0].startsWith('关于') && m[0].includes('关于')) {
        const party = RUN_ON_PARTY.exec(text.slice(Math.max(0, start - 30), start));
        if (party) start -= party[0].trimStart().length;
      }
      cuts.push(start, end);
      strong++;
    });
  };
  token(RUN_ON_TOKEN, text.length);
  token(RUN_ON_SIGNATURE, text.length);
  token(RUN_ON_ANNEX, text.length);
  token(RUN_ON_TITLE, headEnd);
  token(RUN_ON_ADDRESSEE, headEnd);
  tokensAt(RUN_ON_LABEL, text, starts, headEnd, (m) => { cuts.push(m.index); labels++; });
  return { cuts: cuts.filter((c) => c > 0 && c < text.length), strong, labels };
}

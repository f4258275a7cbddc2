/**
 * The title of an item is its first sentence (`1.夯实产业基础质量支撑。加快…` → 夯实产业基础质量支撑), or what
 * precedes a colon (`1.提升产业质量:推动…`).
 * When the scrape lost the 。 (`(三)强化督查考核探索建立…`), the boundary is guessed at the second
 * policy verb, and the guess is reported.
 */
import { CLAUSE_VERBS } from '../lexicon/tasks.js';

const TITLE_MAX = 28;
/** The mark that closes one entry of a list printed an entry a line. */
const LIST_SEPARATOR = /[；;，,、]$/;
/** Blanks between two Han characters: where a heading ran into its paragraph (group 0 starts at the last Han). */
const TITLE_GAP = /[\u4e00-\u9fff][\s\u3000]+(?=[\u4e00-\u9fff])/;

export interface TitleCut {
  /** Where the title starts (after the 【 of a bracketed one), where it ends (exclusive), and where the body starts. */
  start: number;
  end: number;
  bodyStart: number;
  guessed: boolean;
}

/** Where the title of an item's text ends and its body starts. */
export function cutTitle(t: string): TitleCut {
  const bracketed = bracketTitle(t);
  if (bracketed) return bracketed;
  const stop = firstStop(t);
  // a title its text follows after a space (`加强组织领导 充分发挥…`: a heading and its paragraph joined)
  const gap = TITLE_GAP.exec(t.slice(0, TITLE_MAX + 2));
  if (gap && gap.index >= 3 && (stop < 0 || gap.index < stop)) return { start: 0, end: gap.index + 1, bodyStart: gap.index + gap[0].length, guessed: true };
  if (stop >= 0 && stop <= TITLE_MAX) return { start: 0, end: stop, bodyStart: stop + 1, guessed: false };
  // a whole item that is one entry of a list (`1.制造业产品质量合格率达到95%以上；`): its separator is no title's
  if (stop < 0 && t.length <= TITLE_MAX) return { start: 0, end: t.length - (LIST_SEPARATOR.test(t) ? 1 : 0), bodyStart: t.length, guessed: false };
  // run-on: look for the second clause verb within the first TITLE_MAX characters
  const head = t.slice(0, Math.min(t.length, stop >= 0 ? stop : t.length, 40));
  CLAUSE_VERBS.lastIndex = 0;
  for (let m = CLAUSE_VERBS.exec(head); m; m = CLAUSE_VERBS.exec(head)) {
    // the verb may open the clause after a comma (`强化组织领导,建立…`): the comma is not the title's
    if (m.index >= 4 && m.index <= 20) return { start: 0, end: m.index - (/[,，;；、\s]/.test(t[m.index - 1] as string) ? 1 : 0), bodyStart: m.index, guessed: true };
  }
  const comma = head.search(/[,，;；]/);
  if (comma >= 4 && comma <= TITLE_MAX) return { start: 0, end: comma, bodyStart: comma + 1, guessed: true };
  if (stop >= 0) return { start: 0, end: stop, bodyStart: stop + 1, guessed: false };
  return { start: 0, end: Math.min(t.length, 20), bodyStart: Math.min(t.length, 20), guessed: true };
}

/**
 * `【实施农业质量提升行动】推进…`: a title printed in lenticular brackets ahead of the text is the bracket's content
 * (a label such as `【牵头单位】` is no title).
 */
function bracketTitle(t: string): TitleCut | null {
  if (t.charCodeAt(0) !== 0x3010) return null;
  const close = t.indexOf('】');
  if (close < 3 || close > TITLE_MAX + 1 || /单位$|部门$/.test(t.slice(1, close))) return null;
  // a sentence mark right after the bracket belongs to neither
  const body = close + 1 + (/^[。:：.]/.test(t.slice(close + 1)) ? 1 : 0);
  return { start: 1, end: close, bodyStart: body, guessed: false };
}

function firstStop(t: string): number {
  // a 。 inside quotes or parentheses does not end the title
  let depth = 0;
  // char codes (a one-character string a step was the cost): “ ( 《 open, ” ) 》 close, 。 ! ? : stop
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x201c || c === 0x28 || c === 0x300a) depth++;
    else if ((c === 0x201d || c === 0x29 || c === 0x300b) && depth > 0) depth--;
    else if ((c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3a) && depth === 0) return i;
  }
  return -1;
}

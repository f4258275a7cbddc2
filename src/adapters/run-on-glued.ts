/**
 * run-on-glued: a plan whose paragraphs were joined with nothing between them (`$(el).text()` of a page's body, a
 * copy out of some viewers): `某市…实施方案为深入贯彻…。一、总体要求（一）指导思想。…（二）…`. No space marks a lost
 * line break, so a mark is a line only where the outline's own order allows it: chapters 一、二、三 in turn, each
 * group (一)(二) inside a chapter in turn, items 1. 2. in turn (on across groups and chapters, or from 1 again in a
 * new one), a chapter or item after the end of a sentence or a unit note, an item also right after its title. A number in running text (`第二、三批`, `（二）项`) breaks that order.
 */
import { GLUED_ADDRESSEE, GLUED_CHAPTER_TITLE, GLUED_ITEM, GLUED_ITEM_AFTER, GLUED_ITEM_OPENING, GLUED_ITEM_TITLE, GLUED_LINE_END, GLUED_MARK, GLUED_NOTICE_END, GLUED_RELEASE, GLUED_SIGNATURE, GLUED_TITLE } from '../lexicon/structure.js';
import { zhToInt } from '../lexicon/numerals.js';
import { halfWidth } from '../source/normalize.js';

/** Shorter paragraphs are ordinary ones: a whole outline does not fit in fewer characters. */
const MIN_LENGTH = 400;
/** A paragraph of one item and the next one glued on is at least this long. */
const GLUED_ITEMS_MIN = 40;
/** The longest title of a chapter or group an item mark may follow directly. */
const GLUED_TITLE_MAX = 40;

/** Where to cut a glued paragraph into lines (0 first), or null when it holds no whole outline. */
export function gluedCuts(text: string): number[] | null {
  if (text.length < MIN_LENGTH || !text.includes('一、') || !text.includes('二、')) return null;
  const cuts: number[] = [];
  let chapter = 0, group = 0, item = 0, column = 0, point = 0, parts = 0, groupSinceChapter = false, groupSinceItem = false;
  const lineEnds = (at: number) => at === 0 || GLUED_LINE_END.test(text[at - 1] as string);
  // an item right after its group's or chapter's title (`（一）推动产业质量竞争力增强1.夯实…`): a short run, no sentence mark
  let titleFrom = -1;
  const afterTitle = (at: number) => titleFrom >= 0 && at - titleFrom <= GLUED_TITLE_MAX && !/[。；;：:]/.test(text.slice(titleFrom, at));
  GLUED_MARK.lastIndex = 0;
  for (let m = GLUED_MARK.exec(text); m; m = GLUED_MARK.exec(text)) {
    const at = m.index;
    if (m[1] !== undefined) {
      // the first chapter may follow the lead-in's colon (`…现提出如下实施意见：一、…`)
      if (zhToInt(m[1]) !== chapter + 1 || !(lineEnds(at) || (chapter === 0 && /[:：]/.test(text[at - 1] ?? '')))) continue;
      chapter++; groupSinceChapter = true; groupSinceItem = true;
    } else if (m[2] !== undefined) {
      // a group is a line wherever its number comes in turn (after its chapter's title as after a sentence),
      // numbered from (一) in each chapter or on across chapters; `第（二）` is a reference
      const n = zhToInt(m[2]);
      if (chapter === 0 || !(n === group + 1 || (n === 1 && groupSinceChapter)) || text[at - 1] === '第') continue;
      group = n; groupSinceChapter = false; groupSinceItem = true; parts++;
    } else if (m[4] !== undefined) {
      // a 专栏 box, numbered in turn, after the end of the task before it
      const n = /\d/.test(m[4]) ? Number(m[4]) : zhToInt(m[4]);
      if (chapter === 0 || n !== column + 1 || !lineEnds(at)) continue;
      column = n;
    } else if (m[5] !== undefined) {
      // a `——` bullet after a sentence or a title (a 专栏's, a group's)
      if (chapter === 0 || !(lineEnds(at) || afterTitle(at))) continue;
    } else if (m[6] !== undefined) {
      // `一是…二是…` points in turn (a chapter's own items, or points of one task's text: the outline tells which)
      const n = zhToInt(m[6]);
      if (chapter === 0 || !(n === point + 1 || n === 1) || !(lineEnds(at) || afterTitle(at))) continue;
      point = n;
    } else {
      const n = Number(m[3]);
      if (chapter === 0 || !(lineEnds(at) || afterTitle(at)) || !(n === item + 1 || (n === 1 && groupSinceItem))) continue;
      item = n; groupSinceItem = false; parts++;
    }
    cuts.push(at);
    titleFrom = m[1] !== undefined || m[2] !== undefined || m[4] !== undefined ? at + m[0].length : -1;
    const runOn = m[1] !== undefined ? GLUED_CHAPTER_TITLE.exec(text.slice(titleFrom, titleFrom + 40)) : null;
    if (runOn) cuts.push(titleFrom + runOn[0].length);
  }
  // a whole outline: two chapters and parts under them; a paragraph enumerating `一、…；二、…` in running text has none
  if (chapter < 2 || parts < 2) return null;
  return [0, ...headCuts(text.slice(0, cuts[0] as number)), ...cuts];
}

/**
 * Items glued into the paragraph of the item or group that opens it (`5.…。（牵头单位：…）6.推进…。…`,
 * `（二）提升…质量。…。4.推进…。…（…）5.提升…。…`), as a page prints tasks whose line breaks were lost: each
 * `N.` after the end of a sentence or a unit note, outside brackets, numbered in turn after the opening item
 * (any number first after a group's mark), and heading a short title sentence (`推进绿色建造。`).
 * Cuts (0 first), or null when there is none.
 */
export function gluedItemCuts(text: string): number[] | null {
  if (text.length < GLUED_ITEMS_MIN) return null;
  const open = GLUED_ITEM_OPENING.exec(text);
  if (!open) return null;
  let prev = open[1] !== undefined ? Number(halfWidth(open[1])) : null;
  const cuts: number[] = [0];
  let depth = 0, from = open[0].length;
  GLUED_ITEM.lastIndex = from;
  for (let m = GLUED_ITEM.exec(text); m; m = GLUED_ITEM.exec(text)) {
    const at = m.index;
    for (; from < at; from++) {
      const c = text[from] as string;
      if (c === '（' || c === '(') depth++;
      else if ((c === '）' || c === ')') && depth > 0) depth--;
    }
    const n = Number(halfWidth(m[1] as string));
    if (depth > 0 || !GLUED_ITEM_AFTER.test(text[at - 1] as string) || (prev !== null && n !== prev + 1) || !GLUED_ITEM_TITLE.test(text.slice(at + m[0].length, at + m[0].length + 48))) continue;
    cuts.push(at);
    prev = n;
  }
  return cuts.length > 1 ? cuts : null;
}

/**
 * The lines of a glued notice head (everything before the first chapter): the notice title's end and the
 * addressees, the signature, its date and the release mark, the plan title before its preamble.
 */
function headCuts(head: string): number[] {
  const out: number[] = [];
  // where a plan title may start: the text's start, or after the release mark
  const titleStarts = [0];
  for (const m of head.matchAll(GLUED_NOTICE_END)) {
    const end = (m.index as number) + m[0].length;
    out.push(end);
    const to = GLUED_ADDRESSEE.exec(head.slice(end));
    if (to) out.push(end + to[0].length);
  }
  for (const m of head.matchAll(GLUED_RELEASE)) {
    const at = m.index as number;
    out.push(at, at + m[0].length);
    titleStarts.push(at + m[0].length);
    // the signature and its date: the run after the notice's last sentence
    const from = Math.max(head.lastIndexOf('。', at), head.lastIndexOf('！', at)) + 1;
    const sig = from > 0 ? GLUED_SIGNATURE.exec(head.slice(from, at)) : null;
    if (sig) out.push(from, from + sig.index + sig[0].length);
  }
  for (const at of titleStarts) {
    const title = GLUED_TITLE.exec(head.slice(at));
    if (title) out.push(at + title[0].length);
  }
  return [...new Set(out)].filter((c) => c > 0 && c < head.length).sort((a, b) => a - b);
}

/**
 * run-on: a page that lost its line breaks prints a whole plan as one paragraph, its parts divided by spaces
 * (`某市…实施方案 为深入贯彻… 一、总体要求 （一）指导思想。… 二、重点任务 …`). Such a paragraph is cut back into
 * blocks at each outline mark that follows a space, when it holds a whole outline (a 一、 and a 二、 chapter at least),
 * and a title that opens it (a short run ending in a plan's genre noun) becomes a block of its own. Each block keeps
 * the source offsets of its characters. Any format's blocks go through it.
 */
import type { Block } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { PLAN_TITLE_END, RUN_ON_CHAPTER, RUN_ON_CHAPTER_TITLE, RUN_ON_MARK, RUN_ON_OPENING } from '../lexicon/structure.js';
import { zhToInt } from '../lexicon/numerals.js';
import { headCuts, tokensAt, tokenStarts } from './run-on-head.js';
import { pipeRow } from './text.js';
import { gluedCuts, gluedItemCuts } from './run-on-glued.js';

/** Shorter paragraphs are ordinary ones (a whole outline does not fit in fewer characters). */
const MIN_LENGTH = 120;
/** …and a part of one under its own mark (`（二）提升服务品质 3.… 4.…`) needs room for two items at least. */
const OPENING_MIN_LENGTH = 40;

export function splitRunOn(blocks: Block[], ctx: Collector): Block[] {
  let split = 0, outlines = 0, items = 0, firstLine: number | null = null;
  const out: Block[] = [];
  for (const b of blocks) {
    // a row of pipe cells (`名称 | … | 时效 |`) joined with the rest of the plan holds a whole outline too
    const found = b.type === 'para' || (b.type === 'row' && !b.offsets) ? cutsOf(b.text) : null;
    if (!found || (b.type === 'row' && !found.outline)) { out.push(b); continue; }
    split++;
    if (found.outline) outlines++;
    if (found.items) items++;
    firstLine ??= b.line;
    const { cuts } = found;
    for (let k = 0; k < cuts.length; k++) {
      const piece = sliceBlock(b, cuts[k] as number, k + 1 < cuts.length ? (cuts[k + 1] as number) : b.text.length);
      if (piece) out.push(piece);
    }
  }
  const what = `${split} paragraph${split === 1 ? '' : 's'}`;
  if (split > 0 && items === split) ctx.report('run-on-split', firstLine, `${what} with items glued on after a sentence or a unit note (\`…）6.…\`) cut before each item`);
  else if (split > 0 && outlines === split) ctx.report('run-on-split', firstLine, `${what} holding a whole outline on one line (a page that lost its line breaks) cut at each chapter, group and item mark`);
  else if (split > 0) ctx.report('run-on-split', firstLine, `${what} that lost ${split === 1 ? 'its' : 'their'} line breaks (a page or a rendering that prints them as spaces) cut back into lines at outline marks and head lines (title, document number, addressee, signature, date, page labels)`);
  return split > 0 ? out : blocks;
}

const SPACE = /[\s\u3000]/;
/** `mark` (`一、`) right after a space somewhere in `text`: what a chapter mark of RUN_ON_MARK needs. */
function afterSpace(text: string, mark: string): boolean {
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) if (i > 0 && SPACE.test(text[i - 1] as string)) return true;
  return false;
}

/** Where to cut a run-on paragraph (0 first), or null when it holds no lost line break. */
function cutsOf(text: string): { cuts: number[]; outline: boolean; items?: true } | null {
  // a lost line break leaves a space: most real lines of a Chinese plan have none; a paragraph without any space
  // that holds a whole outline was glued together (run-on-glued.ts)
  // (an indent before it, `\u3000\u3000`, or blanks after it are no lost line break)
  const lead = text.length - text.trimStart().length;
  const inner = lead > 0 || /\s$/.test(text) ? text.slice(lead).trimEnd() : text;
  if (!/[\s\u3000]/.test(inner)) {
    const at = (cuts: number[]) => (lead > 0 ? cuts.map((c) => c + lead) : cuts);
    const cuts = gluedCuts(inner);
    if (cuts) return { cuts: at(cuts), outline: true };
    const items = gluedItemCuts(inner);
    return items ? { cuts: at(items), outline: false, items: true } : null;
  }
  const long = text.length >= MIN_LENGTH;
  const starts = tokenStarts(text);
  const marks: number[] = [];
  // where each chapter's title starts, to cut after it when the chapter's first paragraph runs on after a space
  const titles: number[] = [];
  const chapters = new Set<number>();
  let firstChapter = text.length;
  // the mark scan runs only where a chapter mark follows a space
  // a paragraph that opens with a mark (one chapter, group or 专栏 with its parts joined by spaces) is scanned too
  const opening = text.length >= OPENING_MIN_LENGTH && RUN_ON_OPENING.test(text);
  if (opening || (long && (afterSpace(text, '一、') || afterSpace(text, '二、')))) {
    tokensAt(RUN_ON_MARK, text, starts, text.length, (m) => {
      marks.push(m.index);
      if (m[1]) { chapters.add(zhToInt(m[1])); firstChapter = Math.min(firstChapter, m.index); titles.push(m.index + m[0].length); }
    });
  }
  const chapterOpening = opening ? RUN_ON_CHAPTER.exec(text) : null;
  if (chapterOpening) titles.push(chapterOpening[0].length);
  const head = headCuts(text, firstChapter, starts);
  // a whole outline (a 一、 and a 二、 chapter), or a chapter under a head whose lines are plain to see
  const outline = marks.length >= 3 && ((chapters.has(1) && chapters.has(2)) || (chapters.size > 0 && head.strong > 0));
  const all: number[] = [0];
  if (outline) {
    // a title opening the run (`某市质量强市建设实施方案 为深入贯彻…`) is a line of its own
    const sp = /[\s\u3000]/.exec(text.slice(0, Math.min(text.length, 80)));
    if (sp && sp.index >= 4 && sp.index < (marks[0] as number) && PLAN_TITLE_END.test(text.slice(0, sp.index))) all.push(sp.index + 1);
    all.push(...marks, ...titleCuts(text, titles));
  }
  // head lines: in a long paragraph when some token other than a label is there, in a short one when three
  // tokens are (`首页 > 正文 某市…实施意见 来源:…`, `某市人民政府 2023年6月12日 (此件公开发布)`); a real line
  // holds two at most (`某市…的通知 某政办发〔2023〕15号`)
  // one part of the outline: its own mark opens it, and more marks follow spaces inside it
  else if (opening && marks.length >= 1) all.push(...marks, ...titleCuts(text, titles));
  if (head.strong > 0 && (long || head.strong + head.labels > 2)) all.push(...head.cuts);
  if (all.length === 1) return null;
  return { cuts: [...new Set(all)].sort((a, b) => a - b), outline };
}

/**
 * A chapter's title and the paragraph that runs on after it (`一、主要目标 到2025年，…`, a pandoc rendering of text
 * without blank lines): the cut after the title, a short run with no sentence mark, when a sentence follows it.
 */
function titleCuts(text: string, starts: number[]): number[] {
  const out: number[] = [];
  for (const at of starts) {
    const m = RUN_ON_CHAPTER_TITLE.exec(text.slice(at, at + 40));
    if (!m) continue;
    const end = at + m[0].length;
    if (/^[^\s\u3000]{2,}[^\s\u3000]*?[，。；,;]/.test(text.slice(end, end + 120))) out.push(end);
  }
  return out;
}

/** The block for text[from, to), trimmed, with its own offsets; null when only spaces are left. */
export function sliceBlock(b: Block, from: number, to: number): Block | null {
  const raw = b.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text === '') return null;
  const start = from + lead;
  const offset = b.offsets ? (b.offsets[start] as number) : b.offset + start;
  // a piece of a row that still holds its cells stays a row
  const row = b.type === 'row' ? pipeRow(text, b.line, offset) : null;
  if (row) return row;
  const piece: Block = { type: 'para', text, line: b.line, offset };
  if (b.offsets) piece.offsets = b.offsets.slice(start, start + text.length + 1);
  if (b.page !== undefined) piece.page = b.page;
  return piece;
}

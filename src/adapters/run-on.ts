/**
 * run-on: a page that lost its line breaks prints a whole plan as one paragraph, its parts divided by spaces
 * (`某市…实施方案 为深入贯彻… 一、总体要求 （一）指导思想。… 二、重点任务 …`). Such a paragraph is cut back into
 * blocks at each outline mark that follows a space, when it holds a whole outline (a 一、 and a 二、 chapter at least),
 * and a title that opens it (a short run ending in a plan's genre noun) becomes a block of its own. Each block keeps
 * the source offsets of its characters. Any format's blocks go through it.
 */
import type { Block } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { PLAN_TITLE_END, RUN_ON_MARK } from '../lexicon/structure.js';
import { zhToInt } from '../lexicon/numerals.js';

/** Shorter paragraphs are ordinary ones (a whole outline does not fit in fewer characters). */
const MIN_LENGTH = 120;

export function splitRunOn(blocks: Block[], ctx: Collector): Block[] {
  let split = 0, firstLine: number | null = null;
  const out: Block[] = [];
  for (const b of blocks) {
    const cuts = b.type === 'para' && b.text.length >= MIN_LENGTH ? cutsOf(b.text) : null;
    if (!cuts) { out.push(b); continue; }
    split++;
    firstLine ??= b.line;
    for (let k = 0; k < cuts.length; k++) {
      const piece = slice(b, cuts[k] as number, k + 1 < cuts.length ? (cuts[k + 1] as number) : b.text.length);
      if (piece) out.push(piece);
    }
  }
  if (split > 0) ctx.report('run-on-split', firstLine, `${split} paragraph${split === 1 ? '' : 's'} holding a whole outline on one line (a page that lost its line breaks) cut at each chapter, group and item mark`);
  return split > 0 ? out : blocks;
}

const SPACE = /[\s\u3000]/;
/** `mark` (`一、`) right after a space somewhere in `text`: what a chapter mark of RUN_ON_MARK needs. */
function afterSpace(text: string, mark: string): boolean {
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) if (i > 0 && SPACE.test(text[i - 1] as string)) return true;
  return false;
}

/** Where to cut a run-on paragraph (0 first), or null when it holds no whole outline. */
function cutsOf(text: string): number[] | null {
  // a whole outline has a 一、 and a 二、 chapter after a space: without both (nearly every long paragraph) the
  // mark scan, a lookbehind tried at every character, cannot find one
  if (!afterSpace(text, '一、') || !afterSpace(text, '二、')) return null;
  const marks: number[] = [];
  const chapters = new Set<number>();
  RUN_ON_MARK.lastIndex = 0;
  for (let m = RUN_ON_MARK.exec(text); m; m = RUN_ON_MARK.exec(text)) {
    marks.push(m.index);
    if (m[1]) chapters.add(zhToInt(m[1]));
  }
  if (!chapters.has(1) || !chapters.has(2) || marks.length < 3) return null;
  const cuts = [0];
  // a title opening the run (`某市质量强市建设实施方案 为深入贯彻…`) is a line of its own
  const sp = /[\s\u3000]/.exec(text.slice(0, Math.min(text.length, 80)));
  if (sp && sp.index >= 4 && sp.index < (marks[0] as number) && PLAN_TITLE_END.test(text.slice(0, sp.index))) cuts.push(sp.index + 1);
  for (const at of marks) if (at > (cuts[cuts.length - 1] as number)) cuts.push(at);
  return cuts;
}

/** The block for text[from, to), trimmed, with its own offsets; null when only spaces are left. */
function slice(b: Block, from: number, to: number): Block | null {
  const raw = b.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text === '') return null;
  const start = from + lead;
  const piece: Block = { type: 'para', text, line: b.line, offset: b.offsets ? (b.offsets[start] as number) : b.offset + start };
  if (b.offsets) piece.offsets = b.offsets.slice(start, start + text.length + 1);
  if (b.page !== undefined) piece.page = b.page;
  return piece;
}

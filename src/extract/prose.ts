/**
 * prose: the running text the outline gave to no goal, task, 专栏 or appendix — a news headline or lede, goals
 * under a heading the outline could not place, a press summary without numbering. A target is a sentence
 * wherever it stands; the place only adds context: `where` (goals under a goals heading, else text) and the
 * governing year, which flows from a `到2025年,` paragraph to the lines after it until the next heading.
 */
import type { Target } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { isChrome, isOtherScript, type Outline } from '../outline/outline.js';
import type { View } from '../source/view.js';
import { chapterRole } from '../outline/heads.js';
import { isDateLine } from '../outline/dates.js';
import { isIssuerLine, META_LABEL_LINE } from '../lexicon/structure.js';
import type { TargetList } from './targets/collect.js';
import { openerYear } from './targets/years.js';

export interface ProseView {
  v: View;
  where: 'goals' | 'text';
  /** A new heading or chapter starts here: the governing year of the lines before no longer holds. */
  reset: boolean;
  /** A short line without sentence punctuation (a headline, a bold subheading). */
  heading: boolean;
  /** Longer than any paragraph of a plan ({@link PROSE_MAX}): not scanned. */
  tooLong?: boolean;
}

/** The longest line read as prose (UTF-16 units); whole plans scraped into one line stay well under it. */
export const PROSE_MAX = 200_000;

/** The views to scan for targets, in document order: everything before the body's end that nothing else read. */
export function proseViews(o: Outline, covered: Set<View>): ProseView[] {
  const out: ProseView[] = [];
  let role: ReturnType<typeof chapterRole> | null = null;
  let chapterOwn: ReturnType<typeof chapterRole> | null = null;
  let reset = false;
  for (let k = 0; k < o.bodyEnd; k++) {
    if (o.toc.has(k)) continue;
    const v = o.views[k] as View;
    const h = o.heads[k];
    if (h?.kind === 'chapter' || h?.kind === 'section' || h?.kind === 'paren') {
      const title = v.norm.slice(h.rest);
      // a `(二)主要目标` group (or a `二、主要目标` section) keeps its chapter's role unless its own title names one
      const own = chapterRole(title);
      if (h.kind === 'chapter') role = chapterOwn = own;
      else if (own !== 'tasks') role = own;
      else if (h.kind === 'section') role = chapterOwn;
      reset = true;
    }
    if (covered.has(v) || v.b.type === 'row' || role === 'preamble' || isChrome(v) || isOtherScript(v)) continue;
    // no paragraph of a plan is this long: a file of one endless line is not read as prose (reported by the caller)
    if (v.norm.length > PROSE_MAX) { out.push({ v, where: 'text', reset, heading: false, tooLong: true }); continue; }
    if (isDateLine(v.norm) || isIssuerLine(v.norm) || META_LABEL_LINE.test(v.norm)) continue;
    // also an infographic's caption run together (`主要目标 到2025年 …合格率 ≥96% …`): no sentence punctuation
    const heading = v.norm.length <= CAPTION_MAX && !/[。,，;；]/.test(v.norm);
    out.push({ v, where: role === 'goals' ? 'goals' : 'text', reset, heading });
    reset = false;
  }
  return out;
}

/**
 * Reads the targets of the prose ({@link proseViews}); a target printed twice, as a news subheading and again in the
 * paragraph under it, keeps the paragraph's copy only, and one that a summary above the body (a lede, a 相关解读 or
 * 政策图解 block before the notice) repeats keeps the body's copy only.
 */
export function readProse(o: Outline, list: TargetList, ctx: Collector): void {
  let proseYear: number | null = null;
  const proseStart = list.targets.length;
  const headingOf = new Map<Target, View>();
  // the prose block each target was read from: a heading's twin is looked for a few blocks on, not a few
  // lines (a paragraph wrapped over lines of a PDF or pdftotext page spans many)
  const blockOf = new Map<Target, number>();
  const front = new Set<Target>();
  let block = 0;
  for (const p of proseViews(o, list.covered)) {
    block++;
    if (p.reset) proseYear = null;
    if (p.tooLong) {
      ctx.report('prose-too-long', p.v.b.line, `a line of ${p.v.norm.length} characters is longer than any paragraph of a plan; it is not read for targets`);
      continue;
    }
    const s = p.v.norm;
    const added = list.read(s, p.v, 0, p.where, proseYear);
    for (const t of added) blockOf.set(t, block);
    if (p.v.i < o.bodyStart) for (const t of added) front.add(t);
    if (p.heading) for (const t of added) headingOf.set(t, p.v);
    proseYear = openerYear(s, list.docYear, list.wider) ?? proseYear;
  }
  dropHeadingCopies(list.targets, proseStart, headingOf, blockOf);
  dropFrontCopies(list.targets, front);
}

/**
 * A page may sum the plan up above its notice (a lede, a 相关解读 or an infographic's captions: `方案提出，到2026年，…`,
 * `合格率 ≥94%`) and then print the plan: a target read before the body that the body states too (same value, unit
 * and year, a similar indicator) is the summary's copy and is dropped. One the body does not state stays (a
 * headline's targets where the excerpt never reaches them).
 */
function dropFrontCopies(targets: Target[], front: Set<Target>): void {
  if (front.size === 0) return;
  const body = targets.filter((u) => !front.has(u));
  for (let k = targets.length - 1; k >= 0; k--) {
    const t = targets[k] as Target;
    if (front.has(t) && body.some((u) => u.value === t.value && u.unit === t.unit && u.year === t.year && similarIndicator(u.indicator, t.indicator))) targets.splice(k, 1);
  }
}

/**
 * News summaries print a target twice: as a bold subheading and again in the paragraph under it. The subheading's
 * copy is dropped when a target with the same value, unit and year and a similar indicator follows within a few
 * blocks.
 */
function dropHeadingCopies(targets: Target[], from: number, headingOf: Map<Target, View>, blockOf: Map<Target, number>): void {
  for (let k = targets.length - 1; k >= from; k--) {
    const t = targets[k] as Target;
    const hv = headingOf.get(t);
    if (!hv) continue;
    const twin = targets.slice(k + 1).find((u) => !headingOf.has(u) && u.value === t.value && u.unit === t.unit && u.year === t.year
      && near(blockOf.get(t), blockOf.get(u)) && similarIndicator(u.indicator, t.indicator));
    if (twin) targets.splice(k, 1);
  }
}

/** The longest line read as a heading or caption that may repeat the targets of the paragraph after it. */
const CAPTION_MAX = 120;

/** Within 8 prose blocks after the heading (one block a line in a plain text). */
const near = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && b > a && b - a <= 8;

function similarIndicator(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
  const A = grams(a), B = grams(b);
  let n = 0;
  for (const g of A) if (B.has(g)) n++;
  return A.size + B.size > 0 && (2 * n) / (A.size + B.size) >= 0.4;
}

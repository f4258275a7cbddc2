/**
 * Text reuse: for each task, the passage it was taken from. Candidates come from compare's TF-IDF bigram index
 * (place names and genre boilerplate removed, as compare aligns tasks): every task of the parent, ranked by cosine,
 * and the best tasks of other plans. The few best candidates are then aligned character by character (align.ts) on
 * folded, masked text (fold.ts); the share of the task's characters on identical aligned units decides its status.
 */
import type { Plan } from '../model.js';
import { PhraseRemover } from '../compare/search/phrases.js';
import { SimilarityIndex, type IndexDoc } from '../compare/search/similarity-index.js';
import { localAlign } from './align.js';
import { foldText, unitWeight, type Folded } from './fold.js';
import type { ReuseRule, ReuseSpan, ReuseStatus } from './types.js';

/**
 * Status thresholds on the copied share, chosen from measured distributions (README, "Lineage", has the table):
 * between seeds of different provinces the best candidate's share never exceeds 0.54 (both reword the national
 * 纲要), 90% of tasks stay under 0.3; the sibling districts of one city reach 0.74–0.86 on tasks one took from the
 * other with its name changed; a task copied with place names, numbers and a clause changed keeps 0.8 and more.
 */
export const REUSE_RULE: ReuseRule = { copied_at: 0.7, adapted_at: 0.3, min_alignment: 24 };
/** Parent tasks aligned per task (best by cosine), and other plans' tasks. */
const PARENT_CANDIDATES = 3;
const OTHER_CANDIDATES = 3;
const MIN_COSINE = 0.05;
/** A candidate this close to a whole copy is not bettered by the next ones (a corpus of copies aligns once per task). */
const WHOLE = 0.95;

export interface ReusePlan {
  plan: Plan;
  /** Names masked as places in this plan's texts (its own and its parent's, full and short forms). */
  own: string[];
  /** Index of the parent plan among the plans, or -1. */
  parent: number;
}

export interface ReuseFinding {
  status: ReuseStatus;
  /** Plan index and task index of the source, or -1. */
  sourcePlan: number;
  sourceTask: number;
  share: number;
  matchedChars: number;
  spans: ReuseSpan[];
}

/** The aligned text of a task: its text, or its title when it has none. */
export const taskText = (t: { title?: string | null; text?: string | null }): string => (t.text && t.text.trim() ? t.text : t.title ?? '');

export function statusOf(share: number, rule: ReuseRule = REUSE_RULE): ReuseStatus {
  return share >= rule.copied_at ? 'copied' : share >= rule.adapted_at ? 'adapted' : 'new';
}

/**
 * For every task of every plan, its best source. `boilerplate` are genre phrases removed before the candidate
 * search; `fold` maps traditional characters to simplified ones.
 */
export function findReuse(plans: readonly ReusePlan[], boilerplate: readonly string[], fold?: (ch: string) => string): ReuseFinding[][] {
  const names = new PhraseRemover([...new Set(plans.flatMap((p) => p.own))]);
  const genre = new PhraseRemover(boilerplate);
  const strip = (s: string) => genre.remove(names.remove(s));
  const docs: IndexDoc[] = [];
  const docOf: { plan: number; task: number }[] = [];
  const firstDoc: number[] = [];
  plans.forEach((p, pi) => {
    firstDoc.push(docs.length);
    p.plan.tasks.forEach((t, ti) => {
      docs.push({ group: pi, parts: [{ text: strip(t.title ?? ''), weight: 2 }, { text: strip(t.text ?? ''), weight: 1 }] });
      docOf.push({ plan: pi, task: ti });
    });
  });
  firstDoc.push(docs.length);
  const index = new SimilarityIndex(docs);
  docs.length = 0;
  const folded: (Folded | undefined)[] = new Array(docOf.length);
  const foldedOf = (d: number): Folded => {
    let f = folded[d];
    if (!f) {
      const { plan, task } = docOf[d] as { plan: number; task: number };
      const p = plans[plan] as ReusePlan;
      f = folded[d] = foldText(taskText(p.plan.tasks[task] ?? {}), p.own, fold);
    }
    return f;
  };

  const evaluate = (d: number, o: number): ReuseFinding => {
    const a = foldedOf(d);
    const b = foldedOf(o);
    const locals = localAlign(a, b, { minScore: REUSE_RULE.min_alignment });
    let matchedChars = 0;
    const spans: ReuseSpan[] = locals.map((l) => {
      let m = 0;
      for (const k of l.matched) m += unitWeight(a, k);
      matchedChars += m;
      return { start: a.start[l.aStart] as number, end: a.end[l.aEnd - 1] as number, source_start: b.start[l.bStart] as number, source_end: b.end[l.bEnd - 1] as number, matched: m };
    }).sort((x, y) => x.start - y.start);
    const share = a.size > 0 ? Math.round((matchedChars / a.size) * 1000) / 1000 : 0;
    const src = docOf[o] as { plan: number; task: number };
    return { status: statusOf(share), sourcePlan: src.plan, sourceTask: src.task, share, matchedChars, spans };
  };
  const better = (x: ReuseFinding | null, y: ReuseFinding): ReuseFinding => (!x || y.matchedChars > x.matchedChars ? y : x);
  const none: ReuseFinding = { status: 'new', sourcePlan: -1, sourceTask: -1, share: 0, matchedChars: 0, spans: [] };

  return plans.map((p, pi) => p.plan.tasks.map((_, ti) => {
    const d = (firstDoc[pi] as number) + ti;
    let best: ReuseFinding | null = null;
    if (p.parent >= 0) {
      const from = firstDoc[p.parent] as number;
      const to = firstDoc[p.parent + 1] as number;
      const ranked: { o: number; s: number }[] = [];
      for (let o = from; o < to; o++) {
        const s = index.cosine(d, o);
        if (s >= MIN_COSINE) ranked.push({ o, s });
      }
      ranked.sort((x, y) => y.s - x.s || x.o - y.o);
      for (const { o } of ranked.slice(0, PARENT_CANDIDATES)) {
        best = better(best, evaluate(d, o));
        if (best.share >= WHOLE) break;
      }
      if (best && best.status !== 'new') return best;
    }
    const others = index.top(d, { k: OTHER_CANDIDATES + 1, minScore: MIN_COSINE, pool: 16, tokens: 24 }).filter((m) => m.group !== p.parent).slice(0, OTHER_CANDIDATES);
    let other: ReuseFinding | null = null;
    for (const m of others) {
      other = better(other, evaluate(d, m.doc));
      if (other.share >= WHOLE) break;
    }
    if (other && other.status !== 'new') return other;
    // new: the closest passage is still reported (its spans are shared phrases), the parent's first
    const closest = best && best.matchedChars > 0 ? best : other && other.matchedChars > 0 ? other : null;
    return closest ?? none;
  }));
}

/** The tasks view: for each task, its closest counterparts in the other plans. */
import type { Alignment, AlignmentRule, CompareItem } from '../types.js';
import { dict } from '../types.js';
import { ALIGN_EVERY_PLAN_UP_TO, ALIGN_FLOOR, ALIGN_STRONG, ALIGN_TOP, type CompareOptions, type Prepared } from '../options.js';
import { placeForms } from '../items.js';
import { PhraseRemover } from '../search/phrases.js';
import { SimilarityIndex, type IndexDoc } from '../search/similarity-index.js';

/**
 * The candidate search of a large comparison: a task's 16 most distinctive tokens, and per token the 96 tasks it
 * weighs most in. Work per task is bounded by their product; at 3,000 plans (100,000 tasks) the index defaults
 * (32 × 256) spent 50 s of CPU, while the best counterparts found stay the same in near every case (docs/compare.md).
 */
const TOP_BOUNDS = { tokens: 16, postings: 96, pool: 40 };

const ALIGNED_KINDS = ['task', 'safeguard', 'goal'];

/**
 * Task alignment: TF-IDF over bigrams, without place names and genre boilerplate. Tasks align with tasks,
 * safeguards with safeguards, goal items with goal items.
 */
export function alignTasks(plans: Prepared[], options: CompareOptions): { rule: AlignmentRule; alignments: Alignment[] } {
  const { taxonomy } = options.vocabulary;
  const top = options.alignTop ?? (plans.length <= ALIGN_EVERY_PLAN_UP_TO ? 'all' : ALIGN_TOP);
  const everyPlan = top === 'all' || !Number.isFinite(top) || top >= plans.length - 1;
  // one floor for both rules: a closest task below it shares only the genre's words (docs/compare.md)
  const minScore = options.alignMinScore ?? ALIGN_FLOOR;
  const rule: AlignmentRule = {
    rule: everyPlan ? 'every-plan' : 'top',
    top: everyPlan ? null : Math.max(0, Math.floor(top as number)),
    min_score: minScore,
    every_plan_up_to: ALIGN_EVERY_PLAN_UP_TO,
    floor: minScore,
    strong: ALIGN_STRONG,
  };
  const names = new PhraseRemover([...new Set(plans.flatMap((p) => [...p.own, ...placeForms(p.match(p.label))]))]);
  const boilerplate = new PhraseRemover(taxonomy.boilerplate);
  // a text copied into many plans is stripped once (the documents hold the results anyway)
  const stripped = new Map<string, string>();
  const strip = (s: string) => {
    let out = stripped.get(s);
    if (out === undefined) stripped.set(s, (out = boilerplate.remove(names.remove(s))));
    return out;
  };
  const docs: IndexDoc[] = [];
  const docItems: { plan: number; item: CompareItem }[] = [];
  plans.forEach((p, pi) => {
    for (const item of p.items) {
      const cls = ALIGNED_KINDS.indexOf(item.kind);
      if (cls < 0) continue;
      docs.push({ group: pi, cls, parts: [{ text: strip(p.match(item.title)), weight: 2 }, { text: strip(p.match(item.text)), weight: 1 }] });
      docItems.push({ plan: pi, item });
    }
  });
  const index = new SimilarityIndex(docs);
  docs.length = 0;
  stripped.clear();
  const counterpart = (doc: number, score: number): Alignment['counterparts'][string] => {
    const o = docItems[doc]?.item;
    const rounded = Math.round(score * 100) / 100;
    // the counterpart by id only: its title and line are in its own plan's alignments entry
    return o && score >= minScore ? { task: o.id, score: rounded, band: score >= ALIGN_STRONG ? 'strong' : 'partial' } : { task: null, score: 0 };
  };
  const entry = (di: number, counterparts: Alignment['counterparts']): Alignment => {
    const d = docItems[di] as { plan: number; item: CompareItem };
    return { plan: plans[d.plan]?.label ?? '', task: d.item.id, title: d.item.title, line: d.item.line, counterparts };
  };
  let alignments: Alignment[];
  if (everyPlan) {
    alignments = docItems.map((d, di) => {
      const counterparts: Alignment['counterparts'] = dict();
      const best = index.bestPerGroup(di);
      plans.forEach((p, pi) => {
        if (pi === d.plan) return;
        const b = best.get(pi);
        counterparts[p.label] = b ? counterpart(b.doc, b.score) : { task: null, score: 0 };
      });
      return entry(di, counterparts);
    });
  } else {
    alignments = new Array<Alignment>(docItems.length);
    index.topEach({ k: rule.top ?? 0, minScore, ...TOP_BOUNDS }, (di, matches) => {
      const counterparts: Alignment['counterparts'] = dict();
      for (const m of matches) counterparts[plans[m.group]?.label ?? ''] = counterpart(m.doc, m.score);
      alignments[di] = entry(di, counterparts);
    });
  }
  return { rule, alignments };
}


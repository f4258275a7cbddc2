#!/usr/bin/env node
// `node scripts/lineage-thresholds.mjs` (after `npm run build`): the distribution the status thresholds of
// `qplan lineage` were chosen from — for every task of each seed, the best copied share against any task of each
// other seed, bucketed by what the two plans are to each other. Prints the Markdown table of docs/lineage.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const { extractPlan } = await import(join(ROOT, 'dist/pipeline.js'));
const { foldText, localAlign, REUSE_RULE } = await import(join(ROOT, 'dist/lineage/index.js'));
const { ownNames } = await import(join(ROOT, 'dist/compare/items.js'));

const plans = [];
for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => x.endsWith('.txt')).sort()) {
  plans.push((await extractPlan(readFileSync(join(ROOT, 'seeds', f)), { path: f })).plan);
}
const text = (t) => (t.text && t.text.trim() ? t.text : t.title ?? '');
const folded = plans.map((p) => p.tasks.map((t) => foldText(text(t), ownNames(p))));
const year = (p) => Number((p.meta.signed ?? p.meta.published ?? '0').slice(0, 4));
const SAME = 'same parent', FAR = 'different parents, same period', OLD = 'plans a decade apart';
const groups = { [SAME]: [], [FAR]: [], [OLD]: [] };
for (let a = 0; a < plans.length; a++) {
  for (let b = 0; b < plans.length; b++) {
    if (a === b) continue;
    const pa = plans[a], pb = plans[b];
    const g = Math.abs(year(pa) - year(pb)) >= 5 ? OLD : pa.meta.parent && pa.meta.parent === pb.meta.parent ? SAME : FAR;
    for (const fa of folded[a]) {
      let best = 0;
      for (const fb of folded[b]) {
        let m = 0;
        for (const l of localAlign(fa, fb, { minScore: REUSE_RULE.min_alignment })) for (const k of l.matched) m += fa.end[k] - fa.start[k];
        best = Math.max(best, fa.size ? m / fa.size : 0);
      }
      groups[g].push(best);
    }
  }
}
const edges = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
const label = (i) => `${edges[i].toFixed(1).replace(/^0/, '')}–${Math.min(1, edges[i + 1]).toFixed(1).replace(/^0/, '').replace('1.0', '1')}`;
console.log(`| pairs | tasks | ${edges.slice(0, -1).map((_, i) => label(i)).join(' | ')} | max |`);
console.log(`|---|---|${edges.slice(0, -1).map(() => '---').join('|')}|---|`);
for (const [g, xs] of Object.entries(groups)) {
  const counts = edges.slice(0, -1).map((e, i) => xs.filter((x) => x >= e && x < edges[i + 1]).length);
  console.log(`| ${g} | ${xs.length} | ${counts.join(' | ')} | ${xs.length ? Math.max(...xs).toFixed(2) : '—'} |`);
}

/**
 * Corpus snapshot: per seed, the counts that change when a heuristic changes (tasks by kind, targets by place,
 * diagnostics by code). A change shows up in the diff of fixtures/seeds-summary.json.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { extractPlan } from '../src/pipeline.js';
import { SEEDS } from './helpers.js';

it('seed summary counts', async () => {
  const summary: Record<string, unknown> = {};
  for (const s of SEEDS) {
    const { plan } = await extractPlan(readFileSync(`seeds/${s}.txt`), { path: `seeds/${s}.txt` });
    const count = <T>(xs: T[], key: (x: T) => string) => Object.fromEntries([...xs.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map<string, number>())].sort());
    summary[s] = {
      tasks: count(plan.tasks, (t) => t.kind),
      targets: count(plan.targets, (t) => t.where.replace(/:.*/, '')),
      columns: plan.columns.length,
      appendix_rows: plan.appendix.map((a) => a.rows.length),
      diagnostics: count(plan.diagnostics, (d) => d.code),
    };
  }
  await expect(`${JSON.stringify(summary, null, 2)}\n`).toMatchFileSnapshot('../fixtures/seeds-summary.json');
});

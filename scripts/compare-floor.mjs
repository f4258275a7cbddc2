#!/usr/bin/env node
// The distribution of task-counterpart scores that the similarity floor and the bands of `compare` are chosen from
// (docs/compare.md). Every task's best counterpart in every other plan, with no floor, over the seeds and the
// devset (real plans of different places), and over synthetic near-copies of the seeds (as scripts/bench.mjs
// makes them). Prints a histogram and a few pairs per band to read.
//
//   npm run build && node scripts/compare-floor.mjs [--samples]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { extractPlan } = await import(join(root, 'dist/index.js'));
const { comparePlans } = await import(join(root, 'dist/compare/compare.js'));
const { loadVocabulary } = await import(join(root, 'dist/compare/vocab.js'));
const vocabulary = await loadVocabulary(async (u) => readFileSync(u, 'utf8'));
const samples = process.argv.includes('--samples');

const files = [
  ...readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f)),
  ...readdirSync(join(root, 'fixtures/devset')).filter((f) => f.endsWith('.txt')).map((f) => join('fixtures/devset', f)),
];
const plans = [];
for (const f of files) plans.push((await extractPlan(readFileSync(join(root, f)), { path: f })).plan);

function scores(list) {
  const r = comparePlans(list, { vocabulary, views: ['tasks'], alignTop: 'all', alignMinScore: 0 });
  const out = [];
  for (const a of r.alignments) for (const [other, c] of Object.entries(a.counterparts)) if (c.task !== null) out.push({ a, other, c, s: c.score });
  return { r, out };
}

function histogram(name, out) {
  const bins = new Array(20).fill(0);
  for (const o of out) bins[Math.min(19, Math.floor(o.s * 20))]++;
  console.log(`\n${name}: ${out.length} best counterparts`);
  const max = Math.max(...bins);
  bins.forEach((n, i) => console.log(`${(i / 20).toFixed(2)}–${((i + 1) / 20).toFixed(2)} ${String(n).padStart(6)} ${'#'.repeat(Math.round((n / max) * 60))}`));
  const sorted = out.map((o) => o.s).sort((a, b) => a - b);
  const q = (p) => sorted[Math.floor(p * (sorted.length - 1))]?.toFixed(2);
  console.log(`quantiles: p10 ${q(0.1)} p25 ${q(0.25)} p50 ${q(0.5)} p75 ${q(0.75)} p90 ${q(0.9)} p99 ${q(0.99)}`);
}

const real = scores(plans);
histogram(`real plans (${plans.length}: seeds + devset)`, real.out);
if (samples) {
  const titles = new Map();
  for (const a of real.r.alignments) titles.set(`${a.plan}\u0000${a.task}`, a.title);
  for (const [lo, hi] of [[0, 0.1], [0.1, 0.15], [0.15, 0.2], [0.2, 0.25], [0.25, 0.35], [0.35, 0.45], [0.45, 0.6], [0.6, 1.01]]) {
    const band = real.out.filter((o) => o.s >= lo && o.s < hi);
    console.log(`\n[${lo}, ${hi}) ${band.length}`);
    for (let i = 0; i < 6 && band.length > 0; i++) {
      const o = band[Math.floor((i * 7919) % band.length)];
      console.log(`  ${o.s.toFixed(2)}  ${o.a.plan} ${o.a.title.slice(0, 28)}  →  ${o.other} ${(titles.get(`${o.other}\u0000${o.c.task}`) ?? '').slice(0, 28)}`);
    }
  }
}

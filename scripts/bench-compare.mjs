#!/usr/bin/env node
// `node scripts/bench-compare.mjs [--n 1000,3000] [--views themes,gaps] [--keep] [--work DIR] [--corpus-only]`:
// compare at scale (also run by `npm run bench`, unless `--no-compare-scale`). Builds a synthetic corpus of
// extracted plans (the seeds and the devset, each copied under a made-up place name with its task bodies shuffled
// and its target values perturbed, as scripts/bench.mjs mutates documents), writes them as plan YAML, then times
// `qplan compare --view V -f json -o out.json DIR` for every view at each N: wall time, CPU time (user + system:
// the machine may be shared) and peak RSS (/usr/bin/time), the size of the JSON written and the 1-minute load
// average before the run. `--work DIR` keeps the corpus there and reuses it (the same files: the generator is
// seeded); `--corpus-only` stops once it is written (for profiling: `node --cpu-prof bin/qplan.js compare …`).
// Bounds (issue 13): every view ≤ 30 s and ≤ 1 GB peak RSS at N = 3,000. On a shared machine wall time is mostly
// waiting for a core, so CPU time is held to the 30 s; the wall figure is reported beside it. Exit 1 when a view
// misses the CPU or the memory bound.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/qplan.js');
const args = process.argv.slice(2);
const arg = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const SIZES = arg('--n', '1000,3000').split(',').map(Number);
const VIEWS = arg('--views', 'themes,indicators,agencies,tasks,gaps').split(',');
const LIMIT_S = 30;
const LIMIT_MB = 1024;
if (!existsSync(join(ROOT, 'dist/cli/main.js'))) { console.error('bench-compare: run `npm run build` first'); process.exit(2); }

let seed = 20261128;
const rand = () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const NAME_CHARS = [...'青山临江云溪东西南北城湖桥河石阳安宁平和兴华新康泰丰盛明清远长乐永福'];

// ---------- sources: every real plan the project ships ----------
const { extractPlan } = await import(join(ROOT, 'dist/index.js'));
const { stringifyYaml } = await import(join(ROOT, 'dist/plan-io/to-yaml.js'));
const files = [
  ...readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => join('seeds', f)),
  ...readdirSync(join(ROOT, 'fixtures/devset')).filter((f) => f.endsWith('.txt')).sort().map((f) => join('fixtures/devset', f)),
];
const sources = [];
for (const f of files) {
  const { plan } = await extractPlan(readFileSync(join(ROOT, f)), { path: f });
  if (plan.tasks.length > 0) sources.push(plan);
}

function mutate(plan, i) {
  const stem = (plan.meta.jurisdiction ?? '').replace(/(?:区|市|县|省)$/, '');
  const name = `${pick(NAME_CHARS)}${pick(NAME_CHARS)}`;
  const swap = (s) => (typeof s === 'string' && stem.length >= 2 ? s.split(stem).join(name) : s);
  const p = structuredClone(plan);
  p.source = { ...p.source, path: `${String(i).padStart(5, '0')}.plan.yaml` };
  p.meta.jurisdiction = swap(p.meta.jurisdiction);
  p.meta.title = swap(p.meta.title);
  const bodies = p.tasks.map((t) => swap(t.text));
  for (let k = bodies.length - 1; k > 0; k--) { const j = Math.floor(rand() * (k + 1)); [bodies[k], bodies[j]] = [bodies[j], bodies[k]]; }
  p.tasks.forEach((t, k) => { t.title = swap(t.title); t.text = bodies[k]; });
  for (const g of p.targets) {
    g.indicator = swap(g.indicator);
    g.value = Number((g.value * (0.8 + rand() * 0.4)).toFixed(String(g.value).includes('.') ? 1 : 0));
  }
  return p;
}

// --work DIR keeps the corpus in DIR and reuses it when it is there (profiling runs); --corpus-only stops after it
const given = arg('--work', undefined);
const work = given ?? mkdtempSync(join(tmpdir(), 'qplan-bench-compare-'));
const max = Math.max(...SIZES);
const all = join(work, 'plans');
mkdirSync(all, { recursive: true });
for (let i = 0; i < max; i++) {
  const f = join(all, `${String(i).padStart(5, '0')}.plan.yaml`);
  const p = mutate(sources[i % sources.length], i); // always drawn, so the corpus is the same with or without reuse
  if (!given || !existsSync(f)) writeFileSync(f, stringifyYaml(p));
}
console.error(`bench-compare: ${max} synthetic plans from ${sources.length} real ones in ${all}`);
if (args.includes('--corpus-only')) process.exit(0);

// ---------- measure ----------
const rows = [];
let missed = false;
for (const n of SIZES) {
  const dir = join(work, `n${n}`);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(all).sort().slice(0, n)) if (!existsSync(join(dir, f))) writeFileSync(join(dir, f), readFileSync(join(all, f)));
  for (const view of VIEWS) {
    const out = join(work, `out-${n}-${view}.json`);
    const load = loadavg()[0].toFixed(1);
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, BIN, 'compare', '--view', view, '-f', 'json', '-o', out, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const last = r.stderr.trim().split('\n').pop() ?? '';
    const [wall, user, sys, kb] = last.split(' ').map(Number);
    const ok = r.status === 0 && Number.isFinite(wall);
    const mb = kb / 1024;
    const size = ok && existsSync(out) ? statSync(out).size / 1e6 : NaN;
    const cpu = user + sys;
    const verdict = !ok ? 'failed' : [
      `CPU ${cpu <= LIMIT_S ? 'met' : 'MISSED'}`, `RSS ${mb <= LIMIT_MB ? 'met' : 'MISSED'}`, `wall ${wall <= LIMIT_S ? 'met' : 'MISSED'}`,
    ].join(', ');
    if (!ok || cpu > LIMIT_S || mb > LIMIT_MB) missed = true;
    rows.push(`| ${view} | ${n} | ${ok ? `${wall.toFixed(1)} s` : 'failed'} | ${ok ? `${cpu.toFixed(1)} s` : ''} | ${ok ? `${mb.toFixed(0)} MB` : ''} | ${ok ? `${size.toFixed(1)} MB` : ''} | ${load} | ${verdict} |`);
    console.error(rows[rows.length - 1]);
    if (!ok) console.error(r.stderr.slice(-2000));
    rmSync(out, { force: true });
  }
}
console.log(`compare at scale (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores ${cpus()[0]?.model ?? ''}, node ${process.version}; bounds: ≤ ${LIMIT_S} s, ≤ ${LIMIT_MB} MB peak RSS)\n`);
console.log('| view | plans | wall | CPU (user+sys) | peak RSS | JSON written | load avg (1 min) before | bound |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (!args.includes('--keep') && !given) rmSync(work, { recursive: true, force: true });
else console.error(`kept ${work}`);
process.exitCode = missed ? 1 : 0;

#!/usr/bin/env node
// `npm run bench [-- --n 2000 --runs 5 --keep]`: builds a synthetic corpus from the seeds and their format
// variants (renamed jurisdictions, shuffled tasks, perturbed numbers: enough to defeat any caching) in a temp
// directory, measures cold start, in-process throughput, batch extraction across cores, compare at growing N
// and peak memory, prints a table and writes BENCHMARKS.md. Every figure is the median of several runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('--n', '2000'));
const RUNS = Number(arg('--runs', '5'));
const KEEP = process.argv.includes('--keep');
const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/qplan.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(0)} ms`;

// deterministic pseudo-random numbers (mulberry32)
let seed = 20261122;
const rand = () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const NAME_CHARS = '青山临江云溪东西南北城湖桥河石阳安宁平和兴华新康泰丰盛明清远长乐永福';

/** Run a command several times; wall time (ms) and peak RSS (KB) medians. */
function measure(cmd, args, runs = RUNS) {
  const walls = [], rss = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = TIME ? spawnSync(TIME, ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }) : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    walls.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) return { ok: false, error: (r.stderr || '').split('\n').slice(-3).join(' ') };
    if (TIME) rss.push(Number((r.stderr.trim().split('\n').pop() ?? '0')));
  }
  return { ok: true, wall: median(walls), rss: rss.length ? median(rss) : null };
}

// ---------- corpus ----------
const work = mkdtempSync(join(tmpdir(), 'qplan-bench-'));
const corpus = join(work, 'corpus');
mkdirSync(corpus);
const { extractPlan } = await import(join(ROOT, 'dist/extract/index.js'));
const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const sources = [];
for (const f of seeds) {
  const text = readFileSync(join(ROOT, 'seeds', f), 'utf8');
  const { plan } = await extractPlan(Buffer.from(text), { path: f });
  const stem = (plan.meta.jurisdiction ?? '').replace(/(?:区|市|县|省)$/, '');
  sources.push({ kind: 'txt', text, stem });
  const vdir = join(ROOT, 'fixtures/variants', f.replace(/\.txt$/, ''));
  if (existsSync(vdir)) {
    for (const v of readdirSync(vdir).filter((x) => /\.html?$/.test(x) && !/gb|gbk|18030/i.test(x))) sources.push({ kind: 'html', text: readFileSync(join(vdir, v), 'utf8'), stem });
  }
}
function mutate(src) {
  let t = src.text;
  if (src.stem.length >= 2) t = t.split(src.stem).join(pick([...NAME_CHARS]) + pick([...NAME_CHARS]));
  // perturb target values, keep their units
  t = t.replace(/(\d+(?:\.\d+)?)(%|％|个|项|家|分)/g, (m, v, u) => `${(Number(v) * (0.8 + rand() * 0.4)).toFixed(v.includes('.') ? 1 : 0)}${u}`);
  // shuffle task bodies among numbered task lines (numbers stay in order)
  const lines = t.split('\n');
  const idx = lines.map((l, i) => (/^\d{1,2}[.．]\s*\S/.test(l) ? i : -1)).filter((i) => i >= 0);
  const bodies = idx.map((i) => lines[i].replace(/^\d{1,2}[.．]\s*/, ''));
  for (let i = bodies.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [bodies[i], bodies[j]] = [bodies[j], bodies[i]]; }
  idx.forEach((li, k) => { lines[li] = lines[li].replace(/^(\d{1,2}[.．]\s*).*$/, `$1${bodies[k]}`); });
  return lines.join('\n');
}
let bytesTxt = 0, bytesHtml = 0, docsTxt = 0, docsHtml = 0;
const htmlSources = sources.filter((s) => s.kind === 'html');
for (let i = 0; i < N; i++) {
  const src = htmlSources.length && i % 5 === 4 ? htmlSources[i % htmlSources.length] : sources.filter((s) => s.kind === 'txt')[i % seeds.length];
  const body = mutate(src);
  const name = `${String(i).padStart(5, '0')}.${src.kind}`;
  writeFileSync(join(corpus, name), body);
  const n = Buffer.byteLength(body);
  if (src.kind === 'html') { bytesHtml += n; docsHtml++; } else { bytesTxt += n; docsTxt++; }
}
const corpusMB = (bytesTxt + bytesHtml) / 1e6;
console.error(`corpus: ${N} documents, ${corpusMB.toFixed(1)} MB (${docsTxt} text, ${docsHtml} html) in ${corpus}`);

const rows = [];
const row = (area, what, value, goal = '', verdict = '') => { rows.push([area, what, value, goal, verdict]); console.error(`${area} | ${what} | ${value} | ${goal} ${verdict}`); };

// ---------- 1. cold start ----------
const floor = measure(process.execPath, ['-e', '0'], Math.max(RUNS, 9));
const help = measure(process.execPath, [BIN, '--help'], Math.max(RUNS, 9));
const one = measure(process.execPath, [BIN, 'extract', '-q', join(ROOT, 'seeds', seeds[0])], Math.max(RUNS, 9));
row('cold start', '`node -e 0` (floor)', ms(floor.wall));
row('cold start', '`qplan --help`', `${ms(help.wall)} (+${ms(help.wall - floor.wall)}, ${(help.wall / floor.wall).toFixed(2)}×)`, '≤ floor + 60 ms', help.wall - floor.wall <= 60 ? 'met' : 'MISSED');
row('cold start', '`qplan extract` one seed', `${ms(one.wall)} (+${ms(one.wall - floor.wall)}, ${(one.wall / floor.wall).toFixed(2)}×)`, '≤ floor + 150 ms', one.wall - floor.wall <= 150 ? 'met' : 'MISSED');

// ---------- 2. throughput in one process ----------
async function throughput(kind) {
  const files = readdirSync(corpus).filter((f) => f.endsWith(`.${kind}`)).sort();
  if (files.length === 0) return null;
  const sample = files.slice(0, Math.min(files.length, 600));
  const times = [], floors = [];
  let bytes = 0;
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    bytes = 0;
    let t = 0, f = 0;
    for (const name of sample) {
      const buf = readFileSync(join(corpus, name));
      bytes += buf.length;
      let s = performance.now();
      await extractPlan(buf, { path: name });
      t += performance.now() - s;
      s = performance.now();
      // the floor: decode and one regex pass over the same bytes
      (new TextDecoder().decode(buf).match(/\d+(?:\.\d+)?%?/g) ?? []).length;
      f += performance.now() - s;
    }
    times.push(t); floors.push(f);
  }
  const t = median(times), f = median(floors);
  return { mbs: bytes / 1e6 / (t / 1000), docs: sample.length / (t / 1000), ratio: t / f, floorMbs: bytes / 1e6 / (f / 1000) };
}
for (const [kind, goal] of [['txt', 30], ['html', 10]]) {
  const r = await throughput(kind);
  if (!r) { row('throughput', kind, 'no documents of this kind (run `npm run variants`)'); continue; }
  row('throughput', `${kind === 'txt' ? 'plain text' : 'HTML'}, one process`, `${r.mbs.toFixed(1)} MB/s, ${r.docs.toFixed(0)} docs/s (floor ${r.floorMbs.toFixed(0)} MB/s, ${r.ratio.toFixed(0)}× the floor)`, `≥ ${goal} MB/s per core`, r.mbs >= goal ? 'met' : 'MISSED');
}

// ---------- 3 & 5. batch extraction ----------
const out1 = join(work, 'out1'), out2 = join(work, 'out2');
const b1 = measure(process.execPath, [BIN, 'extract', '-q', '--jobs', '1', '-o', out1, corpus], Math.min(RUNS, 3));
const bN = measure(process.execPath, [BIN, 'extract', '-q', '-o', out2, corpus], Math.min(RUNS, 3));
const cores = availableParallelism();
if (b1.ok && bN.ok) {
  row('batch', `\`extract -o\` ${N} docs, --jobs 1`, `${(b1.wall / 1000).toFixed(2)} s (${(corpusMB / (b1.wall / 1000)).toFixed(1)} MB/s)`);
  row('batch', `\`extract -o\` ${N} docs, default jobs (${cores})`, `${(bN.wall / 1000).toFixed(2)} s, speed-up ${(b1.wall / bN.wall).toFixed(2)}×`, `≥ 1.7× with 2 jobs`, b1.wall / bN.wall >= 1.7 ? 'met' : 'MISSED');
} else row('batch', 'extract -o', `failed: ${b1.error ?? bN.error}`);
// peak RSS flat from 200 to N documents (and at N/2, to tell warm-up from accumulation)
const rssAt = (n) => {
  const dir = join(work, `corpus-${n}`);
  mkdirSync(dir);
  for (const f of readdirSync(corpus).sort().slice(0, n)) symlinkSync(join(corpus, f), join(dir, f));
  return measure(process.execPath, [BIN, 'extract', '-q', '-o', join(work, `o${n}`), dir], 3);
};
const r200 = rssAt(200);
const rHalf = N >= 800 ? rssAt(Math.floor(N / 2)) : null;
if (r200.rss && bN.rss) {
  const growth = bN.rss / r200.rss - 1;
  const half = rHalf?.rss ? ` → ${(rHalf.rss / 1024).toFixed(0)} MB at ${Math.floor(N / 2)}` : '';
  row('memory', `batch extraction peak RSS, 200 → ${N} docs`, `${(r200.rss / 1024).toFixed(0)} MB${half} → ${(bN.rss / 1024).toFixed(0)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)}%)`, 'flat within 20%', Math.abs(growth) <= 0.2 ? 'met' : 'MISSED');
}

// ---------- 4. compare at growing N ----------
const planFiles = existsSync(out2) ? readdirSync(out2).filter((f) => f.endsWith('.plan.yaml')).sort().map((f) => join(out2, f)) : [];
for (const n of [10, 100, 1000]) {
  if (planFiles.length < n) break;
  for (const view of ['themes', 'indicators', 'agencies', 'gaps', 'tasks']) {
    const r = measure(process.execPath, [BIN, 'compare', '--view', view, '--format', 'json', ...planFiles.slice(0, n)], n >= 1000 ? 1 : Math.min(RUNS, 3));
    if (!r.ok) { row('compare', `${view}, N=${n}`, `failed: ${r.error}`); continue; }
    const limit = view === 'tasks' ? 30_000 : 5_000;
    row('compare', `${view}${view === 'tasks' ? ' (alignment)' : ''}, N=${n}`, `${(r.wall / 1000).toFixed(2)} s, peak RSS ${r.rss ? `${(r.rss / 1024).toFixed(0)} MB` : 'n/a'}`,
      n === 1000 ? `≤ ${limit / 1000} s, ≤ 1 GB` : '', n === 1000 ? (r.wall <= limit && (!r.rss || r.rss <= 1024 * 1024) ? 'met' : 'MISSED') : '');
  }
}

if (!process.argv.includes('--no-compare-scale')) spawnSync(process.execPath, [join(ROOT, 'scripts/bench-compare.mjs')], { stdio: 'inherit' }); // compare at 1,000 and 3,000 plans (figures: BENCHMARKS.md, "compare at scale")
// ---------- 6. lineage over the corpus ----------
if (planFiles.length >= 1000) {
  const r = measure(process.execPath, [BIN, 'lineage', '--format', 'json', '-o', join(work, 'lineage.json'), ...planFiles.slice(0, 1000)], 1);
  if (!r.ok) row('lineage', 'N=1000', `failed: ${r.error}`);
  else {
    row('lineage', 'parents, targets and text reuse, N=1000', `${(r.wall / 1000).toFixed(2)} s, peak RSS ${r.rss ? `${(r.rss / 1024).toFixed(0)} MB` : 'n/a'}`,
      '≤ 60 s, ≤ 1 GB', r.wall <= 60_000 && (!r.rss || r.rss <= 1024 * 1024) ? 'met' : 'MISSED');
  }
}

// ---------- report ----------
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const table = ['| area | measurement | result | goal | |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const md = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.mjs), medians of ${RUNS} runs unless noted.

- machine: ${cpu}, ${cpus().length} cores (${cores} available), Node ${process.version}, ${process.platform}
- corpus: ${N} synthetic documents, ${corpusMB.toFixed(1)} MB (${docsTxt} plain text, ${docsHtml} HTML), made from the seeds and their
  format variants with renamed jurisdictions, shuffled tasks and perturbed numbers
- throughput is measured on up to 600 documents of each kind in one process; its floor is decoding the same bytes
  and one regex pass over them

${table}
`;
writeFileSync(join(ROOT, 'BENCHMARKS.md'), md);
// the README shows the same table (between its bench markers)
const readmePath = join(ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
if (readme.includes('<!-- bench:begin -->')) {
  writeFileSync(readmePath, readme.replace(/<!-- bench:begin -->[\s\S]*?<!-- bench:end -->/, `<!-- bench:begin -->\n${table}\n<!-- bench:end -->`));
}
console.log(table);
if (!KEEP) rmSync(work, { recursive: true, force: true });
else console.error(`kept ${work}`);

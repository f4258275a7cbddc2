#!/usr/bin/env node
// `npm run bench [-- --n 2000 --runs 5 --keep --with-compare --corpus-only]`: builds a synthetic mixed corpus from the seeds and
// their format variants (text, HTML, Markdown with renamed jurisdictions, shuffled tasks, perturbed numbers, enough
// to defeat any caching; PDF and DOCX copied) in a temp directory and measures what the user runs: cold start, and
// cold `qplan extract -o` and `-f ndjson` batches end to end, wall and CPU (user+sys) and peak RSS, with one job,
// two and the default. The in-process figures (`extractPlan` alone, warm) stay beside them, labelled so. Writes the
// `## extract batch` section of BENCHMARKS.md with the machine's load (`uptime`) before and after: on a shared
// machine wall time is noisy, CPU time much less so.
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

// `npm run bench -- --bounds`: the wall-clock bounds of the test suite (5 s per hostile input, 1 s to stop on a
// signal …), held exactly. Ordinary test runs only guard them loosely (test/support/bounds.ts), because a shared
// machine cannot promise seconds; run this on a quiet one.
const BOUND_SUITES = ['broken', 'hostile', 'hostile.limits', 'hostile.props', 'hostile.output', 'compare.lib', 'compare.scale', 'formats.adapters', 'validate'];
if (process.argv.includes('--bounds')) {
  const files = BOUND_SUITES.map((f) => `test/${f}.test.ts`);
  const r = spawnSync('npx', ['vitest', 'run', '--maxWorkers=1', ...files], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, QPLAN_BOUNDS: 'strict' } });
  process.exit(r.status ?? 1);
}
const BIN = join(ROOT, 'bin/qplan.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(0)} ms`;

// deterministic pseudo-random numbers (mulberry32)
let seed = 20261122;
const rand = () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const NAME_CHARS = '青山临江云溪东西南北城湖桥河石阳安宁平和兴华新康泰丰盛明清远长乐永福';

/**
 * Run a command several times; medians of wall time (ms), CPU time user+sys (ms) and peak RSS (KB). Output goes to
 * /dev/null (`stdout: 'ignore'`), as a user's redirect would, so the figures include writing it.
 */
function measure(cmd, args, runs = RUNS) {
  const walls = [], cpus = [], rss = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = TIME ? spawnSync(TIME, ['-f', 'qplan-time %U %S %M', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 })
      : spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    walls.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) return { ok: false, error: (r.stderr || '').split('\n').slice(-3).join(' ') };
    const m = TIME ? /qplan-time ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr) : null;
    if (m) { cpus.push((Number(m[1]) + Number(m[2])) * 1000); rss.push(Number(m[3])); }
  }
  return { ok: true, wall: median(walls), cpu: cpus.length ? median(cpus) : null, rss: rss.length ? median(rss) : null };
}
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadBefore = existsSync('/proc/loadavg') ? load() : 'n/a';

// ---------- corpus ----------
const work = mkdtempSync(join(tmpdir(), 'qplan-bench-'));
const corpus = join(work, 'corpus');
mkdirSync(corpus);
const { extractPlan } = await import(join(ROOT, 'dist/pipeline.js'));
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
    for (const v of readdirSync(vdir).filter((x) => /\.md$/.test(x))) sources.push({ kind: 'md', text: readFileSync(join(vdir, v), 'utf8'), stem });
  }
}
// PDF and DOCX renderings of the seeds, copied as they are (their bytes cannot be mutated as text)
const docs = [];
const ddir = join(ROOT, 'fixtures/documents');
if (existsSync(ddir)) {
  for (const d of readdirSync(ddir).filter((x) => /^\d{3}_/.test(x)).sort()) {
    for (const f of readdirSync(join(ddir, d)).filter((x) => /\.(?:pdf|docx)$/.test(x))) docs.push({ kind: f.split('.').pop(), bytes: readFileSync(join(ddir, d, f)) });
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
// the mix: of every 20 files, 14 plain text, 3 HTML, 2 Markdown and 1 PDF or DOCX; the same files also sorted by
// kind into corpus-txt/ and corpus-html/ (links) for the per-format figures
const byKind = { txt: [], html: [], md: [] };
for (const s of sources) byKind[s.kind].push(s);
const count = {}, bytesOf = {};
const KIND_AT = ['txt', 'txt', 'html', 'txt', 'md', 'txt', 'txt', 'html', 'txt', 'txt', 'doc', 'txt', 'txt', 'html', 'txt', 'md', 'txt', 'txt', 'txt', 'txt'];
for (const k of ['txt', 'html']) mkdirSync(join(work, `corpus-${k}`));
let docAt = 0;
for (let i = 0; i < N; i++) {
  let kind = KIND_AT[i % KIND_AT.length];
  if (kind === 'doc' && docs.length === 0) kind = 'txt';
  if (kind !== 'doc' && byKind[kind].length === 0) kind = 'txt';
  let body, ext;
  if (kind === 'doc') { const d = docs[docAt++ % docs.length]; body = d.bytes; ext = d.kind; }
  else { body = Buffer.from(mutate(byKind[kind][i % byKind[kind].length])); ext = kind; }
  const name = `${String(i).padStart(5, '0')}.${ext}`;
  writeFileSync(join(corpus, name), body);
  if (ext === 'txt' || ext === 'html') symlinkSync(join(corpus, name), join(work, `corpus-${ext}`, name));
  count[ext] = (count[ext] ?? 0) + 1;
  bytesOf[ext] = (bytesOf[ext] ?? 0) + body.length;
}
const MB = (b) => b / 1e6;
const corpusMB = MB(Object.values(bytesOf).reduce((a, b) => a + b, 0));
const mix = Object.keys(count).sort().map((k) => `${count[k]} ${k} (${MB(bytesOf[k]).toFixed(1)} MB)`).join(', ');
console.error(`corpus: ${N} documents, ${corpusMB.toFixed(1)} MB: ${mix} in ${corpus}`);

// `--corpus-only`: build the corpus, print its folder and stop (for profiling a batch by hand)
if (process.argv.includes('--corpus-only')) { console.log(corpus); process.exit(0); }

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
  if (!r) { row('extract only', kind, 'no documents of this kind (run `npm run variants`)'); continue; }
  row('extract only', `${kind === 'txt' ? 'plain text' : 'HTML'}: \`extractPlan\` alone, warm, one process`, `${r.mbs.toFixed(1)} MB/s, ${r.docs.toFixed(0)} docs/s (floor ${r.floorMbs.toFixed(0)} MB/s, ${r.ratio.toFixed(0)}× the floor)`, `≥ ${goal} MB/s per core`, r.mbs >= goal ? 'met' : 'MISSED');
}

// ---------- 3. batches end to end, as the user runs them ----------
const cores = availableParallelism();
const fig = (r, mb) => `${(r.wall / 1000).toFixed(2)} s wall (${(mb / (r.wall / 1000)).toFixed(1)} MB/s), ${r.cpu !== null ? `${(r.cpu / 1000).toFixed(2)} s CPU (${(mb / (r.cpu / 1000)).toFixed(1)} MB/s)` : 'CPU n/a'}${r.rss ? `, peak RSS ${(r.rss / 1024).toFixed(0)} MB` : ''}`;
const batchRuns = Math.min(RUNS, 3);
let outN = 0;
const extractRun = (dir, how, jobs) => {
  const j = jobs ? ['-j', String(jobs)] : [];
  const args = how === 'o' ? ['extract', '-q', ...j, '-o', join(work, `out${outN++}`), dir] : ['extract', '-q', ...j, '-f', 'ndjson', dir];
  return measure(process.execPath, [BIN, ...args], batchRuns);
};
// one job on one format: the per-format goals
for (const [kind, goal] of [['txt', 20], ['html', 10]]) {
  const mb = MB(bytesOf[kind] ?? 0);
  if (!mb) continue;
  const r = extractRun(join(work, `corpus-${kind}`), 'o', 1);
  if (!r.ok) { row('batch', kind, `failed: ${r.error}`); continue; }
  const mbs = mb / (r.wall / 1000);
  row('batch', `\`extract -j 1 -o\`, ${count[kind]} ${kind === 'txt' ? 'plain text' : 'HTML'} files (${mb.toFixed(1)} MB)`, fig(r, mb), `≥ ${goal} MB/s`, mbs >= goal ? 'met' : 'MISSED');
}
// the mixed corpus: one job, two, and the default, to a folder and as NDJSON on stdout
const mixed = {};
for (const how of ['o', 'ndjson']) {
  for (const jobs of [1, 2, 0]) {
    const r = extractRun(corpus, how, jobs);
    const what = `${how === 'o' ? '`extract -o`' : '`extract -f ndjson` > file'}, ${N} mixed files, ${jobs ? `-j ${jobs}` : 'default jobs'}`;
    if (!r.ok) { row('batch', what, `failed: ${r.error}`); continue; }
    mixed[`${how}${jobs}`] = r;
    let goal = '', verdict = '';
    if (jobs === 2 && mixed[`${how}1`]) {
      const one = mixed[`${how}1`];
      const wallX = one.wall / r.wall, cpuX = one.cpu && r.cpu ? (2 * one.cpu) / r.cpu : null;
      goal = '≥ 1.5× one job (idle cores)';
      verdict = `${wallX.toFixed(2)}× wall${cpuX ? `, ${cpuX.toFixed(2)}× by CPU (2 × CPU of one job / CPU of two)` : ''}`;
    }
    if (jobs === 0 && mixed[`${how}1`]) {
      const x = mixed[`${how}1`].wall / r.wall;
      goal = 'never slower than one job';
      verdict = `${x.toFixed(2)}× ${x >= 0.95 ? 'met' : 'MISSED'}`;
    }
    if (how === 'ndjson' && r.rss) {
      goal = goal ? `${goal}; peak RSS ≤ 200 MB` : 'peak RSS ≤ 200 MB';
      verdict = `${verdict ? `${verdict}; ` : ''}${r.rss / 1024 <= 200 ? 'RSS met' : 'RSS MISSED'}`;
    }
    row('batch', what, fig(r, corpusMB), goal, verdict);
  }
}
// `| head -1`: the batch must stop soon after the first plan is out
{
  const t = performance.now();
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" extract -q -f ndjson "${corpus}" | head -1 > /dev/null`], { stdio: 'ignore' });
  const wall = performance.now() - t;
  // measured against the cold start of one seed: what head -1 may cost beyond it is the second plan, then the stop
  const extra = wall - one.wall;
  row('batch', `\`extract -f ndjson\` ${N} files \\| \`head -1\``, `${(wall / 1000).toFixed(2)} s (exit ${r.status}; one seed cold: ${(one.wall / 1000).toFixed(2)} s)`, '≤ one seed + 1 s', extra <= 1000 ? 'met' : 'MISSED');
}
// peak RSS flat from 200 to N documents
const rssAt = (n) => {
  const dir = join(work, `corpus-${n}`);
  mkdirSync(dir);
  for (const f of readdirSync(corpus).sort().slice(0, n)) symlinkSync(join(corpus, f), join(dir, f));
  return measure(process.execPath, [BIN, 'extract', '-q', '-o', join(work, `o${n}`), dir], 1);
};
const r200 = rssAt(200);
const bN = mixed.o0;
if (r200.rss && bN?.rss) {
  const growth = bN.rss / r200.rss - 1;
  row('memory', `\`extract -o\` peak RSS, 200 → ${N} docs`, `${(r200.rss / 1024).toFixed(0)} MB → ${(bN.rss / 1024).toFixed(0)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)}%)`, 'flat within 20%', Math.abs(growth) <= 0.2 ? 'met' : 'MISSED');
}
const loadAfter = existsSync('/proc/loadavg') ? load() : 'n/a';
const extractRows = rows.splice(0);

// ---------- 4. compare and lineage at scale (only with --with-compare; scripts/bench-compare.mjs owns these) ----------
const planFiles = [];
if (process.argv.includes('--with-compare')) {
  const out2 = join(work, 'out-compare');
  spawnSync(process.execPath, [BIN, 'extract', '-q', '-o', out2, corpus], { stdio: 'ignore' });
  planFiles.push(...readdirSync(out2).filter((f) => f.endsWith('.plan.yaml')).sort().map((f) => join(out2, f)));
}
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
const tableOf = (rs) => ['| area | measurement | result | goal | |', '|---|---|---|---|---|', ...rs.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const section = `## extract batch

Measured by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}; cold start medians of ${Math.max(RUNS, 9)} runs,
batches medians of ${batchRuns}, each a fresh \`node bin/qplan.js\` process with its output to a folder or /dev/null.

- machine: ${cpu}, ${cpus().length} cores (${cores} available), Node ${process.version}, ${process.platform}
- load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}. On a shared machine wall time is noisy:
  CPU time (user+sys) is the steadier figure, and "by CPU" speed-ups assume idle cores.
- corpus: ${N} synthetic files, ${corpusMB.toFixed(1)} MB: ${mix}; text, HTML and Markdown made from the seeds and
  their format variants with renamed jurisdictions, shuffled tasks and perturbed numbers; PDF and DOCX copied
- "extract only" is \`extractPlan\` alone on warm documents in one process (no reading, writing or start-up), on up
  to 600 documents of each kind; its floor is decoding the same bytes and one regex pass over them
- the default job count follows the rule in docs/performance.md (one job unless the batch is large and a core is idle)

${tableOf(extractRows)}
`;
const benchPath = join(ROOT, 'BENCHMARKS.md');
const before = existsSync(benchPath) ? readFileSync(benchPath, 'utf8') : '# Benchmarks\n';
const at = before.indexOf('\n## extract batch\n');
let md;
if (at >= 0) {
  const next = before.indexOf('\n## ', at + 1);
  md = `${before.slice(0, at + 1)}${section}${next >= 0 ? before.slice(next) : ''}`;
} else md = `${before.trimEnd()}\n\n${section}`;
if (rows.length > 0) md = `${md.trimEnd()}\n\n## compare at scale (bench.mjs --with-compare)\n\n${tableOf(rows)}\n`;
writeFileSync(benchPath, md);
console.log(tableOf([...extractRows, ...rows]));
if (!KEEP) rmSync(work, { recursive: true, force: true });
else console.error(`kept ${work}`);

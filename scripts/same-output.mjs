#!/usr/bin/env node
// Says whether this working tree's qplan writes the same bytes as another commit's, over every input the project
// ships: the seeds, the variants, the documents, the devset and the fixture folders. A re-layout must leave every
// output unchanged; a change of behaviour shows here as a diff, file by file.
//
//   node scripts/same-output.mjs [--ref REF] [--only extract,validate,table,compare] [--keep]
//
// REF defaults to the tag `layout-base` (commit f330c58, the last before the issue-16 re-layout), or that commit
// when the clone has no tag. The reference is checked out into a temporary git worktree, shares this
// tree's node_modules and is compiled there once (cached by commit under $TMPDIR). Exit 0 when every output is the
// same, 1 when one differs (the first lines of each difference are printed), 2 when it could not run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const ref = opt('--ref', 'layout-base');
const FALLBACK = 'f330c589f09a';
const only = new Set(opt('--only', 'extract,validate,table,compare').split(','));
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();

let sha;
try {
  sha = git('rev-parse', '--verify', `${ref}^{commit}`);
} catch {
  try {
    if (ref !== 'layout-base') throw new Error();
    sha = git('rev-parse', '--verify', `${FALLBACK}^{commit}`);
  } catch {
    console.error(`same-output: no commit named ${ref}`);
    process.exit(2);
  }
}

// the reference build, once per commit
const refDir = join(tmpdir(), `qplan-ref-${sha.slice(0, 12)}`);
if (!existsSync(join(refDir, 'dist', 'cli', 'main.js'))) {
  rmSync(refDir, { recursive: true, force: true });
  try { git('worktree', 'prune'); } catch { /* nothing to prune */ }
  git('worktree', 'add', '--detach', refDir, sha);
  symlinkSync(join(root, 'node_modules'), join(refDir, 'node_modules'));
  execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: refDir, stdio: 'inherit' });
  execFileSync('node', ['scripts/copy-assets.mjs'], { cwd: refDir, stdio: 'inherit' });
}
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('same-output: this tree is not built; run `npm run build` first');
  process.exit(2);
}

// every input the project ships, relative to the root, in a stable order
const INPUT = /\.(txt|html?|md|markdown|pdf|docx)$/i;
const PLAN = /\.plan\.(ya?ml|json)$|\.gold\.ya?ml$/i;
function walk(dir, keep) {
  const out = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const rel = join(dir, name);
    const st = statSync(join(root, rel));
    if (st.isDirectory()) out.push(...walk(rel, keep));
    else if (keep.test(name)) out.push(rel);
  }
  return out;
}
const inputs = [...walk('seeds', INPUT), ...walk('fixtures', INPUT)].filter((f) => !f.startsWith('fixtures/cli/'));
const plans = walk('fixtures', PLAN);
const seeds = walk('seeds', /\.txt$/);

// each job: a name and a qplan argument list; stdout, stderr and the exit code are compared
const jobs = [];
if (only.has('extract')) {
  for (const format of ['yaml', 'json', 'ndjson']) jobs.push([`extract -f ${format}`, ['extract', '-v', '-j', '1', '-f', format, ...inputs]]);
  jobs.push(['extract --strict -q', ['extract', '--strict', '-q', '-j', '1', '-f', 'ndjson', ...inputs]]);
  jobs.push(['extract -o', ['extract', '-j', '1', '-o', '{OUT}/extract', ...inputs]]);
}
if (only.has('validate')) {
  jobs.push(['validate plans', ['validate', ...plans]]);
  jobs.push(['validate plans -f json', ['validate', '-f', 'json', ...plans]]);
  jobs.push(['validate raw', ['validate', ...inputs]]);
}
if (only.has('table')) jobs.push(['table -o', ['table', '-o', '{OUT}/table', ...seeds]]);
if (only.has('compare')) {
  for (const view of ['themes', 'indicators', 'agencies', 'tasks', 'gaps']) {
    jobs.push([`compare ${view} json`, ['compare', '--view', view, '-f', 'json', ...seeds]]);
    jobs.push([`compare ${view} table`, ['compare', '--view', view, '-f', 'table', ...seeds]]);
  }
}

function runAll(cwdRoot, outRoot) {
  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(outRoot, { recursive: true });
  const results = new Map();
  for (const [name, argv] of jobs) {
    const a = argv.map((x) => x.replace('{OUT}', outRoot));
    // inputs are read from this tree in both runs, so only the program differs
    const r = spawnSync('node', [join(cwdRoot, 'bin', 'qplan.js'), ...a], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COLUMNS: '120' } });
    const clean = (s) => s.split(outRoot).join('{OUT}');
    results.set(name, { status: r.status, stdout: clean(r.stdout), stderr: clean(r.stderr) });
  }
  return results;
}
const filesUnder = (dir) => (existsSync(dir) ? walkAbs(dir, dir) : []);
function walkAbs(base, dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walkAbs(base, p));
    else out.push(relative(base, p));
  }
  return out;
}

const work = join(tmpdir(), `qplan-same-${process.pid}`);
const before = runAll(refDir, join(work, 'ref'));
const after = runAll(root, join(work, 'now'));

let differ = 0;
const show = (what, a, b) => {
  differ++;
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (i < la.length && la[i] === lb[i]) i++;
  console.log(`✗ ${what}: first difference at line ${i + 1}`);
  console.log(`  ${ref}: ${JSON.stringify((la[i] ?? '<end>').slice(0, 200))}`);
  console.log(`  now:  ${JSON.stringify((lb[i] ?? '<end>').slice(0, 200))}`);
};
for (const [name] of jobs) {
  const a = before.get(name);
  const b = after.get(name);
  if (a.status !== b.status) show(`${name}: exit code`, String(a.status), String(b.status));
  if (a.stdout !== b.stdout) show(`${name}: stdout`, a.stdout, b.stdout);
  if (a.stderr !== b.stderr) show(`${name}: stderr`, a.stderr, b.stderr);
}
for (const sub of ['extract', 'table']) {
  const da = join(work, 'ref', sub);
  const db = join(work, 'now', sub);
  const fa = filesUnder(da);
  const fb = filesUnder(db);
  if (fa.join('\n') !== fb.join('\n')) show(`${sub} -o: file list`, fa.join('\n'), fb.join('\n'));
  for (const f of fa.filter((x) => fb.includes(x))) {
    const a = readFileSync(join(da, f));
    const b = readFileSync(join(db, f));
    if (!a.equals(b)) show(`${sub} -o: ${f}`, a.toString('utf8').split(join(work, 'ref')).join('{OUT}'), b.toString('utf8').split(join(work, 'now')).join('{OUT}'));
  }
}
if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
const total = jobs.length;
console.log(differ === 0
  ? `same-output: identical to ${ref} (${sha.slice(0, 9)}) — ${total} runs over ${inputs.length} inputs and ${plans.length} plan files`
  : `same-output: ${differ} difference(s) from ${ref} (${sha.slice(0, 9)})`);
writeFileSync(join(tmpdir(), 'qplan-same-last.txt'), `${differ}\n`);
process.exit(differ === 0 ? 0 : 1);

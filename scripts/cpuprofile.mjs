#!/usr/bin/env node
// `node scripts/cpuprofile.mjs FILE.cpuprofile [--top 40] [--callers NAME] [--lines NAME]`: reads a V8 CPU profile
// (`node --cpu-prof`) without DevTools: self time by function and by file (bottom-up), inclusive time by function
// (top-down), the callers of one function with the time spent under each, or one function's self ticks by source
// line. Profile with `--no-turbo-inlining` as well when a hot caller's self time hides the functions it inlined.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) { console.error('usage: cpuprofile.mjs FILE.cpuprofile [--top N] [--callers NAME] [--lines NAME]'); process.exit(2); }
const p = JSON.parse(readFileSync(file, 'utf8'));
const top = Number(opt('--top', 40));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfMs = new Map();
for (let i = 0; i < p.samples.length; i++) selfMs.set(p.samples[i], (selfMs.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
const short = (url) => url.replace(/.*\/(src|dist|node_modules|scripts)\//, '$1/');
const fn = (n) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
const show = (title, m) => {
  console.log(`\n== ${title} (total ${total.toFixed(0)} ms)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${v.toFixed(0).padStart(7)} ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
};
const inclusive = (n) => (selfMs.get(n.id) ?? 0) + (n.children ?? []).reduce((a, c) => a + inclusive(byId.get(c)), 0);

if (opt('--callers')) {
  const m = new Map();
  for (const n of p.nodes) if (n.callFrame.functionName === opt('--callers')) { const k = fn(byId.get(parent.get(n.id))); m.set(k, (m.get(k) ?? 0) + inclusive(n)); }
  show(`callers of ${opt('--callers')}, time under each`, m);
} else if (opt('--lines')) {
  const m = new Map();
  for (const n of p.nodes) if (n.callFrame.functionName === opt('--lines')) for (const t of n.positionTicks ?? []) m.set(`line ${t.line}`, (m.get(`line ${t.line}`) ?? 0) + t.ticks);
  console.log(`== self ticks of ${opt('--lines')} by line of its file`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${String(v).padStart(7)}  ${k}`);
} else {
  const self = new Map(), byFile = new Map(), incl = new Map();
  for (const n of p.nodes) {
    const t = selfMs.get(n.id) ?? 0;
    self.set(fn(n), (self.get(fn(n)) ?? 0) + t);
    const f = short(n.callFrame.url) || n.callFrame.functionName;
    byFile.set(f, (byFile.get(f) ?? 0) + t);
    // inclusive: the sample's time counts once for every distinct function on its stack (recursion counted once)
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) { const k = fn(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } }
  }
  show('self time by function (bottom-up)', self);
  show('self time by file', byFile);
  show('inclusive time by function (top-down)', incl);
}

#!/usr/bin/env node
// `node scripts/ab-extract.mjs REF_DIST [txt|html|md] [--secs 10]`: A/B of `extractPlan` between another build's
// dist/ (e.g. the reference build same-output.mjs keeps in $TMPDIR) and this tree's, both loaded in one process and
// run document by document in turn, so that whatever else the machine is doing weighs on both sides alike. Each
// side is timed by the CPU time of its own calls (process.cpuUsage; wall time counts the other processes a loaded
// machine runs meanwhile). Prints each side's MB/s by its own time and the ratio. On a shared machine this is the
// comparison to trust; absolute MB/s are only as good as the machine is quiet.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractDocs } from './extract-docs.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const [refDist, kind = 'txt'] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--secs');
const i = process.argv.indexOf('--secs');
const SECS = i >= 0 ? Number(process.argv[i + 1]) : 10;
if (!refDist) { console.error('usage: ab-extract.mjs REF_DIST [txt|html|md] [--secs 10]'); process.exit(2); }
const sides = [
  { name: 'ref', extract: (await import(join(resolve(refDist), 'pipeline.js'))).extractPlan, t: 0 },
  { name: 'this', extract: (await import(join(ROOT, 'dist/pipeline.js'))).extractPlan, t: 0 },
];
const docs = extractDocs(ROOT, kind);
for (const s of sides) for (let r = 0; r < 3; r++) for (const d of docs) await s.extract(d.bytes, { path: d.name });
let bytes = 0;
const t0 = performance.now();
for (let r = 0; performance.now() - t0 < SECS * 1000; r++) {
  for (const d of docs) {
    // alternate which side goes first, so neither always runs on a cache the other warmed
    for (const s of r % 2 ? [sides[1], sides[0]] : sides) {
      const c = process.cpuUsage();
      await s.extract(d.bytes, { path: d.name });
      const u = process.cpuUsage(c);
      s.t += (u.user + u.system) / 1000;
    }
    bytes += d.bytes.length;
  }
}
const load = existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a';
const mbs = (s) => bytes / 1e6 / (s.t / 1000);
console.log(`${kind}: ref ${mbs(sides[0]).toFixed(1)} MB/s, this ${mbs(sides[1]).toFixed(1)} MB/s (${(sides[0].t / sides[1].t).toFixed(2)}× faster; ${(bytes / 1e6).toFixed(1)} MB each; load ${load})`);

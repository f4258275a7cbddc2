#!/usr/bin/env node
// `node scripts/profile-extract.mjs [txt|html|md] [--secs 8] [--dist DIR]`: runs `extractPlan` (dist/) in a warm loop over the
// seeds of one kind (plain text, or their fixtures/variants HTML pages / Markdown) and prints MB/s and docs/s. Run
// it under `node --cpu-prof --cpu-prof-dir=prof` and read the profile by inclusive time per stage; wall time on a
// shared machine is noisy, so the CPU time of the loop (process.cpuUsage) is printed beside it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractDocs } from './extract-docs.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const kind = process.argv[2] ?? 'txt';
const i = process.argv.indexOf('--secs');
const SECS = i >= 0 ? Number(process.argv[i + 1]) : 8;
const d = process.argv.indexOf('--dist');
const { extractPlan } = await import(join(d >= 0 ? resolve(process.argv[d + 1]) : join(ROOT, 'dist'), 'pipeline.js'));

const docs = extractDocs(ROOT, kind);
// warm up (lazy adapters, JIT)
for (const d of docs) await extractPlan(d.bytes, { path: d.name });
let bytes = 0, n = 0;
const t0 = performance.now(), c0 = process.cpuUsage();
while (performance.now() - t0 < SECS * 1000) {
  for (const d of docs) { await extractPlan(d.bytes, { path: d.name }); bytes += d.bytes.length; n++; }
}
const wall = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0), cpu = (c.user + c.system) / 1e6;
const load = existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a';
console.log(`${kind}: ${n} docs, ${(bytes / 1e6).toFixed(1)} MB in ${wall.toFixed(2)} s wall (${(bytes / 1e6 / wall).toFixed(1)} MB/s, ${(n / wall).toFixed(0)} docs/s), ${cpu.toFixed(2)} s CPU (${(bytes / 1e6 / cpu).toFixed(1)} MB/s); load ${load}`);

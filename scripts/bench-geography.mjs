// Measures the geography module (src/lexicon/geography.ts) after `npm run build`: the first-call load (reading
// divisions.json and building every index) in fresh processes, and findPlaces over a 2,000-character plan excerpt.
//   node scripts/bench-geography.mjs [RUNS]      (default 7 runs; prints min and median; CPU time beside wall time,
//                                                 since wall time on a shared machine includes waiting for a core)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

if (process.argv[2] === '--child') {
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const g = await import('../dist/lexicon/geography.js');
  // A fixed reference workload: on a quiet machine of this project's kind it takes about 10 ms; more means the
  // cores are shared and every figure below is inflated by the same factor.
  let t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e7; i++) x += i % 7;
  const refMs = performance.now() - t + (x < 0 ? 1 : 0);
  const c0 = cpu();
  const { loadMs, scanMs, places } = g.geographyStats();
  const loadCpu = cpu() - c0;
  const seed = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()[0];
  const text = readFileSync(`seeds/${seed}`, 'utf8').slice(0, 2000);
  for (let i = 0; i < 50; i++) g.findPlaces(text);
  t = performance.now();
  for (let i = 0; i < 500; i++) g.findPlaces(text);
  const findMs = (performance.now() - t) / 500;
  process.stdout.write(JSON.stringify({ refMs, loadMs, scanMs, totalMs: loadMs + scanMs, loadCpu, places, findMs }));
} else {
  const runs = Number(process.argv[2] ?? 7);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child'], { encoding: 'utf8' })));
  const stat = (k) => { const v = out.map((o) => o[k]).sort((a, b) => a - b); return `min ${v[0].toFixed(3)} median ${v[v.length >> 1].toFixed(3)}`; };
  console.log(`places: ${out[0].places}`);
  console.log(`reference loop, ms: ${stat('refMs')}`);
  console.log(`first load (table + name index), wall ms: ${stat('loadMs')}`);
  console.log(`scan index (first findPlaces), wall ms: ${stat('scanMs')}`);
  console.log(`both, wall ms: ${stat('totalMs')}`);
  console.log(`both, CPU ms of the process (GC threads included): ${stat('loadCpu')}`);
  console.log(`findPlaces on 2,000 chars, ms: ${stat('findMs')}`);
}

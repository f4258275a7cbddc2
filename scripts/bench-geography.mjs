// Measures the geography module (src/lexicon/geography.ts) after `npm run build`: the first-call load (reading
// divisions.tsv and building every index) in fresh processes, and findPlaces over a 2,000-character plan excerpt.
//   node scripts/bench-geography.mjs [RUNS]      (default 7 runs; prints min and median; CPU time beside wall time,
//                                                 since wall time on a shared machine includes waiting for a core)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

if (process.argv[2] === '--child') {
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const g = await import('../dist/lexicon/geography.js');
  const c0 = cpu();
  const { loadMs, places } = g.geographyStats();
  const loadCpu = cpu() - c0;
  const seed = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()[0];
  const text = readFileSync(`seeds/${seed}`, 'utf8').slice(0, 2000);
  for (let i = 0; i < 50; i++) g.findPlaces(text);
  const t = performance.now();
  for (let i = 0; i < 500; i++) g.findPlaces(text);
  process.stdout.write(JSON.stringify({ loadMs, loadCpu, places, findMs: (performance.now() - t) / 500 }));
} else {
  const runs = Number(process.argv[2] ?? 7);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child'], { encoding: 'utf8' })));
  const stat = (k) => { const v = out.map((o) => o[k]).sort((a, b) => a - b); return `min ${v[0].toFixed(3)} median ${v[v.length >> 1].toFixed(3)}`; };
  console.log(`places: ${out[0].places}`);
  console.log(`first load, wall ms: ${stat('loadMs')}`);
  console.log(`first load, CPU ms:  ${stat('loadCpu')}`);
  console.log(`findPlaces on 2,000 chars, ms: ${stat('findMs')}`);
}

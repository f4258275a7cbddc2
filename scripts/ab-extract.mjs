#!/usr/bin/env node
// `node scripts/ab-extract.mjs REF_DIST [txt|html] [--rounds 5] [--secs 3]`: A/B of `extractPlan` between another
// build's dist/ (e.g. the reference build same-output.mjs keeps in $TMPDIR) and this tree's, in alternating child
// processes (scripts/profile-extract.mjs's warm loop), keeping each side's best CPU-time MB/s. On a machine shared
// with other jobs wall time is noise; alternating runs and the best of several is the steadiest comparison there is.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const [refDist, kind = 'txt'] = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const opt = (n, d) => { const i = process.argv.indexOf(n); return i >= 0 ? Number(process.argv[i + 1]) : d; };
const ROUNDS = opt('--rounds', 5), SECS = opt('--secs', 3);
if (!refDist) { console.error('usage: ab-extract.mjs REF_DIST [txt|html|md]'); process.exit(2); }
const best = { ref: 0, this: 0 };
for (let r = 0; r < ROUNDS; r++) {
  for (const [side, dist] of [['ref', resolve(refDist)], ['this', join(ROOT, 'dist')]]) {
    const p = spawnSync(process.execPath, [join(ROOT, 'scripts/profile-extract.mjs'), kind, '--secs', String(SECS), '--dist', dist], { encoding: 'utf8' });
    const m = /\(([\d.]+) MB\/s\)/.exec(p.stdout.split('CPU')[1] ?? '');
    if (!m) { console.error(p.stdout, p.stderr); process.exit(2); }
    best[side] = Math.max(best[side], Number(m[1]));
    console.error(`${side} ${p.stdout.trim()}`);
  }
}
console.log(`${kind}: ref ${best.ref.toFixed(1)} MB/s, this ${best.this.toFixed(1)} MB/s by CPU time (best of ${ROUNDS}): ${(best.this / best.ref).toFixed(2)}×`);

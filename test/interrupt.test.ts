/**
 * Interrupting a batch: SIGINT/SIGTERM in the middle of `extract -o` over 200 files must leave only complete,
 * valid plan files (no half-written file, no temp file), and exit 130/143.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { Plan } from '../src/schema/plan.js';
import { SEEDS } from './helpers.js';

function corpus(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'qplan-int-'));
  mkdirSync(join(dir, 'in'));
  for (let i = 0; i < n; i++) copyFileSync(`seeds/${SEEDS[i % SEEDS.length]}.txt`, join(dir, 'in', `${String(i).padStart(4, '0')}.txt`));
  return dir;
}

async function interrupt(jobs: string, signal: NodeJS.Signals, expected: number) {
  const dir = corpus(200);
  const out = join(dir, 'out');
  const child = spawn(process.execPath, ['bin/qplan.js', 'extract', '-q', '--jobs', jobs, '-o', out, join(dir, 'in')], { stdio: 'ignore' });
  // exit status as a shell sees it: killed by the signal (its default action) counts as 128 + its number
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, sig) => resolve(code ?? (sig ? 128 + (constants.signals[sig] ?? 0) : null))));
  // wait until the batch is under way, then interrupt it
  for (let i = 0; i < 400; i++) {
    if (existsSync(out) && readdirSync(out).length >= 10) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill(signal);
  const code = await exited;
  const files = existsSync(out) ? readdirSync(out) : [];
  return { code, files, out, finished: files.length };
}

describe('interrupted batch', () => {
  for (const [jobs, signal, expected] of [['1', 'SIGINT', 130], ['2', 'SIGTERM', 143]] as const) {
    it(`--jobs ${jobs}, ${signal}: every output present is complete and valid`, async () => {
      const r = await interrupt(jobs, signal, expected);
      // the run may have finished before the signal on a fast machine; then it exits 0
      expect([expected, 0]).toContain(r.code);
      expect(r.files.filter((f) => !f.endsWith('.plan.yaml')), 'no temp files left').toEqual([]);
      if (r.code === expected) expect(r.finished).toBeLessThan(200);
      console.log(`${signal}: exit ${r.code}, ${r.finished} of 200 written`);
      for (const f of r.files) {
        const doc = YAML.parse(readFileSync(join(r.out, f), 'utf8'));
        const check = Plan.safeParse(doc);
        expect(check.success, `${f}: ${check.success ? '' : check.error.message}`).toBe(true);
      }
    });
  }
});

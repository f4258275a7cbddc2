/** The batch pool: results come back in input order, and a worker that dies hands its files to the main thread. */
import { describe, expect, it } from 'vitest';
import { runPool } from '../src/cli/batch/pool.js';
import type { JobResult } from '../src/cli/batch/job.js';

const opts = { format: 'yaml' as const };
const local = async (job: { path: string }): Promise<JobResult> => ({ path: job.path, diagnostics: [], text: `main:${job.path}` });
const dying = new URL('./support/dying-worker.mjs', import.meta.url);

describe('runPool', () => {
  it('hands results back in input order, whoever ran them', async () => {
    const jobs = Array.from({ length: 60 }, (_, i) => ({ path: `f${i}` }));
    const seen: string[] = [];
    await runPool(jobs, opts, 3, local, (r) => seen.push(r.path), dying);
    expect(seen).toEqual(jobs.map((j) => j.path));
  });
  it('a worker that dies hands its files back; the batch finishes', async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => ({ path: i === 7 ? 'crash-7' : `f${i}` }));
    const got: JobResult[] = [];
    await runPool(jobs, opts, 2, local, (r) => got.push(r), dying);
    expect(got.map((r) => r.path)).toEqual(jobs.map((j) => j.path));
    expect(got.find((r) => r.path === 'crash-7')?.text).toBe('main:crash-7');
    expect(got.every((r) => r.text !== undefined)).toBe(true);
  });
});

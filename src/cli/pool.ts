/**
 * Runs jobs across worker threads and hands results back in input order (a reorder buffer), so output stays
 * deterministic whatever finishes first. At most `jobs` files are in flight per worker pair; nothing else is held.
 */
import { Worker } from 'node:worker_threads';
import type { JobOptions, JobResult } from './job.js';

export interface PoolJob {
  path: string;
  out?: { path: string; tmp: string };
}

/** A roomier young generation: a plan's short-lived strings then die young instead of being promoted (~5%). */
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 64 } };

/** Workers of running pools, so an interrupt can stop them before cleaning up their temp files. */
const active = new Set<Worker>();

/** Stops every worker; a write in progress finishes first (a thread cannot be stopped inside a system call). */
export async function terminateAll(): Promise<void> {
  await Promise.all([...active].map((w) => w.terminate()));
  active.clear();
}

export async function runPool(jobs: PoolJob[], opts: JobOptions, threads: number, onResult: (r: JobResult, index: number) => void | Promise<void>): Promise<void> {
  // from the TypeScript sources (tests) the compiled worker is in dist/
  const url = new URL(import.meta.url.endsWith('.ts') ? '../../dist/cli/worker.js' : './worker.js', import.meta.url);
  const workers = Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, () => new Worker(url, WORKER_OPTIONS));
  for (const w of workers) active.add(w);
  const done = new Map<number, JobResult>();
  let next = 0, emitted = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      if (jobs.length === 0) return resolve();
      const flush = async () => {
        while (done.has(emitted)) {
          const r = done.get(emitted) as JobResult;
          done.delete(emitted);
          await onResult(r, emitted);
          emitted++;
        }
        if (emitted === jobs.length) resolve();
      };
      const feed = (w: Worker) => {
        if (next >= jobs.length) return;
        const id = next++;
        const job = jobs[id] as PoolJob;
        w.postMessage({ id, path: job.path, opts, out: job.out });
      };
      for (const w of workers) {
        w.on('message', (m: { id: number; result: JobResult }) => {
          done.set(m.id, m.result);
          feed(w);
          flush().catch(reject);
        });
        w.on('error', reject);
        // two jobs per worker keep it busy while the main thread prints
        feed(w);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => { active.delete(w); return w.terminate(); }));
  }
}

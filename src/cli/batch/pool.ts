/**
 * Batch extraction across cores. The main thread works too and `jobs - 1` worker threads help: every isolate
 * compiles the whole pipeline before it runs fast (~0.5 CPU-s), so an idle main thread beside two workers pays one
 * warm-up too many. Results are handed back in input order (a reorder buffer), so output stays deterministic
 * whatever finishes first; only small results travel between threads, and nothing holds the corpus.
 *
 * A worker that dies (out of its bounded heap on a huge file, or a crash) hands its files back to the main
 * thread, whose heap is larger; the batch goes on.
 */
import type { Worker } from 'node:worker_threads';
import type { JobOptions, JobResult } from './job.js';
import { holdSignals } from '../signals.js';

export interface PoolJob {
  path: string;
  out?: { path: string; tmp: string };
}

/**
 * Workers keep a bounded heap, so a long batch's memory stays flat; files that need more go back to the main thread.
 * A young generation of 24 MB (8 MB semi-spaces, not 16) saved ~27 MB of peak RSS on the corpus's PDFs, which the
 * workers read, at the same CPU time (docs/performance.md, "Memory").
 */
const WORKER_OPTIONS = { resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 24 } };
/**
 * Jobs in flight per worker: one running, the others queued. The main thread reads a worker's messages only
 * between its own jobs, and one of those (a PDF) can take a second: with only one job queued, a worker finishing
 * text files in tens of milliseconds sat idle for most of it.
 */
const IN_FLIGHT = 4;
/** Results the main thread may hold ahead of a slow earlier file before it waits (plans of ~50 KB each). */
const MAX_AHEAD = 256;
/** Inputs the main thread leaves to the workers (see `take`). */
const HEAVY = /\.(?:pdf|docx)$/i;

/** Workers of running pools, so an interrupt can stop them before cleaning up their temp files. */
const active = new Set<Worker>();
let stopping = false;

/** Stops every worker; a write in progress finishes first (a thread cannot be stopped inside a system call). */
export async function terminateAll(): Promise<void> {
  stopping = true;
  await Promise.all([...active].map((w) => w.terminate()));
  active.clear();
}

export async function runPool(
  jobs: PoolJob[],
  opts: JobOptions,
  threads: number,
  local: (job: PoolJob) => Promise<JobResult>,
  onResult: (r: JobResult, index: number) => void,
  workerUrl?: URL,
  /** Resolves when the output can take more (stdout drained): no job starts, on any thread, before it does. */
  ready: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  // from the TypeScript sources (tests) the compiled worker is in dist/
  const url = workerUrl ?? new URL(import.meta.url.endsWith('.ts') ? '../../../dist/cli/batch/worker.js' : './worker.js', import.meta.url);
  // loaded here, not at start-up: node:worker_threads costs ~10 ms that --help and one-file runs need not pay
  const { Worker } = await import('node:worker_threads');
  const results = new Map<number, JobResult>();
  const retry: number[] = [];
  // PDF and DOCX files (0.4-2.5 CPU-s each, against ~30 ms for a text) are left to the workers while any runs: the
  // main thread reads worker messages only between its own jobs, so a PDF there starved every worker meanwhile
  const heavy: number[] = [];
  const isHeavy = (id: number) => !opts.from && HEAVY.test((jobs[id] as PoolJob).path);
  let next = 0, emitted = 0;
  let workersUp = 0;
  const take = (onMain = false): number => {
    if (stopping) return -1;
    if (retry.length > 0) return retry.shift() as number;
    if (!onMain && heavy.length > 0) return heavy.shift() as number;
    while (next < jobs.length) {
      const id = next++;
      if (!onMain || workersUp === 0 || !isHeavy(id)) return id;
      heavy.push(id);
    }
    // nothing light is left: with no worker to run them, the heavy files are the main thread's after all
    return onMain && workersUp === 0 && heavy.length > 0 ? heavy.shift() as number : -1;
  };
  const flush = () => {
    while (results.has(emitted)) {
      const r = results.get(emitted) as JobResult;
      results.delete(emitted);
      onResult(r, emitted);
      emitted++;
    }
  };
  let wake: (() => void) | null = null;
  const poke = () => { wake?.(); wake = null; };

  const runWorker = () => new Promise<void>((resolve) => {
    const w = new Worker(url, WORKER_OPTIONS);
    active.add(w);
    workersUp++;
    const inflight = new Set<number>();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      workersUp--;
      active.delete(w);
      void w.terminate();
      resolve();
    };
    const feed = () => {
      if (done) return;
      while (inflight.size < IN_FLIGHT) {
        const id = take();
        if (id < 0) break;
        inflight.add(id);
        const job = jobs[id] as PoolJob;
        w.postMessage({ id, path: job.path, opts, out: job.out });
      }
      if (inflight.size === 0) finish();
    };
    w.on('message', (m: { id: number; result: JobResult }) => {
      inflight.delete(m.id);
      results.set(m.id, m.result);
      flush();
      void ready().then(feed);
    });
    const lost = () => {
      if (done) return;
      // its files go back to the main thread
      retry.push(...inflight);
      inflight.clear();
      poke();
      finish();
    };
    w.on('error', lost);
    w.on('exit', lost);
    feed();
  });

  const mainLoop = async () => {
    for (;;) {
      await ready();
      // while a worker reads a PDF, the main thread runs ahead; what it finished waits for the PDF in memory
      const id = results.size < MAX_AHEAD || active.size === 0 ? take(true) : -1;
      if (id < 0) {
        // nothing left to start: wait for a worker to hand files back, or for the workers to finish
        if (active.size === 0 || stopping) return;
        await new Promise<void>((r) => { wake = r; setTimeout(r, 50); });
        continue;
      }
      results.set(id, await local(jobs[id] as PoolJob));
      flush();
      // let worker messages in between jobs
      await new Promise((r) => setImmediate(r));
    }
  };

  stopping = false;
  const helpers = Math.max(0, Math.min(threads - 1, jobs.length - 1));
  // workers write temp files of their own: an interrupt must stop them and remove those
  const release = holdSignals();
  const workers = Array.from({ length: helpers }, runWorker);
  try {
    await Promise.all([mainLoop(), ...workers]);
  } finally {
    release();
  }
  // files handed back after the main loop had finished
  for (let id = take(true); id >= 0; id = take(true)) { results.set(id, await local(jobs[id] as PoolJob)); flush(); }
  flush();
}

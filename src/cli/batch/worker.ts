/** Worker-thread entry for batch extraction: receives jobs, runs them, posts small results back. */
import { parentPort } from 'node:worker_threads';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { runJob, type JobOptions } from './job.js';
import { readBounded } from '../io.js';

// a worker has nothing else to do while it waits: synchronous fs is the cheapest here
const fs = {
  readFile: (p: string, limit?: number) => readBounded(p, limit),
  writeFile: async (p: string, d: string) => writeFileSync(p, d),
  rename: async (a: string, b: string) => renameSync(a, b),
  unlink: async (p: string) => unlinkSync(p),
};

parentPort?.on('message', async (m: { id: number; path: string; opts: JobOptions; out?: { path: string; tmp: string } }) => {
  const result = await runJob(fs, m.path, m.opts, m.out);
  parentPort?.postMessage({ id: m.id, result });
});

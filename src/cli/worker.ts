/** Worker-thread entry for batch extraction: receives jobs, runs them, posts small results back. */
import { parentPort } from 'node:worker_threads';
import { promises as fsp } from 'node:fs';
import { runJob, type JobOptions } from './job.js';

const fs = {
  readFile: (p: string) => fsp.readFile(p),
  writeFile: (p: string, d: string) => fsp.writeFile(p, d),
  rename: (a: string, b: string) => fsp.rename(a, b),
  unlink: (p: string) => fsp.unlink(p),
};

parentPort?.on('message', async (m: { id: number; path: string; opts: JobOptions; out?: { path: string; tmp: string } }) => {
  const result = await runJob(fs, m.path, m.opts, m.out);
  parentPort?.postMessage({ id: m.id, result });
});

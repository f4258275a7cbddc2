/**
 * What an interrupt must clean up in a running batch: the temp files being written and the worker threads. The
 * bin calls {@link abortBatch} on SIGINT/SIGTERM; the batch registers its temp files and checks {@link isAborted}.
 */
import { terminateAll } from './pool.js';

/** Temp files being written right now; removed by {@link abortBatch} when the process is interrupted. */
export const pendingTemps = new Set<string>();

/**
 * On SIGINT/SIGTERM (called by the bin): stop starting jobs, stop the workers, then remove the temp files that
 * were being written, so only complete plans remain in the output directory.
 */
export async function abortBatch(unlinkSync: (p: string) => void): Promise<void> {
  aborted = true;
  await terminateAll();
  for (const t of pendingTemps) {
    try { unlinkSync(t); } catch { /* already renamed or never created */ }
  }
  pendingTemps.clear();
}
let aborted = false;

/** Whether an interrupt has stopped the batch: start no more files. */
export function isAborted(): boolean {
  return aborted;
}


/**
 * How many jobs a batch runs when `--jobs` is not given. Every worker thread is a fresh isolate that compiles
 * and warms the whole pipeline (about half a CPU-second, more on a loaded machine) and collects its own garbage,
 * so a second job only pays back on a batch large enough, and only on a core nobody else is using:
 * - one job for a small batch (under MIN_FILES files or BYTES_PER_JOB bytes of input per extra job);
 * - never more jobs than idle cores (cores minus the one-minute load average, rounded), and at least one.
 * The rule is documented in docs/performance.md; figures in BENCHMARKS.md.
 */

/** Fewer files than this always run in one job. */
export const MIN_FILES = 4;
/** Input bytes each job beyond the first must have to pay back its warm-up. */
export const BYTES_PER_JOB = 16 * 1024 * 1024;

export interface Machine {
  /** Cores this process may use (`os.availableParallelism()`). */
  cores: number;
  /** The one-minute load average (`os.loadavg()[0]`; 0 where the platform has none). */
  load: number;
}

/** The default job count for `files` inputs of `bytes` bytes in all. */
export function defaultJobs(files: number, bytes: number, machine: Machine): number {
  if (files < MIN_FILES) return 1;
  const idle = Math.round(machine.cores - machine.load);
  const byWork = 1 + Math.floor(bytes / BYTES_PER_JOB);
  return Math.max(1, Math.min(machine.cores, idle, byWork, files));
}

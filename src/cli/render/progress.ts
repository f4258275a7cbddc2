/** The progress line of a long batch on a terminal. */
import type { Io } from '../io.js';

/** `[12/340] file…` on stderr, only on a terminal with a width, only for long runs, never with --quiet. */
export function makeProgress(io: Io, total: number, quiet: boolean) {
  const on = !quiet && io.stderr.isTTY && (io.stderr.columns ?? 0) > 0 && total >= 50;
  let n = 0, shown = false;
  return {
    tick(path: string) {
      n++;
      if (!on || (n % 10 !== 0 && n !== total)) return;
      const width = (io.stderr.columns ?? 80) - 1;
      const line = `[${n}/${total}] ${path}`;
      io.stderr.write(`\r${line.length > width ? line.slice(0, width) : line.padEnd(width)}`);
      shown = true;
    },
    clear(): string {
      if (!shown) return '';
      shown = false;
      return `\r${' '.repeat((io.stderr.columns ?? 80) - 1)}\r`;
    },
  };
}

/**
 * Usage failures of a command: a mistake in the arguments or an input that cannot be used, found while running.
 * One message `qplan <command>: …` on stderr (control and bidi characters shown visibly) and exit code 2.
 */
import type { Io } from './io.js';
import { visible } from './render/visible.js';

/** Thrown inside a command for a usage failure; the command's runner turns it into its message and exit 2. */
export class UsageError extends Error {}

/** `fail(message)` writes `qplan <command>: message` and returns exit code 2. */
export function usageFailure(io: Io, command: string): (message: string) => number {
  return (message) => {
    io.stderr.write(`qplan ${command}: ${visible(message)}\n`);
    return 2;
  };
}

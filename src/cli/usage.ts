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

/**
 * Whether `e` means "this input cannot be used" (the user's to fix: exit 2 with its message) rather than a crash.
 * The library's error classes are loaded here only on this error path, so a run that succeeds never pays for them.
 */
export async function isInputProblem(e: unknown): Promise<boolean> {
  if (e instanceof UsageError) return true;
  const [{ InputError }, { PlanInputError }, { VocabularyError }, { ReferenceError }] = await Promise.all([
    import('../diagnostics.js'), import('../plan-io/load.js'), import('../compare/vocab.js'), import('../lineage/references.js'),
  ]);
  return e instanceof InputError || e instanceof PlanInputError || e instanceof VocabularyError || e instanceof ReferenceError;
}

/**
 * The exit code of a command that threw `e`: 2 with its message for an input the user must fix (an unusable input,
 * a file that is missing or unreadable), 0 for a closed pipe; anything else is a crash and is thrown on.
 */
export async function failureExit(e: unknown, fail: (message: string) => number): Promise<number> {
  const err = e as Error;
  if (await isInputProblem(err)) return fail(err.message);
  if ((err as NodeJS.ErrnoException).code === 'EPIPE') return 0;
  if (/^[^:]+: (?:no such file|permission denied)/.test(err.message)) return fail(err.message);
  throw e;
}

/**
 * `run(argv, io) → exit code`. Builds a fresh commander program per call (so tests can call it repeatedly),
 * routes commander's own output through `io`, and maps failures onto the exit-status contract:
 * 0 ran clean (warnings allowed) · 1 a file had errors (or --strict and warnings) · 2 usage, I/O or crash.
 */
import { Command, CommanderError } from 'commander';
import { OutputError, type Io } from './io.js';
import { ioMessage } from './batch/files.js';
import { displayWidth } from './width.js';
import type { CommandModule } from './commands/command.js';
import * as extractCmd from './commands/extract.js';
import * as compareCmd from './commands/compare.js';
import * as validateCmd from './commands/validate.js';
import * as schemaCmd from './commands/schema.js';
import * as lineageCmd from './commands/lineage.js';
import * as tableCmd from './commands/table.js';

export const VERSION = '0.1.0';


const EXIT_HELP = `
Exit status:
  0  ran; no error diagnostics (warnings allowed)
  1  ran, and a file had errors (with --strict: warnings too)
  2  could not do the job: bad usage, unreadable or unsupported input, internal error`;

export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const exit = (code: number) => { exitCode = code; };
  const program = new Command('qplan');
  program
    .description('Read Chinese government quality-strong plans (质量强区/市/省建设实施方案) into data; compare and validate them.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput(output(io))
    .configureHelp({ displayWidth, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .addHelpText('after', `
Examples:
  qplan extract seeds/000_3c93fe66f1b042f6.txt            # YAML on stdout
  qplan extract --format json -o out/ seeds/              # one out/<name>.plan.json per input
  qplan compare seeds/000* seeds/001* seeds/003* seeds/004*
  qplan validate plans/
  qplan table -o tables/ seeds/                           # plans, targets, tasks, units, themes as CSV
${EXIT_HELP}`);
  for (const mod of [extractCmd, compareCmd, lineageCmd, validateCmd, tableCmd, schemaCmd] as CommandModule[]) mod.define(program, io, exit);
  program.commands.forEach((c) => c.exitOverride().configureOutput(output(io)).configureHelp({ displayWidth }));
  try {
    if (argv.length === 0) {
      io.stdout.write(program.helpInformation());
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    // a full disk is only known once the data has reached it: a run that lost output did not do its job
    await io.stdout.flush?.();
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help / --version are "errors" to commander with exit code 0
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isEpipe(e)) return 0;
    if (e instanceof OutputError) {
      io.stderr.write(`qplan: cannot write to standard output: ${ioMessage(e)}\n`);
      return 2;
    }
    io.stderr.write(`qplan: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

/** Commander's output routed through io; help wraps at the terminal's width (80 when not a terminal). */
function output(io: Io) {
  return {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns ?? 80 : 80),
    getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns ?? 80 : 80),
  };
}

function isEpipe(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'EPIPE';
}

export { abortBatch } from './batch/abort.js';
export { onSignalHolds } from './signals.js';

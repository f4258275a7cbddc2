/**
 * What a subcommand module exports. `define` declares the subcommand and its options on the program; its action
 * computes the command's exit code and hands it to `exit`. Kept apart from main.ts, which imports every command,
 * so that no command imports main.
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';

/** Receives a command's exit code (0 ran clean · 1 errors found · 2 could not do the job). */
export type Exit = (code: number) => void;

export interface CommandModule {
  define(program: Command, io: Io, exit: Exit): void;
}

/** `qplan validate`: placeholder until issue 5 lands. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';

export function define(program: Command, io: Io, state: RunState): void {
  program.command('validate').description('check plan files and plan YAML against the schema').action(() => {
    io.stderr.write('qplan validate: not implemented yet\n');
    state.exitCode = 2;
  });
}

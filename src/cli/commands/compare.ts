/** `qplan compare`: placeholder until issue 4 lands. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';

export function define(program: Command, io: Io, state: RunState): void {
  program.command('compare').description('compare plans side by side').action(() => {
    io.stderr.write('qplan compare: not implemented yet\n');
    state.exitCode = 2;
  });
}

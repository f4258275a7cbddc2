/** `qplan schema`: placeholder until issue 5 lands. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';

export function define(program: Command, io: Io, state: RunState): void {
  program.command('schema').description('print the JSON Schema of qplan/plan@1').action(() => {
    io.stderr.write('qplan schema: not implemented yet\n');
    state.exitCode = 2;
  });
}

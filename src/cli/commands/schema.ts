/**
 * `qplan schema`: prints the JSON Schema (draft 2020-12) of qplan/plan@1, generated from the zod schema.
 * `npm run schema` writes it to schema/plan.schema.json; a test keeps that file equal to this output.
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { Exit } from './command.js';

export function define(program: Command, io: Io, exit: Exit): void {
  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of qplan/plan@1 documents')
    .addHelpText('after', `
Examples:
  qplan schema > schema/plan.schema.json
  qplan schema | jq '.properties.tasks.items.required'`)
    .action(async () => {
      // zod loads only here and in validate: `qplan --help` and extract never pay for it
      const { planSchema } = await import('../../validate/schema.js');
      io.stdout.write(`${JSON.stringify(planSchema(), null, 2)}\n`);
      exit(0);
    });
}

/**
 * `qplan table PLAN…`: plans (raw files, plan YAML/JSON/NDJSON, folders, `-`) to the tidy long tables of a corpus
 * (plans, targets, tasks, units, themes) as CSV, TSV, NDJSON, XLSX or Parquet. `-o DIR` writes DIR/<table>.<ext>,
 * `-o FILE.xlsx` one workbook, no `-o` one table on stdout. The XLSX and Parquet writers load only when used.
 */
import { Command, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io.js';
import type { Exit } from './command.js';
import type { Plan } from '../../model.js';
import { maxSizeOption } from '../max-size.js';
import { visible } from '../render/visible.js';
import { UsageError, failureExit, usageFailure } from '../usage.js';
import { PLAN_INPUT_EXT, extPattern } from '../../source/extensions.js';

type Format = 'csv' | 'tsv' | 'ndjson' | 'xlsx' | 'parquet';
const FORMATS: readonly Format[] = ['csv', 'tsv', 'ndjson', 'xlsx', 'parquet'];
const NAMES = ['plans', 'targets', 'tasks', 'units', 'themes'] as const;
type Name = (typeof NAMES)[number];

interface Opts {
  table?: string;
  format?: Format;
  output?: string;
  taxonomy?: string;
  maxSize: number;
}

/** What a folder walk takes: raw plans and plan documents. */
const INPUT_EXT = extPattern(PLAN_INPUT_EXT);

export function define(program: Command, io: Io, exit: Exit): void {
  program
    .command('table')
    .description('plans to tidy tables (plans, targets, tasks, units, themes) for pandas, DuckDB and Excel')
    .argument('<plans...>', 'raw plan files, plan YAML/JSON/NDJSON, directories, or - for stdin')
    .option('--table <names>', `comma-separated tables (${NAMES.join(', ')}); default: all with -o, and one must be named for stdout`)
    .addOption(new Option('-f, --format <format>', 'output format (default: from the -o extension, else csv)').choices([...FORMATS]))
    .option('-o, --output <path>', 'a folder for <table>.<ext> files, FILE.xlsx for one workbook, or FILE.<ext> for one table')
    .option('--taxonomy <file>', 'theme taxonomy YAML instead of the built-in one (as for compare)')
    .addOption(maxSizeOption())
    .addHelpText('after', `
Examples:
  qplan table --table targets seeds/ > targets.csv
  qplan table -f parquet -o tables/ seeds/           # tables/plans.parquet, tables/targets.parquet …
  qplan table -o corpus.xlsx seeds/                  # one workbook, a sheet per table
  qplan extract -q -f ndjson seeds/ | qplan table --table tasks -f ndjson -

Exit status: 0 ok · 2 usage, unreadable input or unwritable output`)
    .action(async (files: string[], opts: Opts) => {
      exit(await tableCommand(files, opts, io));
    });
}

async function tableCommand(files: string[], opts: Opts, io: Io): Promise<number> {
  const fail = usageFailure(io, 'table');
  try {
    const names = opts.table === undefined ? [] : [...new Set(opts.table.split(/[,，]/).map((s) => s.trim()).filter(Boolean))];
    const unknown = names.filter((n) => !(NAMES as readonly string[]).includes(n));
    if (unknown.length > 0) return fail(`unknown table ${unknown.join(', ')} (tables: ${NAMES.join(', ')})`);
    const out = opts.output;
    const extFormat = out ? FORMATS.find((f) => out.toLowerCase().endsWith(`.${f}`)) : undefined;
    const format: Format = opts.format ?? extFormat ?? 'csv';
    // where the output goes: a workbook, one file, a folder of files, or stdout
    let mode: 'workbook' | 'file' | 'dir' | 'stdout';
    if (format === 'xlsx') {
      if (!out) return fail('XLSX is a binary workbook: give -o FILE.xlsx');
      mode = 'workbook';
    } else if (!out) {
      if (format === 'parquet') return fail('Parquet is binary: give -o DIR (one <table>.parquet each) or -o FILE.parquet with one --table');
      if (names.length !== 1) return fail(`one table goes to stdout: name it with --table (${NAMES.join(', ')}), or give -o DIR for all`);
      mode = 'stdout';
    } else if (extFormat === format) {
      if (names.length !== 1) return fail(`-o ${out} is one file: name one table with --table, or give a folder`);
      mode = 'file';
    } else mode = 'dir';
    const wanted = (names.length ? NAMES.filter((n) => names.includes(n)) : [...NAMES]) as Name[];

    const { collectInputs, ioMessage } = await import('../batch/files.js');
    const refs = await collectInputs(files, io, INPUT_EXT).catch((e: Error) => { throw new UsageError(e.message); });
    const unopenable = refs.find((r) => r.error);
    if (unopenable) return fail(`${unopenable.path}: ${unopenable.error}`);
    if (refs.length === 0) return fail(`no plan files found in ${files.join(' ')}`);
    if (out && mode !== 'dir') {
      const { outputProblem } = await import('../output.js');
      const problem = await outputProblem(io, out, refs.map((r) => r.path));
      if (problem) return fail(problem);
    }
    const { loadPlans } = await import('../../plan-io/load.js');
    const plans: Plan[] = [];
    for (const ref of refs) {
      let bytes: Uint8Array;
      try {
        bytes = ref.path === '-' ? await io.readStdin(opts.maxSize) : await io.fs.readFile(ref.path, opts.maxSize);
      } catch (e) {
        return fail(`${ref.path}: ${e instanceof Error && e.name === 'TooLargeError' ? e.message : ioMessage(e)}`);
      }
      plans.push(...(await loadPlans(ref.path, bytes, { whole: true })));
    }

    const { loadVocabulary } = await import('../../compare/vocab.js');
    const decoder = new TextDecoder();
    const taxonomyText = opts.taxonomy ? decoder.decode(await io.fs.readFile(opts.taxonomy, opts.maxSize)) : undefined;
    const vocabulary = await loadVocabulary(async (u) => decoder.decode(await io.fs.readFile(fileURLToPath(u))), { taxonomyText, taxonomySource: opts.taxonomy });
    const { buildTables } = await import('../../table/build.js');
    const tables = buildTables(plans, { vocabulary, tables: wanted });

    const render = async (t: (typeof tables)[number]): Promise<string | Uint8Array> => {
      if (format === 'parquet') return (await import('../render/table-parquet.js')).renderParquet(t);
      return (await import('../render/table-text.js')).renderTextTable(t, format as 'csv' | 'tsv' | 'ndjson');
    };
    if (mode === 'stdout') {
      io.stdout.write((await render(tables[0] as (typeof tables)[number])) as string);
      return 0;
    }
    const { writeOutput } = await import('../output.js');
    const written: string[] = [];
    const write = async (path: string, data: string | Uint8Array, rows: string) => {
      try {
        await writeOutput(io, path, data);
      } catch (e) {
        throw new UsageError(`cannot write ${path}: ${ioMessage(e)}`);
      }
      written.push(`${path} (${rows})`);
    };
    const rowsOf = (t: (typeof tables)[number]) => `${t.rows.length} row${t.rows.length === 1 ? '' : 's'}`;
    if (mode === 'workbook') {
      const { renderXlsx } = await import('../render/table-xlsx.js');
      await write(out as string, await renderXlsx(tables), tables.map((t) => `${t.name}: ${rowsOf(t)}`).join(', '));
    } else if (mode === 'file') {
      await write(out as string, await render(tables[0] as (typeof tables)[number]), rowsOf(tables[0] as (typeof tables)[number]));
    } else {
      const dir = (out as string).replace(/\/+$/, '') || '/';
      try {
        await io.fs.mkdir(dir);
      } catch (e) {
        const why = (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'it exists and is not a folder' : ioMessage(e);
        return fail(`cannot create the output folder ${dir}: ${why}`);
      }
      for (const t of tables) await write(`${dir}/${t.name}.${format}`, await render(t), rowsOf(t));
    }
    io.stderr.write(`qplan table: ${plans.length} plan${plans.length === 1 ? '' : 's'} → ${visible(written.join(', '))}\n`);
    return 0;
  } catch (e) {
    return failureExit(e, fail);
  }
}

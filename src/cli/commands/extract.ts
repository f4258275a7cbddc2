/**
 * `qplan extract [FILE…|-]`: plans to YAML (default), JSON or NDJSON on stdout, or one file per input with
 * `-o DIR`. Diagnostics go to stderr as `file:line: severity: message [code]`.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from '../io.js';
import type { Exit } from './command.js';
import { availableParallelism, loadavg } from 'node:os';
import { collectInputs, ioMessage, outputName, writeAtomic, type InputRef } from '../batch/files.js';
import { runJob, type JobResult } from '../batch/job.js';
import { runPool } from '../batch/pool.js';
import { isAborted, pendingTemps } from '../batch/abort.js';
import { makeProgress } from '../render/progress.js';
import { stageView } from '../render/stage.js';
import { defaultJobs } from '../batch/jobs.js';
import { planStream } from '../batch/stdout.js';
import { renderDiagnostic } from '../render/diagnostics.js';
import { visible } from '../render/visible.js';
import { maxSizeOption } from '../max-size.js';

interface Opts {
  format: 'yaml' | 'json' | 'ndjson';
  outDir?: string;
  from?: 'text' | 'html' | 'markdown' | 'pdf' | 'docx';
  encoding?: string;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  stage?: 'blocks' | 'outline';
  jobs?: number;
  maxSize: number;
}

export function define(program: Command, io: Io, exit: Exit): void {
  program
    .command('extract')
    .description('read plan files (text, HTML, Markdown, PDF, DOCX) into qplan/plan@1 documents')
    .argument('[files...]', 'plan files or directories; - reads stdin', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['yaml', 'json', 'ndjson']).default('yaml'))
    .option('-o, --out-dir <dir>', 'write one <name>.plan.<format> per input into DIR instead of stdout')
    .addOption(new Option('--from <format>', 'input format instead of detecting it').choices(['text', 'html', 'markdown', 'pdf', 'docx']))
    .option('--encoding <label>', 'input encoding instead of detecting it (utf-8, gb18030, utf-16le …)')
    .option('-j, --jobs <n>', 'parallel jobs (default: one for small batches; up to the idle cores for large ones)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
      return n;
    })
    .addOption(maxSizeOption())
    .option('--strict', 'exit 1 when any warning is reported')
    .option('-q, --quiet', 'print no diagnostics')
    .option('-v, --verbose', 'print info diagnostics too')
    .addOption(new Option('--stage <stage>', 'print an intermediate stage instead of the plan (debugging)').choices(['blocks', 'outline']))
    .addHelpText('after', `
Examples:
  qplan extract seeds/000_3c93fe66f1b042f6.txt
  qplan extract --format json seeds/004_59faef078171ecef.txt | jq '.targets[] | [.indicator, .value, .unit]'
  qplan extract -o out/ seeds/            # out/000_3c93fe66f1b042f6.plan.yaml …
  cat page.html | qplan extract --from html -

Exit status: 0 ok · 1 a file had errors (--strict: warnings) · 2 usage or unreadable input (in a batch too)`)
    .action(async (files: string[], opts: Opts) => {
      exit(await extractCommand(files, opts, io));
    });
}

async function extractCommand(files: string[], opts: Opts, io: Io): Promise<number> {
  if (files.length === 0) {
    io.stderr.write('qplan extract: no input files (give FILE…, a directory, or - for stdin)\n');
    return 2;
  }
  let inputs: InputRef[];
  try {
    inputs = await collectInputs(files, io);
  } catch (e) {
    io.stderr.write(`qplan extract: ${(e as Error).message}\n`);
    return 2;
  }
  if (inputs.length === 0) {
    io.stderr.write(`qplan extract: no plan files (.txt, .html, .md, .pdf, .docx) found in ${files.join(', ')}\n`);
    return 2;
  }
  // plan the outputs first: refuse any that would overwrite an input
  const outPaths = new Map<InputRef, string>();
  if (opts.outDir) {
    const names = outputName(inputs, opts.format);
    for (const inp of inputs) outPaths.set(inp, `${opts.outDir.replace(/\/+$/, '')}/${names.get(inp)}`);
    const inputReal = new Set<string>();
    for (const inp of inputs) if (inp.path !== '-') inputReal.add(await io.fs.realpath(inp.path).catch(() => inp.path));
    for (const [inp, out] of outPaths) {
      const real = await io.fs.realpath(out).catch(() => null);
      if (real && inputReal.has(real)) {
        io.stderr.write(`qplan extract: refusing to write ${out}: it is an input (${inp.path})\n`);
        return 2;
      }
    }
    try {
      // the folders of the mirrored tree, made before any worker writes into them
      const dirs = new Set([opts.outDir, ...[...outPaths.values()].map((o) => o.slice(0, o.lastIndexOf('/')))]);
      for (const d of [...dirs].sort()) await io.fs.mkdir(d);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'it exists and is not a folder' : ioMessage(e);
      io.stderr.write(`qplan extract: cannot create the output folder ${opts.outDir}: ${why}\n`);
      return 2;
    }
  }

  let failed = 0, withErrors = 0, withWarnings = 0;
  const notRead: string[] = [];
  // with -o the plans go to files (and --stage views nowhere, as before); otherwise to stdout in input order as they finish
  const stream = planStream(opts.outDir ? () => undefined : (t) => io.stdout.write(t), opts.format, !opts.stage);
  const progress = makeProgress(io, inputs.length, Boolean(opts.quiet));
  const results = new Map<string, JobResult>();
  const onResult = (r: JobResult) => {
    // the manifest needs only the counts: the plan text is not kept
    results.set(r.path, r.text === undefined ? r : { ...r, text: undefined });
    progress.tick(r.path);
    if (r.error) {
      failed++;
      notRead.push(r.path);
      io.stderr.write(`${progress.clear()}${visible(r.path)}: error: ${visible(r.error)}\n`);
      return;
    }
    for (const d of r.diagnostics) {
      if (d.severity === 'error') withErrors++;
      if (opts.quiet || (d.severity === 'info' && !opts.verbose)) continue;
      io.stderr.write(`${progress.clear()}${renderDiagnostic(r.path, d)}\n`);
    }
    if (r.diagnostics.some((d) => d.severity === 'warning')) withWarnings++;
    if (r.text !== undefined) stream.add(r.text);
  };
  const jobOpts = { format: opts.format, from: opts.from, encoding: opts.encoding, maxBytes: opts.maxSize };
  const jobs = opts.jobs ?? defaultJobs(inputs.length, inputs.reduce((n, i) => n + (i.size ?? 0), 0), { cores: availableParallelism(), load: loadavg()[0] ?? 0 });
  // loaded when a batch runs: --help need not pay for node:crypto
  const { randomBytes } = await import('node:crypto');
  // one random tag a batch and a count: as unique as a random name a file, without a CSPRNG call per file
  const batchTag = randomBytes(4).toString('hex');
  let tmpCount = 0;
  const tmpOf = (out: string) => `${out}.qplan-tmp-${batchTag}-${(tmpCount++).toString(36)}`;

  // files that cannot even be opened (a name that is not UTF-8) are reported first; the rest run
  for (const inp of inputs) if (inp.error) onResult({ path: inp.path, diagnostics: [], error: inp.error, errorKind: 'input' });
  const runnable = inputs.filter((i) => !i.error);
  if (opts.stage) {
    const { extractPlan } = await import('../../pipeline.js');
    for (const inp of runnable) {
      try {
        const bytes = inp.path === '-' ? await io.readStdin(opts.maxSize) : await io.fs.readFile(inp.path, opts.maxSize);
        stream.add(stageView(await extractPlan(bytes, { path: inp.path, from: opts.from, encoding: opts.encoding }), opts.stage));
      } catch (e) {
        failed++;
        notRead.push(inp.path);
        io.stderr.write(`${visible(inp.path)}: error: ${visible((e as Error).message)}\n`);
      }
    }
  } else if (jobs > 1 && runnable.length >= 4 && !runnable.some((i) => i.path === '-')) {
    const poolJobs = runnable.map((inp) => {
      const out = outPaths.get(inp);
      if (!out) return { path: inp.path };
      const tmp = tmpOf(out);
      pendingTemps.add(tmp);
      return { path: inp.path, out: { path: out, tmp } };
    });
    await runPool(poolJobs, jobOpts, jobs, (job) => runJob(io.fs, job.path, jobOpts, job.out), (r, i) => {
      const t = poolJobs[i]?.out?.tmp;
      if (t) pendingTemps.delete(t);
      onResult(r);
    }, undefined, () => io.stdout.drained?.() ?? Promise.resolve());
  } else {
    for (const inp of runnable) {
      if (isAborted()) break;
      const out = outPaths.get(inp);
      const tmp = out ? tmpOf(out) : undefined;
      if (tmp) pendingTemps.add(tmp);
      let stdin: Uint8Array | undefined;
      if (inp.path === '-') {
        try {
          stdin = await io.readStdin(opts.maxSize);
        } catch (e) {
          onResult({ path: inp.path, diagnostics: [], error: `cannot read: ${ioMessage(e)}`, errorKind: 'input' });
          if (tmp) pendingTemps.delete(tmp);
          continue;
        }
      }
      onResult(await runJob(io.fs, inp.path, jobOpts, out && tmp ? { path: out, tmp } : undefined, stdin));
      if (tmp) pendingTemps.delete(tmp);
      // a slow reader of stdout holds the batch back (no queue of plans in memory); then reads are synchronous:
      // one turn of the event loop lets a closed stdout (`| head`) or a signal be seen
      await io.stdout.drained?.();
      await new Promise((r) => setImmediate(r));
    }
  }
  io.stderr.write(progress.clear());
  stream.end();
  if (failed > 0 && inputs.length > 1 && !opts.quiet) io.stderr.write(`qplan extract: ${failed} of ${inputs.length} inputs could not be read: ${notRead.join(', ')}\n`);
  let where: string | undefined;
  // an interrupted batch leaves only complete plan files: no manifest of a run that did not finish
  if (opts.outDir && !opts.stage && !isAborted()) {
    const { renderManifest } = await import('../render/manifest.js');
    const dir = opts.outDir.replace(/\/+$/, '');
    const manifest = `${dir}/manifest.tsv`;
    const rows = inputs.map((i) => ({ input: i.path, output: (outPaths.get(i) ?? '').slice(dir.length + 1), result: results.get(i.path) }));
    try {
      await writeAtomic(io, manifest, renderManifest(rows));
      where = `${dir}/ (manifest.tsv)`;
    } catch (e) {
      io.stderr.write(`qplan extract: cannot write ${manifest}: ${ioMessage(e)}\n`);
    }
  }
  if (!opts.quiet && !opts.stage && (inputs.length > 1 || opts.outDir)) {
    io.stderr.write((await import('../render/manifest.js')).batchSummary([...results.values()], inputs.length, where));
  }
  // an input not read is "could not do the job" (2) alone or in a batch, as in validate: a script that sees 1 would
  // take the batch for complete; the other files were still read and written
  if (failed > 0) return 2;
  if (withErrors > 0 || (opts.strict && withWarnings > 0)) return 1;
  return 0;
}

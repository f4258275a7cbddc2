/**
 * `qplan extract [FILE…|-]`: plans to YAML (default), JSON or NDJSON on stdout, or one file per input with
 * `-o DIR`. Diagnostics go to stderr as `file:line: severity: message [code]`.
 */
import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { collectInputs, outputName, writeAtomic, type InputRef } from '../files.js';
import { renderDiagnostic } from '../render/diagnostics.js';

interface Opts {
  format: 'yaml' | 'json' | 'ndjson';
  outDir?: string;
  from?: 'text' | 'html' | 'markdown';
  encoding?: string;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  stage?: 'blocks' | 'outline';
}

export function define(program: Command, io: Io, state: RunState): void {
  program
    .command('extract')
    .description('read plan files (text, HTML, Markdown) into qplan/plan@1 documents')
    .argument('[files...]', 'plan files or directories; - reads stdin', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['yaml', 'json', 'ndjson']).default('yaml'))
    .option('-o, --out-dir <dir>', 'write one <name>.plan.<format> per input into DIR instead of stdout')
    .addOption(new Option('--from <format>', 'input format instead of detecting it').choices(['text', 'html', 'markdown']))
    .option('--encoding <label>', 'input encoding instead of detecting it (utf-8, gb18030, utf-16le …)')
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

Exit status: 0 ok · 1 a file had errors (--strict: warnings) · 2 usage or unreadable input`)
    .action(async (files: string[], opts: Opts) => {
      state.exitCode = await extractCommand(files, opts, io);
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
  const { extractPlan } = await import('../../extract/index.js');
  const ser = await import('../../serialize/serialize.js');
  const render = (plan: import('../../model.js').Plan) =>
    opts.format === 'json' ? ser.toJson(plan) : opts.format === 'ndjson' ? ser.toNdjson(plan) : ser.toYaml(plan);

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
    await io.fs.mkdir(opts.outDir);
  }

  let failed = 0, withErrors = 0, withWarnings = 0;
  const chunks: string[] = [];
  for (const inp of inputs) {
    let bytes: Uint8Array;
    try {
      bytes = inp.path === '-' ? await io.readStdin() : await io.fs.readFile(inp.path);
    } catch (e) {
      failed++;
      io.stderr.write(`${inp.path}: error: cannot read: ${ioMessage(e)}\n`);
      continue;
    }
    try {
      const result = await extractPlan(bytes, { path: inp.path, from: opts.from, encoding: opts.encoding });
      if (opts.stage) {
        chunks.push(stageView(result, opts.stage));
        continue;
      }
      const plan = result.plan;
      for (const d of plan.diagnostics) {
        if (d.severity === 'error') withErrors++;
        if (opts.quiet || (d.severity === 'info' && !opts.verbose)) continue;
        io.stderr.write(`${renderDiagnostic(inp.path, d)}\n`);
      }
      if (plan.diagnostics.some((d) => d.severity === 'warning')) withWarnings++;
      const text = render(plan);
      if (opts.outDir) await writeAtomic(io, outPaths.get(inp) as string, text);
      else chunks.push(text);
    } catch (e) {
      failed++;
      const err = e as Error & { code?: string };
      if (err.name === 'InputError') io.stderr.write(`${err.message.startsWith(inp.path) ? err.message : `${inp.path}: ${err.message}`}\n`.replace(/^([^:]+): /, '$1: error: '));
      else io.stderr.write(`${inp.path}: error: internal error while extracting: ${err.stack ?? err}\n`);
    }
  }
  if (!opts.outDir && chunks.length > 0) {
    if (opts.format === 'json' && chunks.length > 1 && !opts.stage) io.stdout.write(`[\n${chunks.map((c) => c.trimEnd()).join(',\n')}\n]\n`);
    else if (opts.format === 'yaml' && chunks.length > 1 && !opts.stage) io.stdout.write(chunks.map((c) => c.replace(/^# yaml-language-server.*\n/, '')).join('---\n'));
    else io.stdout.write(chunks.join(''));
  }
  if (failed > 0 && inputs.length > 1 && !opts.quiet) io.stderr.write(`qplan extract: ${failed} of ${inputs.length} inputs could not be read\n`);
  if (failed > 0) return inputs.length === 1 || failed === inputs.length ? 2 : 1;
  if (withErrors > 0 || (opts.strict && withWarnings > 0)) return 1;
  return 0;
}

function stageView(result: import('../../extract/index.js').ExtractResult, stage: 'blocks' | 'outline'): string {
  if (stage === 'blocks') return result.blocks.map((b) => `${b.line}\t${b.type}\t${b.text}`).join('\n') + '\n';
  const o = result.outline;
  const lines: string[] = [`body: views ${o.bodyStart}..${o.bodyEnd}`];
  for (const c of o.chapters) lines.push(`${c.v.b.line}\tchapter ${c.ord} [${c.role}] ${c.title}`);
  for (const it of o.items) lines.push(`${it.head.v.b.line}\t  ${it.kind} ${it.chapter ?? ''}${it.group ? `.${it.group}` : ''} ${it.printed} (+${it.more.length})`);
  for (const c of o.columns) lines.push(`${c.head.b.line}\t  专栏 ${c.number} ${c.title} items=${c.items.length}`);
  for (const a of o.attachments) lines.push(`${a.head.b.line}\tattachment ${a.number} cells=${a.views.length}`);
  return `${lines.sort((a, b) => Number(a.split('\t')[0]) - Number(b.split('\t')[0])).join('\n')}\n`;
}

function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return err.message ?? String(e);
  }
}

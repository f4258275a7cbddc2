/**
 * `qplan validate PATH…`: checks plan documents (.yaml/.yml/.json) against qplan/plan@1 and its semantic
 * rules, and raw plans (.txt/.html/.md) by extracting them and reporting the extractor's diagnostics.
 * Output: human lines on stderr (default), `--format json` or `--format github` on stdout.
 * Exit: 0 no errors · 1 errors (--strict: warnings too) · 2 usage or I/O problems.
 */
import { Command, Option } from 'commander';
import type { Io } from '../io.js';
import type { Exit } from './command.js';
import { collectInputs, crashMessage, ioMessage } from '../batch/files.js';
import { TooLargeError } from '../io.js';
import { expandGlob, GlobError, hasGlob } from '../batch/glob.js';
import type { FileResult } from '../render/validate.js';
import { useColor } from '../render/color.js';
import { PLAN_INPUT_EXT, extPattern } from '../../source/extensions.js';

interface Opts {
  format: 'human' | 'json' | 'github';
  strict?: boolean;
  verbose?: boolean;
  color?: boolean;
  maxSize: string;
}

/** What a directory walk picks up: plan documents and raw plans. */
const VALIDATE_EXT = extPattern(PLAN_INPUT_EXT);

export function define(program: Command, io: Io, exit: Exit): void {
  program
    .command('validate')
    .description('check plan YAML/JSON against qplan/plan@1, and raw plan files through the extractor')
    .argument('<paths...>', 'files, directories (walked), globs (plans/**/*.plan.yaml), or - for a plan on stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['human', 'json', 'github']).default('human'))
    .option('--strict', 'exit 1 when any warning is reported')
    .option('-v, --verbose', 'show info diagnostics too')
    .option('--color', 'colour the human output even when not on a terminal')
    .option('--no-color', 'never colour the output (also: NO_COLOR=1)')
    .option('--max-size <MB>', 'refuse files larger than this', '20')
    .addHelpText('after', `
Examples:
  qplan validate plans/                       # every .yaml/.yml/.json/.txt/.html/.md below plans/
  qplan validate 'plans/**/*.plan.yaml' --strict
  qplan validate --format github plans/       # annotations in a GitHub Actions log
  qplan validate --format json out/ | jq '.summary'
  qplan extract plan.txt | qplan validate -

Exit status: 0 no errors (warnings allowed) · 1 errors (--strict: or warnings) · 2 usage or I/O problems`)
    .action(async (paths: string[], opts: Opts) => {
      exit(await validateCommand(paths, opts, io));
    });
}

async function validateCommand(args: string[], opts: Opts, io: Io): Promise<number> {
  const maxMb = Number(opts.maxSize);
  if (!Number.isFinite(maxMb) || maxMb <= 0) {
    io.stderr.write(`qplan validate: --max-size wants a positive number of megabytes, not '${opts.maxSize}'\n`);
    return 2;
  }
  const maxBytes = Math.floor(maxMb * 1024 * 1024);

  // expand arguments; a missing path is a usage problem, but the other paths are still checked
  let usageProblem = false;
  const paths: string[] = [];
  /** Files found in a folder that cannot be opened (a name that is not UTF-8), with the reason. */
  const unopenable = new Map<string, string>();
  const found = (refs: { path: string; error?: string }[]) => refs.map((r) => {
    if (r.error) unopenable.set(r.path, r.error);
    return r.path;
  });
  for (const arg of args) {
    if (arg === '-') { paths.push('-'); continue; }
    const literal = await io.fs.stat(arg).then(() => true, () => false);
    if (!literal && hasGlob(arg)) {
      // a matched directory is walked like one given by name (`plans/20*`); matched files need a plan extension
      const matched: string[] = [];
      let expanded: string[];
      try {
        expanded = await expandGlob(arg, io);
      } catch (e) {
        if (!(e instanceof GlobError)) throw e;
        io.stderr.write(`qplan validate: bad pattern ${arg}: ${e.message}\n`);
        return 2;
      }
      for (const m of expanded) {
        const dir = await io.fs.stat(m).then((st) => st.isDirectory(), () => false);
        if (dir) matched.push(...found(await collectInputs([m], io, VALIDATE_EXT)));
        else if (VALIDATE_EXT.test(m)) matched.push(m);
      }
      if (matched.length === 0) { io.stderr.write(`qplan validate: no files match ${arg}\n`); usageProblem = true; }
      paths.push(...matched);
      continue;
    }
    try {
      paths.push(...found(await collectInputs([arg], io, VALIDATE_EXT)));
    } catch (e) {
      io.stderr.write(`qplan validate: ${(e as Error).message}\n`);
      usageProblem = true;
    }
  }
  const unique = [...new Set(paths)];
  if (unique.length === 0) {
    // nothing to check is a usage error, said once: no "0 files checked" summary, no empty report
    if (!usageProblem) io.stderr.write(`qplan validate: no plan files found in ${args.join(' ')}\n`);
    return 2;
  }

  const { validateBytes, tooLargeDiagnostic } = await import('../../validate/index.js');
  const results: FileResult[] = [];
  for (const path of unique) {
    const label = path === '-' ? '<stdin>' : path;
    let bytes: Uint8Array;
    const cannot = unopenable.get(path);
    if (cannot) { results.push({ path, diagnostics: [], ioError: cannot }); continue; }
    try {
      // a 2 GB file is refused before it is read; a device or stdin is read up to the limit only
      bytes = path === '-' ? await io.readStdin(maxBytes) : await io.fs.readFile(path, maxBytes);
    } catch (e) {
      if (e instanceof TooLargeError) { results.push({ path: label, diagnostics: [tooLargeDiagnostic(e.size, maxBytes)] }); continue; }
      results.push({ path: label, diagnostics: [], ioError: `cannot read: ${ioMessage(e)}` });
      continue;
    }
    try {
      // stdin carries a plan document (`qplan extract x.txt | qplan validate -`)
      results.push({ path: label, diagnostics: await validateBytes(bytes, { path: path === '-' ? '<stdin>.yaml' : path, maxBytes }) });
    } catch (e) {
      // one file's crash must not hide the others' results
      results.push({ path: label, diagnostics: [], ioError: `internal error while checking: ${crashMessage(e)}` });
    }
  }

  const render = await import('../render/validate.js');
  const c = render.count(results);
  if (opts.format === 'json') io.stdout.write(render.renderJson(results));
  else if (opts.format === 'github') {
    io.stdout.write(render.renderGithub(results, opts));
    io.stderr.write(`${render.summary(c, undefined, opts.strict)}\n`);
  } else {
    const p = await render.paint(useColor(io, 'stderr', opts.color));
    io.stderr.write(render.renderHuman(results, p, opts));
  }

  if (usageProblem || c.ioErrors > 0) return 2;
  if (c.errors > 0 || (opts.strict && c.warnings > 0)) return 1;
  return 0;
}

/**
 * `qplan compare PLAN…`: lay plans side by side — themes, indicators, agencies, task alignment, gaps — as terminal
 * tables, Markdown, CSV, JSON (`qplan/compare@1`) or a self-contained HTML report. Inputs are raw plan files (any
 * format `extract` reads) or extracted plan YAML/JSON, mixed. Everything heavy loads inside the action.
 */
import { Command, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io.js';
import type { Exit } from './command.js';
import type { Plan } from '../../model.js';
import type { CompareInput } from '../../compare/compare.js';
import { COMPARE_VIEWS, type CompareView } from '../../compare/types.js';
import { maxSizeOption } from '../max-size.js';
import { visible } from '../render/visible.js';
import { UsageError, failureExit, usageFailure } from '../usage.js';
import { useColor } from '../render/color.js';
import { PLAN_INPUT_EXT, extPattern } from '../../source/extensions.js';

type Format = 'table' | 'markdown' | 'csv' | 'json' | 'html';

interface Opts {
  label?: string;
  view: string;
  format?: Format;
  output?: string;
  taxonomy?: string;
  baseline?: string;
  explain?: boolean;
  alignTop?: string;
  color: boolean;
  maxSize: number;
}

const INPUT_EXT = extPattern(PLAN_INPUT_EXT);
const EXT_FORMAT: [RegExp, Format][] = [[/\.html?$/i, 'html'], [/\.(?:md|markdown)$/i, 'markdown'], [/\.csv$/i, 'csv'], [/\.json$/i, 'json'], [/\.txt$/i, 'table']];
/** What `-o FILE` can be named: these extensions, or none at all (JSON). */
const WRITABLE = '.json, .csv, .html, .htm, .md, .markdown, .txt';

/** The views asked for: `all`, or a comma-separated list (in the library's order, each once). */
export function parseViews(spec: string): CompareView[] | string {
  const asked = spec.split(/[,，]/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (asked.length === 0) return `--view: expected 'all' or a list of ${COMPARE_VIEWS.join(', ')}`;
  if (asked.includes('all')) return [...COMPARE_VIEWS];
  const bad = asked.filter((v) => !(COMPARE_VIEWS as readonly string[]).includes(v));
  if (bad.length > 0) return `--view: unknown view '${bad.join("', '")}' (choose from all, ${COMPARE_VIEWS.join(', ')})`;
  return COMPARE_VIEWS.filter((v) => asked.includes(v));
}

/** The format `-o FILE` implies, or a message when compare cannot write that kind of file. */
function formatOfOutput(file: string): Format | { problem: string } {
  const hit = EXT_FORMAT.find(([re]) => re.test(file));
  if (hit) return hit[1];
  const ext = /\.[^./\\]+$/.exec(file)?.[0];
  if (!ext) return 'json';
  return { problem: `-o ${file}: compare cannot write ${ext} files (it writes ${WRITABLE}; or give -f/--format)` };
}

export function define(program: Command, io: Io, exit: Exit): void {
  program
    .command('compare')
    .description('compare plans side by side (themes, indicators, agencies, tasks, gaps)')
    .argument('<plans...>', 'two or more plan files (raw text/HTML/Markdown, or extracted plan YAML/JSON), or directories')
    .option('--label <labels>', 'comma-separated labels for the plans, in order (default: each plan\'s jurisdiction)')
    .option('--view <views>', `what to show: 'all' or a comma-separated list of ${COMPARE_VIEWS.join(', ')} (e.g. themes,gaps)`, 'all')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, otherwise JSON; with -o, from the file extension)').choices(['table', 'markdown', 'csv', 'json', 'html']))
    .option('-o, --output <file>', 'write to FILE instead of stdout (e.g. report.html)')
    .option('--taxonomy <file>', 'theme taxonomy YAML instead of the built-in 质量强国建设纲要 one')
    .option('--baseline <plan>', 'measure gaps against this plan (e.g. the parent city plan) instead of against each other')
    .option('--explain', 'show the words that decided each theme assignment')
    .option('--align-top <k>', "tasks view: each task's closest counterparts in the K best-matching plans only, or 'all' for every other plan (default: every plan up to 20 plans, else the best 10)")
    .addOption(maxSizeOption())
    .option('--no-color', 'no colour in terminal tables (also: NO_COLOR=1, or when stdout is not a terminal)')
    .addHelpText('after', `
Examples:
  qplan compare seeds/000* seeds/001* seeds/003* seeds/004*
  qplan compare --view indicators --format markdown a.txt b.plan.yaml
  qplan compare --format html -o report.html seeds/000* seeds/001*
  qplan compare --baseline city.txt district-a.txt district-b.txt --view gaps

Exit status: 0 ok · 2 usage, unreadable input or bad taxonomy`)
    .action(async (files: string[], opts: Opts) => {
      exit(await compareCommand(files, opts, io));
    });
}

async function compareCommand(files: string[], opts: Opts, io: Io): Promise<number> {
  const fail = usageFailure(io, 'compare');
  try {
    let alignTop: number | 'all' | undefined;
    if (opts.alignTop !== undefined) {
      const v = opts.alignTop.trim().toLowerCase();
      if (v === 'all') alignTop = 'all';
      else if (/^\d+$/.test(v) && Number(v) >= 1) alignTop = Number(v);
      else return fail(`--align-top: expected a positive number or 'all' (got '${opts.alignTop}')`);
    }
    const views = parseViews(opts.view);
    if (typeof views === 'string') return fail(views);
    let format: Format;
    if (opts.format) format = opts.format;
    else if (opts.output) {
      // never a silent JSON file named .xlsx or .yaml
      const f = formatOfOutput(opts.output);
      if (typeof f !== 'string') return fail(f.problem);
      format = f;
    } else format = io.stdout.isTTY ? 'table' : 'json';
    const { collectInputs } = await import('../batch/files.js');
    const inputs: CompareInput[] = [];
    const refs = await collectInputs(files, io, INPUT_EXT).catch((e: Error) => { throw new UsageError(e.message); });
    if (opts.output) {
      // before any work: never over an input (a plan, the baseline or the taxonomy), never into a folder
      const { outputProblem } = await import('../output.js');
      const problem = await outputProblem(io, opts.output, [...refs.map((r) => r.path), ...[opts.baseline, opts.taxonomy].filter((p): p is string => Boolean(p))]);
      if (problem) return fail(problem);
    }
    // files are read a few ahead of the one being parsed, so reading overlaps parsing; plans stay in input order
    const reads: (Promise<Uint8Array> | null)[] = [];
    const readAhead = (upTo: number) => {
      while (reads.length < Math.min(refs.length, upTo)) {
        const read = readOrFail(io, refs[reads.length]?.path ?? '', opts.maxSize);
        read.catch(() => undefined); // awaited (and reported) in order below
        reads.push(read);
      }
    };
    const unopenable = refs.find((r) => r.error);
    if (unopenable) return fail(`${unopenable.path}: ${unopenable.error}`);
    for (const [i, ref] of refs.entries()) {
      readAhead(i + READ_AHEAD);
      const bytes = await (reads[i] as Promise<Uint8Array>);
      reads[i] = null;
      for (const plan of await loadPlans(ref.path, io, opts.maxSize, bytes)) inputs.push({ plan });
    }
    if (opts.baseline) {
      const base = await loadPlans(opts.baseline, io, opts.maxSize);
      // the baseline given among the plans too is marked, not added twice
      const same = inputs.find((i) => i.plan.source.path === opts.baseline);
      if (same) same.baseline = true;
      else for (const plan of base) inputs.push({ plan, baseline: true });
    }
    if (inputs.length < 2) return fail(`needs two or more plans (got ${inputs.length})`);
    if (opts.label !== undefined) {
      const labels = opts.label.split(/[,，]/).map((s) => s.trim());
      const own = inputs.filter((i) => !i.baseline);
      if (labels.length > own.length) return fail(`--label gives ${labels.length} labels for ${own.length} plans`);
      labels.forEach((l, k) => {
        const target = own[k];
        if (target && l) target.label = l;
      });
    }

    const { loadVocabulary } = await import('../../compare/vocab.js');
    const decoder = new TextDecoder();
    let taxonomyText: string | undefined;
    if (opts.taxonomy) taxonomyText = decoder.decode(await readOrFail(io, opts.taxonomy, opts.maxSize));
    // traditional plans are matched through the fold extract uses (loaded only when one is there)
    const fold = inputs.some((i) => i.plan.meta.script === 'traditional') ? await (await import('../../source/script.js')).traditionalFold() : undefined;
    const vocabulary = await loadVocabulary(async (u) => decoder.decode(await io.fs.readFile(fileURLToPath(u))), { taxonomyText, taxonomySource: opts.taxonomy });
    const { comparePlans } = await import('../../compare/compare.js');
    // compute what the output shows: one view for a table, Markdown, CSV or JSON; everything for the HTML report
    const computed: CompareView[] = format === 'html' ? [...COMPARE_VIEWS] : views;
    const result = comparePlans(inputs, { vocabulary, views: computed, itemText: format === 'html', ...(fold ? { fold } : {}), ...(alignTop !== undefined ? { alignTop } : {}) });
    // the plans (their full texts: a third of the peak memory at 3,000 plans) are not needed to write the result
    inputs.length = 0;

    if (result.unknown_agencies.length > 0) {
      io.stderr.write(`qplan compare: ${result.unknown_agencies.length} unit name(s) not in the agency table, kept as written: ${visible(result.unknown_agencies.map((u) => u.name).join('、'))}\n`);
    }

    let text = '';
    let data: Uint8Array | undefined;
    const all = views.length === COMPARE_VIEWS.length;
    if (format === 'json') {
      // the text of JSON.stringify(result, null, 2), written in pieces (a corpus gives ~100 MB of it); the result's
      // lists are emptied as they are written (nothing reads them after)
      const { writeJson } = await import('../render/compare-json.js');
      if (!opts.output) {
        writeJson({ ...result }, (s) => io.stdout.write(s), { release: true });
        return 0;
      }
      // as UTF-8 bytes, piece by piece: one string of the whole document would be twice its size again
      const enc = new TextEncoder();
      const chunks: Uint8Array[] = [];
      let size = 0;
      writeJson({ ...result }, (s) => {
        const b = enc.encode(s);
        chunks.push(b);
        size += b.length;
      }, { release: true });
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks.splice(0)) {
        bytes.set(c, at);
        at += c.length;
      }
      data = bytes;
    } else if (format === 'html') {
      text = (await import('../render/compare-html.js')).renderHtml(result);
    } else {
      const { buildGrids } = await import('../render/compare-views.js');
      const r = await import('../render/compare-text.js');
      const grids = buildGrids(result, views, { explain: opts.explain });
      if (format === 'csv') text = (await import('../render/compare-csv.js')).renderCompareCsv(result, views);
      else if (format === 'markdown') text = r.renderMarkdown(result, all ? [r.plansGrid(result), ...grids] : grids);
      else {
        // never for a file; --no-color only turns colour off (there is no --color here)
        const color = !opts.output && useColor(io, 'stdout', opts.color === false ? false : undefined);
        const columns = io.stdout.columns && io.stdout.columns > 40 ? io.stdout.columns : 120;
        text = r.renderTables(all ? [r.plansGrid(result), ...grids] : grids, columns, color);
      }
    }
    if (opts.output) {
      const { writeOutput } = await import('../output.js');
      const { ioMessage } = await import('../batch/files.js');
      try {
        await writeOutput(io, opts.output, data ?? text);
      } catch (e) {
        return fail(`cannot write ${opts.output}: ${ioMessage(e)}`);
      }
      io.stderr.write(`qplan compare: wrote ${opts.output}\n`);
    } else io.stdout.write(text);
    return 0;
  } catch (e) {
    return failureExit(e, fail);
  }
}

async function readOrFail(io: Io, path: string, limit: number): Promise<Uint8Array> {
  try {
    return path === '-' ? await io.readStdin(limit) : await io.fs.readFile(path, limit);
  } catch (e) {
    throw new UsageError(`${path}: ${(await import('../batch/files.js')).ioMessage(e)}`);
  }
}

async function loadPlans(path: string, io: Io, limit: number, bytes?: Uint8Array): Promise<Plan[]> {
  return (await import('../../plan-io/load.js')).loadPlans(path, bytes ?? (await readOrFail(io, path, limit)));
}

/** Files read ahead of the one being parsed. */
const READ_AHEAD = 16;

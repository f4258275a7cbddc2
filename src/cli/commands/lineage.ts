/**
 * `qplan lineage PLAN…`: how each plan follows, tightens or copies its parent — targets against the parent's, and
 * each task's source passage — as terminal tables, Markdown, JSON (`qplan/lineage@1`) or a self-contained HTML
 * report. Inputs are read as `compare` reads them (raw plan files or extracted plan YAML/JSON, mixed).
 */
import { Command, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io.js';
import type { Exit } from './command.js';
import type { LineageInput } from '../../lineage/lineage.js';
import { UsageError, failureExit, usageFailure } from '../usage.js';
import { useColor } from '../render/color.js';
import { PLAN_INPUT_EXT, extPattern } from '../../source/extensions.js';

type Format = 'table' | 'markdown' | 'json' | 'html';

interface Opts {
  reference?: string[];
  label?: string;
  format?: Format;
  output?: string;
  color: boolean;
}

const INPUT_EXT = extPattern(PLAN_INPUT_EXT);
const EXT_FORMAT: [RegExp, Format][] = [[/\.html?$/i, 'html'], [/\.(?:md|markdown)$/i, 'markdown'], [/\.json$/i, 'json'], [/\.txt$/i, 'table']];

export function define(program: Command, io: Io, exit: Exit): void {
  program
    .command('lineage')
    .description('how each plan follows, tightens or copies its parent (targets and task text)')
    .argument('<plans...>', 'plan files (raw text/HTML/Markdown, or extracted plan YAML/JSON), or directories')
    .option('--reference <file>', 'more reference targets (YAML of the shape of the built-in references.yaml); repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .option('--label <labels>', 'comma-separated labels for the plans, in order (default: each plan\'s jurisdiction)')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, otherwise JSON; with -o, from the file extension)').choices(['table', 'markdown', 'json', 'html']))
    .option('-o, --output <file>', 'write to FILE instead of stdout (e.g. lineage.html)')
    .option('--no-color', 'no colour in terminal tables (also: NO_COLOR=1, or when stdout is not a terminal)')
    .addHelpText('after', `
Each plan's parent is a plan given whose jurisdiction is its meta.parent, a level up and in force when it was
issued; else a --reference for that jurisdiction; else the national reference in force (built in: 质量强国建设纲要
2023, 质量发展纲要(2011—2020年)).

Examples:
  qplan lineage seeds/*.txt
  qplan lineage --format html -o lineage.html city.txt district-a.txt district-b.txt
  qplan lineage --reference province.yaml --format json plans/

Exit status: 0 ok · 2 usage, unreadable input or bad reference file`)
    .action(async (files: string[], opts: Opts) => {
      exit(await lineageCommand(files, opts, io));
    });
}

async function readOrFail(io: Io, path: string): Promise<Uint8Array> {
  try {
    return path === '-' ? await io.readStdin() : await io.fs.readFile(path);
  } catch (e) {
    throw new UsageError(`${path}: ${(await import('../batch/files.js')).ioMessage(e)}`);
  }
}

async function lineageCommand(files: string[], opts: Opts, io: Io): Promise<number> {
  const fail = usageFailure(io, 'lineage');
  try {
    const format: Format = opts.format ?? (opts.output ? EXT_FORMAT.find(([re]) => re.test(opts.output ?? ''))?.[1] ?? 'json' : io.stdout.isTTY ? 'table' : 'json');
    const { collectInputs } = await import('../batch/files.js');
    const { loadPlans } = await import('../../plan-io/load.js');
    const inputs: LineageInput[] = [];
    for (const ref of await collectInputs(files, io, INPUT_EXT)) {
      for (const plan of await loadPlans(ref.path, await readOrFail(io, ref.path))) inputs.push({ plan });
    }
    if (inputs.length === 0) return fail('no plans given');
    if (opts.label !== undefined) {
      const labels = opts.label.split(/[,，]/).map((s) => s.trim());
      if (labels.length > inputs.length) return fail(`--label gives ${labels.length} labels for ${inputs.length} plans`);
      labels.forEach((l, k) => {
        const target = inputs[k];
        if (target && l) target.label = l;
      });
    }
    const decoder = new TextDecoder();
    const read = async (u: URL) => decoder.decode(await io.fs.readFile(fileURLToPath(u)));
    const { loadVocabulary } = await import('../../compare/vocab.js');
    const vocabulary = await loadVocabulary(read);
    const { readReferences, DEFAULT_REFERENCES_URL } = await import('../../lineage/references.js');
    const references = await readReferences(await read(DEFAULT_REFERENCES_URL).catch(() => read(new URL('../../../src/lexicon/references.yaml', import.meta.url))), 'references.yaml');
    for (const file of opts.reference ?? []) {
      const extra = await readReferences(decoder.decode(await readOrFail(io, file)), file);
      const taken = new Set(references.map((r) => r.id));
      for (const r of extra) {
        if (taken.has(r.id)) return fail(`${file}: reference id '${r.id}' is already taken`);
        references.push(r);
      }
    }
    // plans in traditional script are aligned through a simplified fold (OpenCC loads only then)
    const fold = inputs.some((i) => i.plan.meta.script === 'traditional') ? await (await import('../../source/script.js')).traditionalFold() : undefined;
    const { lineagePlans } = await import('../../lineage/lineage.js');
    const result = lineagePlans(inputs, { vocabulary, references, ...(fold ? { fold } : {}) });

    let text: string;
    if (format === 'json') text = `${JSON.stringify(result, null, 2)}\n`;
    else if (format === 'html') text = (await import('../render/lineage-html.js')).renderLineageHtml(result);
    else {
      const r = await import('../render/lineage-text.js');
      if (format === 'markdown') text = r.renderLineageMarkdown(result);
      else {
        const color = !opts.output && useColor(io, 'stdout', opts.color === false ? false : undefined);
        text = r.renderLineageTables(result, color);
      }
    }
    if (opts.output) {
      const { writeAtomic } = await import('../batch/files.js');
      await writeAtomic(io, opts.output, text);
      io.stderr.write(`qplan lineage: wrote ${opts.output}\n`);
    } else io.stdout.write(text);
    return 0;
  } catch (e) {
    return failureExit(e, fail);
  }
}

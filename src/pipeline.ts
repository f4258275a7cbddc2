/**
 * The extraction pipeline: decode → adapt → outline → extract (src/extract/assemble.ts). Pure: bytes or text in, a
 * plan out; no filesystem, no process. Heavy adapters (HTML, Markdown, PDF/DOCX, traditional script) load only when
 * needed.
 */
import type { Block, ExtractOptions, Plan, SourceFormat } from './model.js';
import { Collector } from './diagnostics.js';
import { decode } from './source/decode.js';
import { fromText } from './adapters/text.js';
import { splitRunOn } from './adapters/run-on.js';
import { rejoinWrapped } from './adapters/html-unwrap.js';
import { spacedTables } from './adapters/spaced-table.js';
import { plainEmphasis } from './adapters/emphasis.js';
import { joinHangingMarks } from './adapters/hanging-mark.js';
import { detectScript } from './source/script.js';
import { scriptTable, withScript } from './source/normalize.js';
import { detectFormat, formatByName } from './source/detect.js';
import type { DocumentFold } from './source/view.js';
import { outline, type Outline } from './outline/outline.js';
import { assemble } from './extract/assemble.js';
import { PLAN_SCHEMA_ID } from './schema/constants.js';

export interface ExtractResult {
  plan: Plan;
  /** The blocks and outline, for `--stage` debugging views. */
  blocks: Block[];
  outline: Outline;
}

// heavy adapters load on first use (cheerio ~120 ms, remark ~40 ms), then stay
let htmlAdapter: typeof import('./adapters/html.js') | undefined;
let markdownAdapter: typeof import('./adapters/markdown.js') | undefined;

const CONTENT_NAME: Record<SourceFormat, string> = { text: 'text', html: 'an HTML page', markdown: 'Markdown', pdf: 'a PDF', docx: 'a Word document (DOCX)' };

/** A plan input: raw bytes (any supported encoding) or already-decoded text. */
export type PlanInput = Uint8Array | string;

/** Reads one plan document into a `qplan/plan@1` plan, with the intermediate blocks and outline. */
export async function extractPlan(input: PlanInput, options: ExtractOptions = {}): Promise<ExtractResult> {
  const path = options.path ?? '<input>';
  const ctx = new Collector();
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const format: SourceFormat = options.from ?? detectFormat(path, bytes);
  const named = options.from ? undefined : formatByName(path);
  if (named && named !== format) ctx.report('format-from-content', null, `the name says ${named}, but the file is ${CONTENT_NAME[format]}; read as ${format}`);
  // text given directly is already decoded: read its UTF-8 bytes back as they are
  const encoding = typeof input === 'string' ? 'utf-8' : options.encoding;
  // PDF and DOCX are adapted from their bytes (src/adapters/documents.ts); `lines` maps a PDF's lines to pages
  const doc = format === 'pdf' || format === 'docx' ? await (await import('./adapters/documents.js')).fromDocument(format, bytes, ctx) : undefined;
  const decoded = doc?.decoded ?? decode(bytes, path, ctx, { encoding, html: format === 'html' });
  const text = decoded.text;

  let blocks: Block[];
  if (doc) blocks = doc.blocks;
  // a page that prints a PDF's lines one to a paragraph is rejoined as hard-wrapped text is
  else if (format === 'html') blocks = rejoinWrapped((htmlAdapter ??= await import('./adapters/html.js')).fromHtml(text, ctx), ctx);
  else if (format === 'markdown') blocks = (markdownAdapter ??= await import('./adapters/markdown.js')).fromMarkdown(text, ctx);
  else blocks = fromText(text, ctx);
  // a page that lost its line breaks: the whole plan in one paragraph, cut back at its outline marks
  blocks = splitRunOn(blocks, ctx);
  // a table copied as text, its cells parted by spaces or tabs
  blocks = spacedTables(blocks);
  // a title or heading wrapped whole in `**…**` (Markdown saved as text)
  blocks = plainEmphasis(blocks);
  // an item mark on a line of its own, its text on the next (pandoc's `1\.`, a number set apart)
  blocks = joinHangingMarks(blocks);

  // a web page is judged by the text read from it: its first characters are markup, menus and style attributes
  // (`font-family:黑体`), written in the site's script, not the document's
  const script = detectScript(format === 'html' ? readText(blocks) : text);
  // traditional script (質量強國): the views read a simplified fold of the text (one unit to one, same offsets), and
  // every value is taken from the document's own characters by position
  let fold: DocumentFold | undefined;
  if (script === 'traditional') {
    const scriptFold = scriptTable(blockTexts(blocks), await (await import('./source/script.js')).traditionalFold());
    fold = { table: withScript(scriptFold), script: scriptFold };
    ctx.report('traditional-script', null, 'the text is in traditional characters; matched through a simplified copy');
  }

  // Markdown's `#` levels are structure; HTML's h1–h6 on CMS pages are styling
  const o = outline(blocks, ctx, { headingDepth: format === 'markdown', fold });
  const body = await assemble(o, text, ctx, fold);
  if (script === 'traditional') body.meta.script = 'traditional';
  const plan: Plan = {
    schema: PLAN_SCHEMA_ID,
    source: { path, format, encoding: decoded.encoding, sha256: decoded.sha256, bytes: bytes.length },
    meta: body.meta,
    sections: body.sections,
    tasks: body.tasks,
    columns: body.columns,
    targets: body.targets,
    appendix: body.appendix,
    diagnostics: ctx.sorted(),
  };
  if (doc?.lines) (await import('./adapters/documents.js')).placeOnPages(plan, blocks, doc.lines);
  return { plan, blocks, outline: o };
}

/** Every text of the blocks and their cells (what a document's fold table must cover). */
function blockTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    out.push(b.text);
    if (b.cells) for (const c of b.cells) out.push(c.text);
  }
  return out;
}

/** The blocks' text, as far as script detection samples it. */
function readText(blocks: Block[]): string {
  let s = '';
  for (const b of blocks) {
    s += `${b.text}\n`;
    if (s.length >= 2048) break;
  }
  return s;
}

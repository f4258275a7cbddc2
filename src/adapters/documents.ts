/**
 * Office-style documents (PDF, DOCX): bytes → the same `Block[]` as every other format, over a text made of
 * the document's lines (a PDF) or paragraphs (a DOCX). The readers load on first use only, so plain-text runs
 * never pay for pdf.js or the DOCX reader.
 */
import { createHash } from 'node:crypto';
import type { Block, Plan } from '../model.js';
import type { Collector } from '../diagnostics.js';
import type { Decoded } from '../source/decode.js';
import type { PagePlace } from './pdf.js';
import { MAX_XML_DEPTH } from './xml.js';

export interface DocumentAdapted {
  decoded: Decoded;
  blocks: Block[];
  /** PDF only: the page and line on the page of each line of `decoded.text`. */
  lines?: PagePlace[];
}

/** Reads a PDF or DOCX. Throws `InputError` for what cannot be read (encrypted, scanned, damaged). */
export async function fromDocument(format: 'pdf' | 'docx', bytes: Uint8Array, ctx: Collector): Promise<DocumentAdapted> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (format === 'pdf') {
    const a = await (await import('./pdf.js')).fromPdf(bytes, ctx);
    return { decoded: { text: a.text, encoding: 'binary', sha256, bytes: bytes.length }, blocks: a.blocks, lines: a.lines };
  }
  const a = await (await import('./docx.js')).fromDocx(bytes);
  if (a.flattened) ctx.report('docx-nesting-flattened', null, `the document nests elements deeper than ${MAX_XML_DEPTH} levels; ${a.flattened} deeper start tags were flattened and their text may be missing`);
  const u = a.unwrapped;
  if (u) ctx.report('text-unwrapped', null, `the document has a paragraph or line break for every printed line, ${u.width} ${u.measure} wide (converted from PDF?): ${u.joined} lines rejoined into paragraphs, ${u.dropped} page-number, header and footer lines dropped`);
  return { decoded: { text: a.text, encoding: 'utf-8', sha256, bytes: bytes.length }, blocks: a.blocks };
}

/**
 * Gives every position of a plan read from a PDF its page: `line` (a line of the adapted text) becomes the line
 * on that page, counted from the top, and `page` is set beside it (`item_pages`/`row_pages` beside the lists of
 * lines). Blocks get the same treatment, for `--stage`.
 */
export function placeOnPages(plan: Plan, blocks: Block[], lines: PagePlace[]): void {
  const at = (line: number | null) => (line === null ? undefined : lines[line - 1]);
  const lists = [plan.sections, plan.tasks, plan.targets, plan.columns, plan.appendix, plan.diagnostics] as Array<Array<Record<string, unknown>>>;
  for (const list of lists) {
    list.forEach((o, i) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) {
        if (k === 'line') {
          const p = at(v as number | null);
          out.line = p?.line ?? v;
          if (p) out.page = p.page;
        } else if (k === 'item_lines' || k === 'row_lines') {
          const ps = (v as number[]).map((l) => at(l));
          out[k] = ps.map((p, j) => p?.line ?? (v as number[])[j]);
          out[k === 'item_lines' ? 'item_pages' : 'row_pages'] = ps.map((p) => p?.page ?? 1);
        } else out[k] = v;
      }
      list[i] = out;
    });
  }
  for (const b of blocks) {
    const p = at(b.line);
    if (!p) continue;
    b.page = p.page;
    b.line = p.line;
    for (const c of b.cells ?? []) { c.page = p.page; c.line = p.line; }
  }
}

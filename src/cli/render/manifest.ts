/**
 * The batch record of `extract -o`: `OUT/manifest.tsv`, one row per input in input order (input, output, sha256,
 * status, tasks, targets, warnings, errors, message), and the one-line summary printed at the end of a batch.
 */
import type { JobResult } from '../batch/job.js';
import { tsvField } from './csv.js';

export const MANIFEST_COLUMNS = ['input', 'output', 'sha256', 'status', 'tasks', 'targets', 'warnings', 'errors', 'message'] as const;

/** ok · warnings · errors (the plan was written, with diagnostics of that severity) · failed (not read, nothing written). */
export function status(r: JobResult): 'ok' | 'warnings' | 'errors' | 'failed' {
  if (r.error) return 'failed';
  if (r.diagnostics.some((d) => d.severity === 'error')) return 'errors';
  return r.diagnostics.some((d) => d.severity === 'warning') ? 'warnings' : 'ok';
}

/** The manifest's text; `output` is the path below the output folder. */
export function renderManifest(rows: { input: string; output: string; result: JobResult | undefined }[]): string {
  const lines = [MANIFEST_COLUMNS.join('\t')];
  for (const { input, output, result } of rows) {
    const r = result ?? { path: input, diagnostics: [], error: 'not run (the batch was interrupted)' };
    const count = (s: string) => String(r.diagnostics.filter((d) => d.severity === s).length);
    const failed = Boolean(r.error);
    lines.push([
      tsvField(input), failed ? '' : tsvField(output), r.summary?.sha256 ?? '', status(r),
      failed ? '' : String(r.summary?.tasks ?? ''), failed ? '' : String(r.summary?.targets ?? ''),
      count('warning'), count('error'), tsvField(r.error ?? ''),
    ].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** `qplan extract: 5 inputs: 3 ok, 2 with warnings, 0 with errors, 0 not read` (+ where they went). */
export function batchSummary(results: JobResult[], total: number, where?: string): string {
  const by = { ok: 0, warnings: 0, errors: 0, failed: 0 };
  for (const r of results) by[status(r)]++;
  by.failed += total - results.length;
  const to = where ? `; wrote ${where}` : '';
  return `qplan extract: ${total} input${total === 1 ? '' : 's'}: ${by.ok} ok, ${by.warnings} with warnings, ${by.errors} with errors, ${by.failed} not read${to}\n`;
}

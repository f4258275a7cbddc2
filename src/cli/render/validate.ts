/**
 * Rendering of `qplan validate` results: human lines (grouped by file, coloured only when asked),
 * JSON for tools, and GitHub workflow annotations. Pure string building; chalk is loaded only when colour
 * is on, so pipes and CI never load it.
 */
import type { ValidateDiagnostic } from '../../validate/index.js';
import { visible } from './visible.js';

export interface FileResult {
  path: string;
  diagnostics: ValidateDiagnostic[];
  /** Set when the file could not be read at all (an I/O problem: exit 2). */
  ioError?: string;
}

/** Totals for the summary line and the JSON report. */
export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files with at least one error or warning. */
  filesWithProblems: number;
  ioErrors: number;
}

/** Counts errors, warnings and infos over all files. */
export function count(results: FileResult[]): Counts {
  const c: Counts = { files: results.length, errors: 0, warnings: 0, infos: 0, filesWithProblems: 0, ioErrors: 0 };
  for (const r of results) {
    if (r.ioError) { c.ioErrors++; c.filesWithProblems++; continue; }
    let problem = false;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') { c.errors++; problem = true; }
      else if (d.severity === 'warning') { c.warnings++; problem = true; }
      else c.infos++;
    }
    if (problem) c.filesWithProblems++;
  }
  return c;
}

interface Paint {
  path(s: string): string;
  error(s: string): string;
  warning(s: string): string;
  info(s: string): string;
  dim(s: string): string;
  ok(s: string): string;
}

const plain: Paint = { path: (s) => s, error: (s) => s, warning: (s) => s, info: (s) => s, dim: (s) => s, ok: (s) => s };

/** Colours from chalk, loaded on demand; `level` forced so chalk's own TTY guess (about process) is not used. */
export async function paint(color: boolean): Promise<Paint> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { path: c.bold, error: c.red, warning: c.yellow, info: c.blue, dim: c.dim, ok: c.green };
}

/**
 * `path:line:col: severity: message [code]`, one line each (editors and terminals link `path:line:col`),
 * files in the order checked with a blank line between them, then the summary.
 */
export function renderHuman(results: FileResult[], p: Paint, opts: { verbose?: boolean; strict?: boolean } = {}): string {
  const blocks: string[] = [];
  for (const r of results) {
    const lines: string[] = [];
    if (r.ioError) lines.push(`${p.path(visible(r.path))}: ${p.error('error')}: ${visible(r.ioError)} ${p.dim(`[${ioCode(r)}]`)}`);
    for (const d of r.diagnostics) {
      if (d.severity === 'info' && !opts.verbose) continue;
      const where = visible(d.line === null ? r.path : `${r.path}:${d.line}${d.column !== undefined ? `:${d.column}` : ''}`);
      const sev = d.severity === 'error' ? p.error('error') : d.severity === 'warning' ? p.warning('warning') : p.info('info');
      lines.push(`${p.path(where)}: ${sev}: ${visible(d.message)} ${p.dim(`[${visible(d.code)}]`)}`);
    }
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  const body = blocks.length > 0 ? `${blocks.join('\n\n')}\n\n` : '';
  return `${body}${summary(count(results), p, opts.strict)}\n`;
}

/** `3 files checked: 2 errors, 1 warning in 2 files` — or `… no problems`. */
export function summary(c: Counts, p: Paint = plain, strict = false): string {
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const head = `${n(c.files, 'file')} checked`;
  const parts: string[] = [];
  if (c.errors > 0) parts.push(p.error(n(c.errors, 'error')));
  if (c.warnings > 0) parts.push((strict ? p.error : p.warning)(n(c.warnings, 'warning')));
  if (c.ioErrors > 0) parts.push(p.error(`${n(c.ioErrors, 'file')} unreadable`));
  if (parts.length === 0) return `${head}: ${p.ok('no problems')}`;
  return `${head}: ${parts.join(', ')} in ${n(c.filesWithProblems, 'file')}`;
}

/** The version of the `--format json` report; a change of its shape gets a new id. */
export const VALIDATE_REPORT_ID = 'qplan/validate@1';

/** Machine-readable: every diagnostic (info included), per file, with counts. */
export function renderJson(results: FileResult[]): string {
  const c = count(results);
  const files = results.map((r) => ({
    path: r.path,
    ...(r.ioError ? { error: r.ioError } : {}),
    errors: r.diagnostics.filter((d) => d.severity === 'error').length + (r.ioError ? 1 : 0),
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics: r.diagnostics,
  }));
  return `${JSON.stringify({ schema: VALIDATE_REPORT_ID, files, summary: c }, null, 2)}\n`;
}

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the runner turns
 * into annotations on the pull request's changed lines. Infos become notices only with --verbose.
 */
export function renderGithub(results: FileResult[], opts: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.ioError) out.push(`::error file=${prop(r.path)},title=${prop(`qplan ${ioCode(r)}`)}::${data(r.ioError)}`);
    for (const d of r.diagnostics) {
      if (d.severity === 'info' && !opts.verbose) continue;
      const kind = d.severity === 'info' ? 'notice' : d.severity;
      const props = [`file=${prop(r.path)}`];
      if (d.line !== null) props.push(`line=${d.line}`);
      if (d.line !== null && d.column !== undefined) props.push(`col=${d.column}`);
      props.push(`title=${prop(`qplan ${d.code}`)}`);
      out.push(`::${kind} ${props.join(',')}::${data(d.message)}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function ioCode(r: FileResult): string {
  return r.ioError?.startsWith('internal error') ? 'internal-error' : 'file-unreadable';
}

// the escapes the Actions runner decodes (actions/toolkit `command.ts`)
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One extraction job: read a file, extract, serialize, and (with an output path) write it atomically.
 * Runs in the main thread or in a worker (src/cli/worker.ts); only small results travel back, so a batch never
 * holds the corpus in memory.
 */
import type { Diagnostic } from '../../model.js';
import { InputError } from '../../diagnostics.js';
import { crashMessage, ioMessage, writeVia, type WriteAccess } from './files.js';
import { releaseLingering } from '../signals.js';

export interface JobOptions {
  format: 'yaml' | 'json' | 'ndjson';
  from?: 'text' | 'html' | 'markdown' | 'pdf' | 'docx';
  encoding?: string;
  /** Inputs over this many bytes are refused unread. */
  maxBytes?: number;
}

export interface JobResult {
  path: string;
  /** Serialized plan when it is to go to stdout (no output path). */
  text?: string;
  diagnostics: Diagnostic[];
  /** A message when the file could not be read or extracted at all. */
  error?: string;
  /** 'input' for unreadable/unsupported input, 'internal' for a crash. */
  errorKind?: 'input' | 'internal';
  /** What the batch manifest records of a plan that was read. */
  summary?: { sha256: string; tasks: number; targets: number };
}

export interface FileAccess extends WriteAccess {
  readFile(path: string, limit?: number): Promise<Uint8Array>;
}

/**
 * A parse that Ctrl-C should not wait for: a PDF or DOCX (by --from, name or first bytes), or a large text. A text
 * under this size is read in well under a tenth of a second, so the signal handler a batch keeps between its writes
 * stays on for it (turning it off and on again for every file cost a few per cent of a batch of small texts).
 */
const LONG_PARSE_BYTES = 256 * 1024;
function mayParseLong(path: string, bytes: Uint8Array, from: string | undefined): boolean {
  if (bytes.length >= LONG_PARSE_BYTES || from === 'pdf' || from === 'docx' || /\.(?:pdf|docx)$/i.test(path)) return true;
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-');
}

export async function runJob(fs: FileAccess, path: string, opts: JobOptions, out?: { path: string; tmp: string }, stdin?: Uint8Array): Promise<JobResult> {
  let bytes: Uint8Array;
  try {
    bytes = stdin ?? (await fs.readFile(path, opts.maxBytes));
  } catch (e) {
    return { path, diagnostics: [], error: `cannot read: ${ioMessage(e)}`, errorKind: 'input' };
  }
  // extracted plans and other data are not plan texts: say what to use instead
  if (!opts.from && /\.(?:ya?ml|json|ndjson)$/i.test(path)) {
    return { path, diagnostics: [], error: 'this is YAML/JSON data, not a plan text (check plan files with `qplan validate`, compare them with `qplan compare`)', errorKind: 'input' };
  }
  const legacy = /\.(doc|wps|ofd)$/i.exec(path)?.[1]?.toLowerCase();
  if (!opts.from && legacy) {
    const how = legacy === 'ofd' ? 'open it in an OFD reader (数科, 福昕) and export it as PDF or DOCX' : 'convert it to .docx first: `soffice --headless --convert-to docx ' + path.replace(/^.*\//, '') + '`';
    return { path, diagnostics: [], error: `not read: qplan does not read .${legacy} files; ${how}`, errorKind: 'input' };
  }
  try {
    const { extractPlan } = await import('../../pipeline.js');
    if (mayParseLong(path, bytes, opts.from)) await releaseLingering();
    const ser = await import('../../plan-io/serialize.js');
    const { plan } = await extractPlan(bytes, { path, from: opts.from, encoding: opts.encoding });
    const text = opts.format === 'json' ? ser.toJson(plan) : opts.format === 'ndjson' ? ser.toNdjson(plan) : ser.toYaml(plan);
    const summary = { sha256: plan.source.sha256, tasks: plan.tasks.length, targets: plan.targets.length };
    if (out) {
      await writeVia(fs, out.tmp, out.path, text);
      return { path, diagnostics: plan.diagnostics, summary };
    }
    return { path, text, diagnostics: plan.diagnostics };
  } catch (e) {
    if (e instanceof InputError) return { path, diagnostics: [], error: e.reason, errorKind: 'input' };
    const err = e as Error & { code?: string };
    if (err.code && /^E[A-Z]+$/.test(err.code)) return { path, diagnostics: [], error: `cannot write output: ${ioMessage(e)}`, errorKind: 'input' };
    return { path, diagnostics: [], error: `internal error while extracting: ${crashMessage(err)}`, errorKind: 'internal' };
  }
}

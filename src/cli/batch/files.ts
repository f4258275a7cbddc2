/**
 * Input discovery and safe output for the CLI: expands directories to the plan files inside them (sorted, so
 * output order is deterministic), names outputs, and writes atomically (temp file + rename) so an interrupted
 * run never leaves a half-written file.
 */
import type { Io } from '../io.js';
import { EXTRACT_INPUT_EXT, extPattern } from '../../source/extensions.js';
import { holdSignals } from '../signals.js';

export interface InputRef {
  /** As the user gave it (or dir/child for files found in a directory); `-` is stdin. */
  path: string;
  /** Why the file cannot be opened at all (a name that is not UTF-8): reported for this file, never skipped in silence. */
  error?: string;
  /** The directory argument a file was found in by a walk (its path below it is mirrored by `extract -o`). */
  root?: string;
  /** The size in bytes the walk or the argument check saw (what the default job count weighs). */
  size?: number;
}

/** Plan files a directory walk takes; .doc/.wps/.ofd are taken too, so that they are reported as not read. */
const PLAN_EXT = extPattern(EXTRACT_INPUT_EXT);

export async function collectInputs(args: string[], io: Io, ext: RegExp = PLAN_EXT): Promise<InputRef[]> {
  const out: InputRef[] = [];
  for (const a of args) {
    if (a === '-') { out.push({ path: '-' }); continue; }
    let st;
    try {
      st = await io.fs.stat(a);
    } catch (e) {
      throw new Error(`${a}: ${ioMessage(e)}`);
    }
    if (st.isDirectory()) out.push(...(await walk(a, io, ext, new Set())).map((r) => ({ ...r, root: a })));
    else out.push({ path: a, size: st.size });
  }
  return out;
}

/** A name the file system gave as bytes that are not UTF-8 (Node replaced them with U+FFFD). */
const NOT_UTF8_NAME = 'its name is not valid UTF-8 (shown with �), so it cannot be opened by name; rename it to UTF-8 (e.g. `convmv -f gbk -t utf-8`)';

/**
 * The plan files below `dir`, sorted. `seen` holds the real paths already walked or listed: a symlink loop, or a
 * link to a folder or file met elsewhere, is followed once, so each real file is read once and the walk ends.
 */
async function walk(dir: string, io: Io, ext: RegExp, seen: Set<string>): Promise<InputRef[]> {
  const real = await io.fs.realpath(dir).catch(() => dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const names = (await io.fs.readdir(dir)).sort();
  const files: InputRef[] = [];
  for (const n of names) {
    if (n.startsWith('.') || n === 'node_modules') continue;
    const p = `${dir.replace(/\/+$/, '')}/${n}`;
    const st = await io.fs.stat(p).catch(() => null);
    if (!st) {
      // a plan file, or what may be a folder, that cannot be opened: say so rather than skip it
      if (n.includes('\ufffd') && (ext.test(n) || !/\.[^.]{1,8}$/.test(n))) files.push({ path: p, error: NOT_UTF8_NAME });
      continue;
    }
    if (st.isDirectory()) files.push(...(await walk(p, io, ext, seen)));
    else if (ext.test(n)) {
      const file = await io.fs.realpath(p).catch(() => p);
      if (seen.has(file)) continue;
      seen.add(file);
      files.push({ path: p, size: st.size });
    }
  }
  return files;
}

/**
 * The output path of each input below the output folder: a file found in a folder keeps its place in that folder's
 * tree (`in/a/b/x.html` → `a/b/x.plan.yaml`), a file given by name goes to the top. Where two inputs would take one
 * name (`x.html` and `x.txt` side by side), both keep their extension (`x.html.plan.yaml`, `x.txt.plan.yaml`), so a
 * name never depends on the order of the inputs.
 */
export function outputName(inputs: InputRef[], format: string): Map<InputRef, string> {
  const rel = (i: InputRef) => {
    if (i.path === '-') return 'stdin';
    if (i.root !== undefined) {
      const root = i.root.replace(/\/+$/, '');
      if (i.path.startsWith(`${root}/`)) return i.path.slice(root.length + 1);
    }
    return i.path.split('/').pop() ?? i.path;
  };
  const dirOf = (r: string) => r.slice(0, r.lastIndexOf('/') + 1);
  const stem = (r: string) => dirOf(r) + r.slice(dirOf(r).length).replace(/\.[^.]+$/, '');
  const counts = new Map<string, number>();
  for (const i of inputs) counts.set(stem(rel(i)), (counts.get(stem(rel(i))) ?? 0) + 1);
  const names = new Map<InputRef, string>();
  const used = new Set<string>();
  for (const i of inputs) {
    const r = rel(i);
    const s = stem(r);
    let name = `${(counts.get(s) ?? 0) > 1 ? r : s}.plan.${format}`;
    // two files given by name from different folders (a/x.txt, b/x.txt): numbered in the order given
    for (let n = 2; used.has(name); n++) name = `${s}-${n}.plan.${format}`;
    used.add(name);
    names.set(i, name);
  }
  return names;
}

/**
 * An unexpected error (a bug in qplan) as one line: its name, message and the place it was thrown, so the batch
 * summary stays one line a file and a report has what it needs without a stack trace.
 */
export function crashMessage(e: unknown): string {
  if (!(e instanceof Error)) return String(e).split('\n')[0] as string;
  const at = /\n\s+at (?:.*\()?(?:file:\/\/)?([^()\s]+)\)?/.exec(e.stack ?? '')?.[1]?.replace(/^.*\//, '');
  return `${e.name}: ${e.message.split('\n')[0]}${at ? ` (at ${at})` : ''} — a bug in qplan: please report it with this file`;
}

/** The plain words for a failed file operation (`ENOENT` → no such file or directory). */
export function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOSPC': case 'EDQUOT': return 'no space left on device';
    case 'EROFS': return 'read-only file system';
    case 'ENOTDIR': return 'not a directory';
    case 'EFBIG': return 'file too large for the file system';
    case 'EIO': return 'input/output error';
    default: return err.message ?? String(e);
  }
}

/** What writing needs: enough of `Io['fs']` that a worker thread can supply it too. */
export interface WriteAccess {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** Writes `data` to `tmp`, then renames it to `path`: readers never see a half-written file. */
export async function writeVia(fs: WriteAccess, tmp: string, path: string, data: string | Uint8Array): Promise<void> {
  const release = holdSignals();
  try {
    // a full disk fails the write half-way: the partial temp file goes too
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    release();
  }
}

/** {@link writeVia} through a fresh temp name beside the target. */
export async function writeAtomic(io: Io, path: string, data: string | Uint8Array): Promise<void> {
  // node:crypto is loaded here, not at start-up (~15 ms that --help and usage errors need not pay)
  const { randomBytes } = await import('node:crypto');
  await writeVia(io.fs, `${path}.tmp-${randomBytes(6).toString('hex')}`, path, data);
}

/**
 * The `-o FILE` of a command that writes one report: checked before any work is done (a directory, a missing
 * folder, or one of the command's own inputs is refused), then written atomically, or straight into a device or
 * pipe (`-o /dev/stdout`), which a rename would replace instead of writing to.
 */
import { ioMessage, writeAtomic } from './batch/files.js';
import type { Io } from './io.js';

/** Why `path` cannot take the output, or null when it can. `inputs` are the files the command reads. */
export async function outputProblem(io: Io, path: string, inputs: readonly string[]): Promise<string | null> {
  const st = await io.fs.stat(path).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) {
    if (st.code !== 'ENOENT' && st.code !== 'ENOTDIR') return `cannot write ${path}: ${ioMessage(st)}`;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
    const parent = await io.fs.stat(dir).catch((e: NodeJS.ErrnoException) => e);
    if (parent instanceof Error) return `cannot write ${path}: the folder ${dir} ${parent.code === 'ENOENT' ? 'does not exist' : `cannot be used (${ioMessage(parent)})`}`;
    if (!parent.isDirectory()) return `cannot write ${path}: ${dir} is not a folder`;
    return null;
  }
  if (st.isDirectory()) return `cannot write ${path}: it is a folder (give a file name, e.g. ${path.replace(/\/+$/, '')}/report.html)`;
  const real = await io.fs.realpath(path).catch(() => path);
  for (const input of inputs) {
    if (input === '-') continue;
    if ((await io.fs.realpath(input).catch(() => input)) === real) return `refusing to write ${path}: it is an input (${input})`;
  }
  return null;
}

/** Writes a report to `path`: atomically for a file, directly for a device or pipe. */
export async function writeOutput(io: Io, path: string, data: string | Uint8Array): Promise<void> {
  const st = await io.fs.stat(path).catch(() => null);
  if (st && !st.isFile() && !st.isDirectory()) await io.fs.writeFile(path, data);
  else await writeAtomic(io, path, data);
}

/** Test helpers: an in-memory Io around the real filesystem, and a one-call CLI runner. */
import { promises as fsp } from 'node:fs';
import { run } from '../src/cli/main.js';
import { readBounded, TooLargeError, type Io } from '../src/cli/io.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function fakeIo(opts: { stdin?: Uint8Array | string; tty?: boolean; env?: Record<string, string>; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: { write: (s) => { out.push(s); }, isTTY: opts.tty ?? false, columns: 120 },
    stderr: { write: (s) => { err.push(s); }, isTTY: opts.tty ?? false, columns: 120 },
    readStdin: async (limit = Infinity) => {
      const bytes = typeof opts.stdin === 'string' ? new TextEncoder().encode(opts.stdin) : opts.stdin ?? new Uint8Array();
      if (bytes.length > limit) throw new TooLargeError(null, limit);
      return bytes;
    },
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    fs: {
      readFile: (p, limit) => readBounded(p, limit),
      writeFile: (p, d) => fsp.writeFile(p, d),
      rename: (a, b) => fsp.rename(a, b),
      unlink: (p) => fsp.unlink(p),
      mkdir: async (p) => { await fsp.mkdir(p, { recursive: true }); },
      stat: (p) => fsp.stat(p),
      readdir: (p) => fsp.readdir(p),
      realpath: (p) => fsp.realpath(p),
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Runs `qplan <argv>` in-process. */
export async function runCli(argv: string[], opts: Parameters<typeof fakeIo>[0] = {}): Promise<RunResult> {
  const f = fakeIo(opts);
  const code = await run(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

export const SEEDS = ['000_3c93fe66f1b042f6', '001_85cde96d376fc1c9', '002_9e05ded875b6d85d', '003_d34b9a5638ecd82e', '004_59faef078171ecef'];

/**
 * The world as the CLI sees it. Only `bin/qplan.js` builds the real one (`nodeIo()`); tests pass a fake with
 * captured output. Commands never touch `process` directly.
 */
import { closeSync, fstatSync, openSync, promises as fsp, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';

/** The size limit of every command, unless `--max-size` says otherwise. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** An input over the size limit; `size` is null when it is a stream whose end was not awaited. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
  readonly code = 'ETOOLARGE';
  constructor(readonly size: number | null, readonly limit: number) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const what = size === null ? `larger than the size limit of ${mb(limit)}` : `${mb(size)}, over the size limit of ${mb(limit)}`;
    super(`the input is ${what}; it was not read (raise the limit with --max-size MB)`);
  }
}

/**
 * Reads a file, never more than `limit` bytes: a regular file is measured first, anything else (`/dev/zero`, a
 * FIFO) is read in chunks until it ends or goes over.
 */
export async function readBounded(path: string, limit = Infinity): Promise<Uint8Array> {
  // a regular file is read synchronously: the async path makes four thread-pool round trips per file, which was
  // a fifth of a batch's time; anything else (FIFO, device) keeps the async path, which cannot block on open
  const bytes = readRegularSync(path, limit);
  if (bytes) return bytes;
  const fh = await fsp.open(path, 'r');
  try {
    const st = await fh.stat();
    if (st.isFile() && st.size > limit) throw new TooLargeError(st.size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(st.isFile() ? Math.max(1, Math.min(st.size + 1, limit + 1, 1 << 24)) : 1 << 16);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw new TooLargeError(st.isFile() ? Math.max(total, st.size) : null, limit);
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  } finally {
    await fh.close();
  }
}

/** A regular file's bytes, read synchronously; null when `path` is not a regular file (or cannot be stat'ed). */
function readRegularSync(path: string, limit: number): Uint8Array | null {
  // stat before open: opening a FIFO with no writer would block the whole process
  const pre = statSync(path, { throwIfNoEntry: false });
  if (!pre?.isFile()) return null;
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return null;
    if (st.size > limit) throw new TooLargeError(st.size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // one byte more than the size: a file still growing shows up as more data
      const buf = Buffer.allocUnsafe(Math.max(1, Math.min(st.size + 1, limit + 1, 1 << 24)));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw new TooLargeError(Math.max(total, st.size), limit);
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

export interface Io {
  /**
   * Data output. `write` throws an {@link OutputError} once the stream has failed (disk full, closed pipe);
   * `flush` resolves when everything written so far has reached the stream, and rejects with the failure if not.
   * `drained` resolves at once unless the stream's buffer is full, then when it has drained (or failed): a batch
   * waits on it between files, so a slow reader of a pipe holds the batch back instead of a queue in memory.
   */
  stdout: { write(s: string): void; isTTY: boolean; columns?: number; flush?(): Promise<void>; drained?(): Promise<void> };
  stderr: { write(s: string): void; isTTY: boolean; columns?: number };
  /** Reads all of stdin (for the `-` argument); over `limit` bytes it stops and throws a {@link TooLargeError}. */
  readStdin(limit?: number): Promise<Uint8Array>;
  env: Record<string, string | undefined>;
  cwd: string;
  fs: {
    /** The file's bytes; over `limit` bytes (a device, a FIFO or a file still growing too) a {@link TooLargeError}. */
    readFile(path: string, limit?: number): Promise<Uint8Array>;
    writeFile(path: string, data: string | Uint8Array): Promise<void>;
    rename(from: string, to: string): Promise<void>;
    unlink(path: string): Promise<void>;
    mkdir(path: string): Promise<void>;
    stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
    readdir(path: string): Promise<string[]>;
    realpath(path: string): Promise<string>;
  };
}

/** A write to standard output failed: `code` is the errno word (`ENOSPC`, `EPIPE` …). */
export class OutputError extends Error {
  override name = 'OutputError';
  readonly code: string;
  constructor(cause: unknown) {
    const c = cause as NodeJS.ErrnoException;
    super(c?.message ?? String(cause));
    this.code = c?.code ?? 'EIO';
  }
}

/** The real Io over Node's process and fs. */
export function nodeIo(proc: NodeJS.Process): Io {
  // stdout carries the data: a failed write must stop the run; stderr only carries messages, whose loss does not
  const wrap = (stream: NodeJS.WriteStream, strict: boolean) => {
    // Node reports a failed write as an 'error' event, after the write call returned: remember the first one
    let failure: unknown = null;
    stream.on('error', (e) => { failure ??= e; });
    return {
      write: (s: string) => {
        if (!failure) stream.write(s);
        else if (strict) throw new OutputError(failure);
      },
      flush: () => new Promise<void>((resolve, reject) => {
        if (failure) return reject(new OutputError(failure));
        stream.write('', (e) => ((e ?? failure) ? reject(new OutputError(e ?? failure)) : resolve()));
      }),
      drained: () => (!stream.writableNeedDrain || failure ? Promise.resolve() : new Promise<void>((resolve) => {
        const done = () => { stream.off('drain', done); stream.off('error', done); stream.off('close', done); resolve(); };
        stream.on('drain', done).on('error', done).on('close', done);
      })),
      get isTTY() { return Boolean(stream.isTTY); },
      get columns() { return stream.columns; },
    };
  };
  return {
    stdout: wrap(proc.stdout, true),
    stderr: wrap(proc.stderr, false),
    async readStdin(limit = Infinity) {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const c of proc.stdin) {
        total += (c as Buffer).length;
        if (total > limit) {
          proc.stdin.destroy();
          throw new TooLargeError(null, limit);
        }
        chunks.push(c as Buffer);
      }
      return Buffer.concat(chunks);
    },
    env: proc.env,
    cwd: proc.cwd(),
    fs: {
      readFile: (p, limit) => readBounded(p, limit),
      // writes are synchronous so that a signal never lands while a write is half-done in the thread pool
      writeFile: async (p, d) => writeFileSync(p, d),
      rename: async (a, b) => renameSync(a, b),
      unlink: async (p) => unlinkSync(p),
      mkdir: async (p) => { await fsp.mkdir(p, { recursive: true }); },
      stat: (p) => fsp.stat(p),
      readdir: (p) => fsp.readdir(p),
      realpath: (p) => fsp.realpath(p),
    },
  };
}

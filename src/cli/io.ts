/**
 * The world as the CLI sees it. Only `bin/qplan.js` builds the real one (`nodeIo()`); tests pass a fake with
 * captured output. Commands never touch `process` directly.
 */
import { promises as fsp, renameSync, unlinkSync, writeFileSync } from 'node:fs';

export interface Io {
  /**
   * Data output. `write` throws an {@link OutputError} once the stream has failed (disk full, closed pipe);
   * `flush` resolves when everything written so far has reached the stream, and rejects with the failure if not.
   */
  stdout: { write(s: string): void; isTTY: boolean; columns?: number; flush?(): Promise<void> };
  stderr: { write(s: string): void; isTTY: boolean; columns?: number };
  /** Reads all of stdin (for the `-` argument). */
  readStdin(): Promise<Uint8Array>;
  env: Record<string, string | undefined>;
  cwd: string;
  fs: {
    readFile(path: string): Promise<Uint8Array>;
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
  const wrap = (stream: NodeJS.WriteStream) => {
    // Node reports a failed write as an 'error' event, after the write call returned: remember the first one
    let failure: unknown = null;
    stream.on('error', (e) => { failure ??= e; });
    return {
      write: (s: string) => {
        if (failure) throw new OutputError(failure);
        stream.write(s);
      },
      flush: () => new Promise<void>((resolve, reject) => {
        if (failure) return reject(new OutputError(failure));
        stream.write('', (e) => ((e ?? failure) ? reject(new OutputError(e ?? failure)) : resolve()));
      }),
      get isTTY() { return Boolean(stream.isTTY); },
      get columns() { return stream.columns; },
    };
  };
  return {
    stdout: wrap(proc.stdout),
    stderr: wrap(proc.stderr),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const c of proc.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    env: proc.env,
    cwd: proc.cwd(),
    fs: {
      readFile: (p) => fsp.readFile(p),
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

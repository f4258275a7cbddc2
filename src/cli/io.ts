/**
 * The world as the CLI sees it. Only `bin/qplan.js` builds the real one (`nodeIo()`); tests pass a fake with
 * captured output. Commands never touch `process` directly.
 */
import { promises as fsp, renameSync, unlinkSync, writeFileSync } from 'node:fs';

export interface Io {
  stdout: { write(s: string): void; isTTY: boolean; columns?: number };
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

/** The real Io over Node's process and fs. */
export function nodeIo(proc: NodeJS.Process): Io {
  const wrap = (stream: NodeJS.WriteStream) => ({
    write: (s: string) => { stream.write(s); },
    get isTTY() { return Boolean(stream.isTTY); },
    get columns() { return stream.columns; },
  });
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

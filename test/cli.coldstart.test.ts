/**
 * What a cold start loads (issue 14): `--help` only the CLI bundle's few chunks (commander inside), a plain-text
 * extract only what a text seed needs. The time itself is measured by `npm run bench`, not here; this guards
 * against an eager import creeping back in.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function loaded(args: string[]): { files: string[]; builtins: string[] } {
  const r = spawnSync(process.execPath, ['--import', './test/support/loaded-modules.mjs', 'bin/qplan.js', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stderr.split('\n');
  return {
    // the bin is CommonJS: seen both by the ES loader hook (the entry) and in require.cache
    files: [...new Set(lines.filter((l) => l.startsWith('LOADED file:')).map((l) => l.slice('LOADED '.length)))],
    builtins: lines.filter((l) => l.startsWith('BUILTIN ') && !l.startsWith('BUILTIN internal/')).map((l) => l.slice('BUILTIN '.length)),
  };
}

// packages only some inputs or commands need, and built-ins that cost ~10 ms each to compile
const HEAVY = /\/node_modules\/(?:cheerio|remark-[a-z]+|unified|zod|yaml|pdfjs-dist|opencc-js|cli-table3|chalk)\//;
const HEAVY_BUILTINS = ['child_process', 'worker_threads'];

describe('cold start', () => {
  it('--help loads the CLI bundle and no library code', () => {
    const { files, builtins } = loaded(['--help']);
    expect(files.filter((f) => !f.includes('/bin/qplan.js')).every((f) => f.includes('/dist/bundle/')), files.join('\n')).toBe(true);
    expect(files.length, files.join('\n')).toBeLessThanOrEqual(10);
    expect(builtins.filter((b) => [...HEAVY_BUILTINS, 'crypto'].includes(b))).toEqual([]);
  });

  it('extracting a plain-text seed loads no HTML, Markdown, PDF, schema or YAML-parser package', () => {
    const { files, builtins } = loaded(['extract', '-q', 'seeds/000_3c93fe66f1b042f6.txt']);
    expect(files.filter((f) => HEAVY.test(f))).toEqual([]);
    expect(files.length, files.join('\n')).toBeLessThanOrEqual(25);
    expect(builtins.filter((b) => HEAVY_BUILTINS.includes(b))).toEqual([]);
  });
});

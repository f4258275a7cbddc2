import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

const ROOT = dirname(fileURLToPath(import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
/** QPLAN_TEST_SRC=1 runs the tests on the TypeScript sources (slower: every worker transforms them). */
const onSource = process.env.QPLAN_TEST_SRC === '1';

/**
 * Tests import `../src/x.js`; by default they get `dist/x.js`, the build `npm test` makes first (`pretest`), and
 * Node loads it natively. Transforming src/ in every test process cost about 70 s of a run; the compiled output is
 * also what the bin and the package ship. test/support/dist-fresh.ts rebuilds dist/ when src/ is newer.
 */
const testCompiled: Plugin = {
  name: 'qplan-test-compiled',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const target = resolve(dirname(importer), source);
    if (!target.startsWith(SRC + sep) || importer.startsWith(SRC + sep)) return null;
    return join(DIST, relative(SRC, target));
  },
};

export default defineConfig({
  plugins: onSource ? [] : [testCompiled],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: onSource ? ['test/support/scratch-tmp.ts'] : ['test/support/dist-fresh.ts', 'test/support/scratch-tmp.ts'],
    // a hang guard, not a speed check (those are test/support/bounds.ts and the benchmark): a busy shared machine
    // stretched the fuzz and hostile property tests past 30 s
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest leaves one core free by default: on a 2-core machine that ran the files one at a time
    maxWorkers: Math.max(2, availableParallelism()),
    // one process per worker runs file after file: dist/ and the packages load once per worker, not per file
    isolate: false,
    // dist/ runs as plain Node modules, like node_modules: no transform, no per-file module runner copy
    server: { deps: { external: [/\/dist\//] } },
  },
});

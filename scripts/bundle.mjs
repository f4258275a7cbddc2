// Second build step: bundles the compiled CLI (dist/cli/main.js, io.js and the batch worker) into dist/bundle/,
// which bin/qplan.js runs. Loading ~90 small ES modules costs more than compiling their code: resolving and
// linking each file is a few file-system look-ups and a round through the ESM loader. One chunk per lazy import
// (`await import(...)` in a command) keeps the split: `--help` loads main.js only, a plain-text extract adds the
// pipeline chunk, and cheerio, remark, pdf.js, zod, yaml and opencc stay outside, imported from node_modules only
// by the inputs or commands that need them. Measurements: docs/performance.md.
//
// The library (dist/index.js and the modules beside it) stays unbundled; the tests run both.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'dist/bundle';
let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch {
  // a production install (`npm install --omit=dev` of a packed tarball) ships dist/ already built
  console.error('bundle: rolldown is not installed; bin/qplan.js will run the unbundled dist/cli/ instead');
  rmSync(OUT, { recursive: true, force: true });
  process.exit(0);
}

// commander requires node:child_process when it loads, for executable subcommands (which qplan does not have);
// loading that builtin costs ~10 ms of every start. In the bundle it is required when a subcommand would spawn.
const lazyChildProcess = {
  name: 'lazy-child-process',
  transform(code, id) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    const eager = "const childProcess = require('node:child_process');";
    if (!code.includes(eager)) throw new Error(`bundle: ${id} no longer has the line ${eager}; update scripts/bundle.mjs`);
    return code.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };");
  },
};

// A bundled JSON module becomes a JavaScript object literal, which V8 parses and compiles as code on every cold start;
// the geography index (src/lexicon/geography-index.json, ~280 KB) took longer that way than building it anew.
// As `JSON.parse('…')` it stays data: a string literal is scanned fast and JSON.parse is V8's quickest way to
// build a large object (Node does the same for the unbundled dist/'s JSON imports).
const jsonAsData = {
  name: 'json-as-data',
  load(id) {
    if (!id.endsWith('.json')) return null;
    const text = readFileSync(id, 'utf8');
    JSON.parse(text); // fail the build on a broken file, not the first run
    return { code: `export default JSON.parse(${JSON.stringify(text)});\n`, moduleType: 'js' };
  },
};

rmSync(OUT, { recursive: true, force: true });
const bundle = await rolldown({
  input: { main: 'dist/cli/main.js', io: 'dist/cli/io.js', worker: 'dist/cli/batch/worker.js' },
  platform: 'node',
  // commander is on every path and is a handful of CommonJS files: bundled. Every other package stays a bare
  // import, loaded (lazily) from node_modules as before.
  external: (id) => id.startsWith('node:') || (/^[@a-z]/i.test(id) && !/^commander(?:\/|$)/.test(id)),
  logLevel: 'warn',
  plugins: [lazyChildProcess, jsonAsData],
});
await bundle.write({ dir: OUT, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
await bundle.close();

// modules that find their data next to themselves (`new URL('./x.yaml', import.meta.url)`) now sit in dist/bundle/:
// data that sits one folder up (../lexicon/…) is found as before; data beside its module is copied here
for (const dir of ['dist/compare']) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (/\.(ya?ml|json|tsv)$/.test(f)) cpSync(join(dir, f), join(OUT, f));
}

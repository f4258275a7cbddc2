// Second build step: bundles the compiled CLI (dist/cli/main.js, io.js and the batch worker) into dist/bundle/,
// which bin/qplan.js runs. Loading ~90 small ES modules costs more than compiling their code: resolving and
// linking each file is a few file-system look-ups and a round through the ESM loader. One chunk per lazy import
// (`await import(...)` in a command) keeps the split: `--help` loads main.cjs and a few small chunks, a plain-text
// extract adds the pipeline chunk, and cheerio, remark, pdf.js, zod, yaml and opencc stay outside, imported from node_modules only
// by the inputs or commands that need them. Measurements: docs/performance.md.
//
// The library (dist/index.js and the modules beside it) stays unbundled; the tests run both.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

// The chunks are CommonJS, loaded by dist/bundle/load.cjs (scripts/bundle-load.cjs) with V8's code cache, so a
// cold start neither compiles them anew nor starts Node's ES module loader (~20 ms of CPU). That loader gives each
// chunk an `__import` for the dynamic import() of packages and built-ins, which a vm-compiled script lacks.
// A package that is only an ES module (remark, unified, chalk) is `require`d as one (Node ≥ 20.19) and comes back
// as its namespace, which already has its `default`: the CommonJS interop wrapper would nest it one level deeper.
const requireOf = createRequire(join(process.cwd(), 'package.json'));
const isEsm = (pkg) => {
  const file = requireOf.resolve(pkg);
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const json = join(dir, 'package.json');
    if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')).type === 'module';
  }
  return false;
};
const cjsChunks = {
  name: 'cjs-chunks',
  renderChunk(code) {
    const required = new Map([...code.matchAll(/^let (\w+) = require\("([^".][^"]*)"\);$/gm)].map((m) => [m[1], m[2]]));
    return code
      .replace(/^(\w+) = require_rolldown_runtime\.__toESM\(\1, 1\);\n/gm, (line, name) => {
        const pkg = required.get(name);
        return pkg && !pkg.startsWith('node:') && isEsm(pkg) ? '' : line;
      })
      .replace(/\bimport\((?=["'`])/g, '__import(');
  },
};

rmSync(OUT, { recursive: true, force: true });
const bundle = await rolldown({
  input: { main: 'dist/cli/main.js', io: 'dist/cli/io.js', 'worker-entry': 'dist/cli/batch/worker.js' },
  platform: 'node',
  // commander is on every path and is a handful of CommonJS files: bundled. Every other package stays a bare
  // import, loaded (lazily) from node_modules as before.
  external: (id) => id.startsWith('node:') || (/^[@a-z]/i.test(id) && !/^commander(?:\/|$)/.test(id)),
  logLevel: 'warn',
  plugins: [lazyChildProcess, jsonAsData, cjsChunks],
});
await bundle.write({ dir: OUT, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' });
await bundle.close();
cpSync('scripts/bundle-load.cjs', join(OUT, 'load.cjs'));
// the pool starts its workers from `./worker.js` beside the CLI's code (dist/cli/batch/ or here)
writeFileSync(join(OUT, 'worker.js'), "import { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./load.cjs').load('worker-entry.cjs');\n");

// modules that find their data next to themselves (`new URL('./x.yaml', import.meta.url)`) now sit in dist/bundle/:
// data that sits one folder up (../lexicon/…) is found as before; data beside its module is copied here
for (const dir of ['dist/compare']) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (/\.(ya?ml|json|tsv)$/.test(f)) cpSync(join(dir, f), join(OUT, f));
}

// the code cache: one plain-text extract of a seed, as a user's first run would be, writes each chunk's compiled
// functions beside it (dist/bundle/*.v8cache); a chunk without one compiles as usual
const warm = spawnSync(process.execPath, ['bin/qplan.js', 'extract', '-q', 'seeds/000_3c93fe66f1b042f6.txt'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, QPLAN_WRITE_CODE_CACHE: '1' } });
if (warm.status !== 0) throw new Error(`bundle: the warm-up extract for the code cache failed (exit ${warm.status})`);

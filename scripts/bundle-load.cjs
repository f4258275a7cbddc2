'use strict';
// Copied by scripts/bundle.mjs to dist/bundle/load.cjs: loads the bundle's CommonJS chunks with V8's code cache.
// A cold start spends tens of milliseconds compiling the chunks' functions, the same ones on every run; V8 can
// serialize the compiled bytecode, and `npm run build` writes it once (a warm-up extract with
// QPLAN_WRITE_CODE_CACHE=1). Each chunk is compiled as Node's CommonJS loader would, through `vm.Script`, which
// takes the cached data; V8 rejects data from another V8 version or other V8 flags, and the chunk then compiles as
// usual. Node 22's `module.enableCompileCache()` does the same; Node 20 has no such call.
const Module = require('node:module');
const { Script } = require('node:vm');
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join, sep } = require('node:path');

const own = __dirname + sep;
const scripts = [];
// a script compiled by vm has no dynamic import() of its own (Node 20 wants --experimental-vm-modules for
// that): the bundle step renames the chunks' import(…) to __import(…), this module's import()
const importer = (specifier) => import(specifier);
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (!filename.startsWith(own) || !filename.endsWith('.cjs')) return compile.call(this, content, filename);
  const cache = `${filename}.v8cache`;
  let cachedData;
  try { cachedData = readFileSync(cache); } catch { /* none written: compile as usual */ }
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __import) {${content}\n})`, { filename, cachedData });
  scripts.push([script, cache]);
  return script.runInThisContext().call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename), importer);
};
if (process.env.QPLAN_WRITE_CODE_CACHE === '1') {
  // after the run, so that the functions it compiled lazily are in the cache too
  process.on('exit', () => { for (const [script, cache] of scripts) writeFileSync(cache, script.createCachedData()); });
}

/** `require` of a chunk of dist/bundle/ (`main.cjs`, `io.cjs`, `worker-entry.cjs`). */
exports.load = (name) => require(join(__dirname, name));

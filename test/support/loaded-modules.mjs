// `node --import ./test/support/loaded-modules.mjs bin/qplan.js …`: writes to stderr one line `LOADED <url>` per
// ES module file the run loads (from the loader-hooks thread), and at exit one per CommonJS file it required (the
// bin and the bundle's chunks) and `BUILTIN <name>` per Node built-in it compiled (process.moduleLoadList), so a
// test can say what a cold start pulls in.
import { createRequire, register } from 'node:module';
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

register('data:text/javascript,' + encodeURIComponent(`
import { writeSync } from 'node:fs';
export async function load(url, context, next) { writeSync(2, 'LOADED ' + url + '\\n'); return next(url, context); }
`));

const before = new Set(process.moduleLoadList);
process.on('exit', () => {
  const lines = [];
  for (const f of Object.keys(createRequire(import.meta.url).cache)) lines.push(`LOADED ${pathToFileURL(f).href}`);
  for (const m of process.moduleLoadList) if (!before.has(m) && m.startsWith('NativeModule ')) lines.push(`BUILTIN ${m.slice(13)}`);
  writeSync(2, `${lines.join('\n')}\n`);
});

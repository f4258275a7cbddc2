#!/usr/bin/env node
// The only place that touches `process`: run the CLI with the real world, map crashes to exit 2, and on
// SIGINT/SIGTERM while temp files are being written, remove them before exiting (128 + signal number).
// Otherwise the signal's default action stops qplan at once, even inside a long parse.
// CommonJS (bin/package.json), like the bundle it loads: a start without Node's ES module loader is ~20 ms faster.
'use strict';
const { unlinkSync } = require('node:fs');

async function start() {
  let main, io;
  try {
    // the bundle of dist/cli (scripts/bundle.mjs) starts faster; without it (no dev dependencies) the modules serve
    let bundle;
    try { bundle = require('../dist/bundle/load.cjs'); } catch { /* not built: the modules */ }
    if (bundle) {
      main = bundle.load('main.cjs');
      io = bundle.load('io.cjs');
    } else {
      main = await import('../dist/cli/main.js');
      io = await import('../dist/cli/io.js');
    }
  } catch (e) {
    process.stderr.write(`qplan: the compiled program is missing (dist/). Run \`npm install\` or \`npm run build\` first.\n${e?.message ?? e}\n`);
    process.exit(2);
  }
  const handlers = [['SIGINT', 130], ['SIGTERM', 143]].map(([sig, code]) => [sig, () => { main.abortBatch(unlinkSync).finally(() => process.exit(code)); }]);
  main.onSignalHolds((on) => { for (const [sig, h] of handlers) on ? process.on(sig, h) : process.off(sig, h); });
  process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); });
  process.exitCode = await main.run(process.argv.slice(2), io.nodeIo(process)).catch((e) => {
    process.stderr.write(`qplan: internal error: ${e?.stack ?? e}\n`);
    return 2;
  });
}
start();

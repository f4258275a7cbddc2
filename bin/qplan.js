#!/usr/bin/env node
// The only place that touches `process`: run the CLI with the real world, map crashes to exit 2, and on
// SIGINT/SIGTERM while temp files are being written, remove them before exiting (128 + signal number).
// Otherwise the signal's default action stops qplan at once, even inside a long parse.
import { unlinkSync } from 'node:fs';

let main, io;
try {
  // the bundle of dist/cli (scripts/bundle.mjs) starts faster; without it (no dev dependencies) the modules serve
  const dir = await import('../dist/bundle/main.js').then(() => '../dist/bundle/', () => '../dist/cli/');
  main = await import(`${dir}main.js`);
  io = await import(`${dir}io.js`);
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

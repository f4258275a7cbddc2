#!/usr/bin/env node
// The only place that touches `process`: run the CLI with the real world, map crashes to exit 2,
// and on SIGINT/SIGTERM remove half-written temp files before exiting (128 + signal number).
import { unlinkSync } from 'node:fs';

let main, io;
try {
  main = await import('../dist/cli/main.js');
  io = await import('../dist/cli/io.js');
} catch (e) {
  process.stderr.write(`qplan: the compiled program is missing (dist/). Run \`npm install\` or \`npm run build\` first.\n${e?.message ?? e}\n`);
  process.exit(2);
}
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(sig, () => { main.abortBatch(unlinkSync).finally(() => process.exit(code)); });
}
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); });
process.exitCode = await main.run(process.argv.slice(2), io.nodeIo(process)).catch((e) => {
  process.stderr.write(`qplan: internal error: ${e?.stack ?? e}\n`);
  return 2;
});

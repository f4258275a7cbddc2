// A stand-in batch worker for test/pool.test.ts: answers every job, but dies on a file named *crash*.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (m) => {
  if (m.path.includes('crash')) process.exit(1);
  parentPort.postMessage({ id: m.id, result: { path: m.path, diagnostics: [], text: `worker:${m.path}` } });
});

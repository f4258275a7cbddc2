/**
 * Global setup: the tests run on dist/ (see vitest.config.ts), so dist/ must be the build of the current src/.
 * `npm test` builds first; a bare `npx vitest run test/x.test.ts` after an edit gets a rebuild here instead of
 * silently testing the old code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  // an incremental build rewrites only what changed, and copy-assets rewrites the data files every time
  const inputs = Math.max(newest('src'), statSync('tsconfig.json').mtimeMs, statSync('scripts/copy-assets.mjs').mtimeMs);
  if (existsSync('dist/index.js') && newest('dist') >= inputs) return;
  console.error('dist/ is older than src/: running npm run build');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

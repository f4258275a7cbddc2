/**
 * Global setup: every scratch folder the tests make (mkdtemp under os.tmpdir(), in the test workers and in the
 * qplan processes they start) goes into one folder made here, removed when the run ends, so a run leaves nothing
 * in the system's temporary folder. Workers and child processes inherit TMPDIR, and os.tmpdir() reads it per call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'qplan-test-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}

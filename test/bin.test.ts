/** A few CLI cases through the real executable (`node bin/qplan.js`), as users and CI run it. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CASES } from './cli.cases.js';

describe('bin/qplan.js (subprocess)', () => {
  for (const c of CASES.filter((x) => x.bin)) {
    it(c.name, () => {
      const r = spawnSync(process.execPath, ['bin/qplan.js', ...c.args], { input: c.stdin ?? '', encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(c.exitCode);
      for (const s of c.stdout ?? []) typeof s === 'string' ? expect(r.stdout).toContain(s) : expect(r.stdout).toMatch(s);
      for (const s of c.stderr ?? []) typeof s === 'string' ? expect(r.stderr).toContain(s) : expect(r.stderr).toMatch(s);
    });
  }
  it('a closed pipe is not a crash', () => {
    const r = spawnSync('sh', ['-c', 'node bin/qplan.js extract -q seeds/002_9e05ded875b6d85d.txt | head -n 1'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^# yaml-language-server|^schema/);
    expect(r.stderr).toBe('');
  });
});

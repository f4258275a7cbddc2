/**
 * Hostile input and faults (issue 17) that need more than a row of the broken-input table: special stdio, signals,
 * file-system tricks. Each `describe` names the case of the issue it covers.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { OutputError } from '../src/cli/io.js';
import { fakeIo, SEEDS } from './helpers.js';

const seed = (i: number) => `seeds/${SEEDS[i]}.txt`;

describe('1. stdout write errors', () => {
  const commands: [string, string[]][] = [
    ['extract', ['extract', '-q', 'seeds/']],
    ['validate --format json', ['validate', '--format', 'json', seed(1)]],
    ['compare', ['compare', seed(0), seed(1)]],
    ['schema', ['schema']],
  ];
  for (const [name, args] of commands) {
    it.skipIf(!existsSync('/dev/full'))(`${name} > /dev/full: a message and exit 2`, () => {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, ['bin/qplan.js', ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 30_000 });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('cannot write to standard output: no space left on device');
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      } finally {
        closeSync(fd);
      }
    });
  }

  it('a closed pipe (EPIPE) stays quiet and exits 0', () => {
    const direct = spawnSync('bash', ['-c', `set -o pipefail; ${process.execPath} bin/qplan.js extract -q seeds/ | head -c 10 >/dev/null`], { encoding: 'utf8' });
    expect(direct.status).toBe(0);
    expect(direct.stderr).toBe('');
  });

  it('in-process: a write that fails gives exit 2 and no stack', async () => {
    const f = fakeIo();
    f.io.stdout.write = () => { throw new OutputError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })); };
    const code = await run(['extract', '-q', seed(1)], f.io);
    expect(code).toBe(2);
    expect(f.stderr()).toBe('qplan: cannot write to standard output: no space left on device\n');
  });

  it('in-process: a failure found only at the final flush gives exit 2', async () => {
    const f = fakeIo();
    f.io.stdout.flush = async () => { throw new OutputError(Object.assign(new Error('EIO'), { code: 'EIO' })); };
    expect(await run(['schema'], f.io)).toBe(2);
    expect(f.stderr()).toContain('cannot write to standard output: input/output error');
  });
});

/**
 * Hostile input and faults (issue 17) that need more than a row of the broken-input table: special stdio, signals,
 * file-system tricks, plan documents that are not what they claim. Each `describe` names the case of the issue it
 * covers; test/hostile.output.test.ts has the cases about what qplan writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectWithin } from './support/bounds.js';
import { run } from '../src/cli/main.js';
import { OutputError } from '../src/cli/io.js';
import { fakeIo, runCli, SEEDS, type RunResult } from './helpers.js';
import { planDoc, seed } from './hostile.helpers.js';

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


describe('10. no crash with a stack', () => {
  const noStack = (r: RunResult) => {
    expect(r.stderr).not.toMatch(/internal error|\n\s+at |TypeError/);
  };
  for (const labels of ['constructor,b', '__proto__,toString', 'hasOwnProperty,__proto__']) {
    it(`--label ${labels}: every format works and keeps the labels`, async () => {
      for (const format of ['json', 'html', 'table', 'markdown', 'csv']) {
        const r = await runCli(['compare', '--label', labels, '--format', format, seed(0), seed(1)]);
        noStack(r);
        expect(r.code, `${format}: ${r.stderr}`).toBe(0);
        for (const l of labels.split(',')) expect(r.stdout).toContain(l);
      }
      const json = JSON.parse((await runCli(['compare', '--label', labels, '--format', 'json', seed(0), seed(1)])).stdout);
      expect(Object.keys(json.themes[0].plans)).toEqual(labels.split(','));
    });
  }

  it('a jurisdiction named toString or __proto__', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h10-'));
    const a = await planDoc(dir, 'a.plan.json', (p) => { (p.meta as Record<string, unknown>).jurisdiction = 'toString'; });
    const b = await planDoc(dir, 'b.plan.json', (p) => { (p.meta as Record<string, unknown>).jurisdiction = '__proto__'; });
    for (const format of ['json', 'html', 'table']) {
      const r = await runCli(['compare', '--format', format, a, b]);
      noStack(r);
      expect(r.code).toBe(0);
    }
  });

  const broken: [string, (p: Record<string, unknown>) => void, string][] = [
    ['tasks: [null]', (p) => { p.tasks = [null]; }, 'tasks[0] should be a mapping, not null'],
    ['meta: null', (p) => { p.meta = null; }, 'meta should be a mapping, not null'],
    ['targets: [null]', (p) => { p.targets = [null]; }, 'targets[0] should be a mapping, not null'],
    ['source: null', (p) => { p.source = null; }, 'source should be a mapping, not null'],
    ['responsible: null', (p) => { ((p.tasks as Record<string, unknown>[])[0] as Record<string, unknown>).responsible = null; }, 'tasks[0].responsible should be a list'],
    ['a line that is markup', (p) => { ((p.tasks as Record<string, unknown>[])[0] as Record<string, unknown>).line = '1<meta http-equiv=refresh content=0;url=https://example.com/>'; }, 'tasks[0].line should be a number'],
    ['an impossible date', (p) => { (p.meta as Record<string, unknown>).signed = '2024-02-30'; }, "meta.signed is '2024-02-30'; expected an ISO date"],
  ];
  for (const [name, change, says] of broken) {
    it(`compare refuses a plan document with ${name}, naming the file`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qplan-h10-'));
      const bad = await planDoc(dir, 'bad.plan.json', change);
      const r = await runCli(['compare', '--format', 'html', bad, seed(1)]);
      noStack(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${bad}: not a valid qplan/plan@1 document: ${says}`);
      expect(r.stdout).toBe('');
    });
  }

  it('extract -o onto a file: a message and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h10-'));
    writeFileSync(join(dir, 'afile'), 'x');
    const r = await runCli(['extract', '-o', join(dir, 'afile'), seed(0)]);
    noStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot create the output folder');
  });

  it('compare -o onto a folder, into a missing folder, or under a file: a message and exit 2, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h10-'));
    writeFileSync(join(dir, 'afile'), 'x');
    for (const [out, says] of [[dir, 'it is a folder'], [join(dir, 'nope', 'r.html'), 'does not exist'], [join(dir, 'afile', 'r.html'), 'is not a folder']] as const) {
      const r = await runCli(['compare', '-o', out, seed(0), seed(1)]);
      noStack(r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(says);
    }
    expect(readdirSync(dir)).toEqual(['afile']);
  });

  it.skipIf(!existsSync('/dev/full'))('compare -o /dev/full writes into the device (never replaces it) and fails with exit 2', async () => {
    const r = await runCli(['compare', '-o', '/dev/full', seed(0), seed(1)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write /dev/full: no space left on device');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  for (const [code, says] of [['ENOSPC', 'no space left on device'], ['EROFS', 'read-only file system'], ['EACCES', 'permission denied']] as const) {
    it(`a ${code} target: a message, its exit code, and no temp file left`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qplan-h10-'));
      // the write gets half-way, then the file system refuses: what a full disk does
      const failing = (f: ReturnType<typeof fakeIo>) => {
        f.io.fs.writeFile = async (p, d) => {
          writeFileSync(p, String(d).slice(0, 100));
          throw Object.assign(new Error(`${code}: write`), { code });
        };
      };
      const f1 = fakeIo();
      failing(f1);
      expect(await run(['compare', '-o', join(dir, 'r.html'), seed(0), seed(1)], f1.io)).toBe(2);
      expect(f1.stderr()).toContain(`cannot write ${join(dir, 'r.html')}: ${says}`);
      const f2 = fakeIo();
      failing(f2);
      expect(await run(['extract', '-q', '--jobs', '1', '-o', join(dir, 'out'), seed(0), seed(1)], f2.io)).toBe(2);
      expect(f2.stderr()).toContain(`error: cannot write output: ${says}`);
      expect(f1.stderr() + f2.stderr()).not.toMatch(/internal error|\n\s+at /);
      expect(readdirSync(dir).filter((n) => n !== 'out')).toEqual([]);
      expect(readdirSync(join(dir, 'out'))).toEqual([]);
    });
  }
});

describe('5. compare -o onto one of its inputs', () => {
  it('is refused before anything is written; the input is unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h5-'));
    const a = join(dir, 'a.txt');
    copyFileSync(seed(0), a);
    const before = readFileSync(a);
    for (const args of [['-o', a, a, seed(1)], ['-o', join(dir, '.', 'a.txt'), '--format', 'json', dir, seed(1)], ['--baseline', a, '-o', a, seed(1), seed(2)], ['--taxonomy', a, '-o', a, seed(1), seed(2)]]) {
      const r = await runCli(['compare', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`refusing to write`);
      expect(r.stderr).toContain('it is an input');
      expect(readFileSync(a).equals(before)).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});

/** A folder with one plan, a symlink loop back up, a link to the folder and a link to the file. */
function loopFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qplan-h6-'));
  mkdirSync(join(dir, 'sub'));
  copyFileSync(seed(1), join(dir, 'sub', 'a.txt'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  symlinkSync(dir, join(dir, 'sub', 'root'));
  symlinkSync('sub', join(dir, 'again'));
  symlinkSync(join('sub', 'a.txt'), join(dir, 'b.txt'));
  return dir;
}

describe('6. symlink loops in an input folder', () => {
  it('extract reads each real file once and ends', async () => {
    const t = performance.now();
    const r = await runCli(['extract', '-q', '--format', 'ndjson', loopFolder()]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expectWithin(performance.now() - t, 5000);
  });
  it('validate checks each real file once', async () => {
    const r = await runCli(['validate', '--format', 'json', loopFolder()]);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });
  it('validate with a ** glob through the loop', async () => {
    const r = await runCli(['validate', '--format', 'json', `${loopFolder()}/**/*.txt`]);
    expect(r.code).toBe(0);
    expect(new Set(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path.replace(/.*\//, '')))).toEqual(new Set(['a.txt', 'b.txt']));
  });
  it('compare sees one plan in the folder (so it needs a second one)', async () => {
    const r = await runCli(['compare', loopFolder()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs two or more plans (got 1)');
  });
});

describe('7. a file name that is not UTF-8', () => {
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h7-'));
    copyFileSync(seed(1), join(dir, 'ok.txt'));
    // 质量 in GBK: bytes that are not UTF-8
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xd6, 0xca, 0xc1, 0xbf]), Buffer.from('.txt')]), readFileSync(seed(1)));
    return dir;
  };
  const SAYS = 'its name is not valid UTF-8';
  it('extract reports it by name, reads the others, exits 2', async () => {
    const r = await runCli(['extract', '-q', '--format', 'ndjson', folder()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`/\\ufffd+\\.txt: error: ${SAYS}`));
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });
  it('validate reports it as unreadable (exit 2)', async () => {
    const r = await runCli(['validate', folder()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(SAYS);
  });
  it('compare refuses with a message naming it', async () => {
    const r = await runCli(['compare', folder(), seed(0)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(SAYS);
  });
});

describe('11. the size limit holds for endless stdin', () => {
  for (const [cmd, exit] of [['extract', 2], ['validate', 1], ['compare', 2]] as const) {
    it(`${cmd} - with stdin that never ends: refused within 5 s`, async () => {
      const args = cmd === 'compare' ? ['compare', '-', seed(0)] : [cmd, '-'];
      const child = spawn(process.execPath, ['--max-old-space-size=512', 'bin/qplan.js', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      child.stdout.resume();
      child.stdin.on('error', () => undefined);
      const chunk = Buffer.from('一、总体要求\n'.repeat(10_000));
      const feed = () => { while (child.stdin.writable && child.stdin.write(chunk)); };
      child.stdin.on('drain', feed);
      feed();
      const t = performance.now();
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.on('exit', (c) => { clearTimeout(timer); resolve(c); });
      });
      expect(code, stderr).toBe(exit);
      expect(stderr).toMatch(/larger than the size limit of 20\.0 MB|more than 20\.0 MB/);
      expectWithin(performance.now() - t, 5000);
    });
  }
  it('--max-size is checked in every command', async () => {
    for (const cmd of [['extract', seed(0)], ['compare', seed(0), seed(1)]]) {
      const r = await runCli([cmd[0] as string, '--max-size', '0.01', ...cmd.slice(1)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('over the size limit of 0.0 MB');
    }
    expect((await runCli(['extract', '--max-size', 'big', seed(0)])).code).toBe(2);
  });
});

describe('3. signals during a long synchronous parse', () => {
  /** About 2 MB of Markdown plan text: seconds of remark, with no markup the guard refuses. */
  const slowPlan = () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h3-'));
    const md = readFileSync('fixtures/variants/000_3c93fe66f1b042f6/plan.md', 'utf8');
    writeFileSync(join(dir, 'slow.md'), md.repeat(Math.ceil(2e6 / Buffer.byteLength(md))));
    return dir;
  };
  const cases: [string, NodeJS.Signals, (dir: string) => string[]][] = [
    ['extract -o DIR', 'SIGINT', (dir) => ['extract', '-q', '-o', join(dir, 'out'), join(dir, 'slow.md')]],
    ['compare -o FILE', 'SIGTERM', (dir) => ['compare', '-o', join(dir, 'r.html'), join(dir, 'slow.md'), seed(0)]],
    ['validate', 'SIGINT', (dir) => ['validate', join(dir, 'slow.md')]],
    ['extract -o DIR, just after writing another plan', 'SIGINT', (dir) => ['extract', '-q', '--jobs', '1', '-o', join(dir, 'out'), seed(1), join(dir, 'slow.md')]],
  ];
  for (const [name, sig, args] of cases) {
    it(`${name}: ${sig} stops it within a second and leaves no temp file`, async () => {
      const dir = slowPlan();
      const child = spawn(process.execPath, ['bin/qplan.js', ...args(dir)], { stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      await new Promise((r) => setTimeout(r, 1500)); // well inside the parse
      const sent = performance.now();
      child.kill(sig);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const r = await exited;
      clearTimeout(timer);
      expectWithin(performance.now() - sent, 1000, 'stopped within 1 s');
      expect(r.signal ?? r.code).toBe(r.signal ? sig : sig === 'SIGINT' ? 130 : 143);
      const left = readdirSync(dir).flatMap((n) => (n === 'out' ? readdirSync(join(dir, n)) : [n]));
      expect(left.filter((n) => n !== `${SEEDS[1]}.plan.yaml`)).toEqual(['slow.md']);
    });
  }
});

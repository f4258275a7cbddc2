/** The CLI case table run in-process, plus the behaviours that need a filesystem (-o, never over an input). */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { CASES } from './cli.cases.js';
import { runCli, SEEDS } from './helpers.js';

describe('cli case table (in-process)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await runCli(c.args, { stdin: c.stdin });
      expect(r.code, r.stderr).toBe(c.exitCode);
      for (const s of c.stdout ?? []) typeof s === 'string' ? expect(r.stdout).toContain(s) : expect(r.stdout).toMatch(s);
      for (const s of c.stderr ?? []) typeof s === 'string' ? expect(r.stderr).toContain(s) : expect(r.stderr).toMatch(s);
      if (c.noStdout) expect(r.stdout).toBe('');
    });
  }
});

describe('extract -o DIR', () => {
  it('writes one <name>.plan.yaml per input, deterministic and parseable', async () => {
    const out = mkdtempSync(join(tmpdir(), 'qplan-o-'));
    const r = await runCli(['extract', '-q', '-o', out, 'seeds/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual([...SEEDS.map((s) => `${s}.plan.yaml`), 'manifest.tsv']);
    const first = readFileSync(join(out, `${SEEDS[0]}.plan.yaml`), 'utf8');
    expect(YAML.parse(first).schema).toBe('qplan/plan@1');
    const again = mkdtempSync(join(tmpdir(), 'qplan-o-'));
    await runCli(['extract', '-q', '-o', again, 'seeds/']);
    for (const s of SEEDS) expect(readFileSync(join(again, `${s}.plan.yaml`), 'utf8')).toBe(readFileSync(join(out, `${s}.plan.yaml`), 'utf8'));
  });

  it('refuses to overwrite an input and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-in-'));
    // x.txt would be written to x.plan.yaml, which is also given as an input
    copyFileSync(`seeds/${SEEDS[1]}.txt`, join(dir, 'x.txt'));
    const input = join(dir, 'x.plan.yaml');
    writeFileSync(input, '一、总体要求\n二、重点任务\n1.加强监管。落实责任。\n');
    const before = readFileSync(input, 'utf8');
    const r = await runCli(['extract', '--from', 'text', '-o', dir, join(dir, 'x.txt'), input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write');
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'x.plan.plan.yaml'))).toBe(false);
  });

  it('mirrors the input tree; only inputs that would collide keep their extension; manifest.tsv and a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-tree-'));
    const input = join(dir, 'in');
    mkdirSync(join(input, 'a', 'b'), { recursive: true });
    copyFileSync(`seeds/${SEEDS[1]}.txt`, join(input, 'a', 'b', 'x.txt'));
    copyFileSync('fixtures/variants/001_85cde96d376fc1c9/page.html', join(input, 'a', 'b', 'x.html'));
    copyFileSync(`seeds/${SEEDS[4]}.txt`, join(input, 'a', 'y.txt'));
    writeFileSync(join(input, 'empty.txt'), '');
    const out = join(dir, 'out');
    const r = await runCli(['extract', '-o', out, input]);
    expect(r.code).toBe(2);
    expect(readdirSync(join(out, 'a', 'b')).sort()).toEqual(['x.html.plan.yaml', 'x.txt.plan.yaml']);
    expect(readdirSync(join(out, 'a')).sort()).toEqual(['b', 'y.plan.yaml']);
    const rows = readFileSync(join(out, 'manifest.tsv'), 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['input', 'output', 'sha256', 'status', 'tasks', 'targets', 'warnings', 'errors', 'message']);
    const byInput = new Map(rows.slice(1).map((row) => [row[0], row]));
    const x = byInput.get(join(input, 'a', 'b', 'x.txt')) ?? [];
    const plan = YAML.parse(readFileSync(join(out, 'a', 'b', 'x.txt.plan.yaml'), 'utf8'));
    expect(x.slice(1, 6)).toEqual(['a/b/x.txt.plan.yaml', plan.source.sha256, 'ok', String(plan.tasks.length), String(plan.targets.length)]);
    expect(byInput.get(join(input, 'a', 'y.txt'))?.[3]).toBe('warnings');
    expect(byInput.get(join(input, 'empty.txt'))?.slice(1, 4)).toEqual(['', '', 'failed']);
    expect(r.stderr.split('\n').at(-2)).toBe(`qplan extract: 4 inputs: 2 ok, 1 with warnings, 0 with errors, 1 not read; wrote ${out}/ (manifest.tsv)`);
  });

  it('name collisions keep the whole file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-in-'));
    copyFileSync(`seeds/${SEEDS[1]}.txt`, join(dir, 'plan.txt'));
    copyFileSync(`seeds/${SEEDS[3]}.txt`, join(dir, 'plan.md.txt'));
    writeFileSync(join(dir, 'plan.text'), readFileSync(`seeds/${SEEDS[3]}.txt`));
    const out = join(dir, 'out');
    const r = await runCli(['extract', '-q', '-o', out, join(dir, 'plan.txt'), join(dir, 'plan.text')]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['manifest.tsv', 'plan.text.plan.yaml', 'plan.txt.plan.yaml']);
  });

  it('one unreadable file in a batch: the others are written, exit 2 with a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-in-'));
    copyFileSync(`seeds/${SEEDS[1]}.txt`, join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const out = join(dir, 'out');
    const r = await runCli(['extract', '-q', '-o', out, dir]);
    expect(r.code).toBe(2);
    expect(existsSync(join(out, 'good.plan.yaml'))).toBe(true);
    expect(existsSync(join(out, 'empty.plan.yaml'))).toBe(false);
    expect(r.stderr).toContain('empty.txt: error:');
  });
});

describe('--help golden', () => {
  it('matches fixtures/cli/help.txt', async () => {
    const r = await runCli(['--help']);
    await expect(r.stdout).toMatchFileSnapshot('../fixtures/cli/help.txt');
  });
  it('extract --help matches fixtures/cli/extract-help.txt', async () => {
    const r = await runCli(['extract', '--help']);
    await expect(r.stdout).toMatchFileSnapshot('../fixtures/cli/extract-help.txt');
  });
});

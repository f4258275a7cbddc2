/** The CLI case table run in-process, plus the behaviours that need a filesystem (-o, never over an input). */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
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
    expect(readdirSync(out).sort()).toEqual(SEEDS.map((s) => `${s}.plan.yaml`));
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

  it('name collisions keep the whole file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-in-'));
    copyFileSync(`seeds/${SEEDS[1]}.txt`, join(dir, 'plan.txt'));
    copyFileSync(`seeds/${SEEDS[3]}.txt`, join(dir, 'plan.md.txt'));
    writeFileSync(join(dir, 'plan.text'), readFileSync(`seeds/${SEEDS[3]}.txt`));
    const out = join(dir, 'out');
    const r = await runCli(['extract', '-q', '-o', out, join(dir, 'plan.txt'), join(dir, 'plan.text')]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['plan.text.plan.yaml', 'plan.txt.plan.yaml']);
  });

  it('one unreadable file in a batch: the others are written, exit 1 with a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-in-'));
    copyFileSync(`seeds/${SEEDS[1]}.txt`, join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const out = join(dir, 'out');
    const r = await runCli(['extract', '-q', '-o', out, dir]);
    expect(r.code).toBe(1);
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

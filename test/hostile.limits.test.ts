/**
 * Issue 17's overall bound: no input under 1 MB takes more than 5 s or 500 MB in any command. Each input below is
 * just under 1 MB — plans as they come (Markdown, HTML) and the hostile shapes of the broken-input table — and each
 * command runs it as a real process; GNU time reports the peak resident memory when it is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budget, expectWithin } from './support/bounds.js';

const MB = 1_000_000;
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);
const work = mkdtempSync(join(tmpdir(), 'qplan-limits-'));

const repeatTo = (s: string, bytes: number) => s.repeat(Math.floor(bytes / Buffer.byteLength(s)));
const INPUTS: [string, () => string][] = [
  ['plan.md', () => repeatTo(readFileSync('fixtures/variants/000_3c93fe66f1b042f6/plan.md', 'utf8'), MB)],
  ['page.html', () => repeatTo(readFileSync('fixtures/variants/000_3c93fe66f1b042f6/page.html', 'utf8'), MB)],
  ['emphasis.md', () => '*a'.repeat(MB / 2 - 1)],
  ['table.md', () => `| a | b | c |\n|---|---|---|\n${repeatTo('| 格 | 格 | 格 |\n', MB - 40)}`],
  ['attributes.html', () => `<p ${repeatTo('a="x" b ', MB - 20)}>质量</p>`],
  ['nested.html', () => `${'<div>'.repeat(MB / 12)}质量${'</div>'.repeat(MB / 12)}`],
  // twelve thousand tasks: a themes cell lists them all, which cli-table3 drew in minutes
  // 70,000 keys: the yaml library's duplicate-key check compared each with all before it
  ['keys.plan.yaml', () => `schema: qplan/plan@1\n${Array.from({ length: 70_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`],
  ['many-tasks.txt', () => `一、总体要求\n二、重点任务\n${Array.from({ length: 12_000 }, (_, i) => `${i + 1}.加强质量监管${i % 97}。落实责任。(责任单位:区市场监管局${i % 13})\n`).join('')}`],
];

describe.each(INPUTS)('%s (just under 1 MB)', (name, make) => {
  const path = join(work, name);
  writeFileSync(path, make());
  it.each([['extract', '-q'], ['validate'], ['compare', 'seeds/001_85cde96d376fc1c9.txt'], ['compare', '--format', 'table', 'seeds/001_85cde96d376fc1c9.txt']])('%s: under 5 s and 500 MB', (...cmd) => {
    expect(Buffer.byteLength(readFileSync(path))).toBeLessThan(MB);
    const argv = ['bin/qplan.js', ...cmd, path];
    const t = performance.now();
    const r = haveTime
      ? spawnSync(TIME, ['-f', 'maxrss=%M', process.execPath, ...argv], { encoding: 'utf8', timeout: budget(5000) + 5000, maxBuffer: 64 << 20 })
      : spawnSync(process.execPath, argv, { encoding: 'utf8', timeout: budget(5000) + 5000, maxBuffer: 64 << 20 });
    const ms = performance.now() - t;
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    // 2 for a plan document compare refuses; never a crash
    expect([0, 1, 2]).toContain(r.status);
    expectWithin(ms, 5000);
    const rss = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024;
    expect(rss, 'peak memory').toBeLessThan(500 * 1024 * 1024);
  });
});

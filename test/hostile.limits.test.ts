/**
 * Issue 17's overall bound: no input under 1 MB takes more than 5 s or 500 MB in any command. Each input below is
 * just under 1 MB — plans as they come (Markdown, HTML) and the hostile shapes of the broken-input table — and each
 * command runs it as a real process; GNU time reports the peak resident memory when it is installed.
 *
 * The full matrix (every input × every command, 32 processes, about a minute of CPU) is the benchmark's:
 * `npm run bench -- --bounds`. An ordinary test run gives each input the command its shape was made to break
 * (the one that blew up before the fix, named beside it), so a regression of that fix still fails every run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budget, expectWithin, STRICT } from './support/bounds.js';

const MB = 1_000_000;
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);
const work = mkdtempSync(join(tmpdir(), 'qplan-limits-'));

const repeatTo = (s: string, bytes: number) => s.repeat(Math.floor(bytes / Buffer.byteLength(s)));
const COMMANDS = { extract: ['extract', '-q'], validate: ['validate'], compare: ['compare', 'seeds/001_85cde96d376fc1c9.txt'], table: ['compare', '--format', 'table', 'seeds/001_85cde96d376fc1c9.txt'] };
type Command = keyof typeof COMMANDS;
/** [file, content, the command its shape was made to break]. */
const INPUTS: [string, () => string, Command][] = [
  ['plan.md', () => repeatTo(readFileSync('fixtures/variants/000_3c93fe66f1b042f6/plan.md', 'utf8'), MB), 'extract'],
  ['page.html', () => repeatTo(readFileSync('fixtures/variants/000_3c93fe66f1b042f6/page.html', 'utf8'), MB), 'extract'],
  ['emphasis.md', () => '*a'.repeat(MB / 2 - 1), 'extract'],
  ['table.md', () => `| a | b | c |\n|---|---|---|\n${repeatTo('| 格 | 格 | 格 |\n', MB - 40)}`, 'extract'],
  ['attributes.html', () => `<p ${repeatTo('a="x" b ', MB - 20)}>质量</p>`, 'extract'],
  ['nested.html', () => `${'<div>'.repeat(MB / 12)}质量${'</div>'.repeat(MB / 12)}`, 'extract'],
  // twelve thousand tasks: a themes cell lists them all, which cli-table3 drew in minutes
  // 70,000 keys: the yaml library's duplicate-key check compared each with all before it
  ['keys.plan.yaml', () => `schema: qplan/plan@1\n${Array.from({ length: 70_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`, 'validate'],
  ['many-tasks.txt', () => `一、总体要求\n二、重点任务\n${Array.from({ length: 12_000 }, (_, i) => `${i + 1}.加强质量监管${i % 97}。落实责任。(责任单位:区市场监管局${i % 13})\n`).join('')}`, 'table'],
];

describe.each(INPUTS)('%s (just under 1 MB)', (name, make, focus) => {
  const path = join(work, name);
  writeFileSync(path, make());
  const commands = (STRICT ? Object.keys(COMMANDS) as Command[] : [focus]).map((c) => COMMANDS[c]);
  it.each(commands)('%s: under 5 s and 500 MB', (...cmd) => {
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

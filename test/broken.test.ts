/**
 * The broken-input corpus: every row of the table in docs/robustness.md (between broken:begin/end) is run through the real
 * executable and must say what the table says, exit as the table says, and finish within its time bound with a
 * 512 MB heap. The table and the behaviour cannot drift apart.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budget, expectWithin } from './support/bounds.js';

interface Row { input: string; command: string; says: string[]; exit: number; boundMs: number }

function tableRows(): Row[] {
  const md = readFileSync('docs/robustness.md', 'utf8');
  const block = /<!-- broken:begin -->([\s\S]*?)<!-- broken:end -->/.exec(md)?.[1] ?? '';
  return block.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| input') && !l.startsWith('|---')).map((l) => {
    const cells = l.slice(1, -1).split(' | ').map((c) => c.trim());
    const [input, command, says, exit, bound] = cells as [string, string, string, string, string];
    // the quoted parts of the "says" cell must appear in stderr; `…` separates fragments
    const quoted = [...says.matchAll(/`([^`]+)`/g)].flatMap((m) => (m[1] as string).split(' … '));
    return { input, command: command.replace(/`/g, ''), says: quoted.map((q) => q.replace(/ …$/, '')), exit: Number(exit), boundMs: Number(bound.replace(/\s*s$/, '')) * 1000 };
  });
}

const work = mkdtempSync(join(tmpdir(), 'qplan-broken-'));

const tableRow = (w: number) => `| ${'格 | '.repeat(w)}\n`;
/** Inputs the test makes: [start of the table's input cell, file name, content]. */
const MADE: [string, string, () => string][] = [
  ['Markdown: 200 KB of', 'emphasis.md', () => '*a'.repeat(100_000)],
  ['Markdown: 10 KB of', 'quotes.md', () => `${'>'.repeat(10_000)} 一、总体要求\n`],
  ['Markdown: a list nested 600', 'nested-list.md', () => Array.from({ length: 600 }, (_, i) => `${' '.repeat(i * 2)}- 质量`).join('\n')],
  ['Markdown: a 1 MB GFM table', 'table.md', () => `${tableRow(10)}|${'---|'.repeat(10)}\n${tableRow(10).repeat(Math.floor(1e6 / 41))}`],
  ['a 25 MB file', 'big.txt', () => '质量'.repeat(25e6 / 6)],
  ['HTML: one element with 50,000 attributes', 'attributes.html', () => `<html><body><p ${Array.from({ length: 50_000 }, (_, i) => `a${i}="x"`).join(' ')}>一、总体要求</p></body></html>`],
  ['HTML: 1 MB of attributes', 'attributes-1mb.html', () => `<html><body>${`<p ${Array.from({ length: 5_000 }, (_, i) => `d${i}`).join(' ')}>质量</p>`.repeat(35)}</body></html>`],
];
/** Where each row's input is, making the ones too big (or too special) to commit. */
function inputPath(row: Row): string | null {
  const named = /^`([^`]+)`/.exec(row.input)?.[1];
  if (named?.startsWith('/dev/')) return named;
  if (named && !named.includes(' ')) return named === 'nope.txt' ? join(work, 'nope.txt') : `fixtures/broken/${named}`;
  if (row.input.startsWith('a 20 MB single-line file')) {
    const p = join(work, 'huge-line.txt');
    writeFileSync(p, '质量发展目标任务,合格率达到98%以上。'.repeat(Math.ceil(20e6 / 57)));
    return p;
  }
  if (row.input.startsWith('HTML nested 100,000')) {
    const p = join(work, 'deep.html');
    writeFileSync(p, `<html><body>${'<div>'.repeat(100_000)}<p>质量强区</p>${'</div>'.repeat(100_000)}</body></html>`);
    return p;
  }
  const made = MADE.find(([prefix]) => row.input.startsWith(prefix));
  if (made) {
    const p = join(work, made[1]);
    writeFileSync(p, made[2]());
    return p;
  }
  if (row.input.startsWith('a directory with no plan files')) {
    const p = join(work, 'empty-dir');
    mkdirSync(p, { recursive: true });
    return p;
  }
  if (row.input.startsWith('a file without read permission')) {
    if (process.getuid?.() === 0) return null; // root reads anything
    const p = join(work, 'locked.txt');
    writeFileSync(p, '一、总体要求\n');
    chmodSync(p, 0);
    return p;
  }
  if (row.input === 'a missing file') return join(work, 'nope.txt');
  throw new Error(`no input for docs/robustness.md row: ${row.input}`);
}

describe('broken inputs (docs/robustness.md table)', () => {
  const rows = tableRows();
  it('the table lists the corpus', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
  });
  for (const row of rows) {
    it(`${row.input} → ${row.command}: exit ${row.exit}`, (ctx) => {
      const path = inputPath(row);
      if (path === null) return ctx.skip();
      const [cmd, ...flags] = row.command.split(' ');
      const t = performance.now();
      const r = spawnSync(process.execPath, ['--max-old-space-size=512', 'bin/qplan.js', cmd as string, ...flags, path], { encoding: 'utf8', timeout: budget(row.boundMs) + 5000, maxBuffer: 256 << 20 });
      const elapsed = performance.now() - t;
      expect(r.status, r.stderr.slice(0, 500)).toBe(row.exit);
      for (const s of row.says) expect(r.stderr).toContain(s);
      if (row.input.startsWith('`script-writes-plan')) {
        expect(r.stderr).toBe('');
        expect(r.stdout).not.toMatch(/假任务|另一个假任务|脚本里的任务|无脚本任务/);
        expect(r.stdout).toContain('title: 提升产业质量');
      }
      expectWithin(elapsed, row.boundMs, 'time bound');
    });
  }
});

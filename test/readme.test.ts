/**
 * README.md is a user guide whose examples work as typed after its two set-up commands (issue 16): every shell
 * example is run through a shell, in a scratch folder that links to the checkout's bin/, dist/, seeds/ and
 * fixtures/, in README order (later examples read what earlier ones wrote). A `$ echo $?` line in a console block
 * gives the documented exit status of the command before it; any other command must exit 0. The README and
 * .ci/run say the same set-up commands, and every relative link in README.md and docs/ leads to a file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const README = readFileSync('README.md', 'utf8');
/** The commands a newcomer types before anything else: they are what .ci/run does, never run by this test. */
const SETUP = /^npm (?:ci|test|link|install)\b/;

interface Example { command: string; status: number; line: number }

/** Shell examples: every line of a ```sh block, and every `$ ` line of a ```console block. */
function examples(md: string): Example[] {
  const out: Example[] = [];
  const lines = md.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const open = /^```(\w*)/.exec(l);
    if (open) { fence = fence === null ? open[1]! : null; continue; }
    if (fence !== 'sh' && fence !== 'console') continue;
    let command = fence === 'sh' ? l : l.startsWith('$ ') ? l.slice(2) : '';
    command = command.replace(/\s+#.*$/, '').trim();
    if (!command || command.startsWith('#')) continue;
    if (command === 'echo $?') { if (out.length) out[out.length - 1]!.status = Number(lines[i + 1]); continue; }
    out.push({ command, status: 0, line: i + 1 });
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'qplan-readme-'));
for (const d of ['bin', 'dist', 'seeds', 'fixtures', 'schema', 'node_modules', 'package.json']) symlinkSync(resolve(d), join(work, d));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('README examples', () => {
  const all = examples(README);
  it('the README has examples for every command', () => {
    for (const cmd of ['extract', 'compare', 'lineage', 'table', 'validate', 'schema']) {
      expect(all.some((e) => e.command.includes(`qplan.js ${cmd}`)), cmd).toBe(true);
    }
  });
  it('calls qplan as `node bin/qplan.js` (a bare qplan is not on the PATH after npm ci)', () => {
    const bare = all.filter((e) => /(?:^|[|;&]\s*)qplan\b/.test(e.command)).map((e) => `README.md:${e.line}: ${e.command}`);
    expect(bare, bare.join('\n')).toEqual([]);
  });
  for (const e of all.filter((x) => !SETUP.test(x.command))) {
    it(`README.md:${e.line}: ${e.command}`, () => {
      const r = spawnSync('sh', ['-c', e.command], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
      expect(r.status, `${e.command}\n${r.stderr.slice(0, 2000)}`).toBe(e.status);
    });
  }
});

describe('set-up and CI in step', () => {
  it('.ci/run runs the README set-up commands, in order', () => {
    const setup = examples(README).filter((e) => SETUP.test(e.command)).map((e) => e.command);
    expect(setup.length).toBeGreaterThanOrEqual(2);
    const ci = readFileSync('.ci/run', 'utf8').split('\n').filter((l) => !l.trimStart().startsWith('#'));
    let from = 0;
    for (const cmd of setup) {
      const at = ci.findIndex((l, i) => i >= from && l.includes(cmd));
      expect(at, `.ci/run does not run \`${cmd}\` (after the commands before it)`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });
});

describe('links', () => {
  const docs = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  it('every relative link in README.md and docs/ leads to a file (and a heading, with #)', () => {
    const broken: string[] = [];
    const slug = (h: string) => h.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const anchors = (file: string) => new Set([
      ...[...readFileSync(file, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)),
      ...[...readFileSync(file, 'utf8').matchAll(/<a id="([^"]+)"/g)].map((m) => m[1]!),
    ]);
    for (const file of docs) {
      const md = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const m of md.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        const [path, hash] = target.split('#') as [string, string | undefined];
        const to = path ? join(dirname(file), path) : file;
        if (!existsSync(to)) { broken.push(`${file}: ${target} (no such file)`); continue; }
        if (hash && to.endsWith('.md') && !anchors(to).has(hash)) broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
  });
});

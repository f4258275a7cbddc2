/**
 * Hostile input (issue 17), the cases about what qplan writes and checks: calendar dates, CSV formula injection,
 * terminal escapes, Markdown escaping and glob patterns.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectWithin } from './support/bounds.js';
import { fc, test as testProp } from '@fast-check/vitest';
import { matchesSegment } from '../src/cli/batch/glob.js';
import { runCli } from './helpers.js';
import { planDoc, seed } from './hostile.helpers.js';

describe('16. validate: calendar dates, and a pattern that matches nothing', () => {
  for (const date of ['2024-13-45', '2024-02-30', '2023-02-29', '2024-04-31', '2024-00-10']) {
    it(`signed: "${date}" is an error in validate`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qplan-h16-'));
      const p = await planDoc(dir, 'p.plan.json', (plan) => { (plan.meta as Record<string, unknown>).signed = date; });
      const r = await runCli(['validate', p]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`error: meta.signed is '${date}'; expected an ISO date YYYY-MM-DD [schema-format]`);
    });
  }
  it('a real leap day passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h16-'));
    const p = await planDoc(dir, 'p.plan.json', (plan) => { (plan.meta as Record<string, unknown>).published = '2024-02-29'; });
    const r = await runCli(['validate', p]);
    expect(r.stderr).not.toContain('schema-format');
  });
  for (const format of ['human', 'json', 'github']) {
    it(`validate 'nomatch/**' --format ${format}: one message, exit 2, no report`, async () => {
      const r = await runCli(['validate', '--format', format, 'nomatch/**']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('qplan validate: no files match nomatch/**\n');
      expect(r.stdout).toBe('');
    });
  }
});

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line ends). */
function csvFields(text: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|\n|$)/gy;
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    const f = m[1] as string;
    out.push(f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
  }
  return out;
}

describe('8. CSV formula injection', () => {
  const FORMULAS = ['=HYPERLINK("https://example.com","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1'];
  it('no CSV field of any view starts like a formula, and the text is kept after a quote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h8-'));
    let k = 0;
    const poison = (p: Record<string, unknown>) => {
      const f = () => FORMULAS[k++ % FORMULAS.length] as string;
      (p.meta as Record<string, unknown>).jurisdiction = f();
      for (const t of p.tasks as Record<string, unknown>[]) { t.title = f(); t.responsible = [f(), ...(t.responsible as string[])]; }
      for (const t of p.targets as Record<string, unknown>[]) { t.indicator = f(); t.unit = f(); }
    };
    const a = await planDoc(dir, 'a.plan.json', poison);
    const b = await planDoc(dir, 'b.plan.json', poison);
    for (const view of ['all', 'themes', 'indicators', 'agencies', 'tasks', 'gaps']) {
      const r = await runCli(['compare', '--format', 'csv', '--view', view, a, b, seed(1)]);
      expect(r.code).toBe(0);
      const fields = csvFields(r.stdout.replace(/^\ufeff/, ''));
      expect(fields.length).toBeGreaterThan(3);
      for (const f of fields) expect(f, view).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
      if (view === 'indicators') expect(fields).toContain(`'${FORMULAS[0]}`);
    }
  });
  it("the plan's own `=` comparator cells are neutralized too", async () => {
    const r = await runCli(['compare', '--format', 'csv', '--view', 'indicators', seed(0), seed(1), seed(3)]);
    expect(r.stdout).toMatch(/,100,%,'=,2027,/);
    expect(csvFields(r.stdout).filter((f) => f.startsWith('='))).toEqual([]);
  });
  it('compare -o report.csv writes the same neutralized text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h8-'));
    const out = join(dir, 'r.csv');
    expect((await runCli(['compare', '-o', out, seed(0), seed(1), seed(3)])).code).toBe(0);
    expect(csvFields(readFileSync(out, 'utf8')).filter((f) => /^[=+\-@]/.test(f))).toEqual([]);
  });
});

describe('9. terminal escapes and bidi overrides in human output', () => {
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const plan = () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h9-'));
    const text = readFileSync(seed(0), 'utf8')
      .replace(/区市场监管局/g, '区市场\u001b[2J\u001b]0;pwned\u0007监管局')
      .replace(/质量/g, '质\u202e量')
      .replace('二、', '二、\u001b[31m');
    const p = join(dir, 'evil\u001b[1m.txt');
    writeFileSync(p, text);
    return p;
  };
  it('extract diagnostics show them as escapes', async () => {
    const r = await runCli(['extract', '-v', '--format', 'json', plan()]);
    expect(r.stderr.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('evil\\x1b[1m.txt');
    expect(r.stdout).not.toMatch(/\u001b/); // JSON escapes control characters itself
  });
  it('validate human output shows them as escapes', async () => {
    const r = await runCli(['validate', '-v', plan()]);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('\\x1b');
  });
  it('compare tables and the unknown-agency list show them as escapes', async () => {
    const r = await runCli(['compare', '--format', 'table', '--no-color', plan(), seed(1)]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stdout + r.stderr).toMatch(/\\u202e|\\x1b/);
  });
});

describe('14. Markdown output escaping', () => {
  it('line breaks, pipes, headings and link syntax in plan text stay inside their cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h14-'));
    const evil = '## 标题\n| x | y |\r\n![t](https://example.com/t.png) [l](https://example.com/) <img src=x> `a|b` \\| &lt;';
    const poison = (p: Record<string, unknown>) => {
      (p.meta as Record<string, unknown>).jurisdiction = `甲\n# 乙 | ${evil}`;
      for (const t of p.tasks as Record<string, unknown>[]) { t.title = `${t.title as string}${evil}`; t.responsible = [evil]; }
      for (const t of p.targets as Record<string, unknown>[]) t.indicator = `${t.indicator as string}${evil}`;
    };
    const a = await planDoc(dir, 'a.plan.json', poison);
    const r = await runCli(['compare', '--format', 'markdown', '--explain', a, seed(1)]);
    expect(r.code).toBe(0);
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const remarkGfm = (await import('remark-gfm')).default;
    type Node = { type: string; depth?: number; children?: Node[] };
    const tree = unified().use(remarkParse).use(remarkGfm).parse(r.stdout) as Node;
    const all: Node[] = [];
    const walk = (n: Node) => { all.push(n); n.children?.forEach(walk); };
    walk(tree);
    const top = tree.children ?? [];
    // one title, then one heading per table, each table followed by nothing but its note
    expect(top.filter((n) => n.type === 'heading' && n.depth === 1)).toHaveLength(1);
    const tables = top.filter((n) => n.type === 'table');
    expect(top.filter((n) => n.type === 'heading' && n.depth === 2)).toHaveLength(tables.length);
    for (const t of tables) {
      const width = t.children?.[0]?.children?.length;
      for (const row of t.children ?? []) expect(row.children?.length).toBe(width);
    }
    // the only raw HTML is qplan's own <br> between the lines of a cell
    expect(all.filter((n) => ['image', 'html', 'inlineCode'].includes(n.type) && (n as { value?: string }).value !== '<br>')).toEqual([]);
    // a bare URL still shows as a link (GFM autolinks it), but `[l](…)` made none
    const linkText = (n: Node): string => ((n as { value?: string }).value ?? '') + (n.children ?? []).map(linkText).join('');
    for (const l of all.filter((n) => n.type === 'link')) expect(linkText(l)).toMatch(/^https:\/\//);
    expect(r.stdout).toContain('## 标题 \\| x \\| y \\| !\\[t\\](https://example.com/t.png)');
  });
});

describe('13. glob patterns', () => {
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-h13-'));
    writeFileSync(join(dir, `${'a'.repeat(200)}.yaml`), 'x: 1\n');
    writeFileSync(join(dir, 'b.plan.yaml'), 'x: 1\n');
    return dir;
  };
  it('[z-a] is a usage error with one message', async () => {
    const r = await runCli(['validate', `${folder()}/[z-a]*.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qplan validate: bad pattern .*\[z-a\]\*\.yaml: the range z-a in \[z-a\] goes backwards\n$/);
    expect(r.stdout).toBe('');
  });
  it('22 brace groups are refused at once', async () => {
    const t = performance.now();
    const r = await runCli(['validate', `${folder()}/${'{a,b}'.repeat(22)}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expands to more than 256 patterns');
    expectWithin(performance.now() - t, 2000);
  });
  it('*a*a*…*b against a long name ends at once, and *a*…*a matches it', async () => {
    const dir = folder();
    const t = performance.now();
    const r = await runCli(['validate', `${dir}/${'*a'.repeat(40)}*b`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no files match');
    const ok = await runCli(['validate', '--format', 'json', `${dir}/${'*a'.repeat(40)}*.yaml`]);
    expect(JSON.parse(ok.stdout).files).toHaveLength(1);
    expectWithin(performance.now() - t, 2000);
  });
  testProp.prop([fc.stringMatching(/^(?:[ab?*]|\[!?a?b?(?:a-b)?\]){0,8}$/), fc.stringMatching(/^[ab]{0,10}$/)], { seed: 20261122, numRuns: 2000 })('matches what a regular expression of the pattern matches', (pattern, name) => {
    const re = new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\[!/g, '[^')}$`);
    let expected: boolean;
    try {
      expected = re.test(name);
    } catch {
      return; // e.g. [] — not a class in either
    }
    if (/\[\^?\]/.test(pattern)) return;
    expect(matchesSegment(pattern, name)).toBe(expected);
  });
});

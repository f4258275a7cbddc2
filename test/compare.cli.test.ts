/** `qplan compare` through run(argv, io): formats, flags, inputs, exit codes, and golden outputs. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from './helpers.js';
import { run } from '../src/cli/main.js';
import { COMPARE_SEEDS, seedPath } from './compare.helpers.js';
import { displayWidth } from '../src/cli/width.js';

const SEEDS = COMPARE_SEEDS.map(seedPath);
const FIX = ['fixtures/compare/jia.plan.yaml', 'fixtures/compare/yi.plan.json'];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;
const tmp = () => mkdtempSync(join(tmpdir(), 'qplan-compare-'));

/** Every line of every rendered table (from its top border to its bottom border) has the same display width. */
function expectAligned(out: string): number {
  let tables = 0;
  let width = -1;
  const bad: string[] = [];
  for (const line of out.split('\n')) {
    if (line.startsWith('┌')) {
      width = displayWidth(line);
      tables++;
      continue;
    }
    if (width < 0) continue;
    if (displayWidth(line) !== width) bad.push(`${displayWidth(line)} ≠ ${width}: ${line}`);
    if (line.startsWith('└')) width = -1;
  }
  expect(bad).toEqual([]);
  return tables;
}

describe('qplan compare: output formats', () => {
  it('writes qplan/compare@1 JSON when stdout is not a terminal, with the contract field names', async () => {
    const r = await runCli(['compare', ...SEEDS]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['schema', 'plans', 'themes', 'indicators', 'agencies', 'alignments', 'gaps', 'unclassified']));
    expect(doc.schema).toBe('qplan/compare@1');
    expect(Object.keys(doc.plans[0])).toEqual(expect.arrayContaining(['label', 'title', 'source', 'level', 'counts']));
    expect(Object.keys(doc.plans[0].counts)).toEqual(['task', 'goal', 'safeguard', 'column_items', 'targets']);
    expect(doc.plans[0]).toMatchObject({ label: '江北区', source: SEEDS[0], level: 'district', counts: { task: 28, safeguard: 3 } });
    expect(Object.keys(doc.themes[0])).toEqual(expect.arrayContaining(['id', 'name', 'group', 'plans']));
    expect(doc.themes[0].plans['江北区']).toHaveProperty('items');
    const ind = doc.indicators.find((i: { id: string }) => i.id === 'food-sampling-pass-rate');
    expect(Object.keys(ind.plans['江北区'])).toEqual(expect.arrayContaining(['indicator', 'value', 'unit', 'comparator', 'year', 'line']));
    expect(Object.keys(doc.agencies[0].plans[Object.keys(doc.agencies[0].plans)[0]])).toEqual(expect.arrayContaining(['names', 'lead', 'responsible']));
    expect(Object.keys(doc.alignments[0])).toEqual(expect.arrayContaining(['plan', 'task', 'counterparts']));
    expect(Object.keys(doc.gaps[0])).toEqual(expect.arrayContaining(['plan', 'missing_themes', 'missing_indicators', 'tasks_without_units']));
    expect(doc.unclassified.map((u: { plan: string }) => u.plan)).toEqual(['江北区', '渝中区', '宿迁市', '东丽区']);
    // unknown unit names are reported to people on stderr
    expect(r.stderr).toContain('两江新区鱼复工业园建设投资有限公司');
  });

  it('prints coloured tables on a terminal, and no colour with --no-color or NO_COLOR', async () => {
    const tty = await runCli(['compare', '--view', 'themes', ...FIX], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain('┌');
    expect(tty.stdout).toMatch(ANSI);
    const noColor = await runCli(['compare', '--view', 'themes', '--no-color', ...FIX], { tty: true });
    expect(noColor.stdout).not.toMatch(ANSI);
    const env = await runCli(['compare', '--view', 'themes', ...FIX], { tty: true, env: { NO_COLOR: '1' } });
    expect(env.stdout).not.toMatch(ANSI);
    const piped = await runCli(['compare', '--format', 'table', '--view', 'themes', ...FIX]);
    expect(piped.stdout).not.toMatch(ANSI);
    expect(piped.stdout).toBe(noColor.stdout);
  });

  it('keeps every table aligned with Chinese text (seeds, all views)', async () => {
    const r = await runCli(['compare', '--format', 'table', ...SEEDS]);
    expect(r.code).toBe(0);
    expect(expectAligned(r.stdout)).toBe(6);
    const explain = await runCli(['compare', '--format', 'table', '--explain', '--view', 'themes', ...SEEDS]);
    expect(explain.stdout).toContain('「');
    expect(expectAligned(explain.stdout)).toBe(1);
  });

  it('keeps tables aligned in a narrow terminal', async () => {
    const f = fakeIo({ tty: true });
    f.io.stdout.columns = 72;
    expect(await run(['compare', '--no-color', '--view', 'tasks', ...SEEDS], f.io)).toBe(0);
    // 72 columns cannot give four plan columns 12 each: the table turns into pages of plan columns, every line within 72
    expect(expectAligned(f.stdout())).toBe(2);
    for (const line of f.stdout().split('\n')) if (line.startsWith('┌')) expect(displayWidth(line)).toBeLessThanOrEqual(72);
  });

  it('matches the golden terminal tables (synthetic plans)', async () => {
    const r = await runCli(['compare', '--format', 'table', ...FIX]);
    expect(expectAligned(r.stdout)).toBe(6);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/compare.synthetic.table.txt');
  });

  it('matches the golden Markdown (synthetic plans and seeds)', async () => {
    const r = await runCli(['compare', '--format', 'markdown', ...FIX]);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/compare.synthetic.md');
    const seeds = await runCli(['compare', '--format', 'markdown', '--view', 'indicators', ...SEEDS]);
    expect(seeds.stdout).toContain('| 食品评价性抽检合格率 | ≥98.2% 2027 | ≥98.2% 2027 | — | ≥98.5% 2025 |');
    await expect(seeds.stdout).toMatchFileSnapshot('__snapshots__/compare.seeds.indicators.md');
  });

  it('matches the golden terminal table of the seeds (themes)', async () => {
    const r = await runCli(['compare', '--format', 'table', '--view', 'themes', ...SEEDS]);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/compare.seeds.themes.txt');
  });

  it('writes CSV as data: a UTF-8 BOM, CRLF rows, one value per cell, the same fields on every line', async () => {
    const r = await runCli(['compare', '--format', 'csv', '--view', 'indicators', ...SEEDS]);
    expect(r.stdout.startsWith('\ufeffview,plan,id,name,known,indicator,value,unit,comparator,year,year_inferred,')).toBe(true);
    const lines = r.stdout.slice(1).split('\r\n').slice(0, -1);
    const header = (lines[0] as string).split(',');
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
    const dongli = rows.find((x) => x.plan === '东丽区' && x.indicator === '食品评价性抽检合格率');
    expect(dongli).toMatchObject({ view: 'indicators', value: '98.5', unit: '%', comparator: '>=', year: '2025', year_inferred: 'false' });
    // no display text: no ≥98.3% 2027, no —, no line breaks inside a cell
    expect(r.stdout).not.toMatch(/[≥≤—▲▼]|\n(?<!\r\n)/);
    const all = await runCli(['compare', '--format', 'csv', ...FIX]);
    const allLines = all.stdout.slice(1).split('\r\n').slice(0, -1);
    const n = (allLines[0] as string).split(',').length;
    // every line has the header's field count (no quoted field here holds a comma)
    for (const l of allLines) if (!l.includes('"')) expect(l.split(',')).toHaveLength(n);
    expect(new Set(allLines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['themes', 'indicators', 'agencies', 'tasks', 'gaps']));
  });

  it('writes the HTML report to -o, format taken from the extension', async () => {
    const dir = tmp();
    const r = await runCli(['compare', '-o', join(dir, 'report.html'), ...SEEDS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('id="heatmap"');
    expect(html).toContain('id="indicator-table"');
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
    expect(html).not.toMatch(/<script|<link|@import|url\(/);
    // a cell links to an anchored task text that names its source line
    const m = /<a href="#(p0-\d+)">17<\/a>/.exec(html);
    expect(m).not.toBeNull();
    expect(html).toMatch(new RegExp(`<article id="${m?.[1]}"><h4>17 提升江北标准先进性</h4>[\\s\\S]*?seeds/000_3c93fe66f1b042f6.txt:\\d+`));
    const csv = await runCli(['compare', '-o', join(dir, 'out.csv'), ...FIX]);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').startsWith('\ufeff')).toBe(true);
  });
});

describe('qplan compare: inputs and flags', () => {
  it('takes raw plans and extracted plan YAML/JSON, mixed', async () => {
    const dir = tmp();
    const ex = await runCli(['extract', SEEDS[0] as string]);
    writeFileSync(join(dir, 'jb.plan.yaml'), ex.stdout);
    const exj = await runCli(['extract', '--format', 'json', SEEDS[1] as string]);
    writeFileSync(join(dir, 'yz.plan.json'), exj.stdout);
    const mixed = JSON.parse((await runCli(['compare', join(dir, 'jb.plan.yaml'), join(dir, 'yz.plan.json'), SEEDS[3] as string])).stdout);
    const raw = JSON.parse((await runCli(['compare', SEEDS[0] as string, SEEDS[1] as string, SEEDS[3] as string])).stdout);
    expect(mixed.plans.map((p: { label: string }) => p.label)).toEqual(['江北区', '渝中区', '东丽区']);
    expect(mixed.themes).toEqual(raw.themes);
    expect(mixed.indicators).toEqual(raw.indicators);
  });

  it('reads several plans from one JSON array or YAML stream', async () => {
    const dir = tmp();
    const ex = await runCli(['extract', '--format', 'json', SEEDS[0] as string, SEEDS[1] as string]);
    writeFileSync(join(dir, 'both.json'), ex.stdout);
    const r = await runCli(['compare', join(dir, 'both.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).plans).toHaveLength(2);
    const ey = await runCli(['extract', SEEDS[0] as string, SEEDS[1] as string]);
    writeFileSync(join(dir, 'both.yaml'), ey.stdout);
    expect(JSON.parse((await runCli(['compare', join(dir, 'both.yaml')])).stdout).plans).toHaveLength(2);
  });

  it('labels by --label, and suffixes duplicates', async () => {
    const r = JSON.parse((await runCli(['compare', '--label', 'A,B', ...FIX])).stdout);
    expect(r.plans.map((p: { label: string }) => p.label)).toEqual(['A', 'B']);
    const dup = JSON.parse((await runCli(['compare', SEEDS[0] as string, SEEDS[0] as string])).stdout);
    expect(dup.plans.map((p: { label: string }) => p.label)).toEqual(['江北区', '江北区-2']);
    const partial = JSON.parse((await runCli(['compare', '--label', 'X', ...FIX])).stdout);
    expect(partial.plans.map((p: { label: string }) => p.label)).toEqual(['X', '乙区']);
  });

  it('measures gaps against --baseline (the parent city plan)', async () => {
    const r = await runCli(['compare', '--baseline', 'seeds/002_9e05ded875b6d85d.txt', SEEDS[0] as string, SEEDS[1] as string]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.plans.map((p: { label: string; baseline: boolean }) => [p.label, p.baseline])).toEqual([['江北区', false], ['渝中区', false], ['重庆市', true]]);
    expect(doc.gaps.map((g: { plan: string }) => g.plan)).toEqual(['江北区', '渝中区']);
    for (const g of doc.gaps) for (const id of g.missing_themes) expect(doc.missing[id].plans).toEqual(['重庆市']);
  });

  it('swaps the taxonomy with --taxonomy FILE', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 't.yaml'), 'name: mini\nthemes:\n  - {id: std, name: 标准, signals: [标准化]}\n  - {id: credit, name: 信用, signals: [信用]}\n');
    const r = JSON.parse((await runCli(['compare', '--taxonomy', join(dir, 't.yaml'), ...FIX])).stdout);
    expect(r.themes.map((t: { id: string }) => t.id)).toEqual(['std', 'credit']);
    expect(r.taxonomy).toBe('mini');
    expect(r.unclassified.find((u: { plan: string }) => u.plan === '乙区').items.length).toBeGreaterThan(0);
  });

  it('selects one view for table, Markdown, CSV and JSON (views says which); HTML is always whole', async () => {
    const md = await runCli(['compare', '--format', 'markdown', '--view', 'agencies', ...FIX]);
    expect(md.stdout).toContain('## 责任单位 (agencies)');
    expect(md.stdout).not.toContain('## 主题覆盖');
    const gaps = await runCli(['compare', '--format', 'table', '--view', 'gaps', ...FIX]);
    expect(gaps.stdout).toContain('无责任单位的任务');
    const json = JSON.parse((await runCli(['compare', '--format', 'json', '--view', 'agencies', ...FIX])).stdout);
    expect(json.views).toEqual(['agencies']);
    expect(json.agencies.length).toBeGreaterThan(0);
    expect(json.themes).toEqual([]);
    const html = await runCli(['compare', '--format', 'html', '--view', 'agencies', ...FIX]);
    expect(html.stdout).toContain('id="heatmap"');
    expect(html.stdout).toContain('closest:');
  });

  it.each([
    [['compare', FIX[0] as string], /needs two or more plans/],
    [['compare', 'nope.txt', FIX[0] as string], /nope\.txt: no such file/],
    [['compare', '--label', 'a,b,c', ...FIX], /3 labels for 2 plans/],
    [['compare', '--taxonomy', 'fixtures/compare/yi.plan.json', ...FIX], /themes/],
    [['compare', '--view', 'nope', ...FIX], /unknown view 'nope'/],
    [['compare', 'package.json', FIX[0] as string], /not a qplan\/plan@1 document/],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('qplan compare: the built binary', () => {
  const built = existsSync('dist/cli/main.js');
  it.skipIf(!built)('runs the README command through bin/qplan.js (data files found from dist/)', () => {
    const r = spawnSync(process.execPath, ['bin/qplan.js', 'compare', ...SEEDS], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.plans.map((p: { label: string }) => p.label)).toEqual(['江北区', '渝中区', '宿迁市', '东丽区']);
    expect(doc.themes.length).toBe(36);
    const help = spawnSync(process.execPath, ['bin/qplan.js', 'compare', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--baseline <plan>');
  });
});

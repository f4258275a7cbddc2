/**
 * `qplan table`: every table read back with real readers (DuckDB for CSV/TSV and Parquet, hyparquet for Parquet,
 * read-excel-file for XLSX, JSON.parse for NDJSON), typed values checked against the plans, CJK text and
 * formula-like cells included.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import readExcelFile from 'read-excel-file/node';
import { runCli, SEEDS } from './helpers.js';
import type { Plan } from '../src/model.js';
import { TABLES, TABLE_NAMES } from '../src/table/columns.js';

const dir = mkdtempSync(join(tmpdir(), 'qplan-table-'));
const seeds = SEEDS.map((s) => `seeds/${s}.txt`);
let plans: Plan[] = [];
let hostile = '';
let db: DuckDBConnection;

/** A seed plan whose texts open like formulas (the injection cases) and hold CJK, quotes, commas and newlines. */
function hostilePlan(p: Plan): Plan {
  const q: Plan = JSON.parse(JSON.stringify(p));
  q.source.path = 'hostile/恶意,"计划".json';
  (q.targets[0] as Plan['targets'][number]).indicator = '=HYPERLINK("http://x","点击")';
  (q.targets[1] as Plan['targets'][number]).value = -3.5;
  (q.tasks[0] as Plan['tasks'][number]).title = '+1 质量\n第二行\t制表';
  (q.tasks[0] as Plan['tasks'][number]).lead = ['@区发改委', '区科技局;区财政局'];
  return q;
}

beforeAll(async () => {
  const r = await runCli(['extract', '-q', '-f', 'ndjson', ...seeds]);
  plans = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Plan);
  hostile = join(dir, 'hostile.json');
  writeFileSync(hostile, JSON.stringify(hostilePlan(plans[0] as Plan)));
  writeFileSync(join(dir, 'seeds.ndjson'), r.stdout);
  for (const f of ['csv', 'tsv', 'ndjson', 'parquet']) {
    const t = await runCli(['table', '-f', f, '-o', join(dir, f), join(dir, 'seeds.ndjson'), hostile]);
    expect(t.stderr).toMatch(/^qplan table: 6 plans → /);
    expect(t.code).toBe(0);
  }
  const x = await runCli(['table', '-o', join(dir, 'corpus.xlsx'), join(dir, 'seeds.ndjson'), hostile]);
  expect(x.code).toBe(0);
  db = await (await DuckDBInstance.create(':memory:')).connect();
}, 180_000);

const all = () => [...plans, hostilePlan(plans[0] as Plan)];
const targetsOf = () => all().flatMap((p) => p.targets.map((t, i) => ({ plan: p.source.path, target: i + 1, t })));

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

describe('qplan table: every format, read back', () => {
  it('NDJSON: typed values, lists as arrays, null for missing', () => {
    const rows = readFileSync(join(dir, 'ndjson/targets.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const want = targetsOf();
    expect(rows).toHaveLength(want.length);
    rows.forEach((r, i) => {
      const w = want[i] as (typeof want)[number];
      expect(Object.keys(r)).toEqual(TABLES.targets.columns.map((c) => c.name));
      expect([r.plan, r.target, r.indicator, r.value, r.unit, r.comparator, r.year, r.year_inferred, r.quote, r.line])
        .toEqual([w.plan, w.target, w.t.indicator, w.t.value, w.t.unit, w.t.comparator, w.t.year, w.t.year_inferred, w.t.quote, w.t.line]);
      expect(r.value_max).toBe(w.t.value_max ?? null);
    });
    const tasks = readFileSync(join(dir, 'ndjson/tasks.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const h = tasks.find((t) => t.plan === 'hostile/恶意,"计划".json' && t.task === plans[0]?.tasks[0]?.id);
    expect(h.lead).toEqual(['@区发改委', '区科技局;区财政局']);
    expect(h.title).toBe('+1 质量\n第二行\t制表');
  });

  it('CSV: a BOM, RFC 4180, one row per line for DuckDB, numbers typed, formula-like text defused', async () => {
    const path = join(dir, 'csv/targets.csv');
    expect(readFileSync(path, 'utf8').startsWith('\ufeffplan,target,indicator,')).toBe(true);
    const rows = await query(`select * from read_csv('${path}', header = true, quote = '"', escape = '"')`);
    const want = targetsOf();
    expect(rows).toHaveLength(want.length);
    rows.forEach((r, i) => {
      const w = want[i] as (typeof want)[number];
      expect(r.value).toBe(w.t.value);
      expect(Number(r.year)).toBe(w.t.year);
      expect(r.year_inferred).toBe(w.t.year_inferred);
      expect(r.quote).toBe(w.t.quote);
      expect(r.plan).toBe(w.plan);
    });
    const h = rows.find((r) => r.plan === 'hostile/恶意,"计划".json' && Number(r.target) === 1);
    expect(h?.indicator).toBe(`'=HYPERLINK("http://x","点击")`);
    // a negative number is a number, not a formula
    expect(rows.find((r) => r.plan === 'hostile/恶意,"计划".json' && Number(r.target) === 2)?.value).toBe(-3.5);
    const tasks = await query(`select title, lead from read_csv('${join(dir, 'csv/tasks.csv')}', header = true) where plan like 'hostile%' limit 1`);
    expect(tasks[0]).toEqual({ title: "'+1 质量\n第二行\t制表", lead: "'@区发改委;区科技局;区财政局" });
  });

  it('TSV: no raw tab or newline in a field; every line has the same field count', () => {
    const text = readFileSync(join(dir, 'tsv/tasks.tsv'), 'utf8');
    const lines = text.slice(0, -1).split('\n');
    const n = TABLES.tasks.columns.length;
    for (const l of lines) expect(l.split('\t')).toHaveLength(n);
    expect(text).toContain("'+1 质量\\n第二行\\t制表");
  });

  it('Parquet (hyparquet): typed columns, lists as arrays, dates as dates', async () => {
    const file = (name: string) => new Uint8Array(readFileSync(join(dir, `parquet/${name}.parquet`))).buffer;
    const targets = await parquetReadObjects({ file: file('targets') });
    const want = targetsOf();
    expect(targets.map((r) => [r.plan, r.indicator, r.value, r.year, r.year_inferred])).toEqual(want.map((w) => [w.plan, w.t.indicator, w.t.value, w.t.year, w.t.year_inferred]));
    const p = await parquetReadObjects({ file: file('plans') });
    expect((p[4]?.signed as Date).toISOString().slice(0, 10)).toBe(plans[4]?.meta.signed);
    const tasks = await parquetReadObjects({ file: file('tasks') });
    expect(tasks.filter((t) => t.plan === plans[0]?.source.path).map((t) => t.responsible)).toEqual(plans[0]?.tasks.map((t) => t.responsible));
    const themes = await parquetReadObjects({ file: file('themes') });
    expect(themes.every((t) => Array.isArray(t.item_ids) && (t.item_ids as string[]).length <= (t.items as number))).toBe(true);
  });

  it('Parquet (DuckDB): the targets table answers a real query', async () => {
    const path = join(dir, 'parquet/targets.parquet');
    const types = await query(`select column_name, column_type from (describe select * from '${path}')`);
    const t = Object.fromEntries(types.map((r) => [r.column_name, r.column_type]));
    expect([t.value, t.year, t.year_inferred, t.indicator]).toEqual(['DOUBLE', 'INTEGER', 'BOOLEAN', 'VARCHAR']);
    const rows = await query(`select plan, count(*)::INT n, max(value) top from '${path}' where unit = '%' and plan not like 'hostile%' group by plan order by plan`);
    const want = plans.map((p) => ({ plan: p.source.path, n: p.targets.filter((x) => x.unit === '%').length, top: Math.max(...p.targets.filter((x) => x.unit === '%').map((x) => x.value)) }));
    expect(rows).toEqual(want.filter((w) => w.n > 0));
    const d = await query(`select typeof(signed) t, signed::VARCHAR s from '${join(dir, 'parquet/plans.parquet')}' where plan = '${plans[4]?.source.path}'`);
    expect(d[0]).toEqual({ t: 'DATE', s: plans[4]?.meta.signed });
    const l = await query(`select len(lead) n from '${join(dir, 'parquet/tasks.parquet')}' where plan like 'hostile%' limit 1`);
    expect(Number(l[0]?.n)).toBe(2);
  });

  it('XLSX (read-excel-file): a sheet per table, typed cells, formula-like text kept as text', async () => {
    const sheets = await readExcelFile(readFileSync(join(dir, 'corpus.xlsx')));
    expect(sheets.map((s) => s.sheet)).toEqual([...TABLE_NAMES]);
    const targets = sheets.find((s) => s.sheet === 'targets')?.data ?? [];
    expect(targets[0]).toEqual(TABLES.targets.columns.map((c) => c.name));
    const col = (name: string) => TABLES.targets.columns.findIndex((c) => c.name === name);
    const want = targetsOf();
    expect(targets.slice(1).map((r) => [r[col('plan')], r[col('value')], r[col('year')], r[col('year_inferred')], r[col('indicator')]]))
      .toEqual(want.map((w) => [w.plan, w.t.value, w.t.year, w.t.year_inferred, w.t.indicator]));
    const p = sheets.find((s) => s.sheet === 'plans')?.data ?? [];
    const signed = p[5]?.[TABLES.plans.columns.findIndex((c) => c.name === 'signed')];
    expect(signed instanceof Date ? signed.toISOString().slice(0, 10) : signed).toBe(plans[4]?.meta.signed);
    // the sheet XML holds the formula-like text as a string, never as a <f> formula
    expect(readFileSync(join(dir, 'corpus.xlsx')).includes(Buffer.from('<f>'))).toBe(false);
  });
});

describe('qplan table: CLI', () => {
  it('one table to stdout from raw files; CSV by default', async () => {
    const r = await runCli(['table', '--table', 'plans', seeds[4] as string]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\ufeffplan,file,format,/);
    expect(r.stdout).toContain('东丽区质量强区建设实施方案');
  });

  it('reads plan YAML from stdin', async () => {
    const y = await runCli(['extract', '-q', seeds[3] as string]);
    const r = await runCli(['table', '--table', 'units', '-f', 'ndjson', '-'], { stdin: y.stdout });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').length).toBe(plans[3]?.tasks.reduce((n, t) => n + t.lead.length + t.responsible.length, 0));
  });

  it('usage errors exit 2 with a reason', async () => {
    for (const [args, msg] of [
      [['table', seeds[0]], /one table goes to stdout/],
      [['table', '--table', 'nope', seeds[0]], /unknown table nope/],
      [['table', '-f', 'xlsx', '--table', 'plans', seeds[0]], /give -o FILE\.xlsx/],
      [['table', '-f', 'parquet', '--table', 'plans', seeds[0]], /Parquet is binary/],
      [['table', '--table', 'plans', 'no-such-file.txt'], /no-such-file.txt: no such file/],
    ] as [string[], RegExp][]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).toBe('');
    }
  });

  it('-o FILE.parquet writes one table', async () => {
    const out = join(dir, 'one.parquet');
    const r = await runCli(['table', '--table', 'themes', '-o', out, seeds[0] as string]);
    expect(r.code).toBe(0);
    const rows = await parquetReadObjects({ file: new Uint8Array(readFileSync(out)).buffer });
    expect(rows.length).toBeGreaterThan(10);
  });
});

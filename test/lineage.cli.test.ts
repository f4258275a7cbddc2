/** `qplan lineage` through run(argv, io): formats, a user reference file, errors, and an HTML page that escapes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const SEEDS = ['seeds/000_3c93fe66f1b042f6.txt', 'seeds/003_d34b9a5638ecd82e.txt', 'seeds/004_59faef078171ecef.txt'];
const dir = mkdtempSync(join(tmpdir(), 'qplan-lineage-'));

describe('qplan lineage', () => {
  it('writes qplan/lineage@1 JSON with the contract fields', async () => {
    const r = await runCli(['lineage', '-f', 'json', ...SEEDS]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('qplan/lineage@1');
    expect(doc.plans.map((p: { label: string }) => p.label)).toEqual(['江北区', '宿迁市', '东丽区']);
    const p = doc.plans[2];
    expect(p.parent).toBe('quality-power-2023');
    for (const k of ['indicator', 'value', 'unit', 'year', 'parent_value', 'parent_year', 'relation']) expect(p.targets[0]).toHaveProperty(k);
    for (const k of ['id', 'status', 'source_plan', 'source_task', 'copied_share', 'spans']) expect(p.tasks[0]).toHaveProperty(k);
  });

  it('is deterministic', async () => {
    const a = await runCli(['lineage', '-f', 'json', ...SEEDS]);
    const b = await runCli(['lineage', '-f', 'json', ...SEEDS]);
    expect(a.stdout).toBe(b.stdout);
  });

  it('renders tables and Markdown', async () => {
    const t = await runCli(['lineage', '-f', 'table', ...SEEDS]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('目标对照');
    expect(t.stdout).not.toMatch(/\u001b\[/);
    const m = await runCli(['lineage', '-f', 'markdown', ...SEEDS]);
    expect(m.stdout).toMatch(/^# qplan lineage: 江北区 · 宿迁市 · 东丽区/);
    expect(m.stdout).toContain('| 东丽区 | 制造业产品质量合格率 | ≥95% 2025 | ≥94% 2025 | 更严 tighter |');
  });

  it('writes a self-contained HTML page that escapes what it shows', async () => {
    const ref = join(dir, 'evil.yaml');
    writeFileSync(ref, `references:\n  - id: evil\n    document: "<script>alert(1)</script>"\n    year: 2023\n    period: [2023, 2030]\n    level: province\n    jurisdiction: 江苏省\n    targets:\n      - {indicator: 食品抽检合格率, value: 99, unit: "%", comparator: ">=", year: 2025, quote: "<img src=x onerror=alert(1)>"}\n`);
    const out = join(dir, 'l.html');
    const r = await runCli(['lineage', '--reference', ref, '-o', out, ...SEEDS]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<img|https?:\/\//);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<svg');
    expect(html).toContain('<mark>');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  it('a user reference for a province becomes the parent of its cities', async () => {
    const ref = join(dir, 'province.yaml');
    writeFileSync(ref, 'schema: qplan/references@1\nreferences:\n  - id: js-2023\n    document: 江苏省质量强省建设方案\n    year: 2023\n    period: [2023, 2030]\n    level: province\n    jurisdiction: 江苏省\n    targets:\n      - {indicator: 食品抽检合格率, value: 98.5, unit: "%", comparator: ">=", year: 2025, quote: 食品抽检合格率达到98.5%}\n');
    const r = await runCli(['lineage', '--reference', ref, '-f', 'json', 'seeds/003_d34b9a5638ecd82e.txt']);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout).plans[0];
    expect(p.parent).toBe('js-2023');
    expect(p.targets.find((t: { indicator: string }) => t.indicator === '食品抽检合格率')).toMatchObject({ parent_value: 98.5, relation: 'looser' });
  });

  it('exits 2 on a bad reference file or a missing plan', async () => {
    const ref = join(dir, 'bad.yaml');
    writeFileSync(ref, 'references:\n  - id: x\n    document: y\n    year: 2023\n    period: [2030, 2023]\n    targets: []\n');
    const r = await runCli(['lineage', '--reference', ref, SEEDS[0] as string]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml: references\[0\]\.period: first year after last year/);
    const m = await runCli(['lineage', 'no-such-file.txt']);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/no-such-file\.txt/);
  });
});

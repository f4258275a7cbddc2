/** The public API is pinned, and no code path names a seed's or devset file's jurisdiction. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "CODES",
        "InputError",
        "PLAN_SCHEMA_ID",
        "TABLES",
        "TABLE_NAMES",
        "buildTables",
        "comparePlans",
        "extract",
        "extractPlan",
        "lineagePlans",
        "loadVocabulary",
        "planSchema",
        "readReferences",
        "toJson",
        "toNdjson",
        "toYaml",
        "validatePlan",
      ]
    `);
  });
  it('extract(input) returns a plan from text', async () => {
    const plan = await api.extract('一、总体要求\n到2027年,合格率达到99%以上。\n二、重点任务\n1.加强监管。落实责任。(责任单位:区市场监管局)\n', { path: 'mem.txt' });
    expect(plan.tasks.map((t) => [t.id, t.title, t.responsible])).toEqual([['1', '加强监管', ['区市场监管局']]]);
    expect(plan.targets[0]).toMatchObject({ value: 99, unit: '%', comparator: '>=', year: 2027 });
  });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('dependency direction', () => {
  // imports (static and dynamic), cycles, file size and word lists: test/structure.test.ts
  it('no code path names a seed jurisdiction', () => {
    for (const f of files('src').filter((x) => x.endsWith('.ts'))) expect(readFileSync(f, 'utf8'), f).not.toMatch(/江北|渝中|宿迁|东丽/);
  });
  it('no code path names a devset jurisdiction (the division table and its hand-kept lists are data, not rules)', () => {
    const stems = readdirSync('fixtures/devset').filter((g) => g.endsWith('.gold.yaml'))
      .map((g) => /jurisdiction: "?([^"\n]+)"?/.exec(readFileSync(`fixtures/devset/${g}`, 'utf8'))?.[1] ?? '')
      .map((j) => j.replace(/(?:省|市|区|县|自治区)$/, '')).filter((j) => j.length >= 2);
    expect(stems.length).toBeGreaterThanOrEqual(15);
    const data = /lexicon[\\/](?:geography-data|geography-names|aliases-places|place-words)\.ts$/;
    for (const f of files('src').filter((x) => x.endsWith('.ts') && !data.test(x))) {
      const text = readFileSync(f, 'utf8');
      for (const stem of stems) expect(text.includes(stem), `${f} names ${stem}`).toBe(false);
    }
  });
});

describe('generated docs', () => {
  it('the generated docs (diagnostic codes, table columns) match the registries', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['scripts/gen-docs.mjs', '--check'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});

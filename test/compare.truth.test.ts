/**
 * Issue 13, "compare that tells the truth": the same plan in either script compares equal; coverage has degrees
 * (a plan that mentions a theme does not lack it); task counterparts have a floor and bands; labels tell repeated
 * jurisdictions apart; `--view` takes a list; `-o` refuses what compare cannot write.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePlans, planLabels, ALIGN_FLOOR, ALIGN_STRONG } from '../src/compare/compare.js';
import { extractPlan } from '../src/pipeline.js';
import { traditionalFold } from '../src/source/script.js';
import type { Plan } from '../src/model.js';
import { defaultVocabulary, seedPlans, synthPlan } from './compare.helpers.js';
import { runCli } from './helpers.js';

const VARIANTS = 'fixtures/variants';
const read = async (path: string): Promise<Plan> => (await extractPlan(readFileSync(path), { path })).plan;

describe('a plan compares equal to itself in traditional and simplified script', async () => {
  const vocabulary = await defaultVocabulary();
  const fold = await traditionalFold();
  for (const seed of readdirSync(VARIANTS).sort()) {
    it(seed, async () => {
      const trad = await read(join(VARIANTS, seed, 'traditional.txt'));
      const simp = await read(join(VARIANTS, seed, 'crlf.txt'));
      expect(trad.meta.script).toBe('traditional');
      const r = comparePlans([trad, simp], { vocabulary, fold });
      const [a, b] = r.plans.map((p) => p.label) as [string, string];
      expect(r.plans.map((p) => p.script)).toEqual(['traditional', 'simplified']);
      // no gap either way
      for (const g of r.gaps) {
        expect(g.missing_themes).toEqual([]);
        expect(g.missing_indicators).toEqual([]);
      }
      expect(r.missing).toEqual({});
      // every indicator aligned: each row has a target of both
      expect(r.indicators.length).toBeGreaterThan(0);
      for (const row of r.indicators) expect(Object.keys(row.plans).sort(), row.name).toEqual([a, b].sort());
      // the same themes to the same degree
      for (const t of r.themes) expect(t.plans[a]?.degree, t.id).toBe(t.plans[b]?.degree);
      // every agency resolved alike: no unit is unknown on one side only
      for (const row of r.agencies) expect(Object.keys(row.plans).sort(), row.name).toEqual([a, b].sort());
      for (const u of r.unknown_agencies) expect(u.plans, u.name).toHaveLength(1);
      expect(r.unknown_agencies.filter((u) => u.plans[0] === a)).toHaveLength(r.unknown_agencies.filter((u) => u.plans[0] === b).length);
      // values are shown as written
      expect(r.plans[0]?.title).toBe(trad.meta.title);
      // each task's best counterpart is itself
      for (const al of r.alignments.filter((x) => x.plan === a)) expect(al.counterparts[b]?.task, al.title).toBe(al.task);
    });
  }
  it('without the fold, the traditional copy is matched as written (the fold is what makes them equal)', async () => {
    const dir = join(VARIANTS, readdirSync(VARIANTS).sort()[4] as string);
    const r = comparePlans([await read(join(dir, 'traditional.txt')), await read(join(dir, 'crlf.txt'))], { vocabulary });
    expect(r.gaps.some((g) => g.missing_themes.length + g.missing_indicators.length > 0)).toBe(true);
  });
});

describe('coverage with degrees', async () => {
  const vocabulary = await defaultVocabulary();
  const result = comparePlans(await seedPlans(), { vocabulary });

  it('江北区 reads as mentioning 绿色导向, not lacking it', () => {
    const green = result.themes.find((t) => t.id === 'green');
    expect(green?.name).toBe('绿色导向');
    const cell = green?.plans['江北区'];
    expect(cell?.degree).toBe('mentioned');
    expect(cell?.items).toEqual([]);
    expect(cell?.mentioned.length).toBeGreaterThan(0);
    expect(cell?.signals).toContain('绿色低碳');
    expect(result.gaps.find((g) => g.plan === '江北区')?.missing_themes).not.toContain('green');
    // the items named as evidence are in the document, with their text
    const ids = new Set(result.items['江北区']?.map((it) => it.id));
    for (const id of cell?.mentioned ?? []) expect(ids.has(id.replace(/\.\d+$/, '')) || [...ids].some((x) => x.startsWith(`${id}.`))).toBe(true);
  });

  it('a plan with no signal of a theme reads as lacking it', () => {
    const plans = [
      synthPlan({ jurisdiction: '甲区', tasks: [{ id: '1', title: '加强组织领导', text: '建立工作机制。' }] }),
      synthPlan({ jurisdiction: '乙区', tasks: [{ id: '1', title: '推进绿色低碳发展', text: '开展绿色产品认证，推动绿色制造。' }] }),
    ];
    const r = comparePlans(plans, { vocabulary });
    const green = r.themes.find((t) => t.id === 'green');
    expect(green?.plans['甲区']).toMatchObject({ degree: 'absent', items: [], mentioned: [], signals: [] });
    expect(green?.plans['乙区']?.degree).toBe('covered');
    expect(r.gaps.find((g) => g.plan === '甲区')?.missing_themes).toContain('green');
    expect(r.missing['green']).toMatchObject({ kind: 'theme', name: '绿色导向', count: 1, plans: ['乙区'] });
  });

  it('an indicator named without a value is not missing; one never named is, by name', () => {
    const plans = [
      synthPlan({ jurisdiction: '甲区', tasks: [{ id: '1', title: '提升食品安全', text: '持续提高食品评价性抽检合格率。' }] }),
      synthPlan({ jurisdiction: '乙区', tasks: [{ id: '1', title: '提升食品安全', text: '加强抽检。' }] }),
      synthPlan({ jurisdiction: '丙区', targets: [{ indicator: '食品评价性抽检合格率', value: 98.5 }, { indicator: '每万人口高价值发明专利拥有量', value: 5, unit: '件' }] }),
    ];
    const r = comparePlans(plans, { vocabulary, views: ['indicators', 'gaps'] });
    const food = r.indicators.find((i) => i.name.includes('食品'));
    expect(food?.named).toEqual({ 甲区: ['1'] });
    expect(r.gaps.find((g) => g.plan === '甲区')?.missing_indicators).not.toContain(food?.id);
    expect(r.gaps.find((g) => g.plan === '乙区')?.missing_indicators).toContain(food?.id);
    expect(r.missing[food?.id ?? '']).toMatchObject({ kind: 'indicator', name: food?.name, plans: ['丙区'] });
  });
});

describe('task counterparts: a floor and bands', async () => {
  const vocabulary = await defaultVocabulary();
  const result = comparePlans(await seedPlans(), { vocabulary, views: ['tasks'] });
  it('has no counterpart below the floor, and bands above it', () => {
    expect(result.alignment_rule).toMatchObject({ floor: ALIGN_FLOOR, strong: ALIGN_STRONG });
    let none = 0;
    for (const a of result.alignments) {
      for (const c of Object.values(a.counterparts)) {
        if (c.task === null) { none++; expect(c.band).toBeUndefined(); continue; }
        expect(c.score).toBeGreaterThanOrEqual(ALIGN_FLOOR - 0.005);
        expect(c.band).toBe(c.score >= ALIGN_STRONG ? 'strong' : 'partial');
        expect(c.title).toBeUndefined(); // by id: the title is in the counterpart's own entry
      }
    }
    expect(none).toBeGreaterThan(0);
    // the example: 江北区 17 提升江北标准先进性 had 东丽区 (十五) 提升东丽建造品质 at 0.08
    const jb17 = result.alignments.find((a) => a.plan === '江北区' && a.task === '17');
    expect(jb17?.counterparts['东丽区']?.task).not.toBe('(十五)');
    expect(jb17?.counterparts['渝中区']).toMatchObject({ task: '16', band: 'strong' });
  });
  it('writes no items for the tasks view (each task carries its own title and line)', () => {
    expect(result.items).toEqual({});
    expect(result.themes).toEqual([]);
  });
});

describe('labels that tell plans apart', () => {
  const plan = (path: string, signed: string | null, jurisdiction = '渝中区') => ({ ...synthPlan({ jurisdiction, meta: { signed } }), source: { path, format: 'text', encoding: 'utf-8', sha256: '0'.repeat(64) } }) as Plan;
  it('by jurisdiction, with the year where it repeats, else the file name', () => {
    expect(planLabels([plan('a/x.txt', '2022-03-01'), plan('b/y.txt', '2023-05-02'), plan('c.txt', null, '江北区')])).toEqual(['渝中区 2022', '渝中区 2023', '江北区']);
    expect(planLabels([plan('a/x.txt', '2023-03-01'), plan('b/y.plan.yaml', '2023-05-02')])).toEqual(['渝中区 x', '渝中区 y']);
    expect(planLabels([plan('a/x.txt', null), plan('a/x.txt', null)])).toEqual(['渝中区', '渝中区-2']);
    expect(planLabels([plan('a/x.txt', null), plan('b/y.txt', null)], ['甲', undefined])).toEqual(['甲', '渝中区']);
  });
});

describe('qplan compare: --view lists and -o extensions', () => {
  const FIX = ['fixtures/compare/jia.plan.yaml', 'fixtures/compare/yi.plan.json'];
  it('--view takes a list and the document holds just those views', async () => {
    const r = await runCli(['compare', '--view', 'themes,gaps', '-f', 'json', ...FIX]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.views).toEqual(['themes', 'gaps']);
    expect(doc.themes.length).toBeGreaterThan(0);
    expect(doc.indicators).toEqual([]);
    expect(doc.agencies).toEqual([]);
    expect(doc.alignments).toEqual([]);
    const only = JSON.parse((await runCli(['compare', '--view', 'gaps', '-f', 'json', ...FIX])).stdout);
    expect(only.views).toEqual(['gaps']);
    expect(only.themes).toEqual([]);
    const bad = await runCli(['compare', '--view', 'themes,nope', ...FIX]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown view 'nope'/);
  });
  it('-o with an extension compare cannot write is refused with exit 2, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qplan-cmp-'));
    for (const ext of ['xlsx', 'tsv', 'yaml']) {
      const out = join(dir, `x.${ext}`);
      const r = await runCli(['compare', '-o', out, ...FIX]);
      expect(r.code, ext).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`cannot write \\.${ext} files`));
      expect(existsSync(out)).toBe(false);
    }
    const ok = await runCli(['compare', '-o', join(dir, 'x.csv'), ...FIX]);
    expect(ok.code).toBe(0);
  });
});

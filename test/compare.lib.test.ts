/** comparePlans on the seeds (the acceptance) and on small synthetic plans (one rule per test). */
import { describe, expect, it } from 'vitest';
import { expectWithin } from './support/bounds.js';
import { comparePlans } from '../src/compare/compare.js';
import { AgencyResolver } from '../src/compare/agencies.js';
import { classify } from '../src/compare/classify.js';
import { SimilarityIndex } from '../src/compare/search/similarity-index.js';
import { parseTaxonomy, VocabularyError } from '../src/compare/vocab.js';
import { defaultVocabulary, seedPlans, synthPlan } from './compare.helpers.js';

describe('compare on the four seeds', async () => {
  const vocabulary = await defaultVocabulary();
  const result = comparePlans(await seedPlans(), { vocabulary });
  const labels = result.plans.map((p) => p.label);

  it('labels plans by jurisdiction, in the order given', () => {
    expect(labels).toEqual(['江北区', '渝中区', '宿迁市', '东丽区']);
    expect(result.schema).toBe('qplan/compare@1');
  });

  it('leaves at most 5% of items unclassified', () => {
    const total = Object.values(result.items).reduce((n, items) => n + items.length, 0);
    const unclassified = result.unclassified.reduce((n, u) => n + u.items.length, 0);
    expect(total).toBeGreaterThan(140);
    expect(unclassified / total).toBeLessThanOrEqual(0.05);
  });

  it('lists every theme of the taxonomy, in taxonomy order, with a cell per plan', () => {
    expect(result.themes.map((t) => t.id)).toEqual(vocabulary.taxonomy.themes.map((t) => t.id));
    for (const t of result.themes) expect(Object.keys(t.plans)).toEqual(labels);
    const standards = result.themes.find((t) => t.id === 'standards');
    expect(standards?.plans['江北区']?.items).toContain('17');
    expect(standards?.plans['渝中区']?.items).toContain('16');
    expect(result.themes.find((t) => t.id === 'metrology')?.plans['东丽区']?.items).toContain('column:6');
  });

  it('keeps the deciding words of every assignment', () => {
    const why = result.themes.find((t) => t.id === 'standards')?.plans['江北区']?.why['17'];
    expect(why?.title.length).toBeGreaterThan(0);
    expect(why?.score).toBeGreaterThan(0);
  });

  it('puts 食品评价性抽检合格率 of 江北区, 渝中区 and 东丽区 in one row', () => {
    const rows = result.indicators.filter((r) => Object.values(r.plans).some((c) => c.indicator === '食品评价性抽检合格率'));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]?.plans ?? {})).toEqual(expect.arrayContaining(['江北区', '渝中区', '东丽区']));
    expect(rows[0]?.id).toBe('food-sampling-pass-rate');
    expect(rows[0]?.plans['东丽区']).toMatchObject({ value: 98.5, unit: '%', comparator: '>=', year: 2025 });
  });

  it('puts 公共服务质量满意度 of 江北区 and 渝中区 in one row', () => {
    const rows = result.indicators.filter((r) => Object.values(r.plans).some((c) => c.indicator === '公共服务质量满意度'));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]?.plans ?? {})).toEqual(expect.arrayContaining(['江北区', '渝中区']));
  });

  it('lines up the 农产品 monitoring rate across its three spellings', () => {
    const row = result.indicators.find((r) => r.id === 'agri-monitoring-pass-rate');
    expect(Object.keys(row?.plans ?? {}).sort()).toEqual(['东丽区', '宿迁市', '江北区'].sort());
  });

  it('does not line up 食品抽检合格率 with 药品抽检合格率 (similar letters, different measure)', () => {
    const drug = result.indicators.find((r) => r.id === 'drug-sampling-pass-rate');
    expect(Object.values(drug?.plans ?? {}).map((c) => c.indicator)).not.toContain('食品抽检合格率');
  });

  it('folds 区发改委, 区发展改革委 and 市发展改革委 into one agency', () => {
    const rows = result.agencies.filter((a) => Object.values(a.plans).some((c) => c.names.some((n) => ['区发改委', '区发展改革委', '市发展改革委'].includes(n))));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'development-reform', name: '发展改革' });
    const names = Object.values(rows[0]?.plans ?? {}).flatMap((c) => c.names);
    expect(names).toEqual(expect.arrayContaining(['区发改委', '区发展改革委', '市发展改革委']));
  });

  it('folds the spellings of 公安, 工业和信息化 and 基层', () => {
    const names = (id: string) => Object.values(result.agencies.find((a) => a.id === id)?.plans ?? {}).flatMap((c) => c.names);
    expect(names('public-security')).toEqual(expect.arrayContaining(['区公安分局', '公安东丽分局', '市公安局']));
    expect(names('industry-it')).toEqual(expect.arrayContaining(['区经济信息委', '区工信局', '市工业和信息化局']));
    expect(names('market-regulation')).toEqual(expect.arrayContaining(['区市场监管局', '市市场监管局']));
    expect(names('grassroots')).toContain('各街道园区');
  });

  it('keeps unknown agency names as written and reports them', () => {
    expect(result.unknown_agencies.map((u) => u.name)).toContain('两江新区鱼复工业园建设投资有限公司');
    const row = result.agencies.find((a) => !a.known);
    expect(row?.plans['江北区']?.names[0]).toBe(row?.name);
  });

  it("reports 渝中区's tasks without units as a gap", () => {
    const gap = result.gaps.find((g) => g.plan === '渝中区');
    expect(gap?.tasks_without_units).toHaveLength(27);
    expect(gap?.tasks_without_units.slice(0, 2)).toEqual(['1', '2']);
    // safeguards never name units; they are not gaps
    expect(gap?.tasks_without_units).not.toContain('(一)');
    expect(result.gaps.find((g) => g.plan === '宿迁市')?.tasks_without_units).toEqual([]);
  });

  it('reports themes and indicators the others have and a plan lacks, with who has them', () => {
    const yz = result.gaps.find((g) => g.plan === '渝中区');
    expect(yz?.missing_themes).toContain('green');
    // who has it is listed once for every plan lacking it
    expect(result.missing['green']).toMatchObject({ kind: 'theme', name: '绿色导向', count: 1, plans: ['东丽区'] });
    expect(yz?.missing_indicators).toContain('agri-monitoring-pass-rate');
    expect(result.gaps.find((g) => g.plan === '江北区')?.targets_without_year.map((t) => t.indicator)).toContain('城镇新建建筑中绿色建材应用比例');
  });

  it('aligns each task with its closest counterpart, ignoring the plans\' own names', () => {
    const a = result.alignments.find((x) => x.plan === '江北区' && x.task === '17');
    expect(a?.counterparts['渝中区']?.task).toBe('16'); // 提升江北标准先进性 ~ 提升渝中标准先进性
    expect(result.alignments.find((x) => x.plan === '江北区' && x.task === '24')?.counterparts['宿迁市']?.task).toBe('19');
    // safeguards align with safeguards
    expect(result.alignments.find((x) => x.plan === '江北区' && x.task === '(一)')?.counterparts['东丽区']?.task).toBe('(二十九)');
  });

  it('is deterministic', async () => {
    const again = comparePlans(await seedPlans(), { vocabulary });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });
});

describe('agency naming rules', async () => {
  const resolver = new AgencyResolver((await defaultVocabulary()).agencies);
  it.each([
    ['区发改委', 'development-reform'], ['县发展和改革局', 'development-reform'], ['省发展改革委', 'development-reform'],
    ['区经济信息委', 'industry-it'], ['州工业和信息化局', 'industry-it'], ['市市场监管局', 'market-regulation'],
    ['市场监管局', 'market-regulation'], ['区市场监督管理局', 'market-regulation'], ['公安高新分局', 'public-security'],
    ['各镇街', 'grassroots'], ['各镇(街道)', 'grassroots'], ['区城市管理局', 'urban-management'], ['区委宣传部', 'propaganda'],
    ['区住房城乡建委', 'housing-construction'], ['市住房和城乡建设局', 'housing-construction'], ['区教委', 'education'],
  ])('%s → %s', (name, id) => {
    expect(resolver.resolve(name).id).toBe(id);
  });
  it('removes the plan\'s own place names (东丽海关 → 海关)', () => {
    expect(resolver.resolve('东丽海关', ['东丽区', '东丽']).id).toBe('customs');
    expect(resolver.resolve('江宁海关', ['东丽区', '东丽']).id).toBe('customs'); // a place of ≤3 characters before a known organ
  });
  it('keeps unknown names as written', () => {
    const m = resolver.resolve('区未来产业促进中心');
    expect(m).toMatchObject({ known: false, name: '区未来产业促进中心' });
  });
});

describe('classification', async () => {
  const { taxonomy } = await defaultVocabulary();
  it('weights the title over the body and explains itself', () => {
    const c = classify('加强质量信用建设', '完善质量信用信息平台,推进标准化工作。', taxonomy);
    expect(c.themes[0]).toBe('credit');
    expect(c.evidence['credit']?.title).toContain('质量信用');
  });
  it('does not count a signal again inside a longer one', () => {
    const c = classify('', '质量安全监管', taxonomy);
    expect(c.evidence['supervision']?.body).toEqual(['质量安全监管']);
  });
  it('leaves an item with no signal unclassified', () => {
    expect(classify('其他事项', '按有关规定执行。', taxonomy).themes).toEqual([]);
  });
  it('rejects a malformed taxonomy file with a message', () => {
    expect(() => parseTaxonomy({ themes: [] }, 'mine.yaml')).toThrow(VocabularyError);
    expect(() => parseTaxonomy({ themes: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }, 'mine.yaml')).toThrow(/duplicate theme id/);
  });
  it('accepts a custom taxonomy of another genre', async () => {
    const tax = parseTaxonomy({ name: 'mini', themes: [{ id: 'water', name: '水务', signals: ['供水', '排水*2'] }] });
    const vocabulary = { ...(await defaultVocabulary()), taxonomy: tax };
    const r = comparePlans([
      synthPlan({ jurisdiction: '甲区', tasks: [{ id: '1', title: '改善排水', text: '' }] }),
      synthPlan({ jurisdiction: '乙区', tasks: [{ id: '1', title: '发展旅游', text: '' }] }),
    ], { vocabulary });
    expect(r.themes.map((t) => t.id)).toEqual(['water']);
    expect(r.unclassified).toEqual([{ plan: '甲区', items: [] }, { plan: '乙区', items: ['1'] }]);
    expect(r.gaps.find((g) => g.plan === '乙区')?.missing_themes).toEqual(['water']);
  });
});

describe('synthetic plans', async () => {
  const vocabulary = await defaultVocabulary();

  it('gives repeated labels a suffix and honours explicit labels', () => {
    const a = synthPlan({ jurisdiction: '甲区' });
    const r = comparePlans([a, a, { plan: a, label: '自定' }], { vocabulary });
    expect(r.plans.map((p) => p.label)).toEqual(['甲区', '甲区-2', '自定']);
  });

  it('marks the most and least ambitious values only where year and unit agree', () => {
    const mk = (j: string, value: number, year: number) => synthPlan({ jurisdiction: j, targets: [{ indicator: '食品评价性抽检合格率', value, year }] });
    const r = comparePlans([mk('甲区', 98, 2025), mk('乙区', 99, 2025), mk('丙区', 99.5, 2027)], { vocabulary });
    const row = r.indicators.find((x) => x.id === 'food-sampling-pass-rate');
    expect(row?.plans['乙区']?.ambition).toBe('most');
    expect(row?.plans['甲区']?.ambition).toBe('least');
    expect(row?.plans['丙区']?.ambition).toBeUndefined();
  });

  it('lines up unlisted indicators by name and says how sure it is', () => {
    const r = comparePlans([
      synthPlan({ jurisdiction: '甲区', targets: [{ indicator: '区级智慧菜场覆盖率', value: 50 }] }),
      synthPlan({ jurisdiction: '乙区', targets: [{ indicator: '智慧菜场覆盖率', value: 60 }] }),
    ], { vocabulary });
    const row = r.indicators.find((x) => !x.listed);
    expect(row?.id).toMatch(/^x-/);
    expect(Object.keys(row?.plans ?? {})).toEqual(['甲区', '乙区']);
    expect(row?.plans['乙区']?.confidence).toBeGreaterThan(0.7);
  });

  it('strips the own jurisdiction from indicator names (全区 / place name)', () => {
    const r = comparePlans([
      synthPlan({ jurisdiction: '甲区', targets: [{ indicator: '全区实行首席质量官制度企业', value: 50, unit: '家' }] }),
      synthPlan({ jurisdiction: '乙区', targets: [{ indicator: '乙区实行首席质量官制度企业', value: 60, unit: '家' }] }),
    ], { vocabulary });
    expect(Object.keys(r.indicators.find((x) => x.id === 'chief-quality-officer-firms')?.plans ?? {})).toEqual(['甲区', '乙区']);
  });

  it('measures gaps against --baseline only, and gives the baseline no gaps of its own', () => {
    const parent = synthPlan({ jurisdiction: '某市', level: 'city', tasks: [{ id: '1', title: '加强质量人才队伍建设' }, { id: '2', title: '推进绿色低碳发展' }] });
    const a = synthPlan({ jurisdiction: '甲区', tasks: [{ id: '1', title: '加强质量人才队伍建设', responsible: ['区人社局'] }] });
    const b = synthPlan({ jurisdiction: '乙区', tasks: [{ id: '1', title: '加快质量数字化建设', responsible: ['区数据局'] }] });
    const r = comparePlans([a, b, { plan: parent, baseline: true }], { vocabulary });
    expect(r.gaps.map((g) => g.plan)).toEqual(['甲区', '乙区']);
    expect(r.gaps[0]?.missing_themes).toEqual(['green']);
    expect(r.gaps[1]?.missing_themes).toEqual(['green', 'talent']);
    expect(r.plans[2]?.baseline).toBe(true);
  });

  it('reports targets without a year', () => {
    const r = comparePlans([
      synthPlan({ jurisdiction: '甲区', targets: [{ indicator: '绿色建材应用比例', value: 60, year: null }, { indicator: '新建绿色建筑占比', value: 100, year: 2027, year_inferred: true }] }),
      synthPlan({ jurisdiction: '乙区' }),
    ], { vocabulary });
    expect(r.gaps[0]?.targets_without_year).toEqual([
      { indicator: '绿色建材应用比例', line: 5, year: null }, { indicator: '新建绿色建筑占比', line: 5, year: 2027 },
    ]);
  });

  it('classifies 专栏 items one by one and reports the box', () => {
    const r = comparePlans([
      synthPlan({ jurisdiction: '甲区', columns: [{ number: 3, title: '质量基础设施能力提升工程', items: ['加强产业计量测试服务', '其他'] }] }),
      synthPlan({ jurisdiction: '乙区' }),
    ], { vocabulary });
    expect(r.themes.find((t) => t.id === 'metrology')?.plans['甲区']?.items).toEqual(['column:3']);
    expect(r.items['甲区']?.map((i) => i.id)).toEqual(['column:3.1', 'column:3.2']);
  });
});

describe('similarity index', () => {
  it('finds the same best matches as comparing all pairs', async () => {
    const plans = await seedPlans();
    const docs = plans.flatMap((p, g) => p.tasks.map((t) => ({ group: g, parts: [{ text: t.title, weight: 2 }, { text: t.text, weight: 1 }] })));
    const index = new SimilarityIndex(docs);
    for (let d = 0; d < docs.length; d += 7) {
      const fast = index.bestPerGroup(d);
      for (let g = 0; g < plans.length; g++) {
        if (g === docs[d]?.group) continue;
        let best = { doc: -1, score: 0 };
        docs.forEach((o, i) => {
          if (o.group !== g) return;
          const s = index.cosine(d, i);
          if (s > best.score + 1e-12) best = { doc: i, score: s };
        });
        expect(fast.get(g)?.doc ?? -1).toBe(best.doc);
        expect(fast.get(g)?.score ?? 0).toBeCloseTo(best.score, 9);
      }
    }
  });
});

describe('scale', () => {
  it('compares 100 plans in seconds, not minutes (inverted indexes, no all-pairs)', async () => {
    const vocabulary = await defaultVocabulary();
    const seeds = await seedPlans();
    const many = Array.from({ length: 100 }, (_, i) => ({ plan: seeds[i % seeds.length] as NonNullable<(typeof seeds)[number]>, label: `P${i}` }));
    const t0 = performance.now();
    const r = comparePlans(many, { vocabulary });
    const ms = performance.now() - t0;
    expect(r.alignments).toHaveLength(many.reduce((n, m) => n + m.plan.tasks.length, 0));
    // copies of the same plan find each other with the highest score
    expect(r.alignments.find((a) => a.plan === 'P0' && a.task === '17')?.counterparts['P4']).toMatchObject({ task: '17' });
    expectWithin(ms, 20_000);
  }, 60_000);
});

describe('architecture', () => {
  it('keeps src/compare pure: no cli, no node: modules, no process', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const f of readdirSync('src/compare').filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(`src/compare/${f}`, 'utf8');
      expect(text, f).not.toMatch(/from ['"](?:node:|fs|path|\.\.\/cli\/)/);
      expect(text, f).not.toMatch(/\bprocess\./);
      expect(text, f).not.toMatch(/from ['"](?:chalk|cli-table3)/);
    }
  });
  it('uses chalk and cli-table3 only in src/cli/render', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync('src/cli/commands/compare.ts', 'utf8')).not.toMatch(/from ['"](?:chalk|cli-table3|yaml|playwright)/);
  });
});

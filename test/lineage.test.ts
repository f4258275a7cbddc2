/**
 * `qplan lineage`: the acceptance expectations on the seeds (written from reading the texts), text reuse on a plan
 * built by copying a seed's tasks with small edits, and unrelated plans sharing no copied task.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineagePlans } from '../src/lineage/lineage.js';
import { DEFAULT_REFERENCES_URL, readReferences } from '../src/lineage/references.js';
import type { LineagePlan, LineageResult, Reference } from '../src/lineage/types.js';
import type { Plan } from '../src/model.js';
import type { Vocabulary } from '../src/compare/types.js';
import { defaultVocabulary, seedPlan } from './compare.helpers.js';

const JIANGBEI = '000_3c93fe66f1b042f6';
const YUZHONG = '001_85cde96d376fc1c9';
const CHONGQING = '002_9e05ded875b6d85d';
const SUQIAN = '003_d34b9a5638ecd82e';
const DONGLI = '004_59faef078171ecef';

let vocabulary: Vocabulary;
let references: Reference[];
let seeds: Record<string, Plan>;
let all: LineageResult;

const plan = (r: LineageResult, label: string): LineagePlan => {
  const p = r.plans.find((x) => x.label === label);
  if (!p) throw new Error(`no plan ${label}`);
  return p;
};
const target = (p: LineagePlan, indicator: string) => {
  const t = p.targets.find((x) => x.indicator === indicator);
  if (!t) throw new Error(`${p.label}: no target ${indicator} (has ${p.targets.map((x) => x.indicator).join('、')})`);
  return t;
};

beforeAll(async () => {
  vocabulary = await defaultVocabulary();
  references = await readReferences(readFileSync(fileURLToPath(DEFAULT_REFERENCES_URL), 'utf8'), 'references.yaml');
  seeds = Object.fromEntries(await Promise.all([JIANGBEI, YUZHONG, CHONGQING, SUQIAN, DONGLI].map(async (s) => [s, await seedPlan(s)] as const)));
  all = lineagePlans(Object.values(seeds), { vocabulary, references });
}, 60_000);

describe('targets against the parent (seeds, built-in references)', () => {
  it('东丽区: 制造业产品质量合格率 95% (2025) is tighter than the national 94%', () => {
    const p = plan(all, '东丽区');
    expect(p.parent).toBe('quality-power-2023');
    expect(target(p, '制造业产品质量合格率')).toMatchObject({ value: 95, year: 2025, parent_value: 94, parent_year: 2025, relation: 'tighter', note: null });
  });
  it('宿迁市: 农产品质量安全例行监测合格率 98% (2025) is the same as the national 98%', () => {
    const p = plan(all, '宿迁市');
    expect(p.parent).toBe('quality-power-2023');
    expect(target(p, '地产农产品质量安全例行监测合格率')).toMatchObject({
      indicator_id: 'agri-monitoring-pass-rate', value: 98, year: 2025, parent_value: 98, parent_year: 2025, relation: 'same',
      parent_quote: '农产品质量安全例行监测合格率和食品抽检合格率均达到98%以上',
    });
    // the 纲要's own words: matched by name, and 97% is looser than 98%
    expect(target(p, '食品抽检合格率')).toMatchObject({ value: 97, parent_value: 98, relation: 'looser' });
  });
  it('重庆市 2012: its 96% and its 30% are the same as the 2011 纲要\'s', () => {
    const p = plan(all, '重庆市');
    expect(p.parent).toBe('quality-development-2011');
    expect(target(p, '本地主要农产品质量安全监测合格率')).toMatchObject({ value: 96, year: 2015, parent_value: 96, parent_year: 2015, relation: 'same' });
    expect(target(p, '农业标准化生产普及率')).toMatchObject({ value: 30, comparator: '>', parent_value: 30, parent_comparator: '>', relation: 'same' });
  });
  it('江北区: 98.3% for 2027 is tighter than the national 98% for 2025, with a note that the years differ', () => {
    const p = plan(all, '江北区');
    // the 重庆市 plan given is of 2012 and ran to 2020: not the parent of a plan of 2023
    expect(p.parent).toBe('quality-power-2023');
    expect(p.parent_note).toMatch(/not in force/);
    const t = target(p, '农产品质量安全例行监测合格率');
    expect(t).toMatchObject({ value: 98.3, year: 2027, parent_value: 98, parent_year: 2025, relation: 'tighter' });
    expect(t.note).toMatch(/years differ: 2027 against 2025/);
  });
  it('a plan given is the parent when it is of the named jurisdiction, a level up and in force', () => {
    const district = { ...seeds[JIANGBEI], meta: { ...seeds[JIANGBEI]!.meta, signed: '2014-01-01', published: null, horizon_years: [2015] } } as Plan;
    const r = lineagePlans([seeds[CHONGQING]!, district], { vocabulary, references });
    expect(plan(r, '江北区')).toMatchObject({ parent: '重庆市', parent_kind: 'plan' });
  });
  it('a user reference for a jurisdiction is the parent of plans that name it', () => {
    const province: Reference = {
      id: 'province-x', document: '省质量强省建设实施方案', issuer: null, year: 2023, period: [2023, 2030], level: 'province', jurisdiction: '江苏省',
      targets: [{ indicator: '农产品质量安全例行监测合格率', value: 98.5, unit: '%', comparator: '>=', year: 2025, quote: '农产品质量安全例行监测合格率达到98.5%' }],
    };
    const r = lineagePlans([seeds[SUQIAN]!], { vocabulary, references: [...references, province] });
    const p = plan(r, '宿迁市');
    expect(p.parent).toBe('province-x');
    expect(target(p, '地产农产品质量安全例行监测合格率')).toMatchObject({ relation: 'looser', parent_value: 98.5 });
  });
});

describe('text reuse', () => {
  const CLAUSE_OUT = '严防严控药品安全风险,构建药品和疫苗全生命周期管理机制。';
  const CLAUSE_IN = '组建县级工程质量巡查队伍,每季度开展一次全覆盖交叉检查,检查结果向社会公开。';
  let copy: Plan;
  let r: LineageResult;
  beforeAll(() => {
    const city = seeds[SUQIAN]!;
    const text = (id: string) => city.tasks.find((t) => t.id === id)!.text;
    const edited = [
      // place names and numbers changed
      { id: '1', title: '抓好生产制造领域质量提升', text: text('3').replace(/我市/g, '我县').replace('20条', '12条').replace('6+3+X', '4+2+X') },
      // one clause removed
      { id: '2', title: '抓好食品药品领域质量提升', text: text('2').replace(CLAUSE_OUT, '') },
      // one clause added
      { id: '3', title: '抓好工程建设领域质量提升', text: text('4').replace('。持续加强', `。${CLAUSE_IN}持续加强`) },
      // the county's own
      { id: '4', title: '发展花木产业', text: '依托花木之乡的产业基础,建设苗木交易中心和电商直播基地,培育花木经纪人队伍,办好花木博览会,擦亮花木产业金字招牌。' },
    ];
    expect(edited[1]!.text).not.toContain(CLAUSE_OUT);
    expect(edited[2]!.text).toContain(CLAUSE_IN);
    copy = {
      ...city,
      source: { ...city.source, path: 'county.yaml' },
      meta: { ...city.meta, title: '沭阳县质量强县建设实施方案', jurisdiction: '沭阳县', level: 'county', parent: '宿迁市', signed: '2024-05-01' },
      tasks: edited.map((t, k) => ({ ...city.tasks[0]!, ...t, line: 10 + k })),
      targets: [],
    } as Plan;
    r = lineagePlans([city, copy], { vocabulary, references });
  });

  it('finds the parent and reports each task\'s status, source and share', () => {
    const p = plan(r, '沭阳县');
    expect(p.parent).toBe('宿迁市');
    const byId = Object.fromEntries(p.tasks.map((t) => [t.id, t]));
    expect(byId['1']).toMatchObject({ status: 'copied', source_plan: '宿迁市', source_task: '3', source_role: 'parent' });
    expect(byId['1']!.copied_share).toBeGreaterThan(0.9);
    expect(byId['2']).toMatchObject({ status: 'copied', source_task: '2' });
    expect(byId['2']!.copied_share).toBeGreaterThan(0.9);
    // the added clause is not copied: the share drops by about its length
    const t3 = byId['3']!;
    expect(t3).toMatchObject({ status: 'copied', source_task: '4' });
    const expected = 1 - CLAUSE_IN.length / t3.text.length;
    expect(Math.abs(t3.copied_share - expected)).toBeLessThan(0.06);
    expect(byId['4']).toMatchObject({ status: 'new' });
    expect(byId['4']!.source_role === 'parent' ? byId['4']!.copied_share : 0).toBeLessThan(0.3);
    expect(p.copied_from_parent).toBeGreaterThan(0.6);
    expect(p.copied_from_siblings).toBe(0);
  });

  it('spans point at the same words in both texts', () => {
    const p = plan(r, '沭阳县');
    for (const t of p.tasks.filter((x) => x.status === 'copied')) {
      expect(t.spans.length).toBeGreaterThan(0);
      for (const s of t.spans) {
        expect(s.start).toBeLessThan(s.end);
        expect(s.end).toBeLessThanOrEqual(t.text.length);
        expect(s.source_end).toBeLessThanOrEqual(t.source_text!.length);
        // aligned stretches start on the same character (alignments start on a match)
        const a = t.text.slice(s.start, s.start + 2);
        const b = t.source_text!.slice(s.source_start, s.source_start + 2);
        if (!/[\d我]/.test(a + b)) expect(a).toBe(b);
      }
    }
    // the source text on both sides of the clause removed is aligned
    const t2 = p.tasks.find((t) => t.id === '2')!;
    const cut = t2.source_text!.indexOf(CLAUSE_OUT);
    expect(cut).toBeGreaterThan(0);
    expect(t2.spans.some((s) => s.source_start < cut)).toBe(true);
    expect(t2.spans.some((s) => s.source_end > cut + CLAUSE_OUT.length)).toBe(true);
    // the clause added is inside no aligned stretch's identical characters: its matched count leaves it out
    const t3 = p.tasks.find((t) => t.id === '3')!;
    const sum = t3.spans.reduce((n, s) => n + s.matched, 0);
    expect(sum).toBeLessThanOrEqual(t3.text.replace(/\s+/g, '').length - CLAUSE_IN.length + 2);
  });

  it('a seed compared with an unrelated plan shows no copied task', () => {
    for (const [a, b] of [[DONGLI, CHONGQING], [SUQIAN, CHONGQING], [JIANGBEI, DONGLI], [SUQIAN, DONGLI]] as const) {
      const u = lineagePlans([seeds[a]!, seeds[b]!], { vocabulary, references });
      for (const p of u.plans) expect(p.tasks.filter((t) => t.status === 'copied').map((t) => `${p.label} ${t.id}`)).toEqual([]);
    }
  });

  it('sibling districts of one city share copied tasks, counted as from siblings', () => {
    const s = lineagePlans([seeds[JIANGBEI]!, seeds[YUZHONG]!], { vocabulary, references });
    const p = plan(s, '江北区');
    expect(p.counts.copied).toBeGreaterThan(0);
    expect(p.copied_from_siblings).toBeGreaterThan(0.05);
    expect(p.tasks.filter((t) => t.status === 'copied').every((t) => t.source_role === 'sibling')).toBe(true);
  });
});

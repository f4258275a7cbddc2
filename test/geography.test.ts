/**
 * The geography of China (src/lexicon/geography.ts): a case table for lookupPlace, resolvePlace and findPlaces, and
 * properties over every table entry (fast-check, seeded).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  allPlaces, findPlaces, geographyStats, lookupPlace, parentOf, resolvePlace, type Level, type Place,
} from '../src/lexicon/geography.js';

const SEED = 20261122;
const brief = (p: Place | null | undefined): string => (p ? `${p.name}|${p.level}|${p.parent ?? '-'}|${p.province}` : 'null');

/** name → the one place it means: full name | level | parent | province. */
const UNIQUE: Array<[string, string]> = [
  ['江西省', '江西省|province|-|江西省'],
  ['江西', '江西省|province|-|江西省'],
  ['北京市', '北京市|province|-|北京市'],
  ['北京', '北京市|province|-|北京市'],
  ['重庆', '重庆市|province|-|重庆市'],
  ['内蒙古', '内蒙古自治区|province|-|内蒙古自治区'],
  ['广西', '广西壮族自治区|province|-|广西壮族自治区'],
  ['西藏', '西藏自治区|province|-|西藏自治区'],
  ['宁夏', '宁夏回族自治区|province|-|宁夏回族自治区'],
  ['新疆', '新疆维吾尔自治区|province|-|新疆维吾尔自治区'],
  ['香港', '香港特别行政区|province|-|香港特别行政区'],
  ['吉林', '吉林省|province|-|吉林省'],
  ['海南', '海南省|province|-|海南省'],
  ['吉林市', '吉林市|city|吉林省|吉林省'],
  ['扬州市', '扬州市|city|江苏省|江苏省'],
  ['扬州', '扬州市|city|江苏省|江苏省'],
  ['东莞市', '东莞市|city|广东省|广东省'],
  ['兴安盟', '兴安盟|city|内蒙古自治区|内蒙古自治区'],
  ['阿克苏地区', '阿克苏地区|city|新疆维吾尔自治区|新疆维吾尔自治区'],
  ['东城区', '东城区|district|北京市|北京市'],
  ['浦东新区', '浦东新区|district|上海市|上海市'],
  ['滨海新区', '滨海新区|district|天津市|天津市'],
  ['碑林区', '碑林区|district|西安市|陕西省'],
  ['石柱县', '石柱土家族自治县|county|重庆市|重庆市'],
  ['石柱土家族自治县', '石柱土家族自治县|county|重庆市|重庆市'],
  ['恩施州', '恩施土家族苗族自治州|city|湖北省|湖北省'],
  ['海南州', '海南藏族自治州|city|青海省|青海省'],
  ['鄂伦春旗', '鄂伦春自治旗|county|呼伦贝尔市|内蒙古自治区'],
  ['鄂温克旗', '鄂温克族自治旗|county|呼伦贝尔市|内蒙古自治区'],
  ['积石山县', '积石山保安族东乡族撒拉族自治县|county|临夏回族自治州|甘肃省'],
  ['昆山市', '昆山市|county|苏州市|江苏省'],
  ['恩施市', '恩施市|county|恩施土家族苗族自治州|湖北省'],
  ['仙桃市', '仙桃市|county|湖北省|湖北省'],
  ['神农架林区', '神农架林区|county|湖北省|湖北省'],
  ['六枝特区', '六枝特区|county|六盘水市|贵州省'],
  ['石河子市', '石河子市|county|新疆维吾尔自治区|新疆维吾尔自治区'],
  ['陵水黎族自治县', '陵水黎族自治县|county|海南省|海南省'],
  ['龙胜县', '龙胜各族自治县|county|桂林市|广西壮族自治区'],
  ['博州', '博尔塔拉蒙古自治州|city|新疆维吾尔自治区|新疆维吾尔自治区'],
  ['苏州工业园区', '苏州工业园区|zone|苏州市|江苏省'],
  ['杨凌示范区', '杨凌示范区|zone|陕西省|陕西省'],
  ['杨陵区', '杨陵区|district|咸阳市|陕西省'],
  ['两江新区', '两江新区|zone|重庆市|重庆市'],
  ['雄安新区', '雄安新区|zone|河北省|河北省'],
  ['南沙新区', '南沙新区|zone|广州市|广东省'],
  ['和安县', '和安县|county|和田地区|新疆维吾尔自治区'],
];

describe('lookupPlace', () => {
  it.each(UNIQUE)('%s', (name, expected) => {
    const found = lookupPlace(name);
    expect(found.map(brief)).toEqual([expected]);
  });
  it('returns every place of a repeated name', () => {
    expect(lookupPlace('朝阳区').map(brief).sort()).toEqual(['朝阳区|district|北京市|北京市', '朝阳区|district|长春市|吉林省']);
    expect(lookupPlace('鼓楼区')).toHaveLength(4);
    expect(lookupPlace('恩施').map((p) => p.level).sort()).toEqual(['city', 'county']);
  });
  it('knows no pseudo-level and no one-character stem', () => {
    for (const name of ['市辖区', '县', '省直辖县级行政区划', '城', '矿', '', '市场', '上海浦东']) expect(lookupPlace(name), name).toEqual([]);
  });
  it('gives codes in six digits, and none to hand-kept zones', () => {
    expect(lookupPlace('北京市')[0]?.code).toBe('110000');
    expect(lookupPlace('扬州市')[0]?.code).toBe('321000');
    expect(lookupPlace('东城区')[0]?.code).toBe('110101');
    expect(lookupPlace('两江新区')[0]?.code).toBe('');
  });
});

describe('resolvePlace', () => {
  it.each([
    ['朝阳区', '吉林省长春市朝阳区人民政府关于印发质量强区建设实施方案的通知', '朝阳区|district|长春市|吉林省'],
    ['朝阳区', '长春朝阳区市场监管局', '朝阳区|district|长春市|吉林省'],
    ['朝阳区', '北京市朝阳区人民政府', '朝阳区|district|北京市|北京市'],
    ['朝阳区', '吉林省质量强省建设工作要求', '朝阳区|district|长春市|吉林省'],
    ['鼓楼区', '徐州市鼓楼区 江苏省', '鼓楼区|district|徐州市|江苏省'],
    ['朝阳', '', '朝阳市|city|辽宁省|辽宁省'],
    ['恩施', '', '恩施土家族苗族自治州|city|湖北省|湖北省'],
    ['扬州市', '', '扬州市|city|江苏省|江苏省'],
  ])('%s in %s', (name, context, expected) => {
    expect(brief(resolvePlace(name, context))).toBe(expected);
  });
  it('returns null rather than guess between equal candidates', () => {
    expect(resolvePlace('朝阳区', '')).toBeNull();
    expect(resolvePlace('朝阳区', '朝阳区人民政府')).toBeNull();
    expect(resolvePlace('鼓楼区', '江苏省')).toBeNull();
    expect(resolvePlace('无此地', '北京市')).toBeNull();
  });
});

/** text → the surfaces found, each with its candidates' parents. */
const FIND: Array<[string, string[]]> = [
  ['中共江西省委 江西省人民政府关于深化质量强省建设的实施意见', ['江西省<-', '江西省<-']],
  ['市场监管局', []],
  ['区市场监管局、区发展改革委按职责分工负责', []],
  ['中山市场监管部门', []],
  ['中山市市场监督管理局', ['中山市<广东省']],
  ['推动沿海城市质量提升', []],
  ['统筹区域协调发展，加快县域经济', []],
  ['推进主城区和老城区改造', []],
  ['洛阳市老城区人民政府', ['洛阳市<河南省', '老城区<洛阳市']],
  ['长春市朝阳区人民政府', ['长春市<吉林省', '朝阳区<长春市']],
  ['朝阳区人民政府', ['朝阳区<北京市,长春市']],
  ['重庆市石柱县、恩施州和湘西州', ['重庆市<-', '石柱县<重庆市', '恩施州<湖北省', '湘西州<湖南省']],
  ['江苏省扬州市宝应县', ['江苏省<-', '扬州市<江苏省', '宝应县<扬州市']],
  ['两江新区管委会', ['两江新区<重庆市']],
  ['江西、广西和内蒙古', []],
];

describe('findPlaces', () => {
  const show = (text: string, stems = false): string[] =>
    findPlaces(text, { provinceStems: stems }).map((m) => `${m.surface}<${m.place.map((p) => p.parent ?? '-').join(',')}`);
  it.each(FIND)('%s', (text, expected) => {
    expect(show(text)).toEqual(expected);
  });
  it('finds bare province names only when asked', () => {
    expect(show('江西、广西和内蒙古', true)).toEqual(['江西<-', '广西<-', '内蒙古<-']);
    expect(show('浙江西部', true)).toEqual(['浙江<-']);
  });
  it('reports spans into the text', () => {
    const text = '关于印发《扬州市质量强市建设实施方案》的通知';
    for (const m of findPlaces(text)) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });
});

const RANK: Record<Level, number> = { province: 0, city: 1, zone: 2, district: 2, county: 2 };
const places = allPlaces();

describe('every place', () => {
  it('the table holds 34 provinces, 333 prefectures and some 2,970 county-level units', () => {
    const count = (l: Level): number => places.filter((p) => p.level === l).length;
    expect(count('province')).toBe(34);
    expect(count('city')).toBe(333);
    expect(count('district') + count('county')).toBeGreaterThan(2800);
    expect(geographyStats().places).toBe(places.length);
  });
  it('each one is found by its own name (all of them)', () => {
    const missing = places.filter((p) => !lookupPlace(p.name).includes(p)).map((p) => p.name);
    expect(missing).toEqual([]);
  });
  test.prop([fc.constantFrom(...places)], { seed: SEED, numRuns: 2000 })('is found by its own name', (p) => {
    expect(lookupPlace(p.name)).toContain(p);
  });
  test.prop([fc.constantFrom(...places)], { seed: SEED, numRuns: 2000 })('has a parent chain that ends at its province', (p) => {
    let at: Place = p;
    for (let up = parentOf(at); up; up = parentOf(at)) {
      expect(up.name).toBe(at.parent);
      expect(RANK[up.level], `${at.name} under ${up.name}`).toBeLessThan(RANK[at.level]);
      at = up;
    }
    expect(at.level).toBe('province');
    expect(at.parent).toBeNull();
    expect(at.name).toBe(p.province);
  });
  test.prop([fc.constantFrom(...places.filter((p) => !['城区', '郊区', '矿区', '新城区', '老城区'].includes(p.name)))], { seed: SEED, numRuns: 2000 })(
    'is found by findPlaces in a title',
    (p) => {
      const text = `关于印发《${p.name}质量强区建设实施方案》的通知`;
      const hit = findPlaces(text).find((m) => m.start === 5);
      expect(hit?.surface).toBe(p.name);
      expect(hit?.place).toContain(p);
    },
  );
});

describe('the precomputed index (geography-index.json, `npm run geography`)', () => {
  it('loads the same geography as the build from divisions.json and the hand-kept lists', async () => {
    const { buildGeography } = await import('../src/lexicon/geography-data.js');
    const { geographyFromIndex } = await import('../src/lexicon/geography-load.js');
    const { default: index } = await import('../src/lexicon/geography-index.json');
    const built = buildGeography();
    const loaded = geographyFromIndex(index as never);
    // a stale index (hand-kept data edited without `npm run geography`) fails here
    expect(loaded.places).toEqual(built.places);
    expect(loaded.places.every((p) => Object.isFrozen(p))).toBe(true);
    const at = new Map(loaded.places.map((p, i) => [p, i]));
    const bt = new Map(built.places.map((p, i) => [p, i]));
    const shape = (g: typeof built | typeof loaded, pos: Map<unknown, number>) => ({
      names: [...g.byName].map(([k, e]) => [k, e.surface, e.stem, e.generic, e.places.map((p) => pos.get(p))]),
      parents: g.places.map((p) => pos.get(g.parentOf.get(p)) ?? -1),
      namesOf: g.places.map((p) => g.namesOf(p)),
    });
    expect(shape(loaded, at)).toEqual(shape(built, bt));
  });
});

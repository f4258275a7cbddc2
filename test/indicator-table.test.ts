/**
 * Indicator tables: what a header cell says its column holds, and what a value cell says. Case tables, then the
 * row reader over a few header shapes plans print.
 */
import { describe, expect, it } from 'vitest';
import { columnRoles, readValueCell, tableTargets } from '../src/extract/indicator-table.js';
import { maySpanFlattened, mergeSubHeader } from '../src/extract/table-header.js';

describe('value cells', () => {
  const cases: Array<[string, { value: number; unit: string | null; comparator: string } | null]> = [
    ['15', { value: 15, unit: null, comparator: '>=' }],
    ['98%', { value: 98, unit: '%', comparator: '>=' }],
    ['98％', { value: 98, unit: '%', comparator: '>=' }],
    ['≥95', { value: 95, unit: null, comparator: '>=' }],
    ['＞94%', { value: 94, unit: '%', comparator: '>' }],
    ['≤0.5', { value: 0.5, unit: null, comparator: '<=' }],
    ['2.0以上', { value: 2, unit: null, comparator: '>=' }],
    ['98%以上', { value: 98, unit: '%', comparator: '>=' }],
    ['3.5左右', { value: 3.5, unit: null, comparator: '=' }],
    ['20个', { value: 20, unit: '个', comparator: '>=' }],
    ['1.2万家', { value: 1.2, unit: '万家', comparator: '>=' }],
    [' 96 % ', { value: 96, unit: '%', comparator: '>=' }],
    ['预期性', null],
    ['—', null],
    ['/', null],
    ['待定', null],
    ['', null],
    ['95-98', null],
    ['达到全省先进水平', null],
    ['2025年', null],
    // a total over the plan's period is printed in square brackets
    ['[30]', { value: 30, unit: null, comparator: '>=' }],
    // comparator words as in running text
    ['不少于1000', { value: 1000, unit: null, comparator: '>=' }],
    ['控制在0.5以内', { value: 0.5, unit: null, comparator: '<=' }],
    ['超过60%', { value: 60, unit: '%', comparator: '>' }],
    ['提高2个百分点', null],
    ['【20】', { value: 20, unit: null, comparator: '>=' }],
  ];
  for (const [cell, want] of cases) it(JSON.stringify(cell), () => expect(readValueCell(cell)).toEqual(want));
});

describe('header roles', () => {
  const cases: Array<[string, string | null]> = [
    ['序号', 'seq'], ['指标名称', 'name'], ['指标', 'name'], ['单位', 'unit'], ['计量单位', 'unit'],
    ['2022年(基期)', 'base'], ['基期值', 'base'], ['2020年现状', 'base'], ['2025年(目标)', 'target'], ['2025年', 'target'],
    ['目标值', 'target'], ['2027年目标值', 'target'], ['属性', 'attribute'], ['指标属性', 'attribute'], ['类别', 'category'],
    ['责任单位', 'agency'], ['牵头部门', 'agency'], ['备注', 'note'], ['', null],
  ];
  for (const [h, want] of cases) it(JSON.stringify(h), () => expect(columnRoles([h])[0]).toBe(want));
});

describe('rows', () => {
  const text = (s: string) => s;
  it('takes the target-year column, not the base year, the unit column or the 属性', () => {
    const got = tableTargets(['序号', '指标名称', '单位', '2023年(基期)', '2027年(目标)', '属性'], [['1', '合格率', '%', '93.5', '≥95', '约束性']], text, null, 2027);
    expect(got.map((r) => [r.nameCell, r.value, r.year, r.unitCell])).toEqual([['合格率', { value: 95, unit: null, comparator: '>=' }, 2027, '%']]);
  });
  it('reads a bare year before the goal year as a base value', () => {
    const got = tableTargets(['序号', '指标', '2020年', '2025年'], [['1', '合格率(%)', '93', '95']], text, null, 2025);
    expect(got.map((r) => [r.value.value, r.year])).toEqual([[95, 2025]]);
  });
  it('gives one target per target year', () => {
    const got = tableTargets(['序号', '指标', '2025年目标', '2027年目标'], [['1', '专利(件)', '10', '12']], text, null, 2025);
    expect(got.map((r) => [r.value.value, r.year])).toEqual([[10, 2025], [12, 2027]]);
  });
  it('aligns a row whose merged category cell was printed only in the first row of its group', () => {
    const got = tableTargets(['类别', '序号', '指标', '2025年'], [['产品', '1', 'A率', '90'], ['2', 'B率', '80']], text, null, 2025);
    expect(got.map((r) => [r.nameCell, r.value.value])).toEqual([['A率', 90], ['B率', 80]]);
  });
  it('falls back to the last cell when the header names no value column', () => {
    const got = tableTargets(['序号', '', '指标数据'], [['1', '普及率', '30%'], ['2', '说明文字', '较大提升']], text, 2015, null);
    expect(got.map((r) => [r.nameCell, r.value.value, r.year])).toEqual([['普及率', 30, 2015]]);
  });
  it('reads nothing from a row of words', () => {
    expect(tableTargets(['序号', '项目', '建设单位'], [['1', '计量中心', '市质监局']], text, null, null)).toEqual([]);
  });
});

describe('a header over two rows', () => {
  it('puts the years of the second row in place of the cell that spans them', () => {
    expect(mergeSubHeader(['序号', '指标名称', '单位', '2022年', '目标值', '属性'], ['2025年', '2030年'], 7))
      .toEqual(['序号', '指标名称', '单位', '2022年', '2025年目标值', '2030年目标值', '属性']);
    expect(mergeSubHeader(['序号', '指标', '单位', '指标值', '属性'], ['2022年(基期)', '2025年'], 6))
      .toEqual(['序号', '指标', '单位', '2022年(基期)', '2025年', '属性']);
  });
  it('leaves a first data row, a row of another width and a header with no spanning cell alone', () => {
    expect(mergeSubHeader(['序号', '指标名称', '单位', '目标值'], ['1', '合格率', '%', '95'], 4)).toBeNull();
    expect(mergeSubHeader(['序号', '指标名称', '单位', '2022年', '目标值', '属性'], ['2025年', '2030年'], 6)).toBeNull();
    expect(mergeSubHeader(['序号', '指标名称', '单位', '2022年', '属性'], ['2025年', '2030年'], 6)).toBeNull();
  });
  it('sees a flattened header that may end with its second row', () => {
    expect(maySpanFlattened(['序号', '指标名称', '单位', '2022年', '目标值', '属性', '2025年', '2030年'])).toBe(true);
    expect(maySpanFlattened(['序号', '指标名称', '单位', '2022年', '2025年'])).toBe(false);
  });
});

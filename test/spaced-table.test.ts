/**
 * Tables copied as text with their cells parted by spaces or tabs (src/adapters/spaced-table.ts): the header line
 * decides, rows follow while they split alike, a name with spaces inside keeps them, and prose never passes. And lines
 * wrapped whole in emphasis marks (src/adapters/emphasis.ts).
 * Places are made up.
 */
import { describe, expect, it } from 'vitest';
import { fromText } from '../src/adapters/text.js';
import { spacedTables } from '../src/adapters/spaced-table.js';

const blocks = (text: string) => spacedTables(fromText(text));
const cells = (text: string) => blocks(text).map((b) => (b.type === 'row' ? (b.cells ?? []).map((c) => c.text) : b.text));

describe('spaced tables', () => {
  it('a header of column names and the rows under it become rows, each cell at its own offset', () => {
    const text = '主要指标：\n序号 指标名称 单位 2022年 2025年 属性\n1 制造业产品质量合格率 % 93.5 ≥95 预期性\n2 有效注册商标总量 万件 12.6 16 预期性\n二、重点任务';
    expect(cells(text)).toEqual([
      '主要指标：',
      ['序号', '指标名称', '单位', '2022年', '2025年', '属性'],
      ['1', '制造业产品质量合格率', '%', '93.5', '≥95', '预期性'],
      ['2', '有效注册商标总量', '万件', '12.6', '16', '预期性'],
      '二、重点任务',
    ]);
    const row = blocks(text)[2];
    for (const c of row?.cells ?? []) expect(text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
  });

  it('tabs and ideographic spaces part cells too', () => {
    expect(cells('指标\t单位\t目标值\n合格率\t%\t95')).toEqual([['指标', '单位', '目标值'], ['合格率', '%', '95']]);
    expect(cells('指标　单位　目标值\n合格率　%　95')).toEqual([['指标', '单位', '目标值'], ['合格率', '%', '95']]);
  });

  it('a row with more pieces than the header gives the surplus to its name cell', () => {
    expect(cells('序号 指标名称 单位 2025年\n1 每万人口 高价值发明专利拥有量 件 3')[1]).toEqual(['1', '每万人口 高价值发明专利拥有量', '件', '3']);
  });

  it('a 重点任务分工表 header (序号, a task column, agency columns, a due date) is a table header too', () => {
    const text = '序号 重点任务 牵头单位 配合单位 完成时限\n1 提升现代农业质量 区农业农村局 区市场监管局、区林业局 2027年\n2 强化质量 安全监管 区市场监管局 区公安分局等 持续推进';
    expect(cells(text)).toEqual([
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '提升现代农业质量', '区农业农村局', '区市场监管局、区林业局', '2027年'],
      ['2', '强化质量 安全监管', '区市场监管局', '区公安分局等', '持续推进'],
    ]);
    // without a task column, or with a column it does not know, it is no 分工表
    expect(cells('序号 牵头单位 配合单位\n1 区农业农村局 区林业局')).toEqual(['序号 牵头单位 配合单位', '1 区农业农村局 区林业局']);
    expect(cells('序号 重点任务 牵头单位 资金规模\n1 提升农业质量 区农业农村局 300万元')).toEqual(['序号 重点任务 牵头单位 资金规模', '1 提升农业质量 区农业农村局 300万元']);
  });

  it('the rows end at the first line that splits otherwise', () => {
    expect(cells('指标 单位 2025年\n合格率 % 95\n注：以上 为预期值\n满意度 分 85')).toEqual([['指标', '单位', '2025年'], ['合格率', '%', '95'], '注：以上 为预期值', '满意度 分 85']);
  });

  it('prose, page chrome and a header with no row under it stay paragraphs', () => {
    for (const text of [
      '发布时间：2023-08-28 信息来源：市政府办公室 浏览次数：12\n1 2 3',
      '字号 大 中 小\n1 2 3',
      '指标名称 单位 2025年\n二、重点任务',
      '到2025年 制造业产品质量合格率 达到95%以上 农产品 质量\n一 二 三 四 五',
      '责任单位 市市场监管局 市发展改革委\n1 2 3',
    ]) expect(blocks(text).every((b) => b.type === 'para'), text).toBe(true);
  });
});

describe('emphasis marks around a whole line', () => {
  it('a line wrapped whole in ** or __ is read without the marks, at its own offset; inline emphasis stays', async () => {
    const { plainEmphasis } = await import('../src/adapters/emphasis.js');
    const text = '**某市质量强市建设行动方案**\n__一、主要目标__\n到2025年，**产品质量方面**，合格率达到92%。\n**a**b**';
    const out = plainEmphasis(fromText(text));
    expect(out.map((b) => b.text)).toEqual(['某市质量强市建设行动方案', '一、主要目标', '到2025年，**产品质量方面**，合格率达到92%。', '**a**b**']);
    expect(text.slice(out[0]?.offset, (out[0]?.offset ?? 0) + 3)).toBe('某市质');
  });
});

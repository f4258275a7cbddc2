/** PDFs as office tools draw them (LibreOffice's export, Chromium's print of a page's tables), on synthetic pages. */
import { describe, expect, it } from 'vitest';
import { fromPdfPages } from '../src/adapters/pdf.js';
import type { PdfItem, PdfPage } from '../src/adapters/pdf-layout.js';

const page = (items: PdfItem[]): PdfPage => ({ width: 595, height: 842, items });
const at = (str: string, x: number, y: number, w: number, size = 10): PdfItem => ({ str, x, y, w, size });

describe('LibreOffice: marks set in the Western font inside a CJK run', () => {
  it('a quote drawn into the hole the run left for it is read in its place, and the line stays one paragraph', () => {
    // as pdf.js reads LibreOffice's PDF of `…98.5%以上，新增“好品山东”品牌50个，…`: the run carries a space at each
    // quote, the quotes come as items of their own inside the run, with space items over the holes
    const y = 674.7;
    const items = [
      at('格率达到', 56.8, y, 40), at(' ', 96.8, y, 2), at('95%', 98.8, y, 18), at('以上，农产品质量安全监测合格率稳定在', 116.8, y, 180),
      at(' ', 296.8, y, 2), at('98.5%', 298.8, y, 30), at(' ', 328.8, y, 50), at('“', 378.8, y, 6), at(' ', 384.8, y, 40), at('”', 424.8, y, 6),
      at('以上，新增 好品山东 品牌', 328.8, y, 122), at(' ', 450.8, y, 2), at('50', 452.8, y, 12), at(' ', 464.8, y, 2), at('个，主导制修订', 466.8, y, 70),
    ];
    const out = fromPdfPages([page(items)]);
    expect(out.blocks.map((b) => [b.type, b.text])).toEqual([['para', '格率达到 95%以上，农产品质量安全监测合格率稳定在 98.5%以上，新增“好品山东”品牌 50 个，主导制修订']]);
  });
  it('a run with a typed space and no mark over it keeps its space', () => {
    const out = fromPdfPages([page([at('中共某市委 某市人民政府', 100, 700, 115)])]);
    expect(out.blocks.map((b) => b.text)).toEqual(['中共某市委 某市人民政府']);
  });
});

describe('Chromium: a page table printed with little padding', () => {
  it('cells no further apart than a space are parted where the other rows start their columns', () => {
    // 42's indicator table as Chromium prints it: 3 points between 序号 and 指标, between the name and its unit
    const row = (y: number, cells: Array<[string, number]>) => cells.flatMap(([s, x], i) => {
      const w = [...s].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 6 : 12), 0);
      const next = cells[i + 1];
      return next ? [at(s, x, y, w, 12), at(' ', x + w, y, next[1] - x - w + 1, 12)] : [at(s, x, y, w, 12)];
    });
    const items = [
      at('到2025年，全区质量发展水平走在全市前列，主要指标如下：', 36, 360, 324, 12),
      ...row(335, [['序号', 36], ['指标', 63], ['单位', 258], ['基期值（2022年）', 285], ['目标值（2025年）', 384], ['属性', 483]]),
      ...row(316, [['1', 36], ['制造业产品质量合格率', 63], ['%', 258], ['96.2', 285], ['≥97', 384], ['预期性', 483]]),
      ...row(298, [['2', 36], ['全社会研发投入占地区生产总值比重', 63], ['%', 258], ['6.8', 285], ['7', 384], ['预期性', 483]]),
      ...row(279, [['3', 36], ['主导制修订国际标准', 63], ['项', 258], ['52', 285], ['80', 384], ['预期性', 483]]),
    ];
    const out = fromPdfPages([page(items)]);
    expect(out.blocks.map((b) => b.cells?.map((c) => c.text) ?? b.text)).toEqual([
      '到2025年，全区质量发展水平走在全市前列，主要指标如下：',
      ['序号', '指标', '单位', '基期值（2022年）', '目标值（2025年）', '属性'],
      ['1', '制造业产品质量合格率', '%', '96.2', '≥97', '预期性'],
      ['2', '全社会研发投入占地区生产总值比重', '%', '6.8', '7', '预期性'],
      ['3', '主导制修订国际标准', '项', '52', '80', '预期性'],
    ]);
  });
});

describe('LibreOffice: Word automatic numbering exported to PDF', () => {
  it('a number set apart by a tab is one item with its text, and the item takes its wrapped lines', () => {
    // `1.` at the margin, a tab to the text at 85 points; the wrapped line starts at the text's indent
    const long = '产品质量稳步提升。制造业产品质量合格率2025年达到94%，2027年达到95%以上，主要农产品质量安全'; // 48 wide
    const items = [
      at('（二）主要目标', 56.8, 700, 70),
      at('1.', 56.8, 682, 9), at(long.slice(0, 40), 85, 682, 400),
      at(long.slice(40), 85, 664, 80),
      at('2.', 56.8, 646, 9), at('工程质量持续提高。到2025年，城镇新建民用建筑中绿色建筑面积占比达到100%，建筑工程', 85, 646, 400),
      at('竣工验收合格率保持100%。', 85, 628, 120),
      at('3.', 56.8, 610, 9), at('服务质量明显改善。', 85, 610, 90),
    ];
    const out = fromPdfPages([page(items)]);
    expect(out.blocks.map((b) => [b.type, b.text])).toEqual([
      ['para', '（二）主要目标'],
      ['para', `1.${long}`],
      ['para', '2.工程质量持续提高。到2025年，城镇新建民用建筑中绿色建筑面积占比达到100%，建筑工程竣工验收合格率保持100%。'],
      ['para', '3.服务质量明显改善。'],
    ]);
  });
  it('a two-cell row whose first cell is a number without a mark stays a row', () => {
    const out = fromPdfPages([page([at('1', 56.8, 700, 5), at('制造业产品质量合格率', 120, 700, 100), at('1', 56.8, 682, 5), at('食品安全评价性抽检合格率', 120, 682, 120)])]);
    expect(out.blocks.map((b) => b.type)).toEqual(['row', 'row']);
  });
});

describe('LibreOffice: a justified line and a 专栏 number', () => {
  it('a full-width space typed in a letter-spaced line is no cell gap', () => {
    // `【牵头单位】市经信局　【责任单位】…`, justified: 7.5 points between characters, the typed space 16 + 2 × 7.5 wide
    const items = [at('【 牵 头 单 位 】 市 经 信 局', 118.5, 700, 227.4, 16), at(' ', 345.9, 700, 31, 16), at('【 责 任 单 位 】', 376.9, 700, 133.4, 16)];
    const out = fromPdfPages([page(items)]);
    expect(out.blocks.map((b) => [b.type, b.text.replace(/\s/g, '')])).toEqual([['para', '【牵头单位】市经信局【责任单位】']]);
  });
  it('a 专栏 number set apart from its title is one line with it', () => {
    const items = [at('专栏1', 118.5, 700, 42, 16), at('汽车产业质量提升工程', 200.7, 700, 160, 16)];
    const out = fromPdfPages([page(items)]);
    expect(out.blocks.map((b) => [b.type, b.text])).toEqual([['para', '专栏1 汽车产业质量提升工程']]);
  });
});

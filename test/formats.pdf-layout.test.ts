/** The PDF layout on synthetic pages: a browser's print stamps, and the right margin on pages of short lines. */
import { describe, expect, it } from 'vitest';
import { fromPdfPages } from '../src/adapters/pdf.js';
import type { PdfItem, PdfPage } from '../src/adapters/pdf-layout.js';

const SIZE = 12;
/** One item a line, left-aligned at 50, 18 points apart from the top of a 792-point page. */
const line = (str: string, n: number, x = 50): PdfItem => ({ str, x, y: 760 - n * 18, w: str.length * SIZE, size: SIZE });
const page = (items: PdfItem[]): PdfPage => ({ width: 612, height: 792, items });

describe('pdf layout', () => {
  it('drops a browser print header and footer on a single page and keeps the title lines as paragraphs', () => {
    const items = [
      { str: '11/28/26, 6:00 AM', x: 20, y: 780, w: 100, size: 8 }, { str: '01_plan', x: 280, y: 780, w: 40, size: 8 },
      line('中共某省委 某省人民政府', 1, 200), line('关于加快推进质量强省建设的实施意见', 2, 150), line('(2023年1月17日)', 3, 240),
      line('为加快推进质量强省建设,全面提升我省质量总体水平,根据纲要精神,提出如下实施意见。', 4),
      { str: '\ufb01le:///tmp/plan.html', x: 20, y: 12, w: 120, size: 8 }, { str: '1/1', x: 570, y: 12, w: 15, size: 8 },
    ];
    const out = fromPdfPages([page(items)]);
    expect(out.dropped).toBe(2);
    expect(out.blocks.map((b) => [b.type, b.text])).toEqual([
      ['para', '中共某省委 某省人民政府'], ['para', '关于加快推进质量强省建设的实施意见'], ['para', '(2023年1月17日)'], ['para', '为加快推进质量强省建设,全面提升我省质量总体水平,根据纲要精神,提出如下实施意见。'],
    ]);
  });
  it('does not join short lines when most lines of the page are short (a portal link list, metadata)', () => {
    const short = ['外交部', '国防部', '教育部', '科技部', '民政部', '司法部', '财政部', '商务部', '文化和旅游部', '发布机构:市政府办公室', '发文日期:2023-04-17'];
    const long = '某市人民政府办公室关于印发某市质量强市建设行动方案的通知,各县人民政府,开发区管委会,市政府各部门';
    const out = fromPdfPages([page([...short.map((s, i) => line(s, i)), line(long, short.length)])]);
    expect(out.blocks.map((b) => b.text)).toEqual([...short, long]);
  });
  it('joins a line that wrapped before a bracketed number (〔2014〕98号 wraps whole)', () => {
    const full = '某市人民政府办公室关于印发某市质量强市建设行动计划的通知(某市政府办'; // 34 characters: 72 points short of the right margin, too little for 〔2014〕98号
    const items = [
      line(full, 0), line('〔2014〕98号)', 1),
      line('各县(市、区)人民政府,市各有关单位:现将行动计划印发给你们,请认真组织实施。', 3),
      line('为贯彻落实质量发展纲要,推动质量强市建设,全面提升质量总体水平,特制定本计划。', 4),
    ];
    const out = fromPdfPages([page(items)]);
    expect(out.blocks[0]?.text).toBe(`${full}〔2014〕98号)`);
  });
});

describe('pdf layout: labels and titles', () => {
  it('a label spaced out to the width of longer ones (文　　号：) is one cell with its value', () => {
    // each piece two font sizes after the one before it: a cell's gap (1.5) between single characters
    const spaced = (pieces: string[], n: number): PdfItem[] => pieces.map((str, i) => ({ str, x: 50 + i * 3 * SIZE, y: 760 - n * 18, w: str.length * SIZE, size: SIZE }));
    const out = fromPdfPages([page([line('发布机构：市政府办公室', 0), ...spaced(['文', '号：某政办发〔2023〕18号'], 1)])]);
    expect(out.blocks.map((b) => [b.type, b.text])).toEqual([['para', '发布机构：市政府办公室'], ['para', '文号：某政办发〔2023〕18号']]);
    const three = fromPdfPages([page(spaced(['索', '引', '号：000000/2023-01'], 0))]);
    expect(three.blocks.map((b) => [b.type, b.text])).toEqual([['para', '索引号：000000/2023-01']]);
  });
  it('a centred title wrapped before its genre noun or inside its period is one line', () => {
    const big = (str: string, n: number): PdfItem => ({ str, x: 120, y: 760 - n * 30, w: str.length * 20, size: 20 });
    const body = line('为全面贯彻落实《质量强国建设纲要》，加快推进质量强区建设，结合我区实际，制定本方案。', 4);
    expect(fromPdfPages([page([big('某市某区质量强区建设实施', 0), big('方案', 1), body])]).blocks[0]?.text).toBe('某市某区质量强区建设实施方案');
    expect(fromPdfPages([page([big('某市质量强市建设实施方案（2023—2025', 0), big('年）', 1), body])]).blocks[0]?.text).toBe('某市质量强市建设实施方案（2023—2025年）');
    // two headings in a row are not a wrapped title
    expect(fromPdfPages([page([big('一、总体要求', 0), big('（一）主要目标', 1), body])]).blocks.map((b) => b.text).slice(0, 2)).toEqual(['一、总体要求', '（一）主要目标']);
  });
});

describe('pdf layout: a signature that wrapped', () => {
  it('a long joint signature set flush right, its last character on the next line, is one line', () => {
    const right = (str: string, n: number): PdfItem => ({ str, x: 560 - str.length * SIZE, y: 760 - n * 18, w: str.length * SIZE, size: SIZE });
    const body = line('经区政府同意，现将方案印发给你们，请认真组织实施，实施中遇到的问题请径向区市场监管局反映。', 0);
    const out = fromPdfPages([page([body, right('某某区人民政府办公室 某某开发区管委会办公', 2), right('室', 3), right('2023年3月28日', 4)])]);
    expect(out.blocks.map((b) => b.text).slice(1)).toEqual(['某某区人民政府办公室 某某开发区管委会办公室', '2023年3月28日']);
  });

  it('a leading group signature cut before 办公室 is one line, though its first part reads as an issuer too', () => {
    const right = (str: string, n: number): PdfItem => ({ str, x: 560 - str.length * SIZE, y: 760 - n * 18, w: str.length * SIZE, size: SIZE });
    const body = line('现将工作要点印发给你们，请结合实际抓好落实，工作中遇到的问题请及时向领导小组办公室反映。', 0);
    const out = fromPdfPages([page([body, right('某某市质量强市建设工作领导小组', 2), right('办公室', 3), right('2024年3月5日', 4)])]);
    expect(out.blocks.map((b) => b.text).slice(1)).toEqual(['某某市质量强市建设工作领导小组办公室', '2024年3月5日']);
  });
});

describe('pdftotext of a one-page browser print', () => {
  // hard-wrapped at 40 characters, as pdftotext writes a page; the stamps are the browser's header and footer
  const W = '为全面贯彻党的二十大精神,认真落实工作部署,加快建设质量强省,推动高质量发展,提';
  const text = [
    '11/28/26, 6:00 AM', '', 'plan-page', '',
    '某省人民政府办公厅关于印发某省质量强省建设行动方案的通知某政办字〔2023〕5号',
    '发布时间:2024-01-04 19:52:09 来源:某省政府网',
    '各市人民政府,省政府有关部门:《某省质量强省建设行动方案》已经省政府同意,现',
    '某省人民政府办公厅', '2023年3月24日',
    ...Array.from({ length: 6 }, () => [W, W, '高人民群众质量获得感,结合我省实际,制定本行动方案。']).flat(),
    '', 'file:///tmp/plan.html', '', '1/1', '\f',
  ].join('\n');
  it('drops the stamps and starts a paragraph at a metadata label and at a signature', async () => {
    const { fromText } = await import('../src/adapters/text.js');
    const texts = fromText(text).map((b) => b.text);
    expect(texts).not.toContain('11/28/26, 6:00 AM');
    expect(texts.some((t) => t.includes('file://'))).toBe(false);
    expect(texts.some((t) => t.startsWith('发布时间:2024-01-04'))).toBe(true);
    expect(texts).toContain('某省人民政府办公厅');
    expect(texts).toContain('2023年3月24日');
  });
  it('keeps a news byline that starts with its posting time (no print stamp) at the top of a page', async () => {
    const { fromText } = await import('../src/adapters/text.js');
    const byline = '2023-07-12 09:15:02 来源：某日报 责任编辑：某某';
    const texts = fromText([byline, ...text.split('\n').slice(4)].join('\n')).map((b) => b.text);
    expect(texts.some((t) => t.startsWith(byline))).toBe(true);
  });
  it('a short plan of one-line paragraphs: the margin is where wrapped lines start, so an indented 二是 after a page break starts a paragraph', () => {
    const zh = (n: number, end = '。') => '质量'.repeat(n).slice(0, n - 1) + end;
    // most lines are one-line paragraphs indented 2em (x 74); three paragraphs wrap back to the margin (x 50)
    const p1: PdfItem[] = [];
    let n = 0;
    for (let i = 0; i < 6; i++) p1.push(line(`${i + 1}.${zh(20)}`, n++, 74));
    for (let i = 0; i < 3; i++) { p1.push(line(zh(38, '质'), n++, 74), line('建设。', n++, 50)); }
    p1.push(line(`一是${zh(34)}`, n++, 74)); // nearly full: too little room left for the next line's first character
    const p2 = [line(`二是${zh(20)}`, 0, 74), line(`三是${zh(20)}`, 1, 74)];
    const out = fromPdfPages([page(p1), page(p2)]);
    expect(out.blocks.map((b) => b.text.slice(0, 2)).slice(-3)).toEqual(['一是', '二是', '三是']);
  });
  it('a table row whose cells wrap over two lines, the one-line cells centred between them, is one row', () => {
    const pitch = 1.45 * SIZE; // 12pt table text at about 1.4 line spacing
    const at = (str: string, x: number, y: number): PdfItem => ({ str, x, y, w: str.length * SIZE, size: SIZE });
    const y = 600;
    const items = [
      line('附件', 0), line('某县质量强县建设重点任务分工表', 1, 150),
      // header: 序号 and 完成时限 wrap in their narrow columns; the other heads are centred half a line lower
      at('序', 60, y), at('完成时', 480, y),
      at('重点任务', 110, y - pitch / 2), at('牵头单位', 230, y - pitch / 2), at('责任单位', 350, y - pitch / 2),
      at('号', 60, y - pitch), at('限', 480, y - pitch),
      // row 1: the 责任单位 and 完成时限 cells wrap
      at('县林业局、县市场监管', 330, y - 3 * pitch), at('2025年', 480, y - 3 * pitch),
      at('1', 62, y - 3.5 * pitch), at('提升农业质量效益', 100, y - 3.5 * pitch), at('县农业农村局', 225, y - 3.5 * pitch),
      at('局', 390, y - 4 * pitch), at('底', 490, y - 4 * pitch),
    ];
    const rows = fromPdfPages([page(items)]).blocks.filter((b) => b.type === 'row').map((b) => b.cells?.map((c) => c.text));
    expect(rows).toEqual([['序号', '重点任务', '牵头单位', '责任单位', '完成时限'], ['1', '提升农业质量效益', '县农业农村局', '县林业局、县市场监管局', '2025年底']]);
  });
  it('in a row whose cells wrap, cells that fill their columns are parted by the padding between them', () => {
    const pitch = 1.45 * SIZE;
    const at = (str: string, x: number, y: number): PdfItem => ({ str, x, y, w: str.length * SIZE, size: SIZE });
    const y = 600;
    // three full cells side by side, 7 points (0.6 of a font size) apart, each wrapping one character
    const items = [
      at('提高制造业质量水', 100, y), at('县工业和信息化', 203, y), at('县科技局、县市场监管', 294, y),
      at('2', 62, y - pitch / 2), at('持续推进', 430, y - pitch / 2),
      at('平', 140, y - pitch), at('局', 240, y - pitch), at('局', 350, y - pitch),
    ];
    const rows = fromPdfPages([page([line('附件', 0), ...items])]).blocks.filter((b) => b.type === 'row').map((b) => b.cells?.map((c) => c.text));
    expect(rows).toEqual([['2', '提高制造业质量水平', '县工业和信息化局', '县科技局、县市场监管局', '持续推进']]);
  });
});

/**
 * How Word files really look: each case is a quirk of real government .docx files that the reader once got
 * wrong (found by rendering the devset with scripts/render-docx.mjs). The place names are made up.
 */
import { describe, expect, it } from 'vitest';
import { fromDocx } from '../src/adapters/docx.js';
import { extractPlan } from '../src/pipeline.js';
import { docxOf, p } from './support/docx-build.js';

const lines = async (bytes: Uint8Array) => (await fromDocx(bytes)).text.split('\n').filter((l) => l !== '');

/** A text box as Word 2010+ writes it: DrawingML for new readers, the same box as VML for old ones. */
const textBox = (inner: string) => `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
const levels = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>';
const numPr = (ilvl: number, numId = 1) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

describe('DOCX as Word writes it', () => {
  it('reads a text box once, after the paragraph it is anchored in (mc:AlternateContent: the fallback only)', async () => {
    expect(await lines(docxOf(`${textBox(p('青禾区质量强区建设实施方案'))}${p('为推动高质量发展，制定本方案。')}`))).toEqual(['青禾区质量强区建设实施方案', '为推动高质量发展，制定本方案。']);
  });

  it('takes the Choice of an AlternateContent whose Fallback is empty, and never reads a chart or WordArt text', async () => {
    const body = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:t>一是</w:t></mc:Choice><mc:Fallback/></mc:AlternateContent><w:t>加强监管。</w:t></w:r><w:r><w:drawing><a:graphic xmlns:a="x"><a:p><a:r><a:t>图表标题</a:t></a:r></a:p></a:graphic></w:drawing></w:r></w:p>`;
    expect(await lines(docxOf(body))).toEqual(['一是加强监管。']);
  });

  it('reads the base of a ruby (拼音指南), not the pinyin above it', async () => {
    const ruby = '<w:r><w:ruby><w:rubyPr><w:hps w:val="16"/></w:rubyPr><w:rt><w:r><w:t>dá</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>达</w:t></w:r></w:rubyBase></w:ruby></w:r>';
    expect(await lines(docxOf(`<w:p><w:r><w:t>合格率</w:t></w:r>${ruby}<w:r><w:t>到98%以上。</w:t></w:r></w:p>`))).toEqual(['合格率达到98%以上。']);
  });

  it('numbering through a list style: abstractNum → numStyleLink → numbering style → num → abstractNum with the levels', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="PlanList"/></w:abstractNum><w:abstractNum w:abstractNumId="7"><w:styleLink w:val="PlanList"/>${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="7"/></w:num>`;
    const styles = '<w:style w:type="numbering" w:styleId="PlanList"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>';
    const body = p('总体要求', numPr(0)) + p('指导思想', numPr(1)) + p('主要目标', numPr(1)) + p('重点任务', numPr(0));
    expect(await lines(docxOf(body, { numbering, styles }))).toEqual(['一、总体要求', '（一）指导思想', '（二）主要目标', '二、重点任务']);
  });

  it('a numFmt Word writes inside AlternateContent (a custom format with a standard fallback)', async () => {
    const lvl = '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback></mc:AlternateContent><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>';
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(await lines(docxOf(p('总体要求', numPr(0)) + p('重点任务', numPr(0)), { numbering }))).toEqual(['一、总体要求', '二、重点任务']);
  });

  it('a layout table (signature beside an empty cell) is read as paragraphs; a table with two filled cells in a row stays rows', async () => {
    const cell = (inner: string) => `<w:tc>${inner || '<w:p/>'}</w:tc>`;
    const layout = `<w:tbl><w:tr>${cell('')}${cell(p('青禾区人民政府') + p('2024年5月6日'))}</w:tr></w:tbl>`;
    expect(await lines(docxOf(layout))).toEqual(['青禾区人民政府', '2024年5月6日']);
    const data = `<w:tbl><w:tr>${cell(p('指标'))}${cell(p('2025年'))}</w:tr><w:tr>${cell(p('产品质量合格率'))}${cell(p('98%'))}</w:tr></w:tbl>`;
    expect((await fromDocx(docxOf(data))).blocks.map((b) => b.type)).toEqual(['row', 'row']);
  });

  it('rows and cells inside content controls are read; a row deleted with tracked changes is not', async () => {
    const cell = (t: string) => `<w:tc>${p(t)}</w:tc>`;
    const tbl = `<w:tbl><w:sdt><w:sdtContent><w:tr>${cell('指标')}<w:sdt><w:sdtContent>${cell('目标值')}</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt><w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>${cell('删除的行')}${cell('1')}</w:tr><w:tr>${cell('品牌数')}${cell('10个')}</w:tr></w:tbl>`;
    expect(await lines(docxOf(tbl))).toEqual(['指标 | 目标值', '品牌数 | 10个']);
  });

  it('a plan with its title in a text box and its signature in a layout table keeps title, issuer and date', async () => {
    const cell = (inner: string) => `<w:tc>${inner || '<w:p/>'}</w:tc>`;
    const body = [
      textBox(p('青禾区质量强区建设实施方案')),
      p('为深入推进质量强区建设，制定本方案。'),
      p('一、主要目标'),
      p('到2025年，产品质量合格率达到95%以上。'),
      `<w:tbl><w:tr>${cell('')}${cell(p('青禾区人民政府') + p('2024年5月6日'))}</w:tr></w:tbl>`,
    ].join('');
    const { plan } = await extractPlan(docxOf(body), { path: 'plan.docx' });
    expect([plan.meta.title, plan.meta.issuer, plan.meta.signed]).toEqual(['青禾区质量强区建设实施方案', '青禾区人民政府', '2024-05-06']);
    expect(plan.targets.map((t) => [t.value, t.year])).toEqual([[95, 2025]]);
  });
});

/**
 * How Word files really look: each case is a quirk of real government .docx files that the reader once got
 * wrong (found by rendering the devset with scripts/render-docx.mjs). The place names are made up.
 */
import { describe, expect, it } from 'vitest';
import { fromDocx } from '../src/adapters/docx.js';
import { extractPlan } from '../src/pipeline.js';
import { docxOf, p, W, zipOf } from './support/docx-build.js';

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

  it('a DOCX converted from a PDF (a paragraph for every printed line) is rejoined, a number cut by the line end too', async () => {
    const paras = [
      '为深入贯彻落实质量强国建设纲要，推动全区经济社会高质量发展，结合本区实际，制定本实施方案。本方案自印发之日起施行，由区市场监管局负责解释。',
      '到2025年，全区质量整体水平和效益进一步明显提升，制造业产品质量合格率稳定在99%以上，农产品质量安全例行监测合格率达到98%以上，食品安全抽检合格率持续保持较高水平，质量发展环境更加优化。',
      '加强质量基础设施建设，完善计量、标准、认证认可、检验检测等质量基础设施，推动质量基础设施协同服务，提升质量基础设施服务企业的能力和水平，为企业提供全生命周期服务。',
    ];
    const printed = (s: string) => (s.match(/.{1,20}/gu) ?? []).map((l) => p(l)).join('');
    const bytes = docxOf(p('青禾区质量强区建设实施方案') + paras.map(printed).join(''));
    const a = await fromDocx(bytes);
    expect(a.blocks.map((b) => b.text)).toEqual(['青禾区质量强区建设实施方案', ...paras]);
    // every character still points at its place in the paragraph-per-line text
    for (const b of a.blocks) expect([...b.text].every((ch, i) => a.text[(b.offsets as number[])[i] as number] === ch)).toBe(true);
    const { plan } = await extractPlan(bytes, { path: 'converted.docx' });
    expect(plan.targets.map((t) => [t.value, t.unit, t.year])).toEqual([[99, '%', 2025], [98, '%', 2025]]);
    expect(plan.diagnostics.map((d) => d.code)).toContain('text-unwrapped');
  });

  it('a Word document with lines of every length is not taken for a converted one', async () => {
    const a = await fromDocx(docxOf(['一、总体要求', '（一）指导思想。坚持以人民为中心。', '（二）主要目标。到2025年，产品质量合格率达到95%以上。', '二、重点任务'].map((l) => p(l)).join('')));
    expect(a.unwrapped).toBeUndefined();
    expect(a.blocks).toHaveLength(4);
  });

  it('a paragraph mark deleted with tracked changes runs the paragraph on into the next, as Word shows it', async () => {
    const deletedMark = '<w:rPr><w:del w:id="9" w:author="审核" w:date="2024-01-01T00:00:00Z"/></w:rPr>';
    const gone = `<w:p><w:pPr>${deletedMark}</w:pPr><w:del w:id="8" w:author="审核"><w:r><w:delText>删去的一段</w:delText></w:r></w:del></w:p>`;
    const body = p('到2025年，产品质量合格率', deletedMark) + p('达到95%以上。') + gone + p('二、重点任务');
    expect(await lines(docxOf(body))).toEqual(['到2025年，产品质量合格率达到95%以上。', '二、重点任务']);
  });

  it('parts as the relationships name them (numbering1.xml), names in any case, and UTF-16 parts', async () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const doc = `<?xml version="1.0" encoding="UTF-16"?><w:document ${W}><w:body>${p('总体要求', numPr(0))}${p('指导思想', numPr(1))}</w:body></w:document>`;
    const bytes = zipOf([
      ['_rels/.rels', '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/Word/Main.xml"/></Relationships>'],
      ['word/_rels/main.xml.rels', '<Relationships><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering1.xml"/></Relationships>'],
      ['word/main.xml', new Uint8Array([0xff, 0xfe, ...Buffer.from(doc, 'utf16le')])],
      ['word/numbering1.xml', numbering],
    ]);
    expect(await lines(bytes)).toEqual(['一、总体要求', '（一）指导思想']);
  });

  it('a sign inserted from the Symbol font (w:sym F0B3) is ≥; a Wingdings glyph is not text', async () => {
    const sym = (font: string, char: string) => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const body = `<w:p>${sym('Wingdings', 'F0FC')}<w:r><w:t>产品质量合格率</w:t></w:r>${sym('Symbol', 'F0B3')}<w:r><w:t>95%</w:t></w:r></w:p>`;
    expect(await lines(docxOf(body))).toEqual(['产品质量合格率≥95%']);
  });
});

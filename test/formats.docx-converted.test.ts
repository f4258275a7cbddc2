/**
 * DOCX files converted from a PDF (a paragraph, or a `w:br`, for every printed line) and the head of the notice
 * they carry: what rejoining those lines must not glue together. Found by rendering fixtures/excerpts with
 * `node scripts/render-docx.mjs --styles wrapped`. The place names are made up.
 */
import { describe, expect, it } from 'vitest';
import { fromDocx } from '../src/adapters/docx.js';
import { extractPlan } from '../src/pipeline.js';
import { docxOf, p } from './support/docx-build.js';

/** Each paragraph printed at 24 characters a line, one Word paragraph a line. */
const printed = (s: string) => (s.match(/.{1,24}/gu) ?? []).map((l) => p(l)).join('');
const body = [
  '到2025年，全区质量整体水平和效益进一步明显提升，制造业产品质量合格率稳定在99%以上，农产品质量安全例行监测合格率达到98%以上，质量发展环境更加优化。',
  '加强质量基础设施建设，完善计量、标准、认证认可、检验检测等质量基础设施，推动质量基础设施协同服务，提升质量基础设施服务企业的能力和水平，为企业提供全生命周期服务。',
];

describe('a DOCX converted from a PDF: the notice head', () => {
  it('a breadcrumb as wide as a line, the addressees, a date under a closed line and a traditional signature stay lines', async () => {
    const head = [
      '青禾市人民政府网站 > 信息公开 > 政策文件',
      '青禾市政府關於印發質量強市建設方案的通知',
      '各县（市、区）人民政府，市政府各部门、直属单位：',
      '经市政府同意，现将《青禾市质量强市建设实施方案》印发给你们，请认真贯彻执行。',
      '青禾市人民政府辦公室',
      '2024年5月6日',
      '青禾市质量强市建设实施方案',
      '一、主要目标',
    ];
    const bytes = docxOf(head.map(printed).join('') + body.map(printed).join(''));
    const a = await fromDocx(bytes);
    expect(a.unwrapped).toBeDefined();
    expect(a.blocks.map((b) => b.text)).toEqual([...head, ...body]);
    const { plan } = await extractPlan(bytes, { path: 'converted.docx' });
    expect([plan.meta.title, plan.meta.signed]).toEqual(['青禾市质量强市建设实施方案', '2024-05-06']);
  });

  it('a letter that ends on a closed line keeps its date apart, with no signature above it', async () => {
    const head = ['青禾高新区管理委员会', '关于印发青禾高新区质量强区建设实施方案的通知', '各街道办事处、管委会各部门、区直各单位：',
      '《青禾高新区质量强区建设实施方案》已经管委会主任办公会研究通过，现印发给你们，请结合工作实际认真抓好落实。', '2023年10月18日'];
    const a = await fromDocx(docxOf(head.map(printed).join('') + body.map(printed).join('')));
    expect(a.blocks.map((b) => b.text)).toEqual([...head, ...body]);
  });
});

/** A paragraph whose lines are parted by manual line breaks (`w:br`). */
const brs = (...ls: string[]) => `<w:p>${ls.map((l) => `<w:r><w:t xml:space="preserve">${l}</w:t></w:r>`).join('<w:r><w:br/></w:r>')}</w:p>`;

describe('a manual line break (w:br) inside a number', () => {
  it('does not part the number, the document number or the date it falls in', async () => {
    const bytes = docxOf(brs('青禾市人民政府关于印发青禾市质量强市建设', '实施方案的通知') + brs('青政发〔2023〕', '56号') + p('一、主要目标')
      + brs('到2025年，工业产品质量监督抽查合格率不低于9', '6%，力争新增中国驰名商标2件。') + brs('青禾市人民政府', '2023年7月1', '2日'));
    const a = await fromDocx(bytes);
    expect(a.blocks.map((b) => b.text)).toEqual(['青禾市人民政府关于印发青禾市质量强市建设', '实施方案的通知', '青政发〔2023〕56号', '一、主要目标',
      '到2025年，工业产品质量监督抽查合格率不低于96%，力争新增中国驰名商标2件。', '青禾市人民政府', '2023年7月12日']);
    // each character still points at its place in the line-per-break text
    for (const b of a.blocks) expect([...b.text].every((ch, i) => a.text[b.offsets ? (b.offsets[i] as number) : b.offset + i] === ch)).toBe(true);
    const { plan } = await extractPlan(bytes, { path: 'plan.docx' });
    expect([plan.meta.doc_number, plan.meta.signed]).toEqual(['青政发〔2023〕56号', '2023-07-12']);
    expect(plan.targets.map((t) => [t.value, t.unit])).toEqual([[96, '%'], [2, '件']]);
  });

  it('a table typed with spaces, one row a line, keeps its rows apart', async () => {
    const a = await fromDocx(docxOf(brs('序号 指标名称 单位 2025年', '1 产品质量合格率 % ≥95', '2 商标注册量 件 2100')));
    expect(a.blocks.map((b) => b.text)).toEqual(['序号 指标名称 单位 2025年', '1 产品质量合格率 % ≥95', '2 商标注册量 件 2100']);
  });
});

describe('a DOCX converted from a PDF: a table typed with spaces', () => {
  it('keeps a row a line, and joins a row the wrap cut to its tail', async () => {
    const table = ['主要指标：', '序号 指标名称 单位 2022年 2025年 指标属性', '1 制造业产品质量合格率 % 93.5 ≥95 预期性',
      '2 农产品质量安全抽检合格率 % 98.2 ≥98.', '5 约束性', '3 食品抽检合格率 % 98 ≥98.5 约束性', '4 每万人口高价值发明专利 件 1.8 3 预期性'];
    const bytes = docxOf(p('一、主要目标') + printed(body[0] as string) + table.map((l) => p(l)).join('') + p('二、重点任务') + printed(body[1] as string));
    const a = await fromDocx(bytes);
    expect(a.unwrapped).toBeDefined();
    const { plan } = await extractPlan(bytes, { path: 'converted.docx' });
    expect(plan.targets.map((t) => [t.indicator, t.value])).toEqual([['制造业产品质量合格率', 95], ['农产品质量安全抽检合格率', 98.5],
      ['食品抽检合格率', 98.5], ['每万人口高价值发明专利', 3], ['制造业产品质量合格率', 99], ['农产品质量安全例行监测合格率', 98]]);
  });
});

/**
 * run-on paragraphs (a page or a pandoc rendering that printed line breaks as spaces): the head lines come back
 * (chrome, labels, titles, document number, addressee, signature, date), each piece at its own source offset, and a
 * space inside a real line cuts nothing. Places are made up.
 */
import { describe, expect, it } from 'vitest';
import { fromText } from '../src/adapters/text.js';
import { splitRunOn } from '../src/adapters/run-on.js';
import { Collector } from '../src/diagnostics.js';
import { extractPlan } from '../src/pipeline.js';

const lines = (text: string): string[] => splitRunOn(fromText(text), new Collector()).map((b) => b.text);

const NOTICE = [
  '首页 > 政务公开 > 政策文件 【字体:大 中 小】 青岚市人民政府办公室关于印发青岚市质量强市建设实施方案(2023—2027年)的通知',
  '青政办发〔2023〕15号 发布时间:2023-06-12 10:43:37 来源:市政府办公室',
  '各区县人民政府,市政府各部门:', '《青岚市质量强市建设实施方案(2023—2027年)》已经市政府同意,现印发给你们,请认真贯彻执行。',
  '青岚市人民政府办公室 2023年6月12日', '青岚市质量强市建设实施方案', '(2023—2027年)',
  '为深入贯彻落实《质量强国建设纲要》,结合我市实际,制定本方案。', '一、总体要求', '(一)指导思想。坚持质量第一。',
  '(二)主要目标。到2027年,制造业产品质量合格率达到95%以上。', '——品牌建设取得新成效。',
].join(' ');

describe('run-on head lines', () => {
  const rows: Array<{ name: string; input: string; expect: string[] }> = [
    { name: 'a notice and its plan joined into one paragraph', input: NOTICE, expect: [
      '首页 > 政务公开 > 政策文件', '【字体:大 中 小】', '青岚市人民政府办公室关于印发青岚市质量强市建设实施方案(2023—2027年)的通知',
      '青政办发〔2023〕15号', '发布时间:2023-06-12 10:43:37', '来源:市政府办公室', '各区县人民政府,市政府各部门:',
      '《青岚市质量强市建设实施方案(2023—2027年)》已经市政府同意,现印发给你们,请认真贯彻执行。', '青岚市人民政府办公室', '2023年6月12日',
      '青岚市质量强市建设实施方案', '(2023—2027年)', '为深入贯彻落实《质量强国建设纲要》,结合我市实际,制定本方案。', '一、总体要求',
      '(一)指导思想。坚持质量第一。', '(二)主要目标。到2027年,制造业产品质量合格率达到95%以上。', '——品牌建设取得新成效。'] },
    { name: 'joint issuers keep their title line', input: '首页 > 正文 中共青岚市委 青岚市人民政府关于加快建设质量强市的实施意见 新闻来源:市委办 添加时间:2019-01-14 16:28:16',
      expect: ['首页 > 正文', '中共青岚市委 青岚市人民政府关于加快建设质量强市的实施意见', '新闻来源:市委办', '添加时间:2019-01-14 16:28:16'] },
    { name: 'a title with its document number in brackets', input: `青岚省人民政府关于实施质量强省战略的意见(青政发(2012)27号) 青岚省人民政府 各市(州)人民政府,省政府各厅委办: 为贯彻落实国务院《质量发展纲要》,实施质量强省战略,现提出如下意见。 一、总体要求 (一)指导思想。坚持质量第一。 (二)基本原则。坚持以质取胜。`,
      expect: ['青岚省人民政府关于实施质量强省战略的意见(青政发(2012)27号)', '青岚省人民政府', '各市(州)人民政府,省政府各厅委办:', '为贯彻落实国务院《质量发展纲要》,实施质量强省战略,现提出如下意见。', '一、总体要求', '(一)指导思想。坚持质量第一。', '(二)基本原则。坚持以质取胜。'] },
    { name: 'safeguards printed as 一是… 二是…', input: '为提升全市质量总体水平,推动经济社会高质量发展,结合实际,制定本方案。 一、总体要求 (一)指导思想。坚持质量第一,推动质量变革、效率变革、动力变革。 二、保障措施 一是强化组织领导。建立健全工作机制,明确责任分工。 二是强化政策支持。加大财政投入。',
      expect: ['为提升全市质量总体水平,推动经济社会高质量发展,结合实际,制定本方案。', '一、总体要求', '(一)指导思想。坚持质量第一,推动质量变革、效率变革、动力变革。', '二、保障措施', '一是强化组织领导。建立健全工作机制,明确责任分工。', '二是强化政策支持。加大财政投入。'] },
    { name: 'a signature in traditional script', input: '青嵐市人民政府辦公室 2014年7月29日 (此件公開發布)', expect: ['青嵐市人民政府辦公室', '2014年7月29日', '(此件公開發布)'] },
    { name: 'a signature, its date and the publication note', input: '青岚市人民政府 2024年3月22日 (此件公开发布)', expect: ['青岚市人民政府', '2024年3月22日', '(此件公开发布)'] },
    { name: 'items glued on after a unit note, the paragraph indented by ideographic spaces', input: '\u3000\u30001.推动产业升级。实施技术改造，提升产品质量。（责任单位：县工信局）2.加强质量攻关。组织企业开展关键工艺攻关，到2025年完成攻关项目5项。（牵头单位：县科技局；责任单位：县工信局）',
      expect: ['1.推动产业升级。实施技术改造，提升产品质量。（责任单位：县工信局）', '2.加强质量攻关。组织企业开展关键工艺攻关，到2025年完成攻关项目5项。（牵头单位：县科技局；责任单位：县工信局）'] },
    { name: 'items glued on after a unit note, numbered in full-width digits', input: '１．推动产业升级。实施技术改造，提升产品质量。（责任单位：县工信局）２．加强质量攻关。组织企业开展关键工艺攻关，到2025年完成攻关项目5项。（牵头单位：县科技局；责任单位：县工信局）',
      expect: ['１．推动产业升级。实施技术改造，提升产品质量。（责任单位：县工信局）', '２．加强质量攻关。组织企业开展关键工艺攻关，到2025年完成攻关项目5项。（牵头单位：县科技局；责任单位：县工信局）'] },
    { name: 'a league signed by its 行政公署', input: '青岚盟行政公署 2023年11月28日 (此件公开发布)', expect: ['青岚盟行政公署', '2023年11月28日', '(此件公开发布)'] },
  ];
  for (const row of rows) it(row.name, () => expect(lines(row.input)).toEqual(row.expect));

  // real lines with a space stay whole
  for (const real of ['中共青岚省委 青岚省人民政府', '发表于: 2023-07-05 10:43:37 来源:青岚日报', '名 称: 市人民政府关于印发青岚市质量兴市规划(2011-2015年)的通知 发布日期: 2021年12月01日',
    '青岚市人民政府办公室关于印发青岚市质量强市建设实施方案的通知 青政办发〔2023〕15号', '核心提示:各县(市、区)人民政府,市各有关单位:  《2014年青岚市质量强市建设行动计划》已经市人民政府同意,现印发给你们,请认真组织实施。为进一步提升质量总体水平,推动质量强市建设,现就有关工作通知如下,请各地各部门结合实际抓好落实。']) {
    it(`keeps a real line: ${real.slice(0, 24)}`, () => expect(lines(real)).toEqual([real]));
  }

  it('each piece keeps its source offsets', () => {
    const text = `# header\n\n${NOTICE}\n`;
    const blocks = splitRunOn(fromText(text), new Collector());
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) expect(text.slice(b.offset, b.offset + b.text.length)).toBe(b.text);
  });

  it('a row of pipe cells joined with the plan is cut, its cells staying a row', () => {
    const text = `名称 | 青岚市质量强市实施意见 | || 文号 | 青政发〔2023〕1号 | 时效 | 青岚市质量强市实施意见 各县区人民政府,市有关部门: 为提升质量总体水平,结合实际,提出如下意见。 一、指导思想 以习近平新时代中国特色社会主义思想为指导。 二、工作目标 到2025年,质量总体水平显著提升。 三、重点工作 (一)抓好农产品领域质量提升。 青岚市人民政府 2023年12月1日`;
    const blocks = splitRunOn(fromText(text), new Collector());
    expect(blocks[0]?.type).toBe('row');
    expect(blocks.map((b) => b.text)).toContain('(一)抓好农产品领域质量提升。');
    expect(blocks.map((b) => b.text)).toContain('2023年12月1日');
    for (const b of blocks) expect(text.slice(b.offset, b.offset + b.text.length)).toBe(b.text);
  });

  it('reads the meta of a joined notice, quoting the right text', async () => {
    const { plan } = await extractPlan(`${NOTICE}\n`, { path: 'joined.txt' });
    const m = plan.meta as unknown as Record<string, unknown>;
    expect(m.title).toBe('青岚市质量强市建设实施方案(2023—2027年)');
    expect(m.notice_title).toBe('青岚市人民政府办公室关于印发青岚市质量强市建设实施方案(2023—2027年)的通知');
    expect(m.doc_number).toBe('青政办发〔2023〕15号');
    expect(m.issuer).toBe('青岚市人民政府办公室');
    expect(m.signed).toBe('2023-06-12');
    expect(m.published).toBe('2023-06-12');
  });
});

describe('run-on chapter titles', () => {
  it('a chapter title and the paragraph run on after it part (pandoc joins lines not parted by a blank line)', () => {
    const input = '为深入贯彻《质量强国建设纲要》，加快推进质量强市建设，制定本方案。 一、主要目标 到2025年，制造业产品质量合格率达到95%以上，公共服务质量满意度达到82分以上。 二、重点任务 （一）推动产业质量升级 1.加快先进制造业质量提升。实施制造业产业集群质量提升行动。';
    expect(lines(input)).toEqual(['为深入贯彻《质量强国建设纲要》，加快推进质量强市建设，制定本方案。', '一、主要目标', '到2025年，制造业产品质量合格率达到95%以上，公共服务质量满意度达到82分以上。',
      '二、重点任务', '（一）推动产业质量升级', '1.加快先进制造业质量提升。实施制造业产业集群质量提升行动。']);
  });

  it('a chapter title that holds a space, or is followed by a group, stays whole', () => {
    const input = '为提升全市质量总体水平，推动经济社会高质量发展，结合实际，制定本方案。 一、 总体要求 （一）指导思想。坚持质量第一，推动质量变革、效率变革、动力变革。 二、坚持党的领导 加强组织保障 （一）强化组织领导。建立健全工作机制，明确责任分工，加强督促检查。';
    expect(lines(input)).toEqual(['为提升全市质量总体水平，推动经济社会高质量发展，结合实际，制定本方案。', '一、 总体要求', '（一）指导思想。坚持质量第一，推动质量变革、效率变革、动力变革。',
      '二、坚持党的领导 加强组织保障', '（一）强化组织领导。建立健全工作机制，明确责任分工，加强督促检查。']);
  });
});

describe('glued paragraphs (joined with nothing between them)', () => {
  const GLUED = ['青岚市质量强市建设实施方案', '为深入贯彻落实《质量强国建设纲要》，结合我市实际，制定本方案。', '一、总体要求', '到2025年，制造业产品质量合格率达到95%以上，新增省级以上品牌20个。',
    '二、重点任务', '（一）推动产业质量竞争力增强', '1.夯实产业基础质量支撑。加快产业基础高级化进程，提高产业链供应链稳定性和竞争力，推动重点产业链质量提升。（牵头单位：市经济信息委；责任单位：市科技局、市市场监管局等）',
    '2.提升产业集群质量引领力。培育一批先进制造业集群，开展集群质量提升行动，推动建设一批质量品牌示范区。（牵头单位：市经济信息委）',
    '（二）推动产品质量高端化发展', '3.实施农产品质量提升工程。大力发展绿色农业、品牌农业，建立健全农产品质量安全追溯体系，推进农业生产标准化。（牵头单位：市农业农村委）',
    '4.实施消费品质量升级工程。开展消费品质量提升行动，扩大优质消费品供给，加强消费品质量安全监管。（牵头单位：市市场监管局；责任单位：市商务委等）',
    '三、保障措施', '（一）加强组织领导。建立质量强市工作领导小组，统筹推进全市质量工作，定期研究解决重大问题。'];

  it('is cut back at the title and at each chapter, group and item mark that comes in turn', () => {
    expect(lines(GLUED.join(''))).toEqual(GLUED);
  });

  it('a glued notice head, 专栏 boxes with their bullets and 一是 points come back as lines', () => {
    const notice = ['青岚市人民政府关于印发青岚市质量强市建设实施方案的通知', '各区县人民政府，市政府各部门，有关单位：',
      '现将《青岚市质量强市建设实施方案》印发给你们，请认真贯彻执行。', '青岚市人民政府', '2023年12月1日', '（此件公开发布）'];
    const tail = ['专栏1产业质量提升工程', '——开展农业提质增效行动。落实高标准农田建设规划。', '——开展制造业质量提升行动。实施技术改造。',
      '（二）推动产品质量高端化发展'];
    const at = GLUED.indexOf('（二）推动产品质量高端化发展');
    const safeguards = ['三、保障措施', '一是强化组织领导。建立工作机制。', '二是强化督查考核。开展年度评估。'];
    const expected = [...notice, ...GLUED.slice(0, at), ...tail, ...GLUED.slice(at + 1, GLUED.indexOf('三、保障措施')), ...safeguards];
    expect(lines(expected.join(''))).toEqual(expected);
  });

  it('a number out of turn (a reference, a count) cuts nothing', () => {
    const input = GLUED.join('').replace('（牵头单位：市农业农村委）', '对照第（一）项要求和第二、三批名单开展评估，3.5%以上的企业参与。（牵头单位：市农业农村委）');
    expect(lines(input)).toHaveLength(GLUED.length);
  });

  it('a long paragraph enumerating 一、…；二、… in running text is no outline', () => {
    const para = `我市重点抓好以下工作：一、抓好产品质量，${'推动企业开展质量提升行动，'.repeat(12)}；二、抓好工程质量，${'落实工程质量终身责任制，'.repeat(12)}；三、抓好服务质量。`;
    expect(lines(para)).toEqual([para]);
  });
});

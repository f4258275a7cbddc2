/**
 * The HTML and Markdown adapters on small synthetic inputs: what becomes a block, what is dropped, and that every
 * character keeps its source offset.
 */
import { describe, expect, it } from 'vitest';
import { expectWithin } from './support/bounds.js';
import { fromHtml } from '../src/adapters/html.js';
import { capNesting } from '../src/adapters/html-nesting.js';
import { fromMarkdown } from '../src/adapters/markdown.js';
import { alignText } from '../src/adapters/align.js';
import { detectFormat, sniffFormat } from '../src/source/detect.js';
import { Collector } from '../src/diagnostics.js';
import { extractPlan } from '../src/pipeline.js';
import type { Block } from '../src/model.js';

const html = (s: string) => fromHtml(s, new Collector());
const md = (s: string) => fromMarkdown(s, new Collector());
const texts = (bs: Block[]) => bs.map((b) => b.text);

/** Every character of a block that is written literally in the source sits at its offset. */
function expectOffsets(src: string, b: Block, literal = (c: string) => !/\s/.test(c)) {
  expect(b.offsets?.length).toBe(b.text.length + 1);
  for (let i = 0; i < b.text.length; i++) {
    const c = b.text[i] as string;
    const at = src[b.offsets?.[i] as number];
    if (literal(c) && at !== c && at !== '&') throw new Error(`«${b.text}»[${i}] ${c} is at ${b.offsets?.[i]}: ${src[b.offsets?.[i] as number]}`);
  }
}

const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区人民政府门户网站</title></head><body>\n${body}\n</body></html>`;

describe('fromHtml', () => {
  it('decodes entities and keeps their source offsets', () => {
    const src = page('<div><p>一、总体要求&nbsp;&ldquo;质量&rdquo;&#x533A;&#21306;A&amp;B</p></div>');
    const bs = html(src);
    expect(texts(bs)).toEqual(['一、总体要求\u00a0“质量”区区A&B']);
    const b = bs[0] as Block;
    expectOffsets(src, b);
    expect(src.slice(b.offsets?.[6], (b.offsets?.[6] as number) + 6)).toBe('&nbsp;');
    expect(src.slice(b.offsets?.[11], (b.offsets?.[11] as number) + 7)).toBe('&#x533A');
    expect(src.slice(b.offsets?.[12], (b.offsets?.[12] as number) + 7)).toBe('&#21306');
  });

  it('makes one block per paragraph and per <br> line, whitespace collapsed', () => {
    const src = page('<div>（一）主要目标<br>到2027年，<span>合格率</span>\n   达到<b>98%</b>以上。<br/><br/><p>二、重点任务</p>尾巴</div>');
    const bs = html(src);
    expect(texts(bs)).toEqual(['（一）主要目标', '到2027年，合格率 达到98%以上。', '二、重点任务', '尾巴']);
    for (const b of bs) expectOffsets(src, b);
  });

  it('gives each block the line of the HTML file where its text starts', () => {
    const src = '<html><body>\n<div>\n<p>\n  一、总体要求</p>\n\n<p>1.夯实基础。</p></div></body></html>';
    const bs = html(src);
    expect(bs.map((b) => [b.text, b.line])).toEqual([['一、总体要求', 4], ['1.夯实基础。', 6]]);
  });

  it('keeps lines right in a CRLF page, and reads <pre> line by line', () => {
    const src = '<html><body>\r\n<div>\r\n<p>一、总体要求</p>\r\n<pre>1.夯实基础。\r\n2.提升质量。</pre></div></body></html>';
    const bs = html(src);
    expect(bs.map((b) => [b.text, b.line])).toEqual([['一、总体要求', 3], ['1.夯实基础。', 4], ['2.提升质量。', 5]]);
    for (const b of bs) expectOffsets(src, b);
  });

  it('reads text in nested divs, and headings as headings', () => {
    const src = page('<div><div><div><div><h2>某某区质量强区建设实施方案</h2><div><div><p>一、总体要求</p></div></div></div></div></div></div>');
    const bs = html(src);
    expect(bs.map((b) => [b.type, b.text, b.depth])).toEqual([['heading', '某某区质量强区建设实施方案', 2], ['para', '一、总体要求', undefined]]);
  });

  it('never reads scripts, styles, noscript, templates or hidden elements', () => {
    const src = page(`<div id="content"><p>一、总体要求。到2027年，质量整体水平明显提升，质量强区建设取得阶段性成效。</p>
      <script>document.write('<p>1.加快建设质量基础设施。（牵头单位：区市场监管局）</p>')</script>
      <style>p::before { content: "二、重点任务" }</style><noscript>2.完善质量政策</noscript>
      <template><p>3.模板里的任务</p></template><div style="display: none">4.隐藏的任务</div><p hidden>5.也隐藏</p></div>`);
    expect(texts(html(src))).toEqual(['一、总体要求。到2027年，质量整体水平明显提升，质量强区建设取得阶段性成效。']);
  });

  it('drops navigation, menus, share widgets and footers around the article body', () => {
    const body = '<p>一、总体要求。深入实施质量强区战略，构建更加适配的质量供给体系，推动高质量发展。</p>'.repeat(5);
    const src = page(`<div class="top"><span>欢迎访问人民政府门户网站</span></div>
      <nav><a href="/">首页</a><a href="/a">政务公开</a></nav>
      <ul class="menu-list"><li><a href="/">首页</a></li><li><a href="/b">政务服务</a></li><li><a href="/c">互动交流</a></li></ul>
      <div class="main"><h1>某某区人民政府关于印发质量强区建设实施方案的通知</h1>
        <div class="article"><div class="con">${body}</div>
        <div class="share">分享到：<a>微信</a><a>微博</a></div></div>
        <div class="xgwz"><h4>相关文章</h4><ul><li><a>关于开展质量月活动的通知</a></li><li><a>关于印发质量工作要点的通知</a></li></ul></div>
      </div>
      <div class="footer"><p>主办单位：人民政府办公室</p><p>网站标识码 0000000000</p></div>`);
    const c = new Collector();
    const got = texts(fromHtml(src, c));
    expect(got[0]).toBe('某某区人民政府关于印发质量强区建设实施方案的通知');
    expect(got.slice(1)).toEqual(Array(5).fill('一、总体要求。深入实施质量强区战略，构建更加适配的质量供给体系，推动高质量发展。'));
    expect(c.list.map((d) => d.code)).toContain('html-body-guessed');
  });

  it('applies class hints to regions only: inline runs in the body stay, a share box in the body goes', () => {
    const body = '<p>一、总体要求。深入实施质量强区战略，<span class="top">构建</span>更加适配的<font class="font">质量供给体系</font>。</p>'.repeat(3);
    const src = page(`<div class="article">${body}<div class="bdshare">分享到：<a>微信</a></div></div>`);
    expect(texts(html(src))).toEqual(Array(3).fill('一、总体要求。深入实施质量强区战略，构建更加适配的质量供给体系。'));
  });

  it('reads a data table as rows with cells, the metadata labels included', () => {
    const src = page(`<table><tbody>
      <tr><th>索引号</th><td>11500105/2023-00108</td><th>发文字号</th><td>某府发〔2023〕32号</td></tr>
      <tr><td>成文日期</td><td>2023-12-01</td><td>发布日期</td><td></td></tr></tbody></table>
      <div><p>一、总体要求</p></div>`);
    const bs = html(src);
    expect(bs.map((b) => b.type)).toEqual(['row', 'row', 'para']);
    expect(bs[0]?.cells?.map((c) => c.text)).toEqual(['索引号', '11500105/2023-00108', '发文字号', '某府发〔2023〕32号']);
    expect(bs[1]?.cells?.map((c) => c.text)).toEqual(['成文日期', '2023-12-01', '发布日期', '']);
    expect(bs[0]?.text).toBe('索引号 | 11500105/2023-00108 | 发文字号 | 某府发〔2023〕32号');
    for (const c of bs[0]?.cells ?? []) expectOffsets(src, c);
  });

  it('reads a layout table (a 专栏 box, a page in one cell) as paragraphs', () => {
    const src = page(`<table><tr><td><p>专栏1 产业质量竞争力提升工程</p><p>——开展农业提质增效行动。</p><p>——实施制造业质量提升行动。</p></td></tr></table>`);
    expect(html(src).map((b) => [b.type, b.text])).toEqual([
      ['para', '专栏1 产业质量竞争力提升工程'], ['para', '——开展农业提质增效行动。'], ['para', '——实施制造业质量提升行动。'],
    ]);
  });

  it('survives 100,000 nested divs quickly (nesting beyond 512 levels is flattened, offsets kept)', () => {
    const n = 100_000;
    const src = `<html><body>${'<div>'.repeat(n)}<p>一、总体要求</p>${'</div>'.repeat(n)}</body></html>`;
    const started = Date.now();
    const c = new Collector();
    const bs = fromHtml(src, c);
    expectWithin(Date.now() - started, 15_000);
    expect(texts(bs)).toEqual(['一、总体要求']);
    expectOffsets(src, bs[0] as Block);
    expect(c.list.map((d) => d.code)).toContain('html-nesting-flattened');
  });

  it('capNesting leaves ordinary pages alone and keeps lengths and newlines', () => {
    const ordinary = page('<div><p>a<p>b<ul><li>c<li>d</ul></div>');
    expect(capNesting(ordinary, 512).text).toBe(ordinary);
    const deep = `${'<div>\n'.repeat(10)}x${'</div>'.repeat(10)}`;
    const capped = capNesting(deep, 4);
    expect(capped.text.length).toBe(deep.length);
    expect(capped.text.split('\n').length).toBe(deep.split('\n').length);
    expect(capped.flattened).toBe(6);
    expect((capped.text.match(/<div>/g) ?? []).length).toBe(4);
    expect((capped.text.match(/<\/div>/g) ?? []).length).toBe(4);
  });

  it('refuses a page without readable text', () => {
    expect(() => html('<html><body><div><script>var a = "一、总体要求";</script></div></body></html>')).toThrow(/no readable text/);
  });
});

describe('fromMarkdown', () => {
  it("reads pandoc's own Markdown: fenced div lines are no text, a span's attributes go and its content stays", () => {
    const src = '::: {.main .w1200}\n::: article\n成文日期 [2023]{lang="EN-US"}-12-01\n\n到[2025]{lang="EN-US"}年，合格率达到95%。\n:::\n:::\n';
    const bs = md(src);
    expect(texts(bs)).toEqual(['成文日期 2023-12-01', '到2025年，合格率达到95%。']);
    for (const b of bs) expectOffsets(src, b);
  });

  it("reads pandoc's dashes: `---` is —, `--` is –, each at its first hyphen; a rule stays a rule", () => {
    const src = '# 某某市质量强市建设行动方案(2023---2027年)\n\n---\n\n指标--目标值\n';
    const bs = md(src);
    expect(texts(bs)).toEqual(['某某市质量强市建设行动方案(2023—2027年)', '指标–目标值']);
    const dash = bs[0]?.text.indexOf('—') as number;
    expect(src.slice(bs[0]?.offsets?.[dash], bs[0]?.offsets?.[dash + 1])).toBe('---');
  });

  it('strips # markers: a heading is a block the outline reads as a chapter', async () => {
    const src = '# 某某区质量强区建设实施方案\n\n## 一、总体要求\n\n到2027年，食品评价性抽检合格率达到98%以上。\n\n## 二、推动变革\n\n1. 夯实产业基础。加强标准建设。\n2. 提升产品质量。开展质量提升行动。\n';
    const bs = md(src);
    expect(bs.map((b) => [b.type, b.text, b.depth])).toEqual([
      ['heading', '某某区质量强区建设实施方案', 1], ['heading', '一、总体要求', 2], ['para', '到2027年，食品评价性抽检合格率达到98%以上。', undefined],
      ['heading', '二、推动变革', 2], ['para', '1.夯实产业基础。加强标准建设。', undefined], ['para', '2.提升产品质量。开展质量提升行动。', undefined],
    ]);
    for (const b of bs) expectOffsets(src, b);
    const { plan } = await extractPlan(src, { path: 'plan.md' });
    expect(plan.sections.map((s) => [s.number, s.title])).toEqual([['一', '总体要求'], ['二', '推动变革']]);
    expect(plan.tasks.map((t) => [t.id, t.chapter, t.title, t.line])).toEqual([['1', '二', '夯实产业基础', 9], ['2', '二', '提升产品质量', 10]]);
    expect(plan.meta.title).toBe('某某区质量强区建设实施方案');
  });

  it('places chapters and groups by # level when the headings print no 一、 / （一）; the heading text stays as written', async () => {
    const src = '# 某某区质量强区建设实施方案\n\n## 总体要求\n\n### 主要目标\n\n到2027年，食品评价性抽检合格率达到98%以上。\n\n## 重点任务\n\n### 提升产业质量\n\n'
      + '1. 夯实产业基础质量支撑。加快产业基础高级化进程。（牵头单位：区经济信息委；责任单位：区科技局等）\n2. 提升产品质量。开展质量提升行动。（责任单位：区市场监管局）\n\n'
      + '### 提升服务质量\n\n3. 发展现代服务业。推动生产性服务业向专业化发展。（责任单位：区商务委）\n\n## 附件1 主要指标\n';
    const bs = md(src);
    expect(bs.filter((b) => b.type === 'heading').map((b) => [b.text, b.depth])).toEqual([
      ['某某区质量强区建设实施方案', 1], ['总体要求', 2], ['主要目标', 3], ['重点任务', 2], ['提升产业质量', 3], ['提升服务质量', 3], ['附件1 主要指标', 2],
    ]);
    for (const b of bs) expectOffsets(src, b);
    const { plan } = await extractPlan(src, { path: 'plan.md' });
    expect(plan.sections.map((s) => [s.number, s.title, s.line])).toEqual([['一', '总体要求', 3], ['二', '重点任务', 9]]);
    expect(plan.tasks.map((t) => [t.id, t.chapter, t.group, t.title, t.responsible])).toEqual([
      ['1', '二', '(一)', '夯实产业基础质量支撑', ['区科技局']], ['2', '二', '(一)', '提升产品质量', ['区市场监管局']], ['3', '二', '(二)', '发展现代服务业', ['区商务委']],
    ]);
    expect(plan.targets.map((t) => [t.where, t.value, t.year])).toEqual([['goals', 98, 2027]]);
    // a level that prints its own numbers is left as written
    expect(md('# 标题\n\n## 一、总体要求\n\n## 二、重点任务\n').map((b) => b.text)).toEqual(['标题', '一、总体要求', '二、重点任务']);
  });

  it('splits paragraphs into lines: merged （一） lines and swallowed 2． lines become blocks', () => {
    const src = '（一）指导思想\n（二）基本原则\n\n1. 制造业质量提升\n2．农产品质量提升\n3、服务质量提升\n';
    expect(texts(md(src))).toEqual(['（一）指导思想', '（二）基本原则', '1.制造业质量提升', '2．农产品质量提升', '3、服务质量提升']);
  });

  it('keeps the printed list number, so a numbering gap stays visible', () => {
    expect(texts(md('3. 第三项\n4. 第四项\n6. 第六项\n'))).toEqual(['3.第三项', '4.第四项', '6.第六项']);
  });

  it('strips emphasis, escapes and entities, keeping offsets', () => {
    const src = '一、**总体**要求 \\*注\\* &amp; `代码` [链接](http://example.com)\n';
    const bs = md(src);
    expect(texts(bs)).toEqual(['一、总体要求 *注* & 代码 链接']);
    expectOffsets(src, bs[0] as Block, (c) => /[\u4e00-\u9fff*]/.test(c));
  });

  it('reads a GFM table as rows with cells', () => {
    const src = '| 序号 | 指标名称 | 2015年 |\n| --- | --- | --- |\n| 1 | 制造业产品质量合格率(%) | 95 |\n';
    const bs = md(src);
    expect(bs.map((b) => b.type)).toEqual(['row', 'row']);
    expect(bs[1]?.cells?.map((c) => c.text)).toEqual(['1', '制造业产品质量合格率(%)', '95']);
    expect(bs[1]?.line).toBe(3);
    for (const c of bs[1]?.cells ?? []) expectOffsets(src, c);
  });

  it('gives bullet items a bullet (专栏 items), unless they already have one', () => {
    expect(texts(md('- 开展农业提质增效行动\n- ——实施制造业质量提升行动\n'))).toEqual(['•开展农业提质增效行动', '——实施制造业质量提升行动']);
  });
});

describe('alignText', () => {
  it('maps decoded text back through CRLF, escapes and unknown rewrites without going backwards', () => {
    const src = 'ab\r\ncd\\*e';
    expect(alignText('ab\ncd*e', src, 0, src.length)).toEqual([0, 1, 3, 4, 5, 7, 8, 9]);
  });
});

describe('format detection', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('goes by the extension first', () => {
    expect(detectFormat('a.htm', bytes('plain'))).toBe('html');
    expect(detectFormat('a.markdown', bytes('<p>x</p>'))).toBe('markdown');
    expect(detectFormat('a.txt', bytes('一、<p>x</p><br><div>'))).toBe('text');
    // a name the content plainly contradicts gives way: a whole HTML page saved as .txt
    expect(detectFormat('a.txt', bytes('<html>'))).toBe('html');
  });
  it('sniffs content without a known extension (stdin, .dat)', () => {
    expect(sniffFormat(bytes('<!DOCTYPE html><html><body><p>一、总体要求</p></body></html>'))).toBe('html');
    expect(sniffFormat(bytes('\ufeff  <html lang="zh-CN">'))).toBe('html');
    expect(sniffFormat(bytes('# 质量强区建设实施方案\n\n## 一、总体要求\n'))).toBe('markdown');
    expect(sniffFormat(bytes('| 序号 | 指标 |\n| --- | --- |\n'))).toBe('markdown');
    expect(sniffFormat(bytes('一、总体要求\n1.夯实基础。\n'))).toBe('text');
  });
});

describe('HTML pages through the whole pipeline', () => {
  const plan = async (src: string) => (await extractPlan(new TextEncoder().encode(src), { path: 'page.html' })).plan;
  const article = `<p>一、总体要求</p><p>（一）主要目标</p><p>到2025年，全区质量整体水平进一步提高，食品抽检合格率达到98%以上。</p>
    <p>二、重点任务</p><p>1.夯实产业基础质量支撑。加快产业基础高级化进程，提高产业链供应链稳定性和竞争力。（牵头单位：区经济信息委；责任单位：区科技局等）</p>
    <p>2.提升产品质量。开展质量提升行动，制造业产品质量合格率达到95%以上。（责任单位：区市场监管局）</p>
    <p>三、保障措施</p><p>（一）坚持党的领导。加强组织领导，建立工作机制，统筹推进各项工作。</p>`;

  it('reads the metadata table before the article (发文字号, 成文日期, 发布日期)', async () => {
    const p = await plan(page(`<div class="xxgk"><table>
      <tr><td>索引号</td><td>000014349/2024-00012</td><td>主题分类</td><td>其他</td></tr>
      <tr><td>发文字号</td><td>某府发〔2024〕7号</td><td>成文日期</td><td>2024年03月22日</td></tr>
      <tr><td>发布机构</td><td>某某区人民政府</td><td>发布日期</td><td>2024-03-28</td></tr></table></div>
      <h1>某某区人民政府关于印发某某区质量强区建设实施方案的通知</h1>
      <div class="article"><div class="content"><p>某某区质量强区建设实施方案</p>${article}</div></div>`));
    expect(p.meta).toMatchObject({ doc_number: '某府发〔2024〕7号', signed: '2024-03-22', published: '2024-03-28', title: '某某区质量强区建设实施方案' });
    expect(p.meta.notice_title).toBe('某某区人民政府关于印发某某区质量强区建设实施方案的通知');
    expect(p.tasks.map((t) => [t.id, t.title, t.lead, t.responsible])).toEqual([
      ['1', '夯实产业基础质量支撑', ['区经济信息委'], ['区科技局']], ['2', '提升产品质量', [], ['区市场监管局']], ['(一)', '坚持党的领导', [], []],
    ]);
  });

  it('reads an appendix indicator table as rows and targets', async () => {
    const p = await plan(page(`<div class="content"><p>某某区质量强区建设实施方案</p>${article}
      <p>某某区人民政府</p><p>2024年3月22日</p><p>附件1</p><p>某某区质量发展主要指标</p>
      <table border="1"><tr><th>序号</th><th>指标名称</th><th>2025年目标</th></tr>
      <tr><td>1</td><td>制造业产品质量合格率（%）</td><td>95</td></tr>
      <tr><td>2</td><td>培育国家级标准化示范区个数</td><td>2</td></tr></table></div>`));
    expect(p.appendix).toHaveLength(1);
    expect(p.appendix[0]?.columns).toEqual(['序号', '指标名称', '2025年目标']);
    expect(p.appendix[0]?.rows).toEqual([['1', '制造业产品质量合格率（%）', '95'], ['2', '培育国家级标准化示范区个数', '2']]);
    expect(p.targets.filter((t) => t.where === 'appendix').map((t) => [t.indicator, t.value, t.unit, t.year])).toEqual([
      ['制造业产品质量合格率', 95, '%', 2025], ['培育国家级标准化示范区个数', 2, '个', 2025],
    ]);
  });
});

/**
 * YAML front matter of Markdown notes (web clippers, static-site scrapes): what counts as front matter, which keys
 * reach meta, and the positions of what is read. And `#` headings that are titles, not a level of the outline.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frontMatter } from '../src/adapters/front-matter.js';
import { fromMarkdown } from '../src/adapters/markdown.js';
import { Collector } from '../src/diagnostics.js';
import { extractPlan } from '../src/pipeline.js';

const body = '关于印发《某县质量强县建设实施方案》的通知\n\n某县人民政府办公室\n\n2023年5月30日\n\n一、主要目标\n\n到2025年，全县产品质量合格率达到95%以上。\n';

describe('frontMatter', () => {
  it.each([
    ['a closing ---', '---\ntitle: 某县方案\n---\n正文'],
    ['a closing ...', '---\ntitle: 某县方案\n...\n正文'],
    ['CRLF and a BOM', '\ufeff---\r\ntitle: 某县方案\r\n---\r\n正文'],
    ['list items and empty keys', '---\ntags:\n  - 政策\n- 质量\ntitle: 某县方案\n---\n正文'],
  ])('reads front matter with %s', (_, text) => {
    const fm = frontMatter(text);
    expect(fm?.fields.find((f) => f.key === 'title')?.value).toBe('某县方案');
    expect(text.slice(fm?.end)).toBe('正文');
  });

  it.each([
    ['a rule over prose', '---\n一、总体要求\n---\n'],
    ['no closing line', '---\ntitle: 某县方案\n正文'],
    ['no key', '---\n---\n正文'],
    ['a rule not on the first line', '正文\n---\ntitle: x\n---\n'],
  ])('is not front matter: %s', (_, text) => {
    expect(frontMatter(text)).toBeNull();
  });

  it('never throws, and its end is inside the text', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const fm = frontMatter(`---\n${s}`);
      if (fm) expect(fm.end).toBeLessThanOrEqual(s.length + 4);
    }));
  });
});

describe('Markdown with front matter', () => {
  it('gives the published date with its source position, and names the keys it does not read', async () => {
    const text = `---\ntitle: "某县质量强县建设实施方案"\nsource: https://example.org/a.html\npublished: 2023-06-02\n---\n\n${body}`;
    const ctx = new Collector();
    const blocks = fromMarkdown(text, ctx);
    const date = blocks.find((b) => b.text.endsWith('2023-06-02'));
    expect(date?.line).toBe(4);
    expect(text.slice(date?.offsets?.at(-11), date?.offsets?.at(-1))).toBe('2023-06-02');
    const d = ctx.list.find((x) => x.code === 'markdown-front-matter');
    expect(d?.message).toContain('source');
    const { plan } = await extractPlan(text, { path: 'a.md' });
    expect(plan.meta.published).toBe('2023-06-02');
    expect(plan.meta.signed).toBe('2023-05-30');
    expect(plan.targets.map((t) => t.value)).toEqual([95]);
  });

  it('reads the front matter title only when the body does not print it', () => {
    const own = fromMarkdown('---\ntitle: 某县质量强县建设实施方案\n---\n\n# 某县质量强县建设实施方案\n\n正文。\n', new Collector());
    expect(own.map((b) => b.text)).toEqual(['某县质量强县建设实施方案', '正文。']);
    const other = fromMarkdown('---\ntitle: 关于印发某县质量强县建设实施方案的通知\n---\n\n一、主要目标\n', new Collector());
    expect(other[0]?.text).toBe('关于印发某县质量强县建设实施方案的通知');
    expect(other[0]?.line).toBe(2);
  });
});

describe('Markdown titles set as # headings', () => {
  it('are no chapters: the notice and the plan title both as #', async () => {
    const text = `# 关于印发《某县质量强县建设实施方案》的通知\n\n某政办发〔2023〕21号\n\n某县人民政府办公室\n\n2023年5月30日\n\n# 某县质量强县建设实施方案（2023—2025年）\n\n一、主要目标\n\n到2025年，全县产品质量合格率达到95%以上。\n`;
    const { plan } = await extractPlan(text, { path: 'a.md' });
    expect(plan.meta.notice_title).toBe('关于印发《某县质量强县建设实施方案》的通知');
    expect(plan.meta.doc_number).toBe('某政办发〔2023〕21号');
    expect(plan.sections.map((s) => s.title)).toEqual(['主要目标']);
    expect(plan.targets.map((t) => t.value)).toEqual([95]);
  });
});

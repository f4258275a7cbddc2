/**
 * The HTML adapter's own parse5 tree (src/adapters/dom.ts) on the parts of the HTML5 algorithm that move or merge
 * nodes: foster-parented table text, the adoption agency, quirks mode, lone CR, NUL, template content. Texts,
 * lines and per-character offsets must be what the HTML5 tree gives (these are the values cheerio's domhandler
 * tree gave before the light tree replaced it).
 */
import { describe, expect, it } from 'vitest';
import { fromHtml } from '../src/adapters/html.js';
import { parseTree, type DomNode } from '../src/adapters/dom.js';
import { Collector } from '../src/diagnostics.js';
import type { Block } from '../src/model.js';

const read = (src: string) => fromHtml(src, new Collector());
const rows = (bs: Block[]) => bs.map((b) => [b.type, b.text, b.line]);

/** Every character written literally in the source sits at its offset; offsets never go backwards. */
function expectOffsets(src: string, bs: Block[]) {
  for (const b of bs) {
    for (const c of b.cells ?? []) expectOffsets(src, [c]);
    expect(b.offsets?.length).toBe(b.text.length + 1);
    for (let i = 0; i < b.text.length; i++) {
      const c = b.text[i] as string;
      const at = b.offsets?.[i] as number;
      if (b.type !== 'row' && i > 0) expect(at).toBeGreaterThanOrEqual(b.offsets?.[i - 1] as number);
      if (/\s/.test(c) || b.type === 'row') continue;
      if (src[at] !== c && src[at] !== '&') throw new Error(`«${b.text}»[${i}] ${c} is at ${at}: ${src[at]}`);
    }
  }
}

describe('the HTML tree', () => {
  it('reads text foster-parented out of a table before the table', () => {
    const src = '<html><body><div><table>一、总体要求<tr><td>索引号</td><td>2023-00108</td></tr>（一）主要目标</table><p>1.夯实基础。</p></div></body></html>';
    const bs = read(src);
    expect(rows(bs)).toEqual([['para', '一、总体要求（一）主要目标', 1], ['row', '索引号 | 2023-00108', 1], ['para', '1.夯实基础。', 1]]);
    // the table rows and the paragraph keep their offsets; the foster-parented text is one node made of two
    // pieces with the table between them, so only its first piece is exact
    expectOffsets(src, bs.slice(1));
    expect(src.slice(bs[0]?.offset, (bs[0]?.offset as number) + 6)).toBe('一、总体要求');
  });

  it('follows the adoption agency on misnested formatting tags', () => {
    const src = '<!DOCTYPE html><html><body><div><b class="x">一、总体<p>要求。到2027年</b>，质量提升</p><font>二、<div>重点</font>任务</div></div></body></html>';
    const bs = read(src);
    expect(rows(bs)).toEqual([['para', '一、总体', 1], ['para', '要求。到2027年，质量提升', 1], ['para', '二、', 1], ['para', '重点任务', 1]]);
    expectOffsets(src, bs);
  });

  it('keeps a table inside a paragraph in quirks mode (no doctype)', () => {
    const src = '<p>一、总体要求<table><tr><td>成文日期</td><td>2023-12-01</td></tr></table>尾巴</p>';
    expect(rows(read(src))).toEqual([['para', '一、总体要求', 1], ['row', '成文日期 | 2023-12-01', 1], ['para', '尾巴', 1]]);
  });

  it('counts lone CR line ends as lines and reads <pre> by them', () => {
    const src = '<html><body>\r<div>\r<p>一、总体要求</p>\r<pre>1.夯实基础。\r2.提升质量。</pre></div></body></html>';
    const bs = read(src);
    expect(rows(bs)).toEqual([['para', '一、总体要求', 3], ['para', '1.夯实基础。', 4], ['para', '2.提升质量。', 5]]);
    expectOffsets(src, bs);
  });

  it('drops NUL characters as parse5 does, offsets kept', () => {
    const src = '<html><body><p>一、总体\u0000要求</p><pre>1.夯\u0000实</pre></body></html>';
    const bs = read(src);
    expect(rows(bs)).toEqual([['para', '一、总体要求', 1], ['para', '1.夯实', 1]]);
    expectOffsets(src, bs);
  });

  it('never reads template content; decodes entities next to it', () => {
    const src = '<html><body><template><p>3.模板</p></template><p>一、总体要求&nbsp;&amp;&#21306;</p></body></html>';
    const bs = read(src);
    expect(rows(bs)).toEqual([['para', '一、总体要求\u00a0&区', 1]]);
    expectOffsets(src, bs);
  });

  it('marks verbatim text nodes plain, and only those', () => {
    const src = '<html><body><p>一、总体要求</p><p>A&amp;B</p><p>a\r\nb</p><p>甲<b>乙</b>丙</p></body></html>';
    const texts: DomNode[] = [];
    for (const stack = [parseTree(src)]; stack.length > 0;) {
      const n = stack.pop() as DomNode;
      if (n.type === 'text') texts.push(n);
      for (const c of n.children ?? []) stack.push(c);
    }
    const plain = texts.filter((t) => t.plain).map((t) => t.data).sort();
    expect(plain).toEqual(['一、总体要求', '丙', '乙', '甲'].sort());
    for (const t of texts) if (t.plain) expect(src.slice(t.start, t.end)).toBe(t.data);
    expect(texts.filter((t) => !t.plain).map((t) => t.data).sort()).toEqual(['A&B', 'a\nb']);
  });
});

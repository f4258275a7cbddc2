/**
 * parse5 reads a compact copy of a page (src/adapters/html-compact.ts): each run of non-ASCII characters as one
 * private-use character. The tree put back from it must be the tree of the page itself: the same nodes, texts,
 * names, attributes, offsets and plain flags, on every shipped page and on pages made to trip it.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { parseTree, type DomNode } from '../src/adapters/dom.js';
import { compactPage } from '../src/adapters/html-compact.js';

/** The tree as plain data (parents left out: they follow from the nesting). */
function shape(n: DomNode): unknown {
  return {
    type: n.type, name: n.name, data: n.data, start: n.start, end: n.end, plain: n.plain, endTag: n.endTag,
    attribs: n.attribs ? Object.entries(n.attribs) : null, attrs: n.attrs?.map((a) => [a.name, a.value]) ?? null,
    children: n.children?.map(shape) ?? null,
  };
}
const same = (src: string) => expect(shape(parseTree(src))).toEqual(shape(parseTree(src, false)));

describe('the compact parse', () => {
  it('gives the same tree for every shipped HTML page', () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.html?$/.test(e.name) && !/gb|18030/i.test(e.name)) pages.push(readFileSync(p, 'utf8'));
      }
    };
    for (const d of ['fixtures/variants', 'fixtures/extract', 'fixtures/broken']) if (existsSync(d)) walk(d);
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) same(p);
  });

  it('keeps CJK tag names, attribute names and values, comments and entities', () => {
    same('<!DOCTYPE html 中文><html><body><中文 标题="中文值" class="导航栏">正文<b>粗体</b></中文>文字</中文><!-- 注释 -->&#20013;文字&amp;中文&nbsp;全角，标点</body></html>');
    same('<table>表外文字<tr><td>单元格</td></tr>再一段</table><p>一、总体<i>要求</p>二、任务</i>');
    same('<title>标题&lt;中&gt;</title><textarea>\n文本框内容</textarea><script>var s = "脚本里的<中文>";</script><style>/* 样式中文 */</style>');
    same('<svg><desc>矢量中文</desc></svg><math><mi>数学</mi></math><template>模板中文</template>\r\n中文\r回车');
  });

  it('parses a page that holds private-use characters as it is', () => {
    expect(compactPage('<p>造字\ue123中文</p>')).toBeNull();
    expect(compactPage('<p>中文&#xE001;字</p>')).toBeNull();
    expect(compactPage('<p>中文&#57345;字</p>')).toBeNull();
    same('<p>造字\ue123中文</p>');
    same('<p>中文&#xE001;字</p>');
  });

  fcTest.prop([fc.array(fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<table>', '<tr>', '<td>', '</td>', '</table>', '<中>', '</中>', '<a title="标题">', '</a>',
    '<!--注释-->', '&amp;', '&#20013;', '&', '<', '>', ' ', '\n', '\r', '中文', '质量强区', '，', '。', '\u3000', '\u00a0', 'abc', '1.', '（一）', '\ud83d\ude00', '\ufeff'), { maxLength: 60 })])(
    'gives the same tree for any mix of markup and CJK text', (parts) => {
      same(parts.join(''));
    });
});

/**
 * Government CMS pages as portals print them (scripts/render-html.mjs renders the devset into such templates):
 * the reader's fixes for the genre, each pinned on a made-up page.
 */
import { describe, expect, it } from 'vitest';
import { fromHtml } from '../src/adapters/html.js';
import { Collector } from '../src/diagnostics.js';

const read = (src: string) => fromHtml(src, new Collector());
const page = (title: string, body: string) =>
  `<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n<title>${title}</title></head>\n<body>\n<div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政务服务</a></div>\n<div id="zoom">${body}</div>\n</body></html>\n`;
const BODY = '<p>为全面提升我市质量总体水平，制定本方案。</p><p>一、总体要求</p><p>到2025年，质量竞争力指数达到85以上。</p>';

describe('a title printed only in <title>', () => {
  it('is read as the first heading, from the <title> line, without the column and site names', () => {
    const src = page('青峰市质量强市建设实施方案（2023-2027年）_政策文件_青峰市人民政府', BODY);
    const bs = read(src);
    expect(bs[0]).toMatchObject({ type: 'heading', depth: 1, text: '青峰市质量强市建设实施方案（2023-2027年）', line: 3 });
    expect(src.slice(bs[0]?.offset, (bs[0]?.offset ?? 0) + 4)).toBe('青峰市质');
    expect(bs[1]?.text).toBe('为全面提升我市质量总体水平，制定本方案。');
  });

  it('takes the title segment wherever the site name stands, and entities keep their offsets', () => {
    const bs = read(page('青峰市人民政府网 - 关于印发质量强市建设实施方案的通知 &amp; 解读', BODY));
    expect(bs[0]?.text).toBe('关于印发质量强市建设实施方案的通知 & 解读');
    expect(bs[0]?.offsets?.length).toBe((bs[0]?.text.length ?? 0) + 1);
  });

  it('is not added when the body prints it (an <h1>, a title split over lines) or the <title> holds no title', () => {
    const split = read(page('青峰市质量强市建设实施方案_青峰市人民政府', '<h1>青峰市质量强市<br>建设实施方案</h1>' + BODY));
    expect(split.map((b) => b.text).slice(0, 2)).toEqual(['青峰市质量强市', '建设实施方案']);
    const other = read(page('青峰市质量强市建设实施方案(2023-2027年)_青峰市人民政府', '<p>青峰市质量强市建设实施方案</p><p>（2023—2027年）</p>' + BODY));
    expect(other[0]?.text).toBe('青峰市质量强市建设实施方案');
    const site = read(page('青峰市人民政府门户网站_政策文件', BODY));
    expect(site[0]?.text).toBe('为全面提升我市质量总体水平，制定本方案。');
  });
});

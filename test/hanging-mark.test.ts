/** An item mark on a line of its own is joined with the text on the next line, each character at its offset. */
import { describe, expect, it } from 'vitest';
import { joinHangingMarks } from '../src/adapters/hanging-mark.js';
import { fromText } from '../src/adapters/text.js';

const texts = (src: string) => joinHangingMarks(fromText(src)).map((b) => b.text);

describe('joinHangingMarks', () => {
  it.each([
    ['1.', '抓好农产品质量。推广追溯平台。', '1.抓好农产品质量。推广追溯平台。'],
    ['（二）', '强化品牌建设', '（二）强化品牌建设'],
    ['三、', '保障措施', '三、保障措施'],
    ['2．', '开展质量攻关。', '2．开展质量攻关。'],
  ])('%s + %s', (mark, text, joined) => {
    expect(texts(`${mark}\n${text}\n`)).toEqual([joined]);
  });

  it.each([
    ['a mark before another mark', '（一）\n1.开展质量攻关。\n', ['（一）', '1.开展质量攻关。']],
    ['a mark before Latin text or a number', '1.\n2025年目标\n', ['1.', '2025年目标']],
    ['a mark with its own text', '1.开展质量攻关。\n推广追溯平台。\n', ['1.开展质量攻关。', '推广追溯平台。']],
    ['a mark at the end', '正文。\n1.\n', ['正文。', '1.']],
  ])('leaves %s', (_, src, out) => {
    expect(texts(src)).toEqual(out);
  });

  it('keeps every character at its source offset', () => {
    const src = '前言。\n  1\\.\n抓好农产品质量。\n';
    const [, b] = joinHangingMarks(fromText(src.replace('\\', '')));
    const s = src.replace('\\', '');
    expect(b?.text).toBe('1.抓好农产品质量。');
    for (let i = 0; i < (b?.text.length ?? 0); i++) expect(s[b?.offsets?.[i] as number]).toBe(b?.text[i]);
    expect(b?.line).toBe(2);
  });
});

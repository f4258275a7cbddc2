/** Tables of contents and `第一章` chapters with `一、` sections (the 规划 layout). */
import { describe, expect, it } from 'vitest';
import { tocLines, nestSections, classify } from '../src/outline/heads.js';
import { expectWithin } from './support/bounds.js';

describe('tables of contents', () => {
  it('reads a 目录 block without leaders up to the first entry printed again', () => {
    const lines = ['某县质量发展规划', '目录', '第一章 发展基础', '一、发展成效', '第二章 主要任务', '一、提升制造业', '第一章 发展基础', '一、发展成效', '全县质量工作取得明显成效。'];
    expect([...tocLines(lines)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });
  it('takes any line with a dotted leader and a page number as an entry', () => {
    expect([...tocLines(['正文。', '第三章 主要任务..................... 12', '一、推动制造业……………… 3'])]).toEqual([1, 2]);
  });
  it('leaves a lone 目录 link in page navigation alone', () => {
    const lines = ['首页', '目录', '某区质量强区建设实施方案', '为深入贯彻落实《质量强国建设纲要》,制定本方案。', '一、总体要求'];
    expect(tocLines(lines).size).toBe(0);
  });
  it('keeps a sentence that ends in a number', () => {
    expect(tocLines(['新增省级品牌企业达到 12', '培育龙头企业……10家']).size).toBe(0);
  });
});

describe('第一章 chapters with 一、 sections', () => {
  const heads = (lines: string[]) => {
    const hs = lines.map(classify);
    nestSections(hs);
    return hs.map((h) => h?.kind ?? null);
  };
  it('turns 一、 into sections when 第一章 chapters are printed', () => {
    expect(heads(['第一章 总体思路', '一、指导思想', '第二章 主要任务', '一、推动制造业', '(一)提升质量。'])).toEqual(['chapter', 'section', 'chapter', 'section', 'paren']);
  });
  it('leaves 一、 chapters alone without 第一章', () => {
    expect(heads(['一、总体要求', '二、重点任务'])).toEqual(['chapter', 'chapter']);
  });
  it('a single 第一部分 mention does not demote the chapters', () => {
    expect(heads(['一、总体要求', '第一部分 说明', '二、重点任务'])).toEqual(['chapter', 'chapter', 'chapter']);
  });
});

describe('contents leaders as PDF and Word print them', () => {
  it.each([
    ['第一章 发展基础 . . . . . . . . . . 2'],
    ['一、发展成效⋯⋯⋯⋯⋯⋯ 2'],
    ['第二章 总体思路 · · · · · · · 7'],
    ['第三章 主要任务______________ 10'],
  ])('%s', (line) => {
    expect(tocLines(['正文。', line]).has(1)).toBe(true);
  });
});

describe('contents on hostile input', () => {
  it('stays linear when every other line is 目录', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(i % 2 ? `条目${i}` : "目录");
    const t0 = performance.now();
    tocLines(lines);
    // quadratic would take minutes; linear takes milliseconds
    expectWithin(performance.now() - t0, 1_000, 'tocLines over 100,000 lines');
  });
});

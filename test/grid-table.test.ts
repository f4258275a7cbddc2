/** pandoc's grid tables: a page laid out in tables is opened into its cells' paragraphs; a data table is kept. */
import { describe, expect, it } from 'vitest';
import { fromText } from '../src/adapters/text.js';
import { expandGridTables } from '../src/adapters/grid-table.js';

const lines = (src: string) => src.split('\n').map((text, i, all) => ({ text, line: i + 1, offset: all.slice(0, i).reduce((n, l) => n + l.length + 1, 0) }));

// the plan in the right cell of a layout table, wrapped at 12 columns, after a menu cell
const LAYOUT = [
  '+----------+--------------+',
  '| -   首页 | 某县质量强县 |',
  '| -   公开 | 建设实施方案 |',
  '|          |              |',
  '|          | 一、总体要求 |',
  '|          |              |',
  '|          | 到2027年，合 |',
  '|          | 格率达到95%  |',
  '|          | 以上。       |',
  '|          |              |',
  '|          | 序号 指标    |',
  '|          | 单位 目标    |',
  '+----------+--------------+',
  '',
].join('\n');

describe('grid tables', () => {
  it('opens a layout table: cells in order, wrapped lines joined, list items apart', () => {
    expect(fromText(LAYOUT).map((b) => b.text)).toEqual([
      '-   首页', '-   公开', '某县质量强县建设实施方案', '一、总体要求', '到2027年，合格率达到95%以上。', '序号 指标 单位 目标',
    ]);
  });

  it('keeps every character at its source offset', () => {
    for (const b of fromText(LAYOUT)) {
      const at = b.offsets ?? Array.from({ length: b.text.length }, (_, i) => b.offset + i);
      for (let i = 0; i < b.text.length; i++) if (b.text[i] !== ' ') expect(LAYOUT[at[i] as number]).toBe(b.text[i]);
    }
  });

  it('counts wide characters as two columns and curly quotes as one, as pandoc does', () => {
    const src = '+------------+\n| 一         |\n|            |\n| 二         |\n|            |\n| 锚定“两个” |\n| 实施。     |\n+------------+\n';
    expect(fromText(src).map((b) => b.text)).toEqual(['一', '二', '锚定“两个”实施。']);
  });

  it('opens a nested layout table inside a cell', () => {
    const src = ['+----------------+', '| 导航           |', '| +------------+ |', '| | 第一段     | |', '| |            | |',
      '| | 第二段     | |', '| |            | |', '| | 第三段     | |', '| +------------+ |', '+----------------+', ''].join('\n');
    expect(fromText(src).map((b) => b.text)).toEqual(['导航', '第一段', '第二段', '第三段']);
  });

  it('leaves a data table of one-paragraph cells as pipe rows', () => {
    const src = ['+------+----------+', '| 序号 | 任务     |', '+======+==========+', '| 1    | 提升质量 |', '+------+----------+', ''].join('\n');
    expect(expandGridTables(lines(src))).toBeNull();
    expect(fromText(src).filter((b) => b.type === 'row').length).toBe(2);
  });

  it('is no table without a closing border', () => {
    expect(expandGridTables(lines('+-----+\n| 甲  |\n\n正文\n'))).toBeNull();
  });
});

describe('pandoc plain list items', () => {
  const src = '-   一、主要目标\n-   到2026年，新增企业\n    20 家。\n-   二、重点任务\n\n    缩进的正文\n';
  it('reads each item as its line, the bullet cut off and a wrapped line joined at its space', () => {
    expect(fromText(src).map((b) => b.text)).toEqual(['一、主要目标', '到2026年，新增企业 20 家。', '二、重点任务', '    缩进的正文']);
  });
  it('keeps every character at its source offset', () => {
    for (const b of fromText(src)) {
      const at = b.offsets ?? Array.from({ length: b.text.length }, (_, i) => b.offset + i);
      for (let i = 0; i < b.text.length; i++) expect(src[at[i] as number]).toBe(b.text[i]);
    }
  });
  it('leaves a dash with one space (a dash-led line of text) as it is', () => {
    expect(fromText('- 到2026年\n').map((b) => b.text)).toEqual(['- 到2026年']);
  });
});

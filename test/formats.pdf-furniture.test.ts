/**
 * Page furniture of PDFs (running headers, page numbers) against the text that looks like it: found by rendering
 * the seeds and fixtures/excerpts as DOCX and printing them with LibreOffice. Synthetic pages, made-up places.
 */
import { describe, expect, it } from 'vitest';
import { fromPdfPages } from '../src/adapters/pdf.js';
import type { PdfItem, PdfPage } from '../src/adapters/pdf-layout.js';

const SIZE = 12;
/** One item a line, left-aligned at 50, 18 points apart from the top of a 792-point page. */
const line = (str: string, n: number, x = 50): PdfItem => ({ str, x, y: 700 - n * 18, w: str.length * SIZE, size: SIZE });
const page = (items: PdfItem[]): PdfPage => ({ width: 612, height: 792, items });
/** A line in the bottom band of the page (below 15% of its height). */
const bottom = (str: string, x = 50): PdfItem => ({ str, x, y: 60, w: str.length * SIZE, size: SIZE });

describe('page numbers', () => {
  it('a table flattened one cell a line keeps the row numbers that end its pages, though two run with the pages by chance', () => {
    const pages: PdfPage[] = [];
    for (let i = 1; i <= 9; i++) {
      const items = [line(`指标名称${i}`, 0), line('95%', 1), line(`合格率${i}`, 2)];
      // the row numbers 5 and 6 end pages 3 and 4: printed number minus page is 2 on both
      if (i === 3 || i === 4) items.push(bottom(String(i + 2)));
      pages.push(page(items));
    }
    const text = fromPdfPages(pages).blocks.map((b) => b.text);
    expect(text).toContain('5');
    expect(text).toContain('6');
  });

  it('bare page numbers on every page are still dropped', () => {
    const pages = Array.from({ length: 9 }, (_, i) => page([line(`第${i + 1}页的正文，推进质量强市建设。`, 0), bottom(String(i + 1), 300)]));
    const out = fromPdfPages(pages);
    expect(out.blocks.map((b) => b.text).some((t) => /^\d+$/.test(t))).toBe(false);
  });
});

describe('running headers', () => {
  it('a header over page 2 of 2 (the first page set apart) that repeats the end of the title is dropped, the title kept', async () => {
    const header: PdfItem = { str: '质量强市建设实施方案', x: 220, y: 760, w: 120, size: 10 };
    const p1 = [line('青禾市人民政府办公室关于印发青禾市质量强市建设实施方案的通知', 0), line('青禾市人民政府办公室', 2, 300), line('2023年10月27日', 3, 300),
      line('青禾市质量强市建设实施方案', 5, 150), line('为深入贯彻落实《质量强国建设纲要》，制定本方案。', 6)];
    const p2 = [header, line('一、工作目标', 0), line('到2025年，全市制造业产品质量监督抽查合格率达到94%以上。', 1)];
    const out = fromPdfPages([page(p1), page(p2)]);
    expect(out.blocks.map((b) => b.text)).not.toContain('质量强市建设实施方案');
    const { extractPlan } = await import('../src/pipeline.js');
    const { plan } = await extractPlan(out.blocks.map((b) => b.text).join('\n'), { path: 'plan.txt' });
    expect(plan.meta.title).toBe('青禾市质量强市建设实施方案');
  });

  it('a page that starts lower than the others (a heading set apart) keeps its first line', () => {
    const p1 = [line('一、工作目标', 0), line('到2025年，全市制造业产品质量监督抽查合格率达到94%以上。', 1)];
    const p2 = [line('附件', 0), line('重点任务分工表', 4, 200), line('序号 重点任务 牵头单位', 5)];
    expect(fromPdfPages([page(p1), page(p2)]).blocks.map((b) => b.text)).toContain('附件');
  });
});

describe('spaces a PDF draws around digits', () => {
  it('none between a date or period and its 年/月/日 (digits in a fallback font, LibreOffice)', async () => {
    const { tidySpaces } = await import('../src/adapters/pdf-spaces.js');
    expect(tidySpaces('黄石市质量强市建设三年行动方案（2024—2026 年）', new Map())).toBe('黄石市质量强市建设三年行动方案（2024—2026年）');
    expect(tidySpaces('2023 年 10 月 27 日', new Map())).toBe('2023年10月27日');
    expect(tidySpaces('ISO 9001 认证', new Map())).toBe('ISO 9001 认证');
  });
});

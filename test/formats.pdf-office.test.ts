/** PDFs as office tools draw them (LibreOffice's export, Chromium's print of a page's tables), on synthetic pages. */
import { describe, expect, it } from 'vitest';
import { fromPdfPages } from '../src/adapters/pdf.js';
import type { PdfItem, PdfPage } from '../src/adapters/pdf-layout.js';

const page = (items: PdfItem[]): PdfPage => ({ width: 595, height: 842, items });
const at = (str: string, x: number, y: number, w: number, size = 10): PdfItem => ({ str, x, y, w, size });

describe('LibreOffice: marks set in the Western font inside a CJK run', () => {
  it('a quote drawn into the hole the run left for it is read in its place, and the line stays one paragraph', () => {
    // as pdf.js reads LibreOffice's PDF of `…98.5%以上，新增“好品山东”品牌50个，…`: the run carries a space at each
    // quote, the quotes come as items of their own inside the run, with space items over the holes
    const y = 674.7;
    const items = [
      at('格率达到', 56.8, y, 40), at(' ', 96.8, y, 2), at('95%', 98.8, y, 18), at('以上，农产品质量安全监测合格率稳定在', 116.8, y, 180),
      at(' ', 296.8, y, 2), at('98.5%', 298.8, y, 30), at(' ', 328.8, y, 50), at('“', 378.8, y, 6), at(' ', 384.8, y, 40), at('”', 424.8, y, 6),
      at('以上，新增 好品山东 品牌', 328.8, y, 122), at(' ', 450.8, y, 2), at('50', 452.8, y, 12), at(' ', 464.8, y, 2), at('个，主导制修订', 466.8, y, 70),
    ];
    const out = fromPdfPages([page(items)]);
    expect(out.blocks.map((b) => [b.type, b.text])).toEqual([['para', '格率达到 95%以上，农产品质量安全监测合格率稳定在 98.5%以上，新增“好品山东”品牌 50 个，主导制修订']]);
  });
  it('a run with a typed space and no mark over it keeps its space', () => {
    const out = fromPdfPages([page([at('中共某市委 某市人民政府', 100, 700, 115)])]);
    expect(out.blocks.map((b) => b.text)).toEqual(['中共某市委 某市人民政府']);
  });
});

/**
 * Real page layouts of printed plans (A4 official-document pages, running headers, centred titles, right-aligned
 * signatures, justified lines) read as PDF and as pdftotext output. Each case is a defect the rendered devset
 * showed (scripts/render-devset.mjs); the place names are made up.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromPdfPages } from '../src/adapters/pdf.js';
import type { PdfItem, PdfPage } from '../src/adapters/pdf-layout.js';
import { joinText, letterSpacing, unspaced } from '../src/adapters/pdf-spaces.js';
import { fromText } from '../src/adapters/text.js';
import { extractPlan } from '../src/pipeline.js';
import type { Plan } from '../src/model.js';

/** An A4 page in points; body text 16pt from x=80, 28 characters a line (448pt), 22.8pt apart. */
const H = 842, LEFT = 80, SIZE = 16, PITCH = 22.8;
const at = (str: string, row: number, x = LEFT, size = SIZE): PdfItem => ({ str, x, y: 730 - row * PITCH, w: [...str].length * size, size });
/** A line centred on the text block. */
const centred = (str: string, row: number, size = SIZE): PdfItem => at(str, row, LEFT + (448 - [...str].length * size) / 2, size);
const page = (items: PdfItem[]): PdfPage => ({ width: 595, height: H, items });
const texts = (p: PdfPage[]) => fromPdfPages(p).blocks.map((b) => b.text);
const FULL = '为全面提升质量总体水平推动高质量发展根据纲要精神结合本市实际制定'; // 28 characters: a full line

describe('letter-spaced justified lines', () => {
  it('finds the spaces of a letter-spaced line and keeps those between Latin words and between names', () => {
    const s = '组 织 和 个 人 30 个 , 新 认 证 “ 澜 川 名 品 ”100 个 以 上 ; 通 过 ISO 9001 认 证';
    const gaps = letterSpacing(s);
    expect(s.split('').filter((_, i) => !gaps.has(i)).join('')).toBe('组织和个人30个,新认证“澜川名品”100个以上;通过ISO 9001认证');
    expect(letterSpacing('中共澜川市委 澜川市人民政府关于加快建设质量强市的实施意见').size).toBe(0);
    expect(letterSpacing('a b c d').size).toBe(0);
  });

  it('unspaces a letter-spaced line of a text file, each character at its offset', () => {
    const line = '关 于 印 发 质 量 强 市 方 案 的 通 知';
    const u = unspaced(line, 100);
    expect(u?.text).toBe('关于印发质量强市方案的通知');
    expect(u?.offsets.map((o) => line[o - 100] ?? 'END')).toEqual([...'关于印发质量强市方案的通知', 'END']);
    expect(unspaced('序号 指标名称 单位 目标值', 0)).toBeNull();
    const blocks = fromText('一、主要目标\n澜 川 市 质 量 强 市 建 设 实 施 方 案\n');
    expect(blocks.map((b) => b.text)).toEqual(['一、主要目标', '澜川市质量强市建设实施方案']);
    expect(blocks[1]?.offsets?.[1]).toBe(9);
  });

  it('reads a letter-spaced line of a PDF paragraph without its spaces, so the target in it is whole', () => {
    // justified: every line but the last spans the text width
    const full = (str: string, row: number, x = LEFT): PdfItem => ({ ...at(str, row, x), w: LEFT + 448 - x });
    const items = [
      full(FULL.slice(2), 0, LEFT + 2 * SIZE), full('到2027年,新培育获得澜川质量奖(提名奖)组织', 1),
      full('和 个 人 30 个 , 新 认 证 “ 澜 川 名 品 ”100 个 以 上 ; 新', 2), at('建质检中心3家以上。', 3),
    ];
    expect(texts([page(items)]).join('\n')).toContain('组织和个人30个,新认证“澜川名品”100个以上;新建质检中心3家以上。');
  });

  it('reads a letter-spaced line of pdftotext output without its spaces, every character at its place in the file', () => {
    const W = '为全面贯彻党的二十大精神,认真落实工作部署,加快建设质量强市,推动高质量发展,提';
    const lines = [
      ...Array.from({ length: 8 }, () => W),
      '组 织 和 个 人 30 个 , 新 认 证 “ 澜 川 名 品 ”100 个 以 上 ; 新 建 质 检 中 心 3 家',
      '以上。',
    ];
    const text = lines.join('\n');
    const block = fromText(text).find((b) => b.text.includes('新认证')) as { text: string; offsets?: number[] };
    expect(block.text).toContain('组织和个人30个,新认证“澜川名品”100个以上;新建质检中心3家以上。');
    for (let i = 0; i < block.text.length; i++) expect(text[block.offsets?.[i] as number]).toBe(block.text[i]);
  });
});

describe('spaces as LibreOffice draws them', () => {
  /** Items of one line laid left to right: a string is a run of 16pt glyphs (a space between CJK runs is 0.5 em), a number a space item that wide. */
  const line = (parts: Array<string | number>, row: number): PdfItem[] => {
    let x = LEFT;
    return parts.map((p) => {
      const it: PdfItem = typeof p === 'number'
        ? { str: ' ', x, y: 730 - row * PITCH, w: p, size: SIZE }
        : { str: p, x, y: 730 - row * PITCH, w: [...p].reduce((w, ch) => w + (ch === ' ' ? 8 : ch.charCodeAt(0) < 0x2000 ? 8 : SIZE), 0), size: SIZE };
      x += it.w;
      return it;
    });
  };

  it('drops a space beside Chinese text inside brackets, quotes and before a mark, and keeps one typed after a comma', () => {
    const lines = [
      line(['澜川市人民政府关于印发', 8, '“', 7, '十二五', 7, '”', 8, '规划', 6, '(', 6, '2011-2015年', 7, ')', 8, '的通知'], 0),
      line(['要把质量发展摆在重要位置,', 5, '把握重点', 6, ':', 7, '解决难点。'], 0),
      line(['通过ISO', 4, '9001', 4, '(2015)', 5, '认证。'], 0),
    ];
    expect(lines.map((l) => texts([page(l)]).join('\n'))).toEqual(['澜川市人民政府关于印发“十二五”规划(2011-2015年)的通知', '要把质量发展摆在重要位置, 把握重点: 解决难点。', '通过ISO 9001 (2015)认证。']);
  });

  it('takes the spaces out of a letter-spaced line but keeps one drawn twice as wide as the others', () => {
    const items = line(['新 闻 来 源', 9, ':', 8, '常 委 秘 书 室', 22, '添 加 时 间', 9, ':2019-01-14'], 0);
    expect(texts([page(items)])).toEqual(['新闻来源:常委秘书室 添加时间:2019-01-14']);
  });

  it('measures the letter spacing from the runs pdf.js spaced out, so the real spaces of a table row typed with spaces stay', () => {
    const items = line(['1', 13.3, '制 造 业 产 品 质 量 合 格 率', 19.3, '%', 12, '预 期 性'], 0);
    expect(texts([page(items)])).toEqual(['1 制造业产品质量合格率 % 预期性']);
  });
});

describe('short lines spaced out', () => {
  it('reads a line of single characters spaced out without its spaces, and keeps the space between two names', () => {
    const tidy = (s: string) => { const g = letterSpacing(s); return s.split('').filter((_, i) => !g.has(i)).join(''); };
    expect(tidy('通 知')).toBe('通知');
    expect(tidy('张 三')).toBe('张三');
    expect(tidy('澜川市人民政府 2023 年 3月 24 日')).toBe('澜川市人民政府 2023 年 3月 24 日');
    expect(tidy('中共澜川市委 澜川市人民政府')).toBe('中共澜川市委 澜川市人民政府');
  });

  it('reads a document number spaced out by a justified line without its spaces', async () => {
    const text = '澜川市人民政府关于印发澜川市质量强市建设实施方案的通知\n澜 府〔2023〕 28 号\n各区人民政府：\n现将方案印发给你们。\n';
    const { plan } = await extractPlan(new TextEncoder().encode(text), { path: 'notice.txt' });
    expect(plan.meta.doc_number).toBe('澜府〔2023〕28号');
  });
});

describe('titles centred over two lines', () => {
  it('joins a PDF title broken inside its book-title marks, and one broken after 关于', () => {
    const items = [
      centred('澜川市人民政府关于贯彻落实《质量强国建设', 0, 22), centred('纲要》的实施意见', 1.5, 22),
      at(`　　${FULL.slice(2)}`, 3), at('本意见。', 4),
      centred('中共澜川市委 澜川市人民政府关于开展质量', 6, 22), centred('提升行动加快建设质量强市的实施意见', 7.5, 22),
    ];
    const got = texts([page(items)]);
    expect(got).toContain('澜川市人民政府关于贯彻落实《质量强国建设纲要》的实施意见');
    expect(got).toContain('中共澜川市委 澜川市人民政府关于开展质量提升行动加快建设质量强市的实施意见');
  });

  it('joins a title that pdftotext wrote on two lines, but not a title over its period', () => {
    const W = '为全面贯彻党的二十大精神,认真落实工作部署,加快建设质量强市,推动高质量发展,提';
    const text = [
      '中共澜川市委 澜川市人民政府关于开展质量', '提升行动加快建设质量强市的实施意见',
      '澜川市质量强市建设行动方案', '(2023-2027年)', ...Array.from({ length: 8 }, () => W), '高人民群众质量获得感。',
    ].join('\n');
    const got = fromText(text).map((b) => b.text);
    expect(got[0]).toBe('中共澜川市委 澜川市人民政府关于开展质量提升行动加快建设质量强市的实施意见');
    expect(got.slice(1, 3)).toEqual(['澜川市质量强市建设行动方案', '(2023-2027年)']);
  });

  it('joins a breadcrumb that the wrap cut after a separator, and not one that ends on a place', () => {
    // wrapped at the width of the cut breadcrumb line
    const W = '为全面贯彻党的二十大精神认真落实工作部署加快建设质量强市推动高质';
    const body = [...Array.from({ length: 8 }, () => W), '量发展。'];
    const cut = fromText(['您当前的位置：首页 > 政务公开 > 重点领域信息公开 >', '市场监管', '澜川市质量强市建设行动方案', ...body].join('\n'));
    expect(cut.map((b) => b.text).slice(0, 2)).toEqual(['您当前的位置：首页 > 政务公开 > 重点领域信息公开 >市场监管', '澜川市质量强市建设行动方案']);
    const whole = fromText(['您当前的位置：首页 > 政务公开 > 重点领域信息 > 市场监管', '澜川市质量强市建设行动方案', ...body].join('\n'));
    expect(whole.map((b) => b.text)[1]).toBe('澜川市质量强市建设行动方案');
  });

  it('keeps a title apart from its dated line and from a byline under it, and rejoins a date the wrap cut', () => {
    const W = '为全面贯彻党的二十大精神认真落实工作部署加快建设质量强市推动高质';
    const body = [...Array.from({ length: 8 }, () => W), '量发展。'];
    const head = [
      '中共澜川市委 澜川市人民政府关于加快建设质量强市的实施意见', '（2023年10月9日）',
      '澜川市市场监管局负责人就《澜川市质量强市建设实施方案》答记者问', '2023-08-03 16:20　来源：澜川市市场监督管理局',
      '文　　号：澜政发〔2023〕35号　　发布时间：2023-1', '2-01 10:30:00',
    ];
    expect(fromText([...head, ...body].join('\n')).map((b) => b.text).slice(0, 5)).toEqual([
      '中共澜川市委 澜川市人民政府关于加快建设质量强市的实施意见', '（2023年10月9日）',
      '澜川市市场监管局负责人就《澜川市质量强市建设实施方案》答记者问', '2023-08-03 16:20　来源：澜川市市场监督管理局',
      '文　　号：澜政发〔2023〕35号　　发布时间：2023-12-01 10:30:00',
    ]);
  });
});

describe('running headers that repeat a line of the text', () => {
  const HEADER = '澜川市人民政府办公室';
  it('keeps the issuer line under a PDF running header that prints the issuer', () => {
    const head = (n: number): PdfItem[] => [{ str: HEADER, x: 250, y: 800, w: 105, size: 10.5 }, { str: `— ${n} —`, x: 280, y: 40, w: 50, size: 14 }];
    const p1 = [...head(1), at(HEADER, 0), at('关于印发澜川市质量强市建设实施方案的通知', 1), at(`　　${FULL.slice(2)}`, 2), at(FULL, 3)];
    const p2 = [...head(2), at(FULL, 0), at('实施。', 1)];
    const got = texts([page(p1), page(p2)]);
    expect(got[0]).toBe(HEADER);
    expect(got.filter((t) => t === HEADER)).toHaveLength(1);
  });

  it('keeps the issuer line under a pdftotext running header, and drops a wrapped footer and a page number split in two', () => {
    const W = '为全面贯彻党的二十大精神,认真落实工作部署,加快建设质量强市,推动高质量发展,提';
    const foot = (n: number) => ['', '抄送:市委各部门,市人大常委会办公室,市', '政协办公室。', '', `— ${n}`, '—', ''];
    const text = [
      HEADER, '', HEADER, '关于印发澜川市质量强市建设实施方案的通知', W, W, W, W, W, ...foot(1),
      `\f${HEADER}`, '', W, W, W, W, '农产品质量安全例行监测合格率达到', '98%以上。', ...foot(2), '\f',
    ].join('\n');
    const got = fromText(text).map((b) => b.text);
    expect(got[0]).toBe(HEADER);
    expect(got.filter((t) => t === HEADER)).toHaveLength(1);
    expect(got.some((t) => t.includes('抄送') || t.includes('政协办公室') || /^—/.test(t))).toBe(false);
    // the paragraph runs on over the page break
    expect(got.filter((t) => t.startsWith('为全面贯彻'))).toHaveLength(1);
  });
});

describe('right-aligned signature and date', () => {
  it('does not run a right-aligned date on into the centred title under it, when most lines of the page are indented', () => {
    const indent = LEFT + 2 * SIZE;
    const items = [
      at('各区人民政府,市政府各部门:', 0, indent), at('现将方案印发给你们,请认真贯彻实施。', 1, indent),
      at('澜川市人民政府', 2, indent), at('2012年11月26日', 3, LEFT + 448 - 7.5 * SIZE),
      at('澜川市实施质量兴市战略“十二五”规划', 4, indent), at('(2011-2015年)', 5, indent),
      at('“十二五”时期是全市上下深入落实科学发展观的关键时期,', 6, indent), at('一、过去五年工作总体回顾', 7, indent),
    ];
    expect(texts([page(items)])).toContain('2012年11月26日');
  });
});

describe('numbered items with a hanging indent', () => {
  it('joins the wrapped lines of a numbered item that hang under its text, on a page of first-line-indented paragraphs', () => {
    const full = (str: string, row: number, x = LEFT): PdfItem => ({ ...at(str, row, x), w: LEFT + 448 - x });
    const items: PdfItem[] = [];
    let r = 0;
    for (let k = 0; k < 4; k++) items.push(full(FULL.slice(2), r++, LEFT + 2 * SIZE), full(FULL, r++), at('实施。', r++));
    items.push(full('1.夯实产业基础质量。实施产业基础再造工程,加快关键基础', r++), full('材料、核心基础零部件和基础工艺攻关,推动重点产业链', r++, LEFT + 2 * SIZE));
    items.push(at('补链延链强链。(牵头单位:市经济信息委)', r++, LEFT + 2 * SIZE));
    expect(texts([page(items)]).at(-1)).toBe('1.夯实产业基础质量。实施产业基础再造工程,加快关键基础材料、核心基础零部件和基础工艺攻关,推动重点产业链补链延链强链。(牵头单位:市经济信息委)');
    // first-line indents stay paragraph starts
    expect(texts([page(items)])).toHaveLength(5);
  });
});

describe('a news subheading repeated in the wrapped paragraph under it', () => {
  it('keeps the paragraph copy only, though the paragraph spans more than eight lines of pdftotext output', async () => {
    const W = '为全面贯彻党的二十大精神,认真落实工作部署,加快建设质量强市,推动高质量发展,提';
    const text = [
      '近日,澜川区政府办公室印发了《澜川区关于贯彻落实<质量强国建设纲要>的实施方', '案》,到2025年,全区质量供给环境将进一步优化,质量供给体系全面提升,质量文', '化建设迈上新台阶。',
      '加强消费质量保障', '首店、旗舰店、创新店累计落地超过500个',
      W, W, W, W, W, W, W, W, '聚,2020年到2025年期间计划累计落地首店(旗舰店、创新店)超过500个。',
    ].join('\n');
    const { plan } = await extractPlan(text, { path: 'news.txt' });
    expect(plan.targets.filter((t) => t.value === 500).map((t) => t.quote)).toEqual(['计划累计落地首店(旗舰店、创新店)超过500个']);
  });
});

describe('a made-up plan printed as an official document (fixtures/documents/official-pages)', () => {
  // three A4 pages: running header, wrapped footer, `— 2 —` split by pdftotext, a title centred over two lines, an
  // indicator table crossing a page break with its header row repeated, numbered tasks with a hanging indent
  const DIR = 'fixtures/documents/official-pages';
  const read = async (file: string) => (await extractPlan(readFileSync(`${DIR}/${file}`), { path: file })).plan;
  const tasks = (p: Plan) => p.tasks.map((t) => ({ id: t.id, title: t.title, lead: t.lead, responsible: t.responsible, units_etc: t.units_etc }));
  const targets = (p: Plan) => p.targets.map((t) => `${t.indicator} ${t.comparator} ${t.value}${t.unit} (${t.year})`);
  const TITLE = '澜川市人民政府关于贯彻落实《质量强国建设纲要》加快建设质量强市的实施方案';

  it('reads the PDF and pdftotext -layout to the tasks and the 23 targets of the source text, the title whole', async () => {
    const source = await read('source.txt');
    expect(targets(source)).toHaveLength(23);
    for (const file of ['print.pdf', 'pdftotext-layout.txt']) {
      const plan = await read(file);
      expect(plan.meta.title, file).toBe(TITLE);
      expect(plan.meta.notice_title, file).toBe('澜川市人民政府办公室关于印发澜川市质量强市建设实施方案的通知');
      expect(tasks(plan), file).toEqual(tasks(source));
      expect(targets(plan), file).toEqual(targets(source));
    }
  });

  it('reads the PDF table rows across the page break, once each, and puts each task on its page', async () => {
    const plan = await read('print.pdf');
    const table = plan.targets.filter((t) => /^(?:质量认证证书数量|制造业产品质量合格率|农业标准化生产普及率)$/.test(t.indicator));
    expect(table.map((t) => [t.indicator, t.page])).toEqual([['制造业产品质量合格率', 1], ['质量认证证书数量', 2], ['农业标准化生产普及率', 2], ['制造业产品质量合格率', 1]]);
    expect(plan.tasks.map((t) => t.page)).toEqual([2, 2, 3, 3, 3, 3]);
  });

  it('reads default pdftotext to the same tasks, the title and the targets of the text', async () => {
    const [source, plan] = [await read('source.txt'), await read('pdftotext.txt')];
    expect(plan.meta.title).toBe(TITLE);
    expect(tasks(plan)).toEqual(tasks(source));
    expect(targets(plan)).toEqual(targets(source).slice(18));
  });
  it.todo('reads the indicator table of default pdftotext output (printed column by column, interleaved with the footer)');
});

describe('a plain-text plan with a pipe table', () => {
  it('is not taken for hard-wrapped text because its table rows share a width', async () => {
    const bytes = readFileSync('fixtures/documents/official-pages/source.txt');
    const { plan } = await extractPlan(bytes, { path: 'source.txt' });
    expect(plan.diagnostics.map((d) => d.code)).not.toContain('text-unwrapped');
    expect(plan.meta.notice_title).toBe('澜川市人民政府办公室关于印发澜川市质量强市建设实施方案的通知');
    expect(plan.meta.doc_number).toBe('澜府办发〔2024〕12号');
  });
});

describe('a number cut by the line end', () => {
  it('is one number again in Chinese text, while Latin words and codes keep their space', () => {
    expect(joinText('制造业产品质量合格率达到9', '9%以上')).toBe('制造业产品质量合格率达到99%以上');
    expect(joinText('新建5G基站1', '200个')).toBe('新建5G基站1200个');
    expect(joinText('通过ISO', '9001认证')).toBe('通过ISO 9001认证');
    expect(joinText('GB/T 19001-', '2016')).toBe('GB/T 19001-2016');
    // digits after a dash, a comma or a space (English punctuation, spaced numbers) are the same number
    expect(joinText('行动方案(2023—202', '7年)')).toBe('行动方案(2023—2027年)');
    expect(joinText('质量水平明显提升,2', '5家企业')).toBe('质量水平明显提升,25家企业');
    expect(joinText('累计达到 30', '0 家')).toBe('累计达到 300 家');
    expect(joinText('version 2', 'or later')).toBe('version 2 or later');
  });
});

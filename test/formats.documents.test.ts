/**
 * PDF, DOCX and text converted from PDF give the plan of the plain-text seed. The renderings are made by
 * `npm run documents` (fixtures/documents/<seed>/): print.pdf (Chromium prints the HTML variant), plan.docx
 * (Word automatic numbering), pdftotext.txt (`pdftotext print.pdf`); a fourth, the seed hard-wrapped at 38
 * characters with page-number lines, is made here. Meta, tasks (id, kind, title, lead, responsible,
 * units_etc) and targets (indicator, value, unit, comparator, year) are compared field by field.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../src/pipeline.js';
import { readZip } from '../src/adapters/zip.js';
import { parseXml } from '../src/adapters/xml.js';
import { Numbering, chineseNumber } from '../src/adapters/docx-numbering.js';
import type { Plan } from '../src/model.js';
import { SEEDS } from './helpers.js';

const TASK_FIELDS = ['id', 'kind', 'title', 'lead', 'responsible', 'units_etc'] as const;
const TARGET_FIELDS = ['indicator', 'value', 'unit', 'comparator', 'year'] as const;

/**
 * Meta fields a rendering cannot carry. pdftotext prints the CMS metadata table column by column (all labels,
 * then all values), so 发布日期/发布机构 lose their labels, and the cell `发布时间:2024-08-30` wrapped inside its
 * table cell comes out as `发布时间:2024-` … `08-30` lines apart: `published` and `issuer` are not comparable.
 */
const META_EXCLUDED: Record<string, string[]> = { 'pdftotext.txt': ['published', 'issuer'] };

const read = new Map<string, Promise<Plan>>();
/** The plan of a file (read once per file: the PDFs take a second each and several tests look at them) or of bytes. */
function plan(path: string, bytes?: Uint8Array): Promise<Plan> {
  if (bytes) return extractPlan(bytes, { path }).then((r) => r.plan);
  if (!read.has(path)) read.set(path, extractPlan(readFileSync(path), { path }).then((r) => r.plan));
  return read.get(path)!;
}

/** The seed hard-wrapped at 38 characters, with a `- n -` page-number line every 40 lines. */
function wrapped38(seedText: string): string {
  const lines: string[] = [];
  for (const l of seedText.split('\n')) {
    const cs = [...l.trim()];
    if (cs.length === 0) lines.push('');
    for (let i = 0; i < cs.length; i += 38) lines.push(cs.slice(i, i + 38).join(''));
  }
  const out: string[] = [];
  lines.forEach((l, i) => { out.push(l); if (i % 40 === 39) out.push(`- ${Math.floor(i / 40) + 1} -`); });
  return out.join('\n');
}

function compare(got: Plan, base: Plan, excluded: string[] = []): void {
  for (const [k, v] of Object.entries(base.meta)) if (!excluded.includes(k)) expect((got.meta as Record<string, unknown>)[k], `meta.${k}`).toEqual(v);
  expect(got.tasks.length, 'task count').toBe(base.tasks.length);
  base.tasks.forEach((t, i) => {
    for (const f of TASK_FIELDS) expect(got.tasks[i]?.[f], `task ${t.id} ${f}`).toEqual(t[f]);
  });
  expect(got.targets.length, 'target count').toBe(base.targets.length);
  base.targets.forEach((t, i) => {
    for (const f of TARGET_FIELDS) expect(got.targets[i]?.[f], `target ${t.quote} ${f}`).toEqual(t[f]);
  });
}

describe('PDF, DOCX and pdftotext renderings give the plain-text plan', () => {
  for (const seed of SEEDS) {
    describe(seed, () => {
      const base = plan(`seeds/${seed}.txt`);
      for (const [file, format] of [['print.pdf', 'pdf'], ['plan.docx', 'docx'], ['pdftotext.txt', 'text']] as const) {
        it(file, async () => {
          const got = await plan(`fixtures/documents/${seed}/${file}`);
          expect(got.source.format).toBe(format);
          compare(got, await base, META_EXCLUDED[file]);
          const repaired = got.diagnostics.find((d) => d.code === (format === 'pdf' ? 'pdf-layout' : 'text-unwrapped'));
          if (format !== 'docx') expect(repaired?.severity).toBe('info');
        });
      }
      it('text hard-wrapped at 38 characters with page-number lines', async () => {
        const text = wrapped38(readFileSync(`seeds/${seed}.txt`, 'utf8'));
        const got = await plan('wrapped.txt', new TextEncoder().encode(text));
        compare(got, await base);
        expect(got.diagnostics.some((d) => d.code === 'text-unwrapped')).toBe(true);
        // lines point at the original lines: each task's line shows the start of its title
        const lines = text.split('\n');
        for (const t of got.tasks) expect(lines[t.line - 1], `task ${t.id}`).toContain(t.title.slice(0, 6));
      });
    });
  }

  it('a plan with one paragraph per line is not taken for hard-wrapped text', async () => {
    for (const seed of SEEDS) expect((await plan(`seeds/${seed}.txt`)).diagnostics.map((d) => d.code)).not.toContain('text-unwrapped');
  });
});

/** pdftotext's own lines of one page (poppler, independent of pdf.js), merged into bands as a reader sees them. */
function popplerLines(path: string, page: number): string[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  const lines = [...html.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
    top: Number(m[1]), bottom: Number(m[2]), text: [...(m[3] as string).matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
  })).sort((a, b) => a.top - b.top);
  const bands: Array<{ top: number; bottom: number; text: string }> = [];
  for (const l of lines) {
    const last = bands[bands.length - 1];
    if (last && Math.min(last.bottom, l.bottom) - Math.max(last.top, l.top) > 0.3 * (l.bottom - l.top)) { last.text += l.text; last.bottom = Math.max(last.bottom, l.bottom); } else bands.push({ ...l });
  }
  return bands.map((b) => b.text);
}

const hasPoppler = (() => { try { execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; } })();

describe('PDF positions', () => {
  for (const seed of SEEDS) {
    it.skipIf(!hasPoppler)(`${seed}: each task's page and line show its title`, async () => {
      const path = `fixtures/documents/${seed}/print.pdf`;
      const got = await plan(path);
      const pages = new Map<number, string[]>();
      for (const t of got.tasks) {
        expect(t.page, `task ${t.id} page`).toBeGreaterThan(0);
        const lines = pages.get(t.page as number) ?? popplerLines(path, t.page as number);
        pages.set(t.page as number, lines);
        const squash = (s: string) => s.replace(/\s+/g, '');
        expect(squash(lines[t.line - 1] ?? ''), `task ${t.id} at page ${t.page} line ${t.line}`).toContain(squash(t.title).slice(0, 8));
      }
      for (const t of got.targets) expect(t.page).toBeGreaterThan(0);
      for (const c of got.columns) expect(c.page).toBeGreaterThan(0);
    });
  }

  it('a 附件 table turned a quarter on its page (landscape on portrait) is read as rows, on its own page number', async () => {
    const got = await plan('fixtures/documents/special/turned-table.pdf');
    expect(got.targets.map((t) => [t.indicator, t.value, t.year, t.page])).toEqual([
      ['制造业产品质量合格率', 95, 2025, 2], ['食品评价性抽检合格率', 98.5, 2025, 2], ['主导制修订标准数', 20, 2025, 2],
    ]);
  });

  it('a non-embedded STSong-Light font (UniGB-UCS2-H) is read through the CMaps; a task over a page break is one block', async () => {
    const got = await plan('fixtures/documents/special/stsong.pdf');
    expect(got.tasks.map((t) => [t.id, t.title, t.lead, t.responsible])).toEqual([
      ['1', '提升产品质量', ['区市场监管局'], ['区工信局', '区商务局']],
      ['2', '加强标准引领', [], ['区市场监管局', '区工信局']],
    ]);
    expect(got.tasks.map((t) => [t.page, t.line])).toEqual([[1, 3], [1, 7]]);
    expect(got.targets.map((t) => [t.indicator, t.value, t.unit])).toEqual([['制造业产品质量合格率', 95, '%'], ['培育质量标杆企业', 10, '家'], ['新增制修订标准', 10, '项']]);
    // the page numbers `— 1 —` and `— 2 —` are not text of the plan
    expect(got.tasks[1]?.text).not.toMatch(/—\s*\d/);
  });

  it('an encrypted PDF and a scanned PDF are refused with a message that says what to do', async () => {
    await expect(plan('fixtures/documents/special/encrypted.pdf')).rejects.toThrow(/encrypted with a password.*qpdf/);
    await expect(plan('fixtures/documents/special/scanned.pdf')).rejects.toThrow(/no text layer.*OCR/);
    await expect(plan('broken.pdf', new TextEncoder().encode('%PDF-1.4\ngarbage'))).rejects.toThrow(/not a readable PDF/);
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const xml = (s: string) => parseXml(s);
function numbering(levels: string, nums: string, styles = ''): Numbering {
  return new Numbering(xml(`<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum>${nums}</w:numbering>`), styles ? xml(`<w:styles ${W}>${styles}</w:styles>`) : undefined);
}
const lvl = (i: number, fmt: string, text: string, extra = '') => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const pPr = (numId: string, ilvl: number) => xml(`<w:pPr ${W}><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`);

describe('DOCX automatic numbering', () => {
  const levels = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）') + lvl(2, 'decimal', '%3.', '<w:suff w:val="nothing"/>');

  it('counts per level, restarts under a new parent item, and formats chineseCounting', () => {
    const n = numbering(levels, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>');
    const seq = [0, 1, 2, 2, 1, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1].map((i) => n.label(pPr('1', i)));
    expect(seq.slice(0, 7)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '1.', '二、']);
    expect(seq.slice(-1)).toEqual(['（十一）']);
  });

  it('a num with startOverride restarts the level where it is first used; others continue the list', () => {
    const n = numbering(levels, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride></w:num>');
    expect([n.label(pPr('1', 0)), n.label(pPr('1', 1)), n.label(pPr('1', 0)), n.label(pPr('2', 1)), n.label(pPr('1', 1))]).toEqual(['一、', '（一）', '二、', '（三）', '（四）']);
  });

  it('numbering through a paragraph style (basedOn followed), and numId 0 switches it off', () => {
    const n = numbering(levels, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      '<w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>');
    const styled = xml(`<w:pPr ${W}><w:pStyle w:val="H1b"/></w:pPr>`);
    expect(n.label(styled)).toBe('一、');
    expect(n.label(styled)).toBe('二、');
    expect(n.label(xml(`<w:pPr ${W}><w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>`))).toBe('');
  });

  it('Chinese counting', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map((k) => chineseNumber(k))).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
  });

  it('the generated DOCX carries its labels as numbering, not as text', async () => {
    const seed = SEEDS[4] as string;
    const bytes = readFileSync(`fixtures/documents/${seed}/plan.docx`);
    const parts = readZip(bytes);
    const doc = new TextDecoder().decode(parts.get('word/document.xml')?.());
    expect(new TextDecoder().decode(parts.get('word/numbering.xml')?.())).toMatch(/chineseCounting[\s\S]*lvlOverride[\s\S]*startOverride/);
    expect(doc).toMatch(/<w:numPr>/);
    expect(doc).toMatch(/<w:pStyle w:val="PlanChapter"\/>/);
    // without numbering.xml the labels are gone, and with them the tasks
    const { zipWithout } = await import('./support/zip-edit.js');
    const bare = await plan('bare.docx', zipWithout(bytes, 'word/numbering.xml'));
    expect(bare.tasks.length).toBeLessThan((await plan(`seeds/${seed}.txt`)).tasks.length / 2);
  });
});

describe('the CLI on a folder of documents', () => {
  it('reads .pdf and .docx, and names every file it could not read, with what to do', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync, mkdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runCli } = await import('./helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'qplan-documents-'));
    try {
      mkdirSync(join(dir, 'sub'));
      copyFileSync(`fixtures/documents/${SEEDS[4]}/plan.docx`, join(dir, 'plan.docx'));
      copyFileSync('fixtures/documents/special/stsong.pdf', join(dir, 'sub', 'stsong.pdf'));
      copyFileSync('fixtures/documents/special/scanned.pdf', join(dir, 'sub', 'scan.pdf'));
      writeFileSync(join(dir, 'old.doc'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
      writeFileSync(join(dir, 'sub', 'e.wps'), 'x');
      writeFileSync(join(dir, 'sub', 'notice.ofd'), 'x');
      const r = await runCli(['extract', '-f', 'ndjson', '-j', '1', dir]);
      expect(r.code).toBe(2);
      const plans = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Plan);
      expect(plans.map((p) => p.source.format).sort()).toEqual(['docx', 'pdf']);
      expect(r.stderr).toMatch(/old\.doc: error: not read: .*soffice --headless --convert-to docx old\.doc/);
      expect(r.stderr).toMatch(/e\.wps: error: not read: .*soffice --headless --convert-to docx e\.wps/);
      expect(r.stderr).toMatch(/notice\.ofd: error: not read: .*export it as PDF or DOCX/);
      expect(r.stderr).toMatch(/scan\.pdf: error: .*no text layer/);
      expect(r.stderr).toMatch(/4 of 6 inputs could not be read: /);
      for (const name of ['old.doc', 'e.wps', 'notice.ofd', 'scan.pdf']) expect(r.stderr.split('\n').find((l) => l.includes('could not be read'))).toContain(name);
      expect(r.stderr.split('\n').at(-2)).toBe('qplan extract: 6 inputs: 1 ok, 1 with warnings, 0 with errors, 4 not read');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

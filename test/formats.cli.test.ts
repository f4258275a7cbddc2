/**
 * The CLI on real-world inputs: broken and binary files are refused with a clear message naming the file, exit 2
 * and nothing on stdout; `--from` and `--encoding` override detection; stdin is sniffed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, SEEDS } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'qplan-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, bytes: Uint8Array | string) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x21, 0x08, 0x43, 0x57, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0]);

describe('broken inputs are refused: clear message naming the file, exit 2, no output', () => {
  const cases: Array<[string, string, Uint8Array | string, RegExp]> = [
    ['a PNG image', 'scan.png', PNG, /PNG image/],
    ['a PNG image named .txt', 'plan.txt', PNG, /PNG image/],
    ['a zip archive', 'plan.docx.zip', ZIP, /zip archive/],
    ['an empty file (whitespace only)', 'blank.txt', ' \n\n\t\u3000\n', /empty/],
    ['a 0-byte text file', 'zero.txt', '', /empty \(0 bytes\)/],
    ['an HTML page with no readable text', 'blank.html', '<html><head><title>x</title></head><body><div><script>document.write("一、总体要求")</script></div></body></html>', /no readable text/],
    ['a 0-byte HTML page', 'zero.html', '', /empty/],
    ['an empty Markdown note', 'empty.md', '\n\n---\n\n', /no readable text/],
  ];
  for (const [what, name, bytes, message] of cases) {
    it(what, async () => {
      const p = file(name, bytes);
      const r = await runCli(['extract', p]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(p);
      expect(r.stderr).toMatch(/error/);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|    at /);
    });
  }

  it('in a batch, the good files are still read and the run fails', async () => {
    const bad = file('bad.png', PNG);
    const r = await runCli(['extract', '--format', 'json', bad, `seeds/${SEEDS[1]}.txt`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(bad);
    expect(JSON.parse(r.stdout).meta.jurisdiction).toBeTruthy();
  });
});

describe('a file whose name says another format than its content', () => {
  const v = `fixtures/variants/${SEEDS[1]}`, d = `fixtures/documents/${SEEDS[1]}`;
  const cases: Array<[string, string, string, string]> = [
    ['an HTML page saved as .txt', `${v}/page.html`, 'page.txt', 'html'],
    ['an HTML page saved as .md', `${v}/page.html`, 'page.md', 'html'],
    ['a PDF named .txt', `${d}/print.pdf`, 'print.txt', 'pdf'],
    ['a DOCX named .html', `${d}/plan.docx`, 'plan.html', 'docx'],
    ['a Markdown note saved as .txt (`## 一、…` headings)', `${v}/plan.md`, 'note.txt', 'markdown'],
  ];
  const tasksOf = async (p: string) => (parse((await runCli(['extract', '-q', p])).stdout) as { tasks: unknown[] }).tasks;
  for (const [what, from, name, format] of cases) {
    it(`${what} is read as ${format}, with an info diagnostic`, async () => {
      const p = file(name, readFileSync(from));
      const r = await runCli(['extract', '-v', p]);
      expect(r.code).toBe(0);
      const plan = parse(r.stdout) as { source: { format: string }; tasks: unknown[] };
      expect(plan.source.format).toBe(format);
      expect(plan.tasks).toEqual(await tasksOf(from));
      expect(r.stderr).toMatch(new RegExp(`${name}: info: the name says \\w+, but the file is .*; read as ${format} \\[format-from-content\\]`));
    });
  }
  it('text that merely holds some tags keeps its name', async () => {
    const p = file('tags.txt', readFileSync(`seeds/${SEEDS[1]}.txt`, 'utf8').replace('一、', '<p>一、</p><br><div>'));
    const r = await runCli(['extract', '-v', p]);
    expect((parse(r.stdout) as { source: { format: string } }).source.format).toBe('text');
    expect(r.stderr).not.toContain('format-from-content');
  });
});

describe('--from, --encoding and stdin', () => {
  const html = readFileSync(`fixtures/variants/${SEEDS[1]}/page.html`);
  const gb = readFileSync(`fixtures/variants/${SEEDS[1]}/page.gb18030.html`);

  it('sniffs an HTML page on stdin', async () => {
    const r = await runCli(['extract', '--quiet', '-'], { stdin: html });
    expect(r.code).toBe(0);
    const plan = parse(r.stdout);
    expect(plan.source.format).toBe('html');
    expect(plan.tasks.length).toBeGreaterThan(20);
  });

  it('--from html reads a page saved without an extension, --from text reads it as text', async () => {
    const p = file('page-without-extension', html);
    const asHtml = parse((await runCli(['extract', '--quiet', '--from', 'html', p])).stdout);
    expect(asHtml.source.format).toBe('html');
    const asText = await runCli(['extract', '--quiet', '--from', 'text', '--format', 'json', p]);
    expect(JSON.parse(asText.stdout).source.format).toBe('text');
  });

  it('honours <meta charset="gb2312"> and records gb18030; --encoding overrides detection', async () => {
    const p = file('old-page.html', gb);
    const detected = parse((await runCli(['extract', '--quiet', p])).stdout);
    expect(detected.source.encoding).toBe('gb18030');
    const forced = parse((await runCli(['extract', '--quiet', '--encoding', 'gbk', p])).stdout);
    expect(forced.source.encoding).toBe('gb18030');
    expect(forced.tasks).toEqual(detected.tasks);
    // the wrong encoding is the user's call: read as UTF-8 the page is mojibake and has no tasks
    const wrong = await runCli(['extract', '--quiet', '--format', 'json', '--encoding', 'utf-8', p]);
    expect(JSON.parse(wrong.stdout).tasks.length).toBe(0);
  });

  it('an unknown --encoding is a usage error naming the label', async () => {
    const r = await runCli(['extract', '--encoding', 'klingon-8', `seeds/${SEEDS[0]}.txt`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/klingon-8/);
  });

  it('reads a UTF-16LE text with BOM and a GB18030 text without any declaration', async () => {
    const u16 = parse((await runCli(['extract', '--quiet', `fixtures/variants/${SEEDS[3]}/utf16le.txt`])).stdout);
    expect(u16.source.encoding).toBe('utf-16le');
    const seedText = readFileSync(`seeds/${SEEDS[3]}.txt`, 'utf8');
    const { default: iconv } = await import('iconv-lite');
    const p = file('gbk-plain.txt', iconv.encode(seedText, 'gbk'));
    const plain = parse((await runCli(['extract', '--quiet', p])).stdout);
    expect(plain.source.encoding).toBe('gb18030');
    expect(plain.tasks.map((t: { title: string }) => t.title)).toEqual(u16.tasks.map((t: { title: string }) => t.title));
  });
});

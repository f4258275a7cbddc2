/**
 * Files named .docx that are not readable Word documents: each exits 2 with one line naming the file and saying
 * what it is and what to do; no stack trace, nothing on stdout, and a zip bomb is refused before it is inflated.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { crashMessage } from '../src/cli/batch/files.js';
import { docxOf, p, zipOf } from './support/docx-build.js';

const dir = mkdtempSync(join(tmpdir(), 'qplan-docx-hostile-'));
const BIG = 70 * 1024 * 1024;

/** A zip whose directory says document.xml unpacks to 1 KB while it unpacks to 70 MB. */
function lyingBomb(): Uint8Array {
  const z = Buffer.from(zipOf([['word/document.xml', `<w:document><w:body>${' '.repeat(BIG)}</w:body></w:document>`]]));
  const at = z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  z.writeUInt32LE(1024, at + 24);
  return z;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const CASES: Array<[string, () => Uint8Array | string, RegExp]> = [
  ['zip bomb (the directory says 70 MB)', () => zipOf([['word/document.xml', `<w:document><w:body>${' '.repeat(BIG)}</w:body></w:document>`]]), /not a readable DOCX: word\/document\.xml: unpacks to more than 64 MB \(a zip bomb\?\)/],
  ['zip bomb (the directory lies)', lyingBomb, /unpacks to more than 64 MB \(a zip bomb\?\)/],
  ['no word/document.xml', () => zipOf([['word/styles.xml', '<w:styles/>']]), /a zip archive without a Word document \(word\/document\.xml\)/],
  ['document.xml is not XML', () => zipOf([['word/document.xml', 'just some bytes, no markup']]), /not a readable DOCX: word\/document\.xml: no XML element/],
  ['document.xml is binary', () => zipOf([['word/document.xml', new Uint8Array(4096).map((_, i) => (i * 7) % 256)]]), /has no text/],
  ['a Word document with no text', () => docxOf('<w:p/><w:p><w:r><w:drawing/></w:r></w:p>'), /the Word document has no text \(only pictures\? a scan needs OCR first\)/],
  ['a truncated download', () => docxOf(p('质量强区建设实施方案')).subarray(0, 120), /not a readable DOCX \(no zip directory \(truncated file\?\)\)/],
  ['an HTML page named .docx', () => '\ufeff<!DOCTYPE html><html><body><p>质量强区建设实施方案</p></body></html>', /is an HTML page .*--from html/],
  ['an old .doc renamed', () => new Uint8Array([...OLE, ...new Uint8Array(1024)]), /is an old Word or WPS file \(\.doc\/\.wps\) renamed: convert it with `soffice --headless --convert-to docx FILE`/],
  ['a password-protected .docx', () => new Uint8Array([...OLE, ...Buffer.from('EncryptedPackage', 'utf16le'), ...new Uint8Array(1024)]), /is encrypted with a password/],
  ['an RTF file named .docx', () => '{\\rtf1\\ansi 质量}', /is an RTF file/],
  ['a PDF named .docx', () => '%PDF-1.7\n%\n', /is a PDF: read it with `--from pdf`/],
  ['Word 2003 XML named .docx', () => '<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>', /is a Word XML file/],
];

describe('hostile .docx files', () => {
  it.each(CASES)('%s: exit 2, one line naming the file, no stack', async (name, make, message) => {
    const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.docx`);
    writeFileSync(file, make());
    const t0 = performance.now();
    const r = await runCli(['extract', '-q', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: error: `));
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('in a folder, a hostile .docx is reported and the good one is still read', async () => {
    const folder = mkdtempSync(join(dir, 'batch-'));
    writeFileSync(join(folder, 'a-bomb.docx'), lyingBomb());
    writeFileSync(join(folder, 'b-plan.docx'), docxOf(p('青禾区质量强区建设实施方案') + p('到2025年，产品质量合格率达到95%以上。')));
    const r = await runCli(['extract', '-q', '--format', 'ndjson', folder]);
    // a file it could not read makes the batch exit 2, as alone; the others are still read
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a-bomb\.docx: error: .*zip bomb/);
    expect(r.stdout).toMatch(/青禾区质量强区建设实施方案/);
  });

  it('100,000 nested content controls: flattened below 256 levels with a warning, the text above them read, no stack overflow', async () => {
    const folder = mkdtempSync(join(dir, 'deep-'));
    const file = join(folder, 'deep.docx');
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(100_000)}${p('深处的段落')}${'</w:sdtContent></w:sdt>'.repeat(100_000)}`;
    writeFileSync(file, zipOf([['word/document.xml', `<w:document xmlns:w="w"><w:body>${p('青禾区质量强区建设实施方案')}${deep}${p('到2025年，产品质量合格率达到95%以上。')}</w:body></w:document>`]]));
    const t0 = performance.now();
    const r = await runCli(['extract', '-f', 'json', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the document nests elements deeper than 256 levels; \d+ deeper start tags were flattened .*\[docx-nesting-flattened\]/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const plan = JSON.parse(r.stdout) as { meta: { title: string }; targets: Array<{ value: number }> };
    expect(plan.meta.title).toBe('青禾区质量强区建设实施方案');
    expect(plan.targets.map((t) => t.value)).toEqual([95]);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('documents qplan does not read', () => {
  /** The head of an OpenDocument zip: its first entry, stored, is `mimetype`. */
  const odt = () => {
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(8, 26);
    return Buffer.concat([head, Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text'), Buffer.alloc(512)]);
  };
  it.each([
    ['plan.odt', odt, /plan\.odt: error: this is an OpenDocument text \(\.odt\), not a plan text; convert it to \.docx first: `soffice --headless --convert-to docx FILE`/],
    ['plan.rtf', () => '{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} \\par 质量强区建设实施方案}', /plan\.rtf: error: this is an RTF document \(convert it to \.docx first: `soffice --headless --convert-to docx FILE`\)/],
  ])('%s: exit 2, what to do, no output', async (name, make, message) => {
    const file = join(dir, name);
    writeFileSync(file, make());
    const r = await runCli(['extract', '-q', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('an internal error', () => {
  it('is one line: name, message, where it was thrown, and what to do; no stack', () => {
    const e = new RangeError('Maximum call stack size exceeded');
    e.stack = 'RangeError: Maximum call stack size exceeded\n    at kids (file:///x/dist/bundle/docx-AB.js:152:14)\n    at walkBody (file:///x/dist/bundle/docx-AB.js:50:3)';
    expect(crashMessage(e)).toBe('RangeError: Maximum call stack size exceeded (at docx-AB.js:152:14) — a bug in qplan: please report it with this file');
    expect(crashMessage('boom\nmore')).toBe('boom');
  });
});

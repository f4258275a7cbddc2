/**
 * decode: bytes → text. BOM first (UTF-8, UTF-16LE/BE), then an HTML/XML charset declaration, then strict
 * UTF-8, and otherwise GB18030 (a superset of GBK and GB2312) or Big5, whichever reads as the genre's Chinese.
 * Node's own TextDecoder does all of it (full ICU), so no decoding library is needed. Binary input (images, archives, NUL-ridden bytes) is refused.
 */
import { createHash } from 'node:crypto';
import { isUtf8, transcode } from 'node:buffer';
import { InputError, type Collector } from '../diagnostics.js';
import { genreChars } from './script.js';

export interface Decoded {
  text: string;
  encoding: string;
  sha256: string;
  bytes: number;
}

const CONVERT = '`soffice --headless --convert-to docx FILE`';
const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (a DOCX needs the .docx name or --from docx; an OFD file must be exported to PDF or DOCX first)'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty zip archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF (give it a .pdf name or use --from pdf)'],
  [[0xd0, 0xcf, 0x11, 0xe0], `an old Office or WPS document (convert a .doc/.wps to .docx first: ${CONVERT})`],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], `an RTF document (convert it to .docx first: ${CONVERT})`],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7z archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
];

/** Canonical label for what users and pages write (gb2312/gbk → gb18030: Node's 'gbk' decoder loses 4-byte sequences). */
export function canonicalEncoding(label: string): string {
  const l = label.trim().toLowerCase().replace(/^x-/, '');
  if (['gb2312', 'gbk', 'gb18030', 'cp936', 'windows-936', 'euc-cn', 'gb_2312-80', 'csgb2312'].includes(l)) return 'gb18030';
  if (['utf8', 'utf-8', 'unicode-1-1-utf-8'].includes(l)) return 'utf-8';
  if (['utf-16', 'utf16le', 'utf-16le', 'ucs-2'].includes(l)) return 'utf-16le';
  if (['utf16be', 'utf-16be'].includes(l)) return 'utf-16be';
  if (['big5', 'big5-hkscs', 'cn-big5'].includes(l)) return 'big5';
  return l;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** A `<meta charset>` / `encoding="…"` declaration in the first 2 KB, read as ASCII. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1] ? canonicalEncoding(m[1]) : null;
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  // UTF-8 is the common case: a native validity check and toString beat a fatal TextDecoder
  if (label === 'utf-8') {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const valid = isUtf8(buf);
    if (fatal && !valid) return null;
    // valid UTF-8 transcoded to UTF-16 by ICU and read as UTF-16 is the same string ~8× faster than V8's UTF-8
    // decoder on CJK text (which was a tenth of extraction); invalid bytes keep toString's replacement rules
    return valid ? transcode(buf, 'utf8', 'utf16le').toString('utf16le') : buf.toString('utf8');
  }
  try {
    const key = `${label}|${fatal}`;
    let d = decoders.get(key);
    if (!d) { d = new TextDecoder(label, { fatal }); decoders.set(key, d); }
    return d.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM: ASCII text leaves NULs in every other byte, CJK text does not, so decode and judge
 * the result instead: almost all characters must be CJK, ASCII text or common punctuation.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const text = tryDecode(enc, probe, false);
    if (!text) continue;
    let good = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 0x20 && c < 0x7f) || c === 10 || c === 13 || c === 9 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x2014 || c === 0x2015 || c === 0x201c || c === 0x201d || c === 0xa0) good++;
    }
    if (good >= text.length * 0.97 && /[\n\u4e00-\u9fff]/.test(text)) return enc;
  }
  return null;
}

export function decode(bytes: Uint8Array, file: string, ctx: Collector, opts: { encoding?: string; html?: boolean } = {}): Decoded {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const done = (text: string, encoding: string): Decoded => {
    if (!/[^\s\u0000\ufeff\u200b]/.test(text)) throw new InputError('input-empty', `the file is empty (no text to read)`, file);
    return { text, encoding, sha256, bytes: bytes.length };
  };
  if (bytes.length === 0) throw new InputError('input-empty', `the file is empty (0 bytes)`, file);

  if (opts.encoding) {
    const enc = canonicalEncoding(opts.encoding);
    const text = tryDecode(enc, bytes, false);
    if (text === null) throw new InputError('input-binary', `unknown encoding '${opts.encoding}'`, file);
    return done(text.replace(/^\ufeff/, ''), enc);
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return done(tryDecode('utf-8', bytes.subarray(3), false) as string, 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return done(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return done(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');

  // an OpenDocument text is a zip whose first entry, stored, is its mimetype
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && /^mimetype.{0,8}application\/vnd\.oasis\.opendocument\.text/s.test(Buffer.from(bytes.subarray(30, 120)).toString('latin1'))) {
    throw new InputError('input-binary', `this is an OpenDocument text (.odt), not a plan text; convert it to .docx first: ${CONVERT}`, file);
  }
  for (const [sig, what] of MAGIC) {
    if (startsWith(bytes, sig)) throw new InputError('input-binary', `this is ${what}, not a plan text`, file);
  }
  const u16 = isUtf8(bytes) ? null : utf16WithoutBom(bytes);
  if (u16) {
    const text = tryDecode(u16, bytes, true);
    if (text !== null) {
      ctx.report('encoding-fallback', null, `no byte-order mark; the bytes read as ${u16}`);
      return done(text, u16);
    }
  }
  // NUL bytes or many control characters: not text in any encoding we read
  const probe = bytes.subarray(0, 8192);
  let ctrl = 0;
  // an indexed loop: the iterator protocol over 8 KB cost more than decoding the whole file
  for (let i = 0; i < probe.length; i++) {
    const b = probe[i] as number;
    if (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b !== 0x1b)) ctrl++;
  }
  if (ctrl > 0 && ctrl > probe.length * 0.01) throw new InputError('input-binary', `binary data (control bytes), not a plan text`, file);

  const utf8 = tryDecode('utf-8', bytes, true);
  const declared = opts.html ? sniffDeclaredCharset(bytes) : null;
  if (declared && declared !== 'utf-8') {
    // the HTML standard reads a page that declares UTF-16 in its own (ASCII-compatible) bytes as UTF-8
    if (declared.startsWith('utf-16')) {
      ctx.report('encoding-declaration-ignored', null, `the page declares ${declared}, which bytes read as ASCII cannot be; read as UTF-8, as browsers do`);
    } else if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) {
      // Chinese text in GBK is practically never valid UTF-8 by chance: the declaration is wrong
      ctx.report('encoding-declaration-ignored', null, `the page declares ${declared}, but its bytes are valid UTF-8; read as UTF-8`);
      return done(utf8, 'utf-8');
    } else {
      const text = tryDecode(declared, bytes, false);
      if (text !== null) {
        const lossy = utf8 ?? new TextDecoder('utf-8').decode(bytes);
        if (replacements(text) <= replacements(lossy)) return done(text, declared);
        ctx.report('encoding-declaration-ignored', null, `the page declares ${declared}, but UTF-8 reads it with fewer replaced bytes (${replacements(lossy)} against ${replacements(text)}); read as UTF-8`);
        return done(lossy, 'utf-8');
      }
    }
  }
  if (utf8 !== null) return done(utf8, 'utf-8');
  const mixed = mixedLines(bytes);
  if (mixed) {
    ctx.report('encoding-mixed', null, `UTF-8 mixed with GB18030: ${mixed.gb.length} line(s) decoded as GB18030 (${lineList(mixed.gb)}), the rest as UTF-8`);
    return done(mixed.text, 'utf-8');
  }
  // mostly UTF-8 with a few broken sequences (a truncated download, CESU-8 surrogates): keep it, say so. GBK text
  // read as UTF-8 breaks at nearly every character, so a few breaks among many good characters mean UTF-8.
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const bad = replacements(lossy);
  if (bad <= Math.max(4, lossy.length * 0.001) || nonAscii(lossy) - bad >= 20 * bad) {
    ctx.report('encoding-replacement', null, `${bad} invalid UTF-8 sequence(s) replaced with U+FFFD (truncated or damaged file?)`);
    return done(lossy, 'utf-8');
  }
  const gb = tryDecode('gb18030', bytes, true);
  // a traditional-script page saved as Big5 is valid GB18030 too (both are byte pairs over 0x81-0xFE), read as
  // nonsense: the encoding in which the genre's own characters (質量 / 质量, 發 / 发 …) appear is the right one
  const big5 = tryDecode('big5', bytes, true);
  if (big5 !== null && genreChars(big5) > 2 * genreChars(gb ?? '') + 4) {
    ctx.report('encoding-fallback', null, 'not valid UTF-8; decoded as Big5 (as GB18030 the text reads as no Chinese of this genre)');
    return done(big5, 'big5');
  }
  if (gb !== null) {
    ctx.report('encoding-fallback', null, 'not valid UTF-8; decoded as GB18030');
    return done(gb, 'gb18030');
  }
  const lossyGb = new TextDecoder('gb18030').decode(bytes);
  ctx.report('encoding-replacement', null, 'neither valid UTF-8 nor GB18030; decoded as GB18030 with replacements');
  return done(lossyGb, 'gb18030');
}

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

/**
 * A file pieced together from UTF-8 and GBK (a scraper that appended a GBK page to UTF-8 chrome, a text edited in
 * two editors): each line is read in the encoding it is valid in. A GBK line read as UTF-8 breaks at nearly every
 * character, while a truncated or CESU-8 line breaks once or twice among good ones and stays UTF-8 (lossy). Null
 * unless both kinds hold Chinese text.
 */
function mixedLines(bytes: Uint8Array): { text: string; gb: number[] } | null {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    chunks.push(bytes.subarray(start, end));
    start = end;
  }
  // first the cheap test, so a GBK file pays only a native UTF-8 check a line: do valid UTF-8 lines hold Chinese?
  let utf8Cjk = 0;
  for (const c of chunks) {
    const buf = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    if (isUtf8(buf) && c.some((b) => b >= 0x80)) utf8Cjk += cjk(buf.toString('utf8'));
  }
  if (utf8Cjk < 8) return null;
  const parts: string[] = [];
  const gb: number[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] as Uint8Array;
    const u = tryDecode('utf-8', chunk, true);
    if (u !== null) { parts.push(u); continue; }
    const g = tryDecode('gb18030', chunk, true);
    const lossy = tryDecode('utf-8', chunk, false) as string;
    if (g === null || cjk(g) < 2 || replacements(lossy) * 2 < cjk(g)) return null;
    parts.push(g);
    gb.push(i + 1);
  }
  return gb.length > 0 ? { text: parts.join(''), gb } : null;
}

function cjk(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); if (c >= 0x4e00 && c <= 0x9fff) n++; }
  return n;
}

/** `3, 7-9, 12` (at most five ranges, then `…`). */
function lineList(lines: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === (lines[j] as number) + 1) j++;
    ranges.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j;
  }
  return ranges.length > 5 ? `lines ${ranges.slice(0, 5).join(', ')} …` : `line${lines.length > 1 ? 's' : ''} ${ranges.join(', ')}`;
}

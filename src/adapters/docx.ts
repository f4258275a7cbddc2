/**
 * fromDocx: a Word .docx → blocks, read from its XML (zip.ts, xml.ts): paragraphs with the labels of Word's
 * automatic numbering put back in front (docx-numbering.ts), and tables as `row` blocks. A one-cell table (a
 * 专栏 box drawn as a frame) is read as the paragraphs inside it. Deleted revisions, hidden text, field codes,
 * headers, footers and footnotes are not plan text.
 *
 * The blocks point into a text with one line per paragraph (a table row is one line, cells joined by ` | `),
 * so `line` in the plan is the paragraph number, empty paragraphs included.
 */
import type { Block } from '../model.js';
import { InputError } from '../diagnostics.js';
import { readZip } from './zip.js';
import { kid, kids, parseXml, resolveAlternates, val, type XmlElement, type XmlNode } from './xml.js';
import { Numbering } from './docx-numbering.js';
import { mergedCells } from './docx-merge.js';
import { joinText } from './pdf-spaces.js';
import { NUMBER_BREAK_AFTER, NUMBER_BREAK_BEFORE } from '../lexicon/structure.js';
import { unwrap, type RawLine } from './unwrap.js';

export interface DocxAdapted {
  text: string;
  blocks: Block[];
  /** Set when the paragraphs were printed lines (a DOCX converted from a PDF) and were rejoined. */
  unwrapped?: { width: number; measure: string; joined: number; dropped: number };
  /** Start tags nested deeper than MAX_XML_DEPTH, flattened (their text may be lost). */
  flattened?: number;
}

/** A paragraph's lines (a manual line break starts a new one), label included. */
type Para = string[];
type Item = { kind: 'para'; lines: Para } | { kind: 'row'; cells: string[] };

/** A DOCX file → lines and blocks. Throws {@link InputError} for an encrypted, damaged or non-Word file. */
export async function fromDocx(bytes: Uint8Array): Promise<DocxAdapted> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // a password-protected DOCX is an OLE container with an EncryptedPackage stream (named in UTF-16LE)
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new InputError('docx-unreadable', encrypted
      ? 'this .docx is encrypted with a password: save an unprotected copy in Word or WPS'
      : 'this .docx is an old Word or WPS file (.doc/.wps) renamed: convert it with `soffice --headless --convert-to docx FILE`');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const other = notZip(bytes);
    if (other) throw new InputError('docx-unreadable', `this .docx is ${other}`);
  }
  let parts: Map<string, () => Uint8Array>;
  try {
    parts = readZip(bytes);
  } catch (e) {
    throw new InputError('docx-unreadable', `not a readable DOCX (${(e as Error).message})`);
  }
  // part names are case-insensitive in a package (OPC), and some writers capitalise them
  const lower = new Map([...parts].map(([k, v]) => [k.toLowerCase(), v]));
  const depth = { flattened: 0 };
  const read = (name: string): XmlElement | undefined => {
    const f = parts.get(name) ?? lower.get(name.toLowerCase());
    if (!f) return undefined;
    try {
      return resolveAlternates(parseXml(decodePart(f()), depth));
    } catch (e) {
      throw new InputError('docx-unreadable', `not a readable DOCX: ${name}: ${(e as Error).message}`);
    }
  };
  const main = mainPart(lower, read);
  const doc = main ? read(main) : undefined;
  if (!doc) throw new InputError('docx-unreadable', `a zip archive without a Word document (word/document.xml)${parts.has('OFD.xml') ? '; it is an OFD file: export it to PDF or DOCX first' : ''}`);
  const related = relatedParts(main as string, read);
  const numbering = new Numbering((related.numbering && read(related.numbering)) || read('word/numbering.xml'), (related.styles && read(related.styles)) || read('word/styles.xml'));
  const items: Item[] = [];
  walkBody(kid(doc, 'body'), numbering, items);
  const out = layout(items);
  if (out.blocks.length === 0) throw new InputError('input-empty', 'the Word document has no text (only pictures? a scan needs OCR first)');
  const adapted = rejoin(out);
  return depth.flattened > 0 ? { ...adapted, flattened: depth.flattened } : adapted;
}

/**
 * A DOCX converted from a PDF (or text pasted from one) has a paragraph, or a line break, for every printed
 * line: its lines are rejoined into paragraphs as hard-wrapped text is (unwrap.ts). A document written in Word
 * has lines of every length and is left alone.
 */
function rejoin(doc: DocxAdapted): DocxAdapted {
  const rows = new Map<number, Block>();
  for (const b of doc.blocks) if (b.type === 'row') rows.set(b.line, b);
  const lines: RawLine[] = [];
  for (let at = 0, n = 1; at < doc.text.length; n++) {
    const end = doc.text.indexOf('\n', at);
    lines.push({ text: doc.text.slice(at, end), line: n, offset: at });
    at = end + 1;
  }
  const u = unwrap(lines, (l) => rows.get(l.line) ?? null);
  if (!u || u.joined + u.dropped === 0) return doc;
  for (const b of u.blocks) if (b.offsets) digitsRejoined(b, doc.text);
  return { text: doc.text, blocks: u.blocks, unwrapped: { width: u.width, measure: u.measure, joined: u.joined, dropped: u.dropped } };
}

/**
 * A number cut by the line end (`稳定在9` / `9%以上`) is one number again: the space put at the join between two
 * digits (it stands on the line end, which is how it is told from a space in the text) is taken out.
 */
function digitsRejoined(b: Block, text: string): void {
  const offsets = b.offsets as number[];
  for (let i = b.text.length - 2; i > 0; i--) {
    if (b.text[i] === ' ' && text[offsets[i] as number] === '\n' && /\d/.test(b.text[i - 1] as string) && /\d/.test(b.text[i + 1] as string)) {
      b.text = b.text.slice(0, i) + b.text.slice(i + 1);
      offsets.splice(i, 1);
    }
  }
}

/** What a file named .docx that is not a zip really is, with what to do; undefined when it is not recognised. */
function notZip(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return 'a PDF: read it with `--from pdf` or rename it to .pdf';
  if (head.startsWith('{\\rtf')) return 'an RTF file: convert it with `soffice --headless --convert-to docx FILE`';
  if (/^mime-version:|^content-type:\s*multipart/m.test(head)) return 'a web archive (MHTML, as Word saves a "single file web page"): convert it with `soffice --headless --convert-to docx FILE`';
  if (/^<(\?xml[^>]*>\s*<\?mso-application|w:worddocument|pkg:package)/.test(head)) return 'a Word XML file (Word 2003 XML or flat OPC): open it in Word or WPS and save it as .docx';
  if (/^<(!doctype html|html|head|meta|body|\?xml[^>]*>\s*<html)/.test(head)) return 'an HTML page (a web page saved with a .docx name): read it with `--from html` or rename it to .html';
  return undefined;
}

/** The main document part, as _rels/.rels names it (word/document.xml in practice). `parts` has lower-case names. */
function mainPart(parts: Map<string, () => Uint8Array>, read: (n: string) => XmlElement | undefined): string | undefined {
  for (const r of kids(read('_rels/.rels'), 'Relationship')) {
    if (/officeDocument$/.test(r.attrs.Type ?? '') && r.attrs.Target) {
      const name = r.attrs.Target.replace(/^\/+/, '');
      if (parts.has(name.toLowerCase())) return name;
    }
  }
  return parts.has('word/document.xml') ? 'word/document.xml' : undefined;
}

/** The numbering and styles parts the main part's relationships name (a writer may call them numbering1.xml). */
function relatedParts(main: string, read: (n: string) => XmlElement | undefined): { numbering?: string; styles?: string } {
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  const out: { numbering?: string; styles?: string } = {};
  for (const r of kids(read(`${dir}_rels/${main.slice(dir.length)}.rels`), 'Relationship')) {
    const type = /\/(numbering|styles)$/.exec(r.attrs.Type ?? '')?.[1] as 'numbering' | 'styles' | undefined;
    const target = r.attrs.Target;
    if (!type || !target || r.attrs.TargetMode === 'External') continue;
    // relative to the main part's folder, or absolute from the package root
    out[type] = target.startsWith('/') ? target.slice(1) : dir + target.replace(/^\.\//, '');
  }
  return out;
}

/** A part's text: UTF-8, or UTF-16 when it starts with a byte-order mark (some .NET writers). */
function decodePart(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  return new TextDecoder().decode(b);
}

function walkBody(el: XmlElement | undefined, numbering: Numbering, out: Item[]): void {
  // a paragraph whose mark was deleted with tracked changes on runs on into the next one, as Word shows it
  let runOn: Item | undefined;
  for (const c of kids(el)) {
    if (c.name === 'p') {
      // a text box is read where it is anchored, after the anchoring paragraph
      const boxes: Item[] = [];
      const lines = paragraph(c, numbering, boxes);
      if (runOn?.kind === 'para') {
        const prev = runOn.lines;
        prev[prev.length - 1] += (prev.join('') === '' ? lines[0] : (lines[0] as string).replace(/^[\s\u3000]+/, '')) as string;
        prev.push(...lines.slice(1));
        out.push(...boxes);
      } else out.push({ kind: 'para', lines }, ...boxes);
      if (runOn?.kind !== 'para') runOn = out[out.length - 1 - boxes.length];
      if (kid(kid(kid(c, 'pPr'), 'rPr'), 'del') === undefined) runOn = undefined;
      continue;
    }
    runOn = undefined;
    if (c.name === 'tbl') table(c, numbering, out);
    else if (c.name === 'sdt') walkBody(kid(c, 'sdtContent'), numbering, out);
    else if (c.name === 'customXml' || c.name === 'ins' || c.name === 'moveTo') walkBody(c, numbering, out);
  }
}

/** The children of a table or row named `name`, also those wrapped in content controls or custom XML. */
function wrapped(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of kids(el)) {
    if (c.name === name) out.push(c);
    else if (c.name === 'sdt') out.push(...wrapped(kid(c, 'sdtContent') ?? c, name));
    else if (c.name === 'customXml') out.push(...wrapped(c, name));
  }
  return out;
}

function table(tbl: XmlElement, numbering: Numbering, out: Item[]): void {
  // a row deleted with tracked changes on is not in the document
  const trs = wrapped(tbl, 'tr').filter((tr) => kid(kid(tr, 'trPr'), 'del') === undefined);
  const tcs = trs.map((tr) => wrapped(tr, 'tc'));
  const grid = tcs.map((row) => row.map((tc) => {
    const inner: Item[] = [];
    walkBody(tc, numbering, inner);
    return inner;
  }));
  // A table with no row of two filled cells lays out paragraphs (a signature beside an empty cell, a 专栏 frame):
  // its cells are read as paragraphs, as the HTML reader does.
  const filled = (cell: Item[]) => cell.some((it) => itemText(it).trim() !== '');
  if (!grid.some((cells) => cells.filter(filled).length >= 2)) {
    for (const cells of grid) for (const cell of cells) if (filled(cell)) out.push(...cell);
    return;
  }
  for (const cells of mergedCells(trs, tcs, grid)) {
    // a one-cell row is a frame around paragraphs (专栏 boxes), not a table row
    if (cells.length === 1) { out.push(...(cells[0] as Item[])); continue; }
    out.push({ kind: 'row', cells: cells.map((inner) => inner.map(itemText).filter((t) => t !== '').reduce((a, b) => joinText(a, b), '')) });
  }
}

const itemText = (it: Item) => (it.kind === 'para' ? it.lines.join('') : it.cells.join(' '));

function paragraph(p: XmlElement, numbering: Numbering, boxes: Item[]): Para {
  const pPr = kid(p, 'pPr');
  const lines = [''];
  runs(p, lines, (box) => walkBody(box, numbering, boxes));
  const label = numbering.label(pPr);
  if (lines.every((l) => l.trim() === '')) return [''];
  lines[0] = label + (label === '' ? lines[0] : (lines[0] as string).replace(/^[\s\u3000]+/, ''));
  return lines;
}

/**
 * Collects the visible text of a paragraph's runs into `lines`; a manual line break starts a new line. The
 * content of text boxes goes to `box`.
 */
function runs(el: XmlElement, lines: string[], box: (content: XmlElement) => void): void {
  for (const c of el.children as XmlNode[]) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 't': lines[lines.length - 1] += c.children.filter((x): x is string => typeof x === 'string').join('').replace(/[\r\n]/g, ' '); break;
      case 'tab': case 'ptab': lines[lines.length - 1] += ' '; break;
      case 'br': case 'cr': if (c.attrs.type !== 'page' && c.attrs.type !== 'column') lines.push(''); break;
      case 'noBreakHyphen': lines[lines.length - 1] += '-'; break;
      // not text: properties, deleted revisions, field codes, drawings, notes
      case 'pPr': case 'rPr': case 'del': case 'moveFrom': case 'delText': case 'instrText': case 'fldChar':
      case 'sym': lines[lines.length - 1] += symbol(c); break;
      case 'object': case 'footnoteReference': case 'endnoteReference': case 'softHyphen':
      // ruby: the annotation (pinyin over a character) is not text; the base is read below
      case 'rt':
        break;
      // a drawing or VML shape: only the paragraphs of a text box in it are text (not a chart's or WordArt's)
      case 'drawing': case 'pict': textBoxes(c, box); break;
      case 'r': if (!hidden(c)) runs(c, lines, box); break;
      default: runs(c, lines, box);
    }
  }
}

/**
 * Word's Insert → Symbol from the Symbol font writes `<w:sym w:font="Symbol" w:char="F0B3"/>` (≥ in indicator
 * tables: `≥95%`): the comparison and arithmetic signs are read as their Unicode characters; other symbol-font
 * glyphs (Wingdings ticks and bullets) are not text.
 */
const SYMBOL_FONT: Record<number, string> = { 0xa3: '≤', 0xb3: '≥', 0xb9: '≠', 0xbb: '≈', 0xb1: '±', 0xb4: '×', 0xb8: '÷', 0xb0: '°', 0x3c: '<', 0x3e: '>', 0x3d: '=', 0x25: '%', 0x2b: '+' };
function symbol(sym: XmlElement): string {
  const code = parseInt(sym.attrs.char ?? '', 16);
  if (!/^symbol$/i.test(sym.attrs.font ?? '') || Number.isNaN(code)) return '';
  return SYMBOL_FONT[code & 0xff] ?? '';
}

function textBoxes(el: XmlElement, box: (content: XmlElement) => void): void {
  for (const c of kids(el)) {
    if (c.name === 'txbxContent') box(c);
    else textBoxes(c, box);
  }
}

function hidden(r: XmlElement): boolean {
  const v = kid(kid(r, 'rPr'), 'vanish');
  return v !== undefined && val(kid(r, 'rPr'), 'vanish') !== '0' && v.attrs.val !== 'false';
}

/** Items → the line text and its blocks. */
function layout(items: Item[]): DocxAdapted {
  let text = '';
  let line = 0;
  const blocks: Block[] = [];
  for (const it of items) {
    if (it.kind === 'row') {
      const start = text.length;
      line++;
      const cells: Block[] = [];
      let at = start;
      for (const c of it.cells) {
        cells.push({ type: 'para', text: c, line, offset: at });
        at += c.length + 3;
      }
      const rowText = it.cells.join(' | ');
      text += `${rowText}\n`;
      if (it.cells.some((c) => c.trim() !== '')) blocks.push({ type: 'row', text: rowText, line, offset: start, cells });
      continue;
    }
    let last: Block | undefined;
    for (const l of it.lines) {
      line++;
      const lead = l.length - l.trimStart().length;
      const t = l.trim();
      const at = text.length + lead;
      text += `${l}\n`;
      if (t === '') { last = undefined; continue; }
      // a manual line break inside a number (`不低于9` / `6%`, `某政发〔2023〕` / `56号`) does not part it
      if (last && NUMBER_BREAK_BEFORE.test(last.text) && NUMBER_BREAK_AFTER.test(t)) {
        const from = last.offset;
        const offsets = last.offsets?.slice(0, -1) ?? Array.from({ length: last.text.length }, (_, i) => from + i);
        for (let i = 0; i <= t.length; i++) offsets.push(at + i);
        last.text += t;
        last.offsets = offsets;
        continue;
      }
      last = { type: 'para', text: t, line, offset: at };
      blocks.push(last);
    }
  }
  return { text, blocks };
}

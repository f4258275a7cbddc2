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
import { kid, kids, parseXml, val, type XmlElement, type XmlNode } from './xml.js';
import { Numbering } from './docx-numbering.js';
import { joinText } from './pdf-layout.js';

export interface DocxAdapted {
  text: string;
  blocks: Block[];
}

/** A paragraph's lines (a manual line break starts a new one), label included. */
type Para = string[];
type Item = { kind: 'para'; lines: Para } | { kind: 'row'; cells: string[] };

/** A DOCX file → lines and blocks. Throws {@link InputError} for an encrypted, damaged or non-Word file. */
export async function fromDocx(bytes: Uint8Array): Promise<DocxAdapted> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError('docx-unreadable', 'this .docx is an OLE container: either encrypted with a password (save an unprotected copy) or an old .doc renamed (convert it: `soffice --headless --convert-to docx FILE`)');
  }
  let parts: Map<string, () => Uint8Array>;
  try {
    parts = readZip(bytes);
  } catch (e) {
    throw new InputError('docx-unreadable', `not a readable DOCX (${(e as Error).message})`);
  }
  const read = (name: string): XmlElement | undefined => {
    const f = parts.get(name);
    if (!f) return undefined;
    try {
      return parseXml(new TextDecoder().decode(f()));
    } catch (e) {
      throw new InputError('docx-unreadable', `not a readable DOCX: ${name}: ${(e as Error).message}`);
    }
  };
  const main = mainPart(parts, read);
  const doc = main ? read(main) : undefined;
  if (!doc) throw new InputError('docx-unreadable', `a zip archive without a Word document (word/document.xml)${parts.has('OFD.xml') ? '; it is an OFD file: export it to PDF or DOCX first' : ''}`);
  const numbering = new Numbering(read('word/numbering.xml'), read('word/styles.xml'));
  const items: Item[] = [];
  walkBody(kid(doc, 'body'), numbering, items);
  return layout(items);
}

/** The main document part, as _rels/.rels names it (word/document.xml in practice). */
function mainPart(parts: Map<string, () => Uint8Array>, read: (n: string) => XmlElement | undefined): string | undefined {
  for (const r of kids(read('_rels/.rels'), 'Relationship')) {
    if (/officeDocument$/.test(r.attrs.Type ?? '') && r.attrs.Target) {
      const name = r.attrs.Target.replace(/^\/+/, '');
      if (parts.has(name)) return name;
    }
  }
  return parts.has('word/document.xml') ? 'word/document.xml' : undefined;
}

function walkBody(el: XmlElement | undefined, numbering: Numbering, out: Item[]): void {
  for (const c of kids(el)) {
    if (c.name === 'p') out.push({ kind: 'para', lines: paragraph(c, numbering) });
    else if (c.name === 'tbl') table(c, numbering, out);
    else if (c.name === 'sdt') walkBody(kid(c, 'sdtContent'), numbering, out);
    else if (c.name === 'customXml' || c.name === 'ins' || c.name === 'moveTo') walkBody(c, numbering, out);
  }
}

function table(tbl: XmlElement, numbering: Numbering, out: Item[]): void {
  for (const tr of kids(tbl, 'tr')) {
    const cells = kids(tr, 'tc').map((tc) => {
      const inner: Item[] = [];
      walkBody(tc, numbering, inner);
      return inner;
    });
    // a one-cell row is a frame around paragraphs (专栏 boxes), not a table row
    if (cells.length === 1) { out.push(...(cells[0] as Item[])); continue; }
    out.push({ kind: 'row', cells: cells.map((inner) => inner.map(itemText).filter((t) => t !== '').reduce((a, b) => joinText(a, b), '')) });
  }
}

const itemText = (it: Item) => (it.kind === 'para' ? it.lines.join('') : it.cells.join(' '));

function paragraph(p: XmlElement, numbering: Numbering): Para {
  const pPr = kid(p, 'pPr');
  const lines = [''];
  runs(p, lines);
  const label = numbering.label(pPr);
  if (lines.every((l) => l.trim() === '')) return [''];
  lines[0] = label + (label === '' ? lines[0] : (lines[0] as string).replace(/^[\s\u3000]+/, ''));
  return lines;
}

/** Collects the visible text of a paragraph's runs into `lines`; a manual line break starts a new line. */
function runs(el: XmlElement, lines: string[]): void {
  for (const c of el.children as XmlNode[]) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 't': lines[lines.length - 1] += c.children.filter((x): x is string => typeof x === 'string').join('').replace(/[\r\n]/g, ' '); break;
      case 'tab': case 'ptab': lines[lines.length - 1] += ' '; break;
      case 'br': case 'cr': if (c.attrs.type !== 'page' && c.attrs.type !== 'column') lines.push(''); break;
      case 'noBreakHyphen': lines[lines.length - 1] += '-'; break;
      // not text: properties, deleted revisions, field codes, drawings, notes
      case 'pPr': case 'rPr': case 'del': case 'moveFrom': case 'delText': case 'instrText': case 'fldChar':
      case 'drawing': case 'pict': case 'object': case 'footnoteReference': case 'endnoteReference': case 'sym': case 'softHyphen':
        break;
      case 'r': if (!hidden(c)) runs(c, lines); break;
      default: runs(c, lines);
    }
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
    for (const l of it.lines) {
      line++;
      const lead = l.length - l.trimStart().length;
      const t = l.trim();
      if (t !== '') blocks.push({ type: 'para', text: t, line, offset: text.length + lead });
      text += `${l}\n`;
    }
  }
  return { text, blocks };
}

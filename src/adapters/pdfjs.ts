/**
 * readPdf: PDF bytes → the positioned text items of each page, through pdf.js (pdfjs-dist, legacy build: the
 * modern build does not load on Node 20). pdf.js is imported on the first PDF only (~150 ms).
 *
 * Chinese government PDFs often use fonts that are not embedded (STSong-Light with the UniGB-UCS2-H encoding);
 * pdf.js reads their text only through the Adobe-GB1 CMaps it ships in `cmaps/`, passed as a plain filesystem
 * path with `cMapPacked: true`. Without them the text of such a PDF is silently empty.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../diagnostics.js';
import type { PdfItem, PdfPage } from './pdf-layout.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<{ lib: PdfJs; root: string }> | undefined;

async function load(): Promise<{ lib: PdfJs; root: string }> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  // pdf.js builds one DOMMatrix when it loads and takes it from the optional native @napi-rs/canvas; text
  // extraction never uses it, so without that package a stand-in lets the module load
  let canvas = true;
  try { createRequire(join(root, 'package.json')).resolve('@napi-rs/canvas'); } catch { canvas = false; }
  const g = globalThis as Record<string, unknown>;
  if (!canvas) for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) g[name] ??= class {};
  // pdf.js reports the missing canvas through the console while it loads: not a message for qplan's users
  const { log, warn } = console;
  console.log = console.warn = () => undefined;
  const natives = BUILT_INS.map((o) => new Map(Object.entries(Object.getOwnPropertyDescriptors(o))));
  try {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // the document side too, loaded now rather than on the first document, so both modules' polyfills are in
    // place before the natives are put back; pdf.js runs it in this thread ("fake worker") either way and finds
    // it as globalThis.pdfjsWorker (its types: pdfjs-worker.d.ts)
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return { lib, root };
  } finally {
    console.log = log;
    console.warn = warn;
    restoreNatives(natives);
  }
}

/**
 * The legacy build bundles core-js, which replaces some native built-ins for old browsers' sake: in Node 20 it
 * swaps `Array.prototype.push`, `JSON.stringify`, `JSON.parse` and `Function.prototype.toString` for JavaScript
 * versions (a V8 edge case on read-only lengths, the JSON.parse source proposal). Those are several times
 * slower, and they are global: after the first PDF every push and JSON.stringify of the process, the
 * extractor's and the serializer's, went through them (a tenth of a PDF's own time was `push`). The natives are
 * put back; what core-js only added (methods Node 20 lacks) stays.
 */
const BUILT_INS: object[] = [Array.prototype, JSON, Function.prototype, Object, Promise, Promise.prototype, Map.prototype, Set.prototype,
  String.prototype, Object.getPrototypeOf(Uint8Array.prototype) as object, Uint8Array.prototype, ArrayBuffer.prototype, Math];

function restoreNatives(before: Map<string, PropertyDescriptor>[]): void {
  BUILT_INS.forEach((o, i) => {
    for (const [key, d] of before[i] as Map<string, PropertyDescriptor>) {
      const now = Object.getOwnPropertyDescriptor(o, key);
      if (typeof d.value === 'function' && now && now.value !== d.value && now.configurable) Object.defineProperty(o, key, d);
    }
  });
}

/** A quarter-turned block of text is read when it has this many items and characters (a table, not a stamp). */
const TURNED_MIN_ITEMS = 8;
const TURNED_MIN_CHARS = 40;

/** The text items of every page, in page units (y up). Throws {@link InputError} when the PDF cannot be opened. */
export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const { lib, root } = await (pdfjs ??= load());
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy
  const task = lib.getDocument({
    data: new Uint8Array(bytes), cMapUrl: `${join(root, 'cmaps')}/`, cMapPacked: true, standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') {
      throw new InputError('pdf-encrypted', 'the PDF is encrypted with a password; qplan cannot read it: open it with the password and save an unprotected copy (e.g. `qpdf --password=… --decrypt in.pdf out.pdf`)');
    }
    throw new InputError('pdf-unreadable', `not a readable PDF (${(e as Error).message}); if it opens in a viewer, print it to a new PDF and try that`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      // keep the characters as printed: pdf.js would otherwise fold full-width forms and compatibility characters
      const content = await page.getTextContent({ disableNormalization: true });
      const items: PdfItem[] = [];
      // text turned a quarter (a landscape 附件 table set on a portrait page), running up (b > 0) or down
      const turned: { up: PdfItem[]; down: PdfItem[] } = { up: [], down: [] };
      const w = x1 - x0, h = y1 - y0;
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, c, d, e, f] = (it.transform as number[]).map(Number) as [number, number, number, number, number, number];
        const x = e - x0, y = f - y0;
        if (Math.abs(b) <= 1e-3 && Math.abs(c) <= 1e-3 && a > 0) {
          items.push({ str: it.str, x, y, w: it.width, size: Math.abs(d) || it.height });
        } else if (Math.abs(a) <= 1e-3 && Math.abs(d) <= 1e-3 && b * c < 0) {
          // turned back to read it: up-running text (x, y) → (y, w − x), down-running → (h − y, x)
          const size = Math.abs(c) || it.height;
          if (b > 0) turned.up.push({ str: it.str, x: y, y: w - x, w: it.width, size });
          else turned.down.push({ str: it.str, x: h - y, y: x, w: it.width, size });
        }
      }
      pages.push({ width: w, height: h, items, number: n });
      // a few turned items are marginal notes (stamps, vertical 骑缝 text), not plan text; a turned table or page
      // is read as a page of its own after the page it is on, with that page's number
      for (const t of [turned.up, turned.down]) {
        if (t.length >= TURNED_MIN_ITEMS && t.reduce((n, i) => n + i.str.trim().length, 0) >= TURNED_MIN_CHARS) pages.push({ width: h, height: w, items: t, number: n });
      }
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

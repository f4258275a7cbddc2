/**
 * Format detection: the extension decides when it is known; otherwise the first bytes are sniffed
 * (`%PDF-` → pdf; a zip holding word/document.xml → docx; `<!DOCTYPE html`, `<html`, `<p>`… → html; `# `
 * headings or `|---|` tables → markdown; else text).
 */
import type { SourceFormat } from '../model.js';
import { extensionOf, type RAW_EXT } from './extensions.js';

/** The format of each raw extension (./extensions.ts lists them). */
const BY_EXT: Record<(typeof RAW_EXT)[number], SourceFormat> = {
  txt: 'text', text: 'text', html: 'html', htm: 'html', shtml: 'html', xhtml: 'html', md: 'markdown', markdown: 'markdown', mdown: 'markdown', pdf: 'pdf', docx: 'docx',
};

/** The format a file's name says (its extension), or undefined for an unknown extension. */
export function formatByName(path: string): SourceFormat | undefined {
  const ext = extensionOf(path);
  return ext in BY_EXT ? BY_EXT[ext as keyof typeof BY_EXT] : undefined;
}

export function detectFormat(path: string, bytes: Uint8Array): SourceFormat {
  const named = formatByName(path);
  if (named === undefined) return sniffFormat(bytes);
  // a scraper's `curl … > plan.txt` or a download renamed: a whole HTML page, a PDF or a DOCX under a text name is
  // read as what it is (pipeline.ts says so); content that is merely HTML-like stays with its name
  if (named === 'text' || named === 'markdown' || named === 'html') {
    const sniffed = sniffFormat(bytes);
    if (sniffed === 'pdf' || sniffed === 'docx') return sniffed;
    if (sniffed === 'html' && named !== 'html' && HTML_DOCUMENT.test(headText(bytes))) return 'html';
  }
  // a Markdown note saved as .txt: a `#` heading that prints a chapter number (`## 一、总体要求`) is Markdown's
  // (a `# source:` comment line is not); its headings would otherwise keep their `#` in titles
  // (decoded only when a `#` byte is there: a `#` is that byte in UTF-8 and nothing else)
  if (named === 'text' && bytes.subarray(0, 16384).includes(0x23) && MARKDOWN_CHAPTER.test(Buffer.from(bytes.subarray(0, 16384)).toString('utf8'))) return 'markdown';
  return named;
}

const MARKDOWN_CHAPTER = /^#{1,6}[ \t]+(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章部分])/m;

/** A whole HTML document: its first tag is the doctype or `<html>`. */
const HTML_DOCUMENT = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i;

export function sniffFormat(bytes: Uint8Array): SourceFormat {
  // a PDF may have bytes before its header; a DOCX is a zip that holds word/document.xml
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml')) return 'docx';
  const head = headText(bytes);
  // each pattern needs its ASCII mark (`<`, `#`, `|`) somewhere in the head: most plain texts have none
  if (head.includes('<') && (/^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>])/i.test(head) || (head.match(/<\/?(?:p|div|br|span|table|td|tr)\b[^>]*>/gi)?.length ?? 0) >= 3)) return 'html';
  if ((head.includes('#') && /^#{1,6}\s+\S/m.test(head)) || (head.includes('|') && /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(head))) return 'markdown';
  return 'text';
}

/** The first 4 KB as latin1: markup and markdown syntax are ASCII in every encoding we read except UTF-16. */
function headText(bytes: Uint8Array): string {
  let head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (/^\xff\xfe|^\xfe\xff/.test(head)) head = Buffer.from(bytes.subarray(2, 8194)).toString(head.startsWith('\xff') ? 'utf16le' : 'latin1').replace(/\u0000/g, '');
  return head.replace(/^\ufeff|^\xef\xbb\xbf/, '');
}

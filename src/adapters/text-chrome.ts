/**
 * The page furniture of text split into pages (pdftotext output: form feeds, or page-number lines): running
 * headers and footers, page numbers and a browser's print stamps. Read by the hard-wrap joiner (unwrap.ts).
 */
import type { RawLine } from './unwrap.js';
import { isBrowserStamp, isPageNumber } from './pdf-layout.js';

/** Page numbers that cannot be table cells: `— 3 —`, `-3-`, `第3页`, `3/14`. */
const DECORATED_PAGE = /^(?:[-—–－―~]+\s*\d{1,4}\s*[-—–－―~]+|第\s*\d{1,4}\s*页.*|\d{1,4}\s*\/\s*\d{1,4}|共\s*\d{1,4}\s*页.*)$/;

/** A line without its form feeds and outer blanks (most lines start with no form feed: the regex only when one does). */
export const clean = (s: string) => (s.charCodeAt(0) === 12 ? s.replace(/^\f+/, '') : s).trim();

/** Running headers, footers and page numbers of text split into pages by form feeds (or page-number lines). */
export function chromeLines(lines: RawLine[]): Set<RawLine> {
  const chrome = new Set<RawLine>();
  const pages: RawLine[][] = [[]];
  for (const l of lines) {
    if (l.text.startsWith('\f') && (pages[pages.length - 1] as RawLine[]).length > 0) pages.push([]);
    if (clean(l.text) !== '') (pages[pages.length - 1] as RawLine[]).push(l);
  }
  for (const l of lines) if (DECORATED_PAGE.test(clean(l.text))) chrome.add(l);
  // a browser's print header and footer (date and time, the page's URL) at a page's edge, even on a single page
  for (const p of pages) for (const l of new Set([...p.slice(0, 3), ...p.slice(-3)])) if (isBrowserStamp(clean(l.text))) chrome.add(l);
  if (pages.length < 2) return chrome;
  // top lines from the edge down, bottom lines from the edge up
  const edges = pages.map((p) => [...new Set([...p.slice(0, 3), ...p.slice(-3).reverse()])]);
  const key = (l: RawLine) => clean(l.text).replace(/\d+/g, '#').replace(/\s+/g, '');
  // a running header that repeats a line of the text (the issuer or the title under it on the first page) is
  // only the line nearer the page's edge
  const outer = new Set<RawLine>();
  for (const e of edges) {
    const seen = new Set<string>();
    for (const l of e) if (!seen.has(key(l))) { seen.add(key(l)); outer.add(l); }
  }
  const counts = new Map<string, number>();
  for (const e of edges) for (const k of new Set(e.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const deepCounts = new Map<string, number>();
  for (const p of pages) for (const k of new Set([...p.slice(0, 6), ...p.slice(-6)].map(key))) deepCounts.set(k, (deepCounts.get(k) ?? 0) + 1);
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  const isChrome = (l: RawLine, page: number) => {
    const t = clean(l.text);
    // a bare number is a page number only when it runs with the pages
    const bare = /^\d{1,4}$/.test(t) && edges.filter((o, p) => o.some((x) => clean(x.text) === String(Number(t) - page + p))).length >= enough;
    return outer.has(l) && (counts.get(key(l)) ?? 0) >= enough && (t.length <= 80 || /^(?:file|https?):/.test(t)) || bare || (isPageNumber(t) && !/^\d+$/.test(t));
  };
  edges.forEach((e, page) => {
    for (const l of e) if (isChrome(l, page)) chrome.add(l);
  });
  // a footer that wrapped (or a page number split over two lines) reaches further in: past the three lines at an
  // edge, a line that recurs like chrome is chrome when every line between it and the edge is
  pages.forEach((p) => {
    for (const side of [p.slice(0, 6), p.slice(-6).reverse()]) {
      if (!side.slice(0, 3).every((l) => chrome.has(l))) continue;
      for (const l of side.slice(3)) {
        if (!deepCounts.has(key(l)) || (deepCounts.get(key(l)) ?? 0) < enough || !(clean(l.text).length <= 80)) break;
        chrome.add(l);
      }
    }
  });
  return chrome;
}

/**
 * Marks drawn into holes of a run. LibreOffice sets a quote or bracket that its CJK font lacks (`“`, `”` typed in a
 * plain text) in the Western font, as an item of its own, and leaves a hole of that width in the CJK run around it:
 * pdf.js gives the run with a space at each hole (`以上，新增 好品山东 品牌`) and the marks as short items drawn
 * inside the run's extent, after it in x order. Read as they come, the marks fall after the run and the gap after
 * them parts the line into table cells. Pure: tested on plain data (test/formats.pdf-layout.test.ts).
 */
import type { PdfItem } from './pdf-layout.js';
import { WIDE } from './pdf-spaces.js';

const isSpace = (s: string) => /^[\s\u00a0\u3000]*$/.test(s);

/** The x where each character of a run starts: wide characters take the font size, the rest share what is left. */
function charStarts(it: PdfItem): number[] | null {
  const chars = [...it.str];
  const wide = chars.filter((c) => WIDE.test(c)).length;
  const narrowW = chars.length > wide ? (it.w - wide * it.size) / (chars.length - wide) : 0;
  if (narrowW < 0) return null;
  const xs: number[] = [];
  let x = it.x;
  for (const c of chars) { xs.push(x); x += WIDE.test(c) ? it.size : narrowW; }
  return xs;
}

/** One baseline's items with each short mark drawn over a space of a longer run put into that space. */
export function fillHoles(row: PdfItem[]): PdfItem[] {
  const runs = row.filter((it) => !isSpace(it.str) && [...it.str].length >= 3 && it.str.trim().includes(' '));
  if (runs.length === 0) return row;
  const used = new Set<PdfItem>();
  const out = new Map<PdfItem, PdfItem>();
  for (const run of runs) {
    const xs = charStarts(run);
    if (!xs) continue;
    const chars = [...run.str];
    const tol = 0.3 * run.size;
    for (const m of row) {
      if (m === run || used.has(m) || isSpace(m.str) || [...m.str].length !== 1) continue;
      if (m.x < run.x - tol || m.x + m.w > run.x + run.w + tol) continue;
      const k = xs.findIndex((x, i) => chars[i] === ' ' && Math.abs(x - m.x) <= tol);
      if (k < 0) continue;
      chars[k] = m.str;
      used.add(m);
    }
    out.set(run, { ...run, str: chars.join('') });
  }
  if (used.size === 0) return row;
  // the space items pdf.js put where the holes were lie inside the run they came from
  const inside = (it: PdfItem) => runs.some((r) => out.get(r)?.str !== r.str && it.x >= r.x - 0.01 && it.x + it.w <= r.x + r.w + 0.01);
  return row.filter((it) => !used.has(it) && !(isSpace(it.str) && inside(it))).map((it) => out.get(it) ?? it);
}

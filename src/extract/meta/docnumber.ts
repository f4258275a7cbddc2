/**
 * Document numbers (发文字号): read from the metadata, a line of its own or the title line it is glued to, kept as
 * printed (`吉政发(2012)27号` stays in round brackets). A damaged number (`某政发〔20245`) is repaired only when its
 * year agrees with the document's dates; a cited number inside a sentence is never taken.
 */
import type { Collector } from '../../diagnostics.js';
import { orig, type View } from '../../source/view.js';
import { DOC_NUMBER, DOC_NUMBER_KIND } from '../../lexicon/meta.js';

const DOC_NUMBER_DAMAGED = /^([\u4e00-\u9fff]{1,12}?)[〔[(【]?\s*(\d{4})(\d{0,4})\s*[〕\])】]?\s*(\d{0,4})\s*号?$/;
const WIDGET = /\s*【[^】]*】\s*$/;

/** Reads or repairs a document number (`某政发〔20245` → 某政发〔2024〕5号 when the year agrees). */
export function readDocNumber(raw: string, line: number, years: number[], ctx: Collector): string | null {
  // read on a folded copy: `大政发（2023）35号` prints full-width brackets; the value keeps them
  const t = raw.replace(WIDGET, '').replace(/\s+/g, '').normalize('NFKC');
  // a number has no spaces: those a layout put in (`茂 府〔2023〕 28 号`, a justified PDF line) go
  if (DOC_NUMBER.test(t)) return raw.replace(WIDGET, '').replace(/\s+/g, '');
  const m = DOC_NUMBER_DAMAGED.exec(t);
  if (!m || !DOC_NUMBER_KIND.test(m[1] as string)) return null;
  const year = Number(m[2]);
  const num = (m[3] as string) + (m[4] as string);
  if (num === '') {
    ctx.report('doc-number-unreadable', line, `document number '${raw.trim()}' has lost its serial number; left null`);
    return null;
  }
  if (!years.includes(year)) {
    ctx.report('doc-number-unreadable', line, `document number '${raw.trim()}' is damaged and its year ${year} is not confirmed by the dates; left null`);
    return null;
  }
  const repaired = `${m[1]}〔${year}〕${Number(num)}号`;
  ctx.report('glyph-loss', line, `document number '${raw.trim()}' read as ${repaired} (the year agrees with the document's dates)`);
  return repaired;
}

/** A line of the front matter that is only a document number (possibly with a widget glued on). */
export function numberLine(front: View[], years: number[], ctx: Collector): string | null {
  for (const v of front) {
    let t = v.norm.replace(WIDGET, '');
    // a number printed in parentheses under the notice title (`（新政文〔2023〕88号）`) is read without them
    const wrapped = /^\(.*号\)$/.test(t.trim());
    const from = wrapped ? v.norm.indexOf('(') + 1 : 0;
    if (wrapped) t = t.trim().slice(1, -1);
    // a whole number (`某市监〔2024〕32号`) needs no kind character; a damaged one does
    // a table row is no number line, but a PDF line read as a row of one cell is (a number set in a layout table)
    if ((v.b.type === 'row' && (v.b.cells ?? []).filter((c) => c.text.trim() !== '').length > 1) || t.length > 30 || /[:：。,，]/.test(t) || !/\d{4}/.test(t) || !(DOC_NUMBER_KIND.test(t) || DOC_NUMBER.test(t.replace(/\s+/g, '')))) continue;
    const n = readDocNumber(orig(v, from, from + t.length), v.b.line, years, ctx);
    if (n) return n;
  }
  return null;
}

/** A number in brackets right after a title in 《》, before its close or a comma (`（某政发〔2023〕41号，以下简称…）`). */
const NUMBER_AFTER_TITLE = /^\s*\(\s*([^()，,;；:：]{5,30}?号)\s*(?=[),;；])/;

/**
 * The plan's number printed after its own title where a page reports it (`某省人民政府印发《某省…方案》（某政发〔2023〕41号，
 * 以下简称《方案》）`, an interpretation or 答记者问): only after the plan's own title, never after a cited one.
 */
export function numberAfterTitle(views: View[], title: string, years: number[], ctx: Collector): string | null {
  const want = title.normalize('NFKC').replace(/\s+/g, '');
  for (const v of views) {
    if (v.b.type === 'row') continue;
    for (let at = v.norm.indexOf('》'); at >= 0; at = v.norm.indexOf('》', at + 1)) {
      const open = v.norm.lastIndexOf('《', at);
      if (open < 0 || v.norm.slice(open + 1, at).replace(/\s+/g, '') !== want) continue;
      const m = NUMBER_AFTER_TITLE.exec(v.norm.slice(at + 1, at + 48));
      if (!m || !DOC_NUMBER.test((m[1] as string).replace(/\s+/g, ''))) continue;
      const from = at + 1 + m[0].indexOf(m[1] as string);
      return readDocNumber(orig(v, from, from + (m[1] as string).length), v.b.line, years, ctx);
    }
  }
  return null;
}

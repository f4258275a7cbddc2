/**
 * What a line of the body is, read from the line and the heads around it: a heading with its paragraph, the
 * signature, page chrome, a table cell, running text; and whether a heading holds items or is an item itself.
 * The outline's state machine (outline.ts) asks these.
 */
import type { View } from '../source/view.js';
import type { Head } from './heads.js';
import type { ColumnNode, ItemNode } from './outline.js';
import { CHROME, IMPRINT_LINE, isIssuerLine, PUBLICATION_NOTE, YISHI_RUN } from '../lexicon/structure.js';
import { isDateLine } from './dates.js';
import { BRACKET_LABEL, hasAgencyNoteMark } from '../lexicon/agency-notes.js';

/** True when the text after a `(一)` marker is a whole paragraph, not just a heading. */
export function hasBody(norm: string, rest: number): boolean {
  const t = norm.slice(rest);
  const stop = t.indexOf('。');
  if (stop >= 0 && t.length - stop - 1 >= 4) return true;
  return stop < 0 && t.length > 40;
}

/**
 * Where a heading's own text ends: before the unit note it closes with (`（一）提升制造业质量（牵头单位：A；配合单位：B）`,
 * a group whose note covers the numbered tasks under it), else at its end.
 */
export function headingEnd(norm: string): number {
  const m = /\(([^()]*)\)[。.]?\s*$/.exec(norm);
  return m && hasAgencyNoteMark(m[1] as string) ? m.index : norm.length;
}

/** A line that is a unit note and nothing else (`牵头单位：A；责任单位：B`, `（A牵头，B配合）`). */
export function isNoteLine(v: View): boolean {
  const t = v.norm.trim().replace(BRACKET_LABEL, '$1:');
  return t.length <= 160 && hasAgencyNoteMark(t) && !/[。!！?？]./.test(t);
}

export function isChrome(v: View): boolean {
  // chrome is short (`分享到`, `您的当前位置: 首页>…`); a task paragraph is not scanned for it
  return v.norm.length <= 80 && CHROME.test(v.norm);
}

// letters of a script other than Chinese and Latin (Uyghur, Mongolian, Tibetan, Korean, Cyrillic …); OTHER_LETTER is
// a first test by code ranges (Greek to Mongolian, Hangul, Arabic forms): a Unicode-property scan of every line of
// every plan cost a tenth of extraction, and the lines of a Chinese plan hold none of these
const OTHER_LETTER = /[\u0370-\u1fff\u3130-\u318f\ua000-\ua4cf\uac00-\ud7af\ufb50-\ufdff\ufe70-\ufefe]/;
const OTHER_LETTERS = /[^\P{L}\p{Script=Han}\p{Script=Latin}]/gu;
const HAN = /\p{Script=Han}/gu;

/**
 * A line written mostly in another script: on a bilingual portal of an autonomous region or prefecture each Chinese
 * paragraph is followed by its Uyghur, Mongolian, Tibetan or Korean translation, which repeats the numbers (`93% تىن يۇقىرى`,
 * `2025년까지 … 98%`). The plan is read from the Chinese; the translation is neither its text nor its targets.
 */
export function isOtherScript(v: View): boolean {
  if (!OTHER_LETTER.test(v.norm)) return false;
  const other = v.norm.match(OTHER_LETTERS)?.length ?? 0;
  return other >= 6 && other > 2 * (v.norm.match(HAN)?.length ?? 0);
}

/** Signature block: an issuer line followed by a date, or a bare date after the body. */
export function isBackMatter(views: View[], k: number): boolean {
  const v = views[k] as View;
  if (PUBLICATION_NOTE.test(v.norm)) return true;
  if (isDateLine(v.norm)) return true;
  if (isIssuerLine(v.norm)) {
    const next = views[k + 1];
    return next !== undefined && isDateLine(next.norm);
  }
  return false;
}

/**
 * A line of the imprint (版记: `抄送:…`, `…2023年9月18日印发`). It ends the body only after the last heading: a PDF
 * prints it as a footer on every page, between the items.
 */
export const isImprint = (v: View): boolean => IMPRINT_LINE.test(v.norm);

/** A short line with no sentence mark: a table cell, when a scraper printed one cell per line. */
export function isCell(v: View): boolean {
  const t = v.norm.trim();
  return t !== '' && t.length <= 60 && !/[。；;！!？?]/.test(t);
}

/** True when a paragraph reads as running text that may continue an item (not chrome, not a footer scrap). */
export function isProse(v: View): boolean {
  if (v.b.type === 'row') return false;
  if (isChrome(v)) return false;
  // a unit note printed on its own line after the task (`责任单位:市经信局、市发改委`)
  if (hasAgencyNoteMark(v.norm)) return true;
  return /[。;；!！?？]$|[。,，;；].{4,}/.test(v.norm) || v.norm.length >= 24;
}

/**
 * A `(一)` heading with no sentence after it is a group when numbered items follow it; when only running text
 * follows (each task's title printed as a paragraph of its own, common on CMS pages), it is the task itself.
 */
export function titleOverText(views: View[], heads: Array<Head | null>, k: number, rest: number): boolean {
  // a heading cut off by the end of a scrape (`(四)�`) is no title
  const titled = /[\u4e00-\u9fff]{2}/.test((views[k] as View).norm.slice(rest));
  let text = 0;
  for (let j = k + 1; j < views.length && j <= k + 200; j++) {
    const h = heads[j];
    // `一是…。二是…。三是…。` in one paragraph is the text of the task above, not items of a group
    if (h?.kind === 'yishi' && YISHI_RUN.test((views[j] as View).norm)) { text++; continue; }
    if (h && h.kind !== 'bullet') {
      if (text > 0) return h.kind !== 'arabic' && h.kind !== 'yishi' && h.kind !== 'subitem';
      // nothing at all under it before the next `(二)` or chapter: a task printed as its title alone
      // (`（二）加大政策扶持。` / `（三）营造良好氛围。`), not a group without items
      return titled && (h.kind === 'paren' || h.kind === 'chapter' || h.kind === 'section' || h.kind === 'attachment');
    }
    const v = views[j] as View;
    // the last one, right before the signature or the page footer
    if (isChrome(v) || isBackMatter(views, j)) return text > 0 || titled;
    if (isProse(v)) text++;
  }
  // or the last one of a page whose text simply ends
  return text > 0 || (titled && views.slice(k + 1, k + 201).every((v) => !isProse(v)));
}

/**
 * A `一、` section under `第一部分` chapters that holds no `(一)` or `1.` of its own before the next section is an
 * item itself (`第三部分 保障措施` / `一、加强组织领导。…` / `二、…`), with its text or as its title alone; so is
 * a `第一节` whose only text is one paragraph of `一是…；二是…` points.
 */
export function sectionIsItem(views: View[], heads: Array<Head | null>, k: number): boolean {
  for (let j = k + 1; j < views.length && j <= k + 400; j++) {
    const h = heads[j];
    // `一是…；二是…；三是…` run into one paragraph is the section's text (`第一节 加强…` / `一是…；二是…`)
    if (h?.kind === 'yishi' && YISHI_RUN.test((views[j] as View).norm)) continue;
    if (h && h.kind !== 'bullet') return h.kind === 'section' || h.kind === 'chapter' || h.kind === 'attachment';
    const v = views[j] as View;
    if (isChrome(v) || isBackMatter(views, j)) return true;
  }
  return true;
}

/**
 * A numbered line under a 专栏 head (`1.国家光电子产品质量检验检测中心。`, `(1)…`) is the box's item, not the next
 * task, when its number follows the box's own numbered items; where the next task would print the same number,
 * only a line without a paragraph after its title is the box's.
 */
export function columnTakes(c: ColumnNode, heads: Array<Head | null>, h: Head & { n: number }, v: View, lastTask: ItemNode | null): boolean {
  if (h.n !== c.items.length + 1 || !c.items.every((it) => heads[it.head.v.i]?.kind === h.kind)) return false;
  const next = lastTask && lastTask.style === h.kind ? Number(lastTask.printed.replace(/\D/g, '')) + 1 : NaN;
  return h.n !== next || !hasBody(v.norm, h.rest);
}

/**
 * A `(二)` heading with a lead-in of its own (`（二）提升农产品和食品质量。实施…行动。`) is still a group when the
 * `1.` item right under it goes on with the numbering of the task before (`4.` after `3.`): a task's points would
 * start from 1.
 */
export function itemsGoOn(next: Head | null | undefined, lastTask: ItemNode | null): boolean {
  if (!next || next.kind !== 'arabic' || !lastTask || lastTask.style !== 'arabic') return false;
  const last = Number(lastTask.printed.replace(/\D/g, ''));
  return last > 0 && next.n === last + 1;
}

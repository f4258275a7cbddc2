/**
 * The number a browser draws before an `<ol>` item. CMS pages made from Word print a plan's tasks as
 * `<ol><li><strong>提升先进制造业质量。</strong>…</li></ol>`: the task's `1.` is only the list's, never in the
 * text, so the outline would see no task. The label is put back in front of the item's first line, as the DOCX
 * adapter puts back Word's automatic numbering.
 */
import { MARK_OPENING } from '../lexicon/structure.js';
import { plainText, type DomNode } from './dom.js';

/** `list-style: none` (or `list-style-type: none`) hides the numbers. */
const NO_MARKER = /list-style(?:-type)?\s*:\s*none/i;

/**
 * The label (`4.`) a browser shows before `li`, or null: not in an `<ol>`, numbers hidden or not decimal, or the
 * item prints its own mark (`<li>1.…</li>`, `<li>（一）…</li>`), which is then read as printed.
 */
export function listLabel(li: DomNode): string | null {
  const ol = li.parent;
  if (ol === null || ol.name !== 'ol') return null;
  const type = ol.attribs?.type ?? li.attribs?.type;
  if (type !== undefined && type !== '1') return null;
  if (NO_MARKER.test(ol.attribs?.style ?? '') || NO_MARKER.test(li.attribs?.style ?? '')) return null;
  if (MARK_OPENING.test(plainText(li).replace(/^[\s\u3000\u00a0]+/, '').slice(0, 12))) return null;
  const n = numbersOf(ol).get(li);
  return n === undefined ? null : `${n}.`;
}

/** Each `<li>`'s number in one pass over its list (a list of thousands of items stays linear). */
const numbered = new WeakMap<DomNode, Map<DomNode, number>>();
function numbersOf(ol: DomNode): Map<DomNode, number> {
  let out = numbered.get(ol);
  if (out) return out;
  out = new Map();
  // start, then each earlier <li> counts one; a `value` on an item sets its number and those after it
  let n = toInt(ol.attribs?.start) ?? 1;
  for (const c of ol.children ?? []) {
    if (c.name !== 'li') continue;
    n = toInt(c.attribs?.value) ?? n;
    out.set(c, n++);
  }
  numbered.set(ol, out);
  return out;
}

function toInt(s: string | undefined): number | null {
  if (s === undefined || !/^\s*-?\d{1,6}\s*$/.test(s)) return null;
  return Number(s);
}

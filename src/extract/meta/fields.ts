/**
 * Labelled metadata of government CMS pages, whatever its form: a pipe table, `label:value` lines, several pairs
 * on one line (`索引号 : … 文  号 : …`), bracket labels (`[ 成文日期 ] 2024-07-03 [ 发布日期 ] 2024-07-23`),
 * list items (`- 发文日期:2023-04-17`), or a label alone with its value on the next line.
 */
import { orig, type View } from '../../source/view.js';
import { META_LABELS, type MetaField } from '../../lexicon/meta.js';
import { DOC_NUMBER_LINE } from '../../lexicon/structure.js';
import { TITLE_LIKE } from '../../lexicon/html.js';
import { parseDate } from '../../outline/dates.js';

export interface Found { value: string; line: number }

const spaced = (label: string) => [...label].join('\\s*');
const ALL = META_LABELS.flatMap(([f, ls]) => ls.map((l) => [l, f] as const)).sort((a, b) => b[0].length - a[0].length);
const FIELD = new Map<string, MetaField>(ALL.map(([l, f]) => [l, f]));
const ALT = ALL.map(([l]) => spaced(l)).join('|');
/** `[ label ]`, `【label】` or `label:` where the label starts a token (not the tail of a longer word). */
const LABEL = new RegExp(`(?<![\\u4e00-\\u9fff])(?:[[【]\\s*(${ALT})\\s*[\\]】]\\s*[:：]?|(${ALT})\\s*[:：])`, 'g');
/**
 * A long label run onto the value before it, after another label on the line (`来源：某局发布日期：2023-11-15`): a
 * page or a PDF that lost the space between two fields. Short labels (日期, 来源) stay bound to a token start.
 */
const RUN_ON = new RegExp(`(?<=[\\u4e00-\\u9fff])(${ALL.filter(([l]) => l.length >= 4).map(([l]) => spaced(l)).join('|')})\\s*[:：]`, 'g');
const MARK = /[:：\]】]/;
/** `发文字号   某府发〔2023〕32号`: a label and its value parted by a tab or a run of spaces (a page's table copied as text). */
const SPACED_PAIR = new RegExp(`^[-•·\\s]*(${ALT})\\s+(\\S.*)$`);
const LABEL_ONLY = new RegExp(`^[-•·\\s]*[[【]?\\s*(${ALT})\\s*[\\]】]?\\s*[:：]?$`);

export function labelField(s: string): MetaField | null {
  const m = LABEL_ONLY.exec(s.trim());
  return m ? FIELD.get((m[1] as string).replace(/\s+/g, '')) ?? null : null;
}

/** Label → value pairs in a string, each value running to the next label. */
function pairs(s: string): Array<{ field: MetaField; start: number; end: number }> {
  // every label form has a colon or a closing bracket: most lines are rejected without the long alternation
  if (!MARK.test(s)) return [];
  // an exec loop: matchAll clones the long pattern on every call
  const hits: RegExpExecArray[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(s); m; m = LABEL.exec(s)) hits.push(m);
  if (hits.length > 0) {
    const first = hits[0] as RegExpExecArray;
    RUN_ON.lastIndex = first.index + first[0].length;
    for (let m = RUN_ON.exec(s); m; m = RUN_ON.exec(s)) {
      const at = m.index;
      if (!hits.some((h) => at >= h.index && at < h.index + h[0].length)) hits.push(m);
    }
    hits.sort((a, b) => a.index - b.index);
  }
  return hits.map((m, k) => {
    const label = ((m[1] ?? m[2]) as string).replace(/\s+/g, '');
    const start = (m.index ?? 0) + m[0].length;
    const end = k + 1 < hits.length ? (hits[k + 1]?.index ?? s.length) : s.length;
    return { field: FIELD.get(label) ?? 'skip', start, end };
  });
}

const trimValue = (s: string) => s.replace(/^[\s|•·]+|[\s|]+$/g, '');

/**
 * The first value of each field in the front matter. The lines of a table read by columns go into `tableLines`:
 * a value there (`某市人民政府` over `2023年12月1日`) is never a signature.
 */
export function metadataFields(front: View[], tableLines?: Set<View>): Map<MetaField, Found> {
  const out = new Map<MetaField, Found>();
  const put = (f: MetaField, value: string, line: number) => {
    const v = trimValue(value);
    if (f !== 'skip' && v !== '' && !out.has(f)) out.set(f, { value: v, line });
  };
  for (let k = 0; k < front.length; k++) {
    const v = front[k] as View;
    if (v.b.type === 'row' && v.b.cells) {
      const cells = v.b.cells.map((c) => c.text.replace(/\u00a0/g, ' ').trim());
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c] as string;
        const f = labelField(cell);
        if (f) {
          // a label cell left empty beside a labelled cell (`成文日期: | 发布日期:2023-09-12`) has no value; the
          // next cell is read for its own label
          const next = cells[c + 1];
          if (next !== undefined && !labelField(next) && pairs(next).length === 0) { put(f, next, v.b.line); c++; }
          continue;
        }
        for (const p of pairs(cell)) put(p.field, cell.slice(p.start, p.end), v.b.line);
      }
      continue;
    }
    const f = labelField(v.norm);
    if (f && columnStart(front, k)) {
      const end = columnFields(front, k, put);
      for (let i = k; i < end; i++) tableLines?.add(front[i] as View);
      k = end - 1;
      continue;
    }
    if (f) {
      const next = front[k + 1];
      if (next && !labelField(next.norm) && pairs(next.norm).length === 0 && !spacedPair(next) && next.norm.length < 60) {
        put(f, orig(next), next.b.line);
        k++;
      }
      continue;
    }
    const found = pairs(v.norm);
    const sp = found.length === 0 ? spacedPair(v) : null;
    if (sp) put(FIELD.get((sp[1] as string).replace(/\s+/g, '')) ?? 'skip', orig(v, v.norm.length - (sp[2] as string).length), v.b.line);
    for (const p of found) put(p.field, orig(v, p.start, p.end), v.b.line);
  }
  return out;
}

/**
 * A label and its value parted by spaces, not a colon. The fold reads a tab as one space: a label of four characters
 * or more (发文字号, 成文日期) may stand one space from its value, a shorter one (日期, 来源) needs a tab or two spaces.
 */
function spacedPair(v: View): RegExpExecArray | null {
  const m = SPACED_PAIR.exec(v.norm);
  if (!m) return null;
  return (m[1] as string).replace(/\s+/g, '').length >= 4 || /\t| {2,}|\u3000/.test(v.b.text) ? m : null;
}

/** True when a line holds labelled metadata (it is never a title or a sentence). */
export function isMetadataLine(norm: string): boolean {
  if (norm.length > 200) return false;
  LABEL.lastIndex = 0;
  return labelField(norm) !== null || (MARK.test(norm) && LABEL.test(norm));
}

/**
 * A metadata table read by columns (a printed page through `pdftotext`): a run of labels alone on their lines, then
 * a run of values. Zipped in order when the counts agree; else a label left empty has shifted the values, and only
 * what a value's shape tells is read: the document number, and the dates in the order of the date labels. Returns
 * the index after the values.
 */
/** Three labels alone on their lines in a row open a table read by columns; fewer are labels left empty. */
function columnStart(front: View[], k: number): boolean {
  for (let i = k; i < k + 3; i++) if (!front[i] || !labelField((front[i] as View).norm)) return false;
  return true;
}

function columnFields(front: View[], from: number, put: (f: MetaField, value: string, line: number) => void): number {
  let k = from;
  const labels: MetaField[] = [];
  for (let f = labelField((front[k] as View).norm); f; f = k < front.length ? labelField((front[k] as View).norm) : null) { labels.push(f); k++; }
  const values: View[] = [];
  while (k < front.length && values.length < labels.length) {
    const v = front[k] as View;
    // a value is short, and never the title that follows the table
    if (v.b.type === 'row' || labelField(v.norm) || pairs(v.norm).length > 0 || v.norm.length > 40 || TITLE_LIKE.test(v.norm)) break;
    values.push(v);
    k++;
  }
  if (values.length === labels.length) {
    labels.forEach((f, i) => put(f, orig(values[i] as View), (values[i] as View).b.line));
    return k;
  }
  const bare = (v: View) => trimValue(v.norm);
  const dates = values.filter((v) => parseDate(bare(v)) !== null);
  const dateLabels = labels.filter((f) => f === 'signed' || f === 'published');
  if (dates.length === dateLabels.length) dateLabels.forEach((f, i) => put(f, orig(dates[i] as View), (dates[i] as View).b.line));
  const number = values.find((v) => DOC_NUMBER_LINE.test(bare(v)));
  if (number && labels.includes('doc_number')) put('doc_number', orig(number), number.b.line);
  return k;
}

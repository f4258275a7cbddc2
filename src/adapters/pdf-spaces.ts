/**
 * Spaces in the text of a PDF line: which of the spaces a PDF draws (space items, gaps, justification) a reader
 * of Chinese text sees, and how two pieces of a wrapped paragraph join.
 */

/** Characters set full width: CJK, full-width forms, CJK punctuation, the dash and curly double quotes. */
export const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u201c\u201d]/;

/**
 * A cell's spaces as a reader sees them: runs of spaces are one, a letter-spaced line loses its spaces
 * ({@link letterSpacing}) except one drawn clearly wider than the others (1.4 times: the real space of
 * `常 委 秘 书 室   添 加 时 间`, stretched by justification like every other gap), and no space stands between
 * Chinese text and a punctuation mark.
 */
export function tidySpaces(text: string, drawn: Map<number, number>): string {
  let s = '';
  const width = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === ' ' && s.endsWith(' ')) {
      width.set(s.length - 1, Math.max(width.get(s.length - 1) ?? 0, drawn.get(i) ?? 0));
      continue;
    }
    if (ch === ' ' && drawn.has(i)) width.set(s.length, drawn.get(i) as number);
    s += ch;
  }
  s = s.replace(/[ \t]+$/, '');
  const gaps = letterSpacing(s);
  if (gaps.size > 0) {
    const known = [...gaps].map((i) => width.get(i)).filter((w): w is number => w !== undefined && w > 0);
    const typical = median(known);
    if (known.length >= 2) for (const i of [...gaps]) if ((width.get(i) ?? 0) >= Math.max(0.6, 1.4 * typical)) gaps.delete(i);
    s = s.split('').filter((_, i) => !gaps.has(i)).join('');
  }
  return s.replace(PUNCT_SPACE, '');
}

/**
 * The width (in font sizes) of the spaces pdf.js put inside a run of full-width characters drawn apart (`序 号`):
 * the run's width less its characters', shared out. It is the line's letter spacing, against which a real space
 * stands out; null for a run without such spaces or with other characters, whose widths are not known.
 */
export function runSpacing(str: string, width: number, size: number): number | null {
  const inner = str.split(' ').length - 1;
  if (inner === 0 || /[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(str)) return null;
  return (width - str.replace(/\s/g, '').length * size) / inner / size;
}

const LATIN = /[A-Za-z0-9]/;

/**
 * A space inside brackets or quotes (`27号 )`, `( 2011`), or beside Chinese text around a bracket or quote or
 * before a punctuation mark (`意见 (`, `“ 十二五”`, `年) 的通知`, `单位 :`): converters that set half-width marks in a
 * fallback font (LibreOffice) draw a space item or a gap there. Chinese never takes one; a space typed after a
 * comma (`起来, 把握`) and Latin text's own (`ISO 9001 (2015)`) stay.
 */
const HAN = String.raw`\u2e80-\u9fff\uf900-\ufaff`;
const OPEN = String.raw`(（\[【《“‘〔「『`;
const CLOSE = String.raw`)）\]】》”’〕」』`;
const STOP = String.raw`,.;:!?、，。；：！？`;
// …and none between a date's or period's digits and its 年/月/日 (`2026 年）`, `2023 年 10 月 27 日`: the digits set in
// the fallback font leave a gap on both sides)
const DATE_UNIT = String.raw`年月日`;
const PUNCT_SPACE = new RegExp(`(?<=[${OPEN}]) +| +(?=[${CLOSE}])|(?<=[${HAN}]) +(?=[${OPEN}${STOP}])|(?<=[${CLOSE}]) +(?=[${HAN}])|(?<=\\d) +(?=[${DATE_UNIT}])|(?<=[${DATE_UNIT}]) +(?=\\d)`, 'g');

/** One space between two CJK characters: what a letter-spaced line has at least once. */
const WIDE_GAP = new RegExp(`${WIDE.source} ${WIDE.source}`);

/**
 * The spaces of a letter-spaced line, as indices into `s` (empty when the line is not letter-spaced). A justified
 * line with few break points (a number, a pinyin gloss or a Latin word near its end) is stretched by spacing
 * every character, and the PDF (or pdftotext) then shows a space between all of them: `组 织 和 个 人 30 个 ,
 * 新 认 证 “ 天 府 名 品 ”100 个 以 上`. A line is letter-spaced when single spaces part at least three pairs of
 * CJK characters and no fewer pairs stand together, or when no pair stands together at all (`通 知`, the short
 * last line of a spaced-out title); then every single space goes except one between two Latin
 * letters or digits (`ISO 9001`). A space that parts two names (`中共某市委 某市人民政府`) is one among many
 * unspaced pairs and stays.
 */
export function letterSpacing(s: string): Set<number> {
  const gaps = new Set<number>();
  // every line of a text file is asked: most have no space between two CJK characters, and are not letter-spaced
  if (s.indexOf(' ') < 0 || !WIDE_GAP.test(s)) return gaps;
  let spaced = 0, tight = 0;
  for (let i = 1; i < s.length; i++) {
    const c = s[i] as string;
    if (c === ' ' && s[i - 1] !== ' ' && s[i + 1] !== undefined && s[i + 1] !== ' ') {
      if (WIDE.test(s[i - 1] as string) && WIDE.test(s[i + 1] as string)) spaced++;
      if (!(LATIN.test(s[i - 1] as string) && LATIN.test(s[i + 1] as string))) gaps.add(i);
    } else if (WIDE.test(c) && WIDE.test(s[i - 1] as string)) tight++;
  }
  // a short line of single characters spaced out (`通 知`, the end of a justified title) is letter-spaced too
  if ((spaced < 3 && tight > 0) || spaced < tight || spaced === 0) gaps.clear();
  return gaps;
}

/**
 * A letter-spaced line without its spaces ({@link letterSpacing}), each character at its source offset (`offset` is
 * the line's), the end last; null when the line is not letter-spaced.
 */
export function unspaced(s: string, offset: number): { text: string; offsets: number[] } | null {
  const gaps = letterSpacing(s);
  if (gaps.size === 0) return null;
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < s.length; i++) if (!gaps.has(i)) { text += s[i]; offsets.push(offset + i); }
  offsets.push(offset + s.length);
  return { text, offsets };
}

/** Joins two pieces of one paragraph: no space, except between two Latin letters or digits (`ISO` + `9001`). */
export function joinText(a: string, b: string): string {
  // a number wrapped mid-digits (`达到9` / `9%`, `（2023—202` / `7年）`, `,2` / `5家`) is one number; Latin words
  // keep their space (`ISO` + `9001`)
  if (NUMBER_END.test(a) && /^\d/.test(b)) return a + b;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** Digits at a line's end after anything but a Latin letter (or alone): the start of a number the wrap cut. */
const NUMBER_END = /(?:^|[^A-Za-z\d])\d+(?:\.\d*)?$/;

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

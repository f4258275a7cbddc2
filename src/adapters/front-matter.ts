/**
 * YAML front matter of a Markdown file: `---` on the first line, `key: value` lines, a closing `---` or `...`.
 * Web clippers and static-site scrapers put the page's title and date there. remark (without a front-matter
 * extension) would read the block as a rule and a setext heading, so it is cut out here: the fields qplan knows
 * become blocks the meta reader reads (the title as the first line when the body does not print it, a date as
 * a `发布日期：` field), and the rest is page metadata, named in a diagnostic.
 */
import type { Block } from '../model.js';
import type { LineIndex } from '../source/lines.js';
import { FRONT_MATTER_KEYS, META_LABELS, type MetaField } from '../lexicon/meta.js';
import { printsTitle, squashTitle } from './printed-title.js';

export interface FrontField {
  key: string;
  /** Offset of the key's first character. */
  keyAt: number;
  value: string;
  /** Offset of the value's first character (quotes excluded). */
  valueAt: number;
}

export interface FrontMatter {
  /** Offset just past the closing line: the Markdown body starts here. */
  end: number;
  /** 1-based line of the closing `---`. */
  lastLine: number;
  fields: FrontField[];
}

/** Front matter longer than this is not front matter (a rule opening a long document). */
const MAX_LINES = 100;
const KEY_LINE = /^([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]{0,40})[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
/** A list item or an indented continuation of the key above: part of the block, not read. */
const MORE_LINE = /^(?:[ \t]+\S|-[ \t])/;

/** The front matter opening `text`, or null when the text does not open with one. */
export function frontMatter(text: string): FrontMatter | null {
  const first = /^\ufeff?---[ \t]*\r?\n/.exec(text);
  if (!first) return null;
  const fields: FrontField[] = [];
  let at = first[0].length;
  let keyLines = 0;
  for (let n = 2; n <= MAX_LINES + 1 && at < text.length; n++) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const line = text.slice(at, nl).replace(/\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) {
      return keyLines > 0 ? { end: Math.min(nl + 1, text.length), lastLine: n, fields } : null;
    }
    const m = KEY_LINE.exec(line);
    if (m) {
      keyLines++;
      const raw = m[2] ?? '';
      const quoted = /^(["'])(.*)\1$/.exec(raw);
      const value = quoted ? (quoted[2] as string) : raw;
      const valueAt = at + line.indexOf(raw, (m[1] as string).length) + (quoted ? 1 : 0);
      fields.push({ key: m[1] as string, keyAt: at, value, valueAt });
    } else if (line.trim() !== '' && !MORE_LINE.test(line)) {
      return null;
    }
    at = nl + 1;
  }
  return null;
}

/** The field a front-matter key gives: an English key from the lexicon, or a CMS label (`发布日期`). */
function fieldOf(key: string): MetaField | null {
  const en = FRONT_MATTER_KEYS.get(key.toLowerCase());
  if (en) return en;
  for (const [f, labels] of META_LABELS) if (f !== 'skip' && labels.includes(key)) return f;
  return null;
}

/**
 * The blocks the front matter gives, to put before the body's, and the keys that were not read.
 * Field blocks carry the CMS label of their field, mapped to the key's position, so every character has a source.
 */
export function frontBlocks(fm: FrontMatter, body: Block[], lines: LineIndex): { blocks: Block[]; unread: string[] } {
  const blocks: Block[] = [];
  const unread: string[] = [];
  for (const f of fm.fields) {
    const field = fieldOf(f.key);
    const value = f.value.trim();
    if (value === '' || field === null) {
      // a key with a list or nothing under it, or one qplan does not read (`source`, `tags`)
      if (field === null) unread.push(f.key);
      continue;
    }
    const valueAt = f.valueAt + f.value.indexOf(value);
    const valueOffs = Array.from({ length: value.length }, (_, i) => valueAt + i);
    if (field === 'title') {
      if (printsTitle(body, squashTitle(value))) continue;
      // a paragraph, not a heading: Markdown headings of one depth with no number are read as a level of the outline
      blocks.push(at({ type: 'para', text: value }, [...valueOffs, valueAt + value.length], lines));
    } else {
      const label = (META_LABELS.find(([m]) => m === field)?.[1][0] ?? '') + '：';
      const offs = [...Array.from({ length: label.length }, () => f.keyAt), ...valueOffs, valueAt + value.length];
      blocks.push(at({ type: 'para', text: label + value }, offs, lines));
    }
  }
  return { blocks, unread };
}

function at(b: Pick<Block, 'type' | 'text'>, offsets: number[], lines: LineIndex): Block {
  const offset = offsets[0] ?? 0;
  return { ...b, line: lines.position(offset).line, offset, offsets };
}

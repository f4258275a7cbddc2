/**
 * outline: blocks → the plan's skeleton. Finds where the plan body starts (its first `一、` chapter) and ends
 * (attachments, signature, page footer), gives each chapter a role (goals, tasks, safeguards, preamble) and
 * walks the blocks once with a small state machine that opens chapters, groups, items (task / goal /
 * safeguard), 专栏 boxes and their items. It never reads values (units, targets): that is `extract`.
 */
import type { Block, TaskKind } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { dropAnnotations, normalizeText } from '../decode/normalize.js';
import { zhToInt } from '../lexicon/numerals.js';
import {
  ARABIC, ATTACHMENT, BULLET, CHAPTER, CHAPTER_ROLES, CHROME, COLUMN, ISSUER_LINE, PAREN, PAREN_ARABIC, PUBLICATION_NOTE, YISHI,
} from '../lexicon/structure.js';
import { isDateLine } from '../extract/dates.js';
import { UNIT_NOTE_MARK } from '../lexicon/units.js';

/** A block with its normalized working copy (`norm`, and `map` back into `b.text`). */
export interface View {
  b: Block;
  norm: string;
  /** norm index → index in `b.text`; null when the only change is trimming `lead` leading characters. */
  map: Int32Array | null;
  lead: number;
  /** Index of the block in the document's block list. */
  i: number;
}

/** A run of a view's text from `start` (index into `norm`) to its end. */
export interface Segment {
  v: View;
  start: number;
}

export type Role = 'goals' | 'tasks' | 'safeguards' | 'preamble';

export interface ChapterNode {
  ord: string;
  title: string;
  role: Role;
  v: View;
}

export interface ItemNode {
  kind: TaskKind;
  /** Normalized printed number: `1`, `(三)`, `一是`. */
  printed: string;
  chapter: string | null;
  group: string | null;
  /** The first block, and where the text after the number starts in it. */
  head: Segment;
  /** Continuation blocks (HTML paragraphs, a goal's body lines). */
  more: View[];
  style: 'arabic' | 'paren' | 'yishi';
}

export interface ColumnNode {
  number: number;
  title: string;
  head: View;
  titleStart: number;
  afterItem: ItemNode | null;
  items: Array<{ head: Segment; more: View[] }>;
  /**
   * Table rows, or short lines that may be the cells of a table the scraper flattened, right under the head and
   * before any item: the extractor decides whether they are an indicator table.
   */
  table: View[];
}

export interface Outline {
  views: View[];
  /** Index (into views) where the body starts and where it ends (exclusive). */
  bodyStart: number;
  bodyEnd: number;
  chapters: ChapterNode[];
  items: ItemNode[];
  columns: ColumnNode[];
  /** Text of goals chapters, in order, each with where its text starts (targets with where: goals). */
  goals: Segment[];
  /** Attachments after the body: each a heading view and the views up to the next one. */
  attachments: Array<{ number: string; head: View; views: View[] }>;
}

export function makeView(b: Block, i: number): View {
  const { norm, map } = dropAnnotations(normalizeText(b.text), b.text);
  const t = norm.trim();
  if (t.length === norm.length) return { b, norm, map, lead: 0, i };
  const lead = norm.length - norm.trimStart().length;
  return { b, norm: t, map: map ? map.slice(lead, lead + t.length + 1) : null, lead: map ? 0 : lead, i };
}

/** Index in the block's original text of character `i` of a view's normalized text. */
export function srcAt(v: View, i: number): number {
  return v.map ? (v.map[i] ?? v.b.text.length) : Math.min(v.lead + i, v.b.text.length);
}

type Head =
  | { kind: 'chapter'; ord: string; n: number; rest: number }
  | { kind: 'paren'; ord: string; n: number; rest: number }
  | { kind: 'arabic'; ord: string; n: number; rest: number }
  | { kind: 'yishi'; ord: string; n: number; rest: number }
  | { kind: 'bullet'; rest: number }
  | { kind: 'column'; n: number; rest: number }
  | { kind: 'attachment'; num: string; rest: number };

/** Classify how a block begins. `rest` is where the text after the marker starts. */
export function classify(norm: string): Head | null {
  const restOf = (tail: string | undefined) => norm.length - (tail ?? '').length;
  let m: RegExpExecArray | null;
  if ((m = ATTACHMENT.exec(norm))) return { kind: 'attachment', num: m[1] ?? '', rest: restOf(m[2]) };
  if ((m = COLUMN.exec(norm))) {
    const raw = m[1] as string;
    const n = /^\d+$/.test(raw) ? Number(raw) : zhToInt(raw);
    if (Number.isFinite(n)) return { kind: 'column', n, rest: restOf(m[2]) };
  }
  if ((m = CHAPTER.exec(norm))) {
    const ord = (m[1] ?? m[2]) as string;
    const n = zhToInt(ord);
    if (Number.isFinite(n) && n > 0) return { kind: 'chapter', ord, n, rest: restOf(m[3]) };
  }
  if ((m = PAREN.exec(norm))) {
    const n = zhToInt(m[1] as string);
    if (Number.isFinite(n) && n > 0) return { kind: 'paren', ord: `(${m[1]})`, n, rest: restOf(m[2]) };
  }
  if (PAREN_ARABIC.test(norm)) return null;
  if ((m = ARABIC.exec(norm))) return { kind: 'arabic', ord: String(Number(m[1])), n: Number(m[1]), rest: restOf(m[2]) };
  if ((m = YISHI.exec(norm))) {
    const n = zhToInt(m[1] as string);
    if (Number.isFinite(n) && n > 0 && n < 20) return { kind: 'yishi', ord: `${m[1]}是`, n, rest: restOf(m[2]) };
  }
  if ((m = BULLET.exec(norm)) && (m[1] ?? '').length > 0) return { kind: 'bullet', rest: restOf(m[1]) };
  return null;
}

export function chapterRole(title: string): Role {
  for (const { role, pattern } of CHAPTER_ROLES) if (pattern.test(title)) return role;
  return 'tasks';
}

/** True when the text after a `(一)` marker is a whole paragraph, not just a heading. */
function hasBody(norm: string, rest: number): boolean {
  const t = norm.slice(rest);
  const stop = t.indexOf('。');
  if (stop >= 0 && t.length - stop - 1 >= 4) return true;
  return stop < 0 && t.length > 40;
}

export function isChrome(v: View): boolean {
  // chrome is short (`分享到`, `您的当前位置: 首页>…`); a task paragraph is not scanned for it
  return v.norm.length <= 80 && CHROME.test(v.norm);
}

/** Signature block: an issuer line followed by a date, or a bare date after the body. */
function isBackMatter(views: View[], k: number): boolean {
  const v = views[k] as View;
  if (PUBLICATION_NOTE.test(v.norm)) return true;
  if (isDateLine(v.norm)) return true;
  if (ISSUER_LINE.test(v.norm)) {
    const next = views[k + 1];
    return next !== undefined && isDateLine(next.norm);
  }
  return false;
}

/** True when a paragraph reads as running text that may continue an item (not chrome, not a footer scrap). */
/** A short line with no sentence mark: a table cell, when a scraper printed one cell per line. */
function isCell(v: View): boolean {
  const t = v.norm.trim();
  return t !== '' && t.length <= 60 && !/[。；;！!？?]/.test(t);
}

function isProse(v: View): boolean {
  if (v.b.type === 'row') return false;
  if (isChrome(v)) return false;
  // a unit note printed on its own line after the task (`责任单位:市经信局、市发改委`)
  if (UNIT_NOTE_MARK.test(v.norm)) return true;
  return /[。;；!！?？]$|[。,，;；].{4,}/.test(v.norm) || v.norm.length >= 24;
}

export function outline(blocks: Block[], ctx: Collector): Outline {
  const views = blocks.map((b, i) => makeView(b, i));
  const annotated = views.find((v) => v.map !== null && v.norm.length < v.b.text.trim().length - 2 && /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(v.b.text));
  if (annotated) ctx.report('pinyin-removed', annotated.b.line, 'pinyin annotations after characters (達(dá)到) are ignored when reading; quotes keep them');
  const out: Outline = { views, bodyStart: views.length, bodyEnd: views.length, chapters: [], items: [], columns: [], goals: [], attachments: [] };

  // The body starts at the first `一、` that is followed by a `二、` (a lone `一、` in a notice is not a chapter).
  const heads = views.map((v) => (v.b.type === 'row' ? null : classify(v.norm)));
  let start = -1;
  const lastTwo = heads.findLastIndex((x) => x?.kind === 'chapter' && x.n === 2);
  for (let k = 0; k < lastTwo && start < 0; k++) {
    const h = heads[k];
    if (h?.kind === 'chapter' && h.n === 1) start = k;
  }
  // a text cut short (or a reprint of the goals only) never reaches 二、: a lone 一、 whose title names a goals
  // chapter (总体要求, 主要目标…) still opens the body
  if (start < 0) {
    start = heads.findIndex((h, k) => h?.kind === 'chapter' && h.n === 1 && chapterRole((views[k] as View).norm.slice(h.rest)) === 'goals');
  }
  if (start < 0) {
    // No chapters: a flat list of numbered tasks; start at the first numbered item.
    start = heads.findIndex((h) => h?.kind === 'arabic' || h?.kind === 'paren');
    if (start < 0) start = views.length;
  }
  out.bodyStart = start;

  let chapter: ChapterNode | null = null;
  let group: string | null = null;
  let item: ItemNode | null = null;
  let column: ColumnNode | null = null;
  let tableDone = false;
  let lastTask: ItemNode | null = null;
  let parenTasks = false;
  let numberedInChapter = false;
  let bodyEnd = views.length;
  // a flat list without chapters behaves as one task chapter
  if (start < views.length && heads[start]?.kind !== 'chapter') {
    chapter = { ord: '', title: '', role: 'tasks', v: views[start] as View };
  }

  const openItem = (kind: TaskKind, printed: string, v: View, rest: number, style: ItemNode['style']) => {
    item = { kind, printed, chapter: chapter?.ord || null, group, head: { v, start: rest }, more: [], style };
    out.items.push(item);
    if (kind === 'task') lastTask = item;
    column = null;
  };

  for (let k = start; k < views.length; k++) {
    const v = views[k] as View;
    const h = heads[k] ?? null;
    // a table under a 专栏 head: rows, or the cells of a flattened one (they are read as running text too, unless
    // the extractor finds an indicator table in them)
    if (column && !tableDone && (column as ColumnNode).items.length === 0) {
      if (v.b.type === 'row' || (h === null && isCell(v))) (column as ColumnNode).table.push(v);
      else if (v.norm.trim() !== '') tableDone = true;
    }
    if (v.b.type === 'row') continue;
    if (h?.kind === 'attachment' || isChrome(v) || isBackMatter(views, k)) {
      bodyEnd = k;
      break;
    }
    if (h?.kind === 'chapter') {
      const expected = chapter ? zhToInt(chapter.ord) + 1 : 1;
      if (chapter && (h.n < expected || h.n > expected + 1)) {
        // not the next chapter: running text that happens to start with `三、`
        if (item) (item as ItemNode).more.push(v);
        continue;
      }
      if (chapter && h.n === expected + 1) ctx.report('numbering-gap', v.b.line, `chapter ${h.ord}、 follows chapter ${chapter.ord}、 (one is missing?)`);
      const title = v.norm.slice(h.rest).replace(/[。.]$/, '').trim();
      chapter = { ord: h.ord, title, role: chapterRole(title), v };
      out.chapters.push(chapter);
      group = null; item = null; column = null; parenTasks = false; numberedInChapter = false;
      if (chapter.role === 'goals') out.goals.push({ v, start: v.norm.length });
      continue;
    }
    const role: Role = chapter?.role ?? 'preamble';
    if (h?.kind === 'column') {
      column = { number: h.n, title: v.norm.slice(h.rest).trim(), head: v, titleStart: h.rest, afterItem: lastTask, items: [], table: [] };
      tableDone = false;
      out.columns.push(column);
      item = null;
      continue;
    }
    if (h?.kind === 'bullet' && column) {
      (column as ColumnNode).items.push({ head: { v, start: h.rest }, more: [] });
      continue;
    }
    if (h?.kind === 'paren') {
      if (role === 'goals' || role === 'preamble' || !hasBody(v.norm, h.rest)) {
        group = h.ord; item = null; column = null;
        if (role === 'goals') out.goals.push({ v, start: h.rest });
        continue;
      }
      parenTasks = true; numberedInChapter = true;
      openItem(role === 'safeguards' ? 'safeguard' : 'task', h.ord, v, h.rest, 'paren');
      continue;
    }
    if (h?.kind === 'arabic' && role !== 'preamble' && !(parenTasks && item)) {
      numberedInChapter = true;
      openItem(role === 'goals' ? 'goal' : role === 'safeguards' ? 'safeguard' : 'task', h.ord, v, h.rest, 'arabic');
      if (role === 'goals') out.goals.push({ v, start: h.rest });
      continue;
    }
    if (h?.kind === 'yishi' && role !== 'preamble' && role !== 'goals' && !numberedInChapter) {
      openItem(role === 'safeguards' ? 'safeguard' : 'task', h.ord, v, h.rest, 'yishi');
      continue;
    }
    // running text
    const textStart = h?.kind === 'bullet' ? h.rest : 0;
    if (column && (column as ColumnNode).items.length > 0 && isProse(v)) {
      const last = (column as ColumnNode).items[(column as ColumnNode).items.length - 1];
      last?.more.push(v);
      continue;
    }
    if (role === 'goals') out.goals.push({ v, start: textStart });
    if (item && isProse(v)) (item as ItemNode).more.push(v);
  }
  out.bodyEnd = bodyEnd;

  // Attachments: `附件1` / `附件` + title after the body; `附件:1.…` is only the list of them.
  let current: Outline['attachments'][number] | null = null;
  for (let k = bodyEnd; k < views.length; k++) {
    const v = views[k] as View;
    const h = heads[k];
    if (h?.kind === 'attachment' && !/^\d+\s*[.、]/.test(v.norm.slice(h.rest))) {
      current = { number: h.num, head: v, views: [] };
      out.attachments.push(current);
      continue;
    }
    if (current && !isChrome(v)) current.views.push(v);
  }
  return out;
}

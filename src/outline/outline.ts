/**
 * outline: blocks → the plan's skeleton. Finds where the plan body starts (its first `一、` chapter) and ends
 * (attachments, signature, page footer), gives each chapter a role (goals, tasks, safeguards, preamble) and
 * walks the blocks once with a small state machine that opens chapters, groups, items (task / goal /
 * safeguard), 专栏 boxes and their items. It never reads values (units, targets): that is `extract`.
 */
import type { Block, TaskKind } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { makeView, type DocumentFold, type View } from '../source/view.js';
import { zhToInt } from '../lexicon/numerals.js';
import { TABLE_CAPTION } from '../lexicon/structure.js';
import { hasAgencyNoteMark } from '../lexicon/agency-notes.js';
import { chapterRole, classify, depthHeads, nestSections, startAfterNotice, tocLines, type Head, type Role } from './heads.js';
import { columnTakes, itemsGoOn, hasBody, headingEnd, isBackMatter, isNoteLine, isCell, isChrome, isImprint, isOtherScript, isProse, sectionIsItem, titleOverText } from './lines.js';

/** A run of a view's text from `start` (index into `norm`) to its end. */
export interface Segment {
  v: View;
  start: number;
}

export type { Role } from './heads.js';
export { isChrome, isOtherScript } from './lines.js';

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
  style: 'arabic' | 'paren' | 'yishi' | 'subitem';
  /**
   * Where the enclosing group's unit note may stand: its `(一)` heading, or a note line of its own right under it. The
   * note covers the group's items that print none.
   */
  groupNote: Segment | null;
}

export interface ColumnNode {
  number: number;
  title: string;
  head: View;
  titleStart: number;
  /** The line the title stands on when it is not the head's (`专栏1` over its title). */
  titleView?: View;
  afterItem: ItemNode | null;
  items: Array<{ head: Segment; more: View[] }>;
  /**
   * Table rows, or short lines that may be the cells of a table the scraper flattened, right under the head and
   * before any item: the extractor decides whether they are an indicator table.
   */
  table: View[];
}

/** A table in the body outside any 专栏: under a caption, or real rows where no caption was printed. */
export interface TableNode {
  /** The caption (or the first row when none was printed). */
  head: View;
  title: string;
  /** Rows, or the short lines that may be the cells of a flattened table. */
  views: View[];
}

export interface Outline {
  views: View[];
  /** How each view begins (printed numbering, or a heading's place by depth); null for running text and rows. */
  heads: Array<Head | null>;
  /** Index (into views) where the body starts and where it ends (exclusive). */
  bodyStart: number;
  bodyEnd: number;
  chapters: ChapterNode[];
  items: ItemNode[];
  columns: ColumnNode[];
  tables: TableNode[];
  /** Text of goals chapters, in order, each with where its text starts (targets with where: goals). */
  goals: Segment[];
  /** Indexes (into views) of table-of-contents lines: no outline, no prose. */
  toc: Set<number>;
  /** Attachments after the body: each a heading view and the views up to the next one. */
  attachments: Array<{ number: string; head: View; views: View[] }>;
}

/** How to read the blocks' structure. */
export interface OutlineOptions {
  /**
   * The format's heading levels carry the structure (Markdown `##`), so an unnumbered level is placed by depth.
   * HTML h1–h6 on CMS pages are styling and are not read so.
   */
  headingDepth?: boolean;
  /** The document's fold (src/source/normalize.ts): the base one, or with traditional → simplified. */
  fold?: DocumentFold;
}

export function outline(blocks: Block[], ctx: Collector, options: OutlineOptions = {}): Outline {
  const views = blocks.map((b, i) => makeView(b, i, options.fold));
  const annotated = views.find((v) => v.map !== null && v.norm.length < v.b.text.trim().length - 2 && /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(v.b.text));
  if (annotated) ctx.report('pinyin-removed', annotated.b.line, 'pinyin annotations after characters (達(dá)到) are ignored when reading; quotes keep them');
  const scanned = views.find((v) => v.ocr);
  if (scanned) ctx.report('ocr-digits-read', scanned.b.line, `OCR damage in numbers (letters for digits as in 2O25 or l00%, spaces inside 2 0 2 3 年) was read as digits, first in «${scanned.b.text.trim().slice(0, 40)}»; quotes keep the text as scanned`);
  const out: Outline = { views, heads: [], bodyStart: views.length, bodyEnd: views.length, chapters: [], items: [], columns: [], tables: [], goals: [], toc: tocLines(views.map((v) => (v.b.type === 'row' ? '' : v.norm))), attachments: [] };

  // The body starts at the first `一、` that is followed by a `二、` (a lone `一、` in a notice is not a chapter).
  // a place given by a heading's depth comes first: it is what the heading would print
  const byDepth = options.headingDepth ? depthHeads(blocks) : [];
  const heads = views.map((v, k) => byDepth[k] ?? (v.b.type === 'row' ? null : classify(v.norm)));
  for (const k of out.toc) heads[k] = null;
  nestSections(heads);
  out.heads = heads;
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
  start = startAfterNotice(views.map((v) => v.norm), heads, start);
  if (start < 0) {
    // No chapters: a flat list of numbered tasks; start at the first numbered item.
    start = heads.findIndex((h) => h?.kind === 'arabic' || h?.kind === 'paren');
    if (start < 0) start = views.length;
  }
  out.bodyStart = start;
  // a 若干措施 prints each measure as a `一、` paragraph with its text, and no numbered item under any of them
  const annex = heads.findIndex((x, k) => k > start && x?.kind === 'attachment');
  const measures = start < views.length && heads[start]?.kind === 'chapter'
    && !heads.slice(start, annex < 0 ? heads.length : annex).some((x) => x && x.kind !== 'chapter' && x.kind !== 'bullet' && x.kind !== 'column');

  let chapter: ChapterNode | null = null;
  // a `一、` section under a `第一章` chapter: its ordinal, and its own role where its title names one
  let section: string | null = null;
  let sectionRole: Role | null = null;
  let group: string | null = null;
  let groupNote: Segment | null = null;
  let sectionNote: Segment | null = null;
  let item: ItemNode | null = null;
  let column: ColumnNode | null = null;
  let table: TableNode | null = null;
  let tableDone = false;
  let lastTask: ItemNode | null = null;
  let parenTasks = false;
  let numberedInChapter = false;
  let bodyEnd = views.length;
  // the imprint after the last heading closes the body (as a page footer between items it does not)
  const lastHead = heads.findLastIndex((x) => x !== null && x.kind !== 'bullet' && x.kind !== 'attachment');
  // a flat list without chapters behaves as one task chapter
  if (start < views.length && heads[start]?.kind !== 'chapter') {
    chapter = { ord: '', title: '', role: 'tasks', v: views[start] as View };
  }

  const openItem = (kind: TaskKind, printed: string, v: View, rest: number, style: ItemNode['style']) => {
    item = { kind, printed, chapter: chapter?.ord || null, group, head: { v, start: rest }, more: [], style, groupNote: group === null ? null : groupNote };
    out.items.push(item);
    if (kind === 'task') lastTask = item;
    column = null;
  };

  for (let k = start; k < views.length; k++) {
    if (out.toc.has(k)) continue;
    const v = views[k] as View;
    const h = heads[k] ?? null;
    // a table under a 专栏 head: rows, or the cells of a flattened one (they are read as running text too, unless
    // the extractor finds an indicator table in them)
    if (column && !tableDone && (column as ColumnNode).items.length === 0) {
      if (v.b.type === 'row' || (h === null && isCell(v))) (column as ColumnNode).table.push(v);
      else if (v.norm.trim() !== '') tableDone = true;
    }
    // a table in the body outside a 专栏 (an indicator table under 主要目标): read like a 专栏's by extract
    if (table && (v.b.type === 'row' || (h === null && isCell(v)))) (table as TableNode).views.push(v);
    else if (!column && h === null && v.b.type !== 'row' && v.norm.length <= 42 && TABLE_CAPTION.test(v.norm.trim())) {
      table = { head: v, title: v.norm.trim(), views: [] };
      out.tables.push(table);
    } else if (!column && v.b.type === 'row') {
      table = { head: v, title: '', views: [v] };
      out.tables.push(table);
    } else table = null;
    if (v.b.type === 'row' || isOtherScript(v)) continue;
    if (h?.kind === 'attachment' || isChrome(v) || isBackMatter(views, k) || (k > lastHead && isImprint(v))) {
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
      const full = v.norm.slice(h.rest).replace(/[。.]$/, '').trim();
      // a measure of a 若干措施 printed as its own `一、` paragraph: the chapter is named by its first sentence
      const short = measures && (hasBody(v.norm, h.rest) || hasAgencyNoteMark(v.norm)) ? full.replace(/。.*$/, '') : null;
      const shortRole = short !== null ? chapterRole(short) : null;
      const measure = shortRole === 'tasks' || shortRole === 'safeguards';
      const title = measure ? (short as string) : full;
      chapter = { ord: h.ord, title, role: measure ? (shortRole as Role) : chapterRole(full), v };
      out.chapters.push(chapter);
      group = null; section = null; sectionRole = null; item = null; column = null; parenTasks = false; numberedInChapter = false;
      if (measure) {
        openItem(chapter.role === 'safeguards' ? 'safeguard' : 'task', h.ord, v, h.rest, 'paren');
        continue;
      }
      if (chapter.role === 'goals') out.goals.push({ v, start: v.norm.length });
      continue;
    }
    if (h?.kind === 'section') {
      const own = chapterRole(v.norm.slice(h.rest));
      const itemRole = own === 'tasks' ? chapter?.role : own;
      // a `第一节` with only running text under it is an item too (`第三章 保障措施` / `第一节 加强组织领导`), id `第一节`
      if ((itemRole === 'tasks' || itemRole === 'safeguards') && sectionIsItem(views, heads, k)) {
        // its `一是…；二是…` paragraph is its text, not items of its own
        section = null; sectionRole = null; group = null; numberedInChapter = true;
        openItem(itemRole === 'safeguards' ? 'safeguard' : 'task', h.di ? `第${h.ord}节` : h.ord, v, h.rest, 'paren');
        continue;
      }
      section = h.ord; group = h.ord; groupNote = { v, start: h.rest }; sectionNote = groupNote; item = null; column = null; parenTasks = false; numberedInChapter = false;
      sectionRole = own === 'tasks' ? null : own;
      if ((sectionRole ?? chapter?.role) === 'goals') out.goals.push({ v, start: v.norm.length });
      continue;
    }
    const role: Role = sectionRole ?? chapter?.role ?? 'preamble';
    if (h?.kind === 'column') {
      column = { number: h.n, title: v.norm.slice(h.rest).trim(), head: v, titleStart: h.rest, afterItem: lastTask, items: [], table: [] };
      tableDone = false;
      out.columns.push(column);
      item = null;
      // `专栏1` on a line of its own, its title on the next (a box's caption printed over two lines)
      const next = views[k + 1];
      if (column.title === '' && next && heads[k + 1] === null && next.b.type !== 'row' && isCell(next) && next.norm.trim().length >= 4) {
        column.title = next.norm.trim(); column.titleView = next;
        k++;
      }
      continue;
    }
    if (h?.kind === 'bullet' && column) {
      (column as ColumnNode).items.push({ head: { v, start: h.rest }, more: [] });
      continue;
    }
    if (h?.kind === 'paren') {
      // a unit note closing the heading is the group's (its tasks print none), not a body that makes it a task
      if (role === 'goals' || role === 'preamble' || (!hasBody(v.norm.slice(0, headingEnd(v.norm)), h.rest) && !titleOverText(views, heads, k, h.rest)) || itemsGoOn(heads[k + 1], lastTask)) {
        group = section ? `${section}.${h.ord}` : h.ord; item = null; column = null; groupNote = { v, start: h.rest };
        if (role === 'goals') out.goals.push({ v, start: h.rest });
        continue;
      }
      parenTasks = true; numberedInChapter = true;
      // a `(二)` task is the sibling of a `(一)` group before it, never inside it
      if (group !== null && group.endsWith(')') && h.ord.startsWith('(')) { group = section; groupNote = sectionNote; }
      openItem(role === 'safeguards' ? 'safeguard' : 'task', h.ord, v, h.rest, 'paren');
      continue;
    }
    if (column && (h?.kind === 'arabic' || h?.kind === 'subitem') && columnTakes(column, heads, h, v, lastTask)) {
      (column as ColumnNode).items.push({ head: { v, start: h.rest }, more: [] });
      continue;
    }
    // `1.` items inside a `(一)` task are points of its text; under a `(二)` group they are tasks, each a sibling of
    // the one before (a chapter may mix `(一)` tasks and `(二)` groups of numbered tasks)
    if (h?.kind === 'arabic' && role !== 'preamble' && !(parenTasks && item && (item as ItemNode).style === 'paren')) {
      numberedInChapter = true;
      openItem(role === 'goals' ? 'goal' : role === 'safeguards' ? 'safeguard' : 'task', h.ord, v, h.rest, 'arabic');
      if (role === 'goals') out.goals.push({ v, start: h.rest });
      continue;
    }
    if (h?.kind === 'yishi' && role !== 'preamble' && role !== 'goals' && !numberedInChapter) {
      openItem(role === 'safeguards' ? 'safeguard' : 'task', h.ord, v, h.rest, 'yishi');
      continue;
    }
    // `(1)` items are tasks only where no task holds them (a group's own items); else points of the task's text
    if (h?.kind === 'subitem' && (role === 'tasks' || role === 'safeguards') && (item === null || (item as ItemNode).style === 'subitem')) {
      openItem(role === 'safeguards' ? 'safeguard' : 'task', h.ord, v, h.rest, 'subitem');
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
    // `牵头单位：A；配合单位：B` on a line of its own under a group's heading, before its first task: the group's note
    if (!item && !column && group !== null && role === 'tasks' && isNoteLine(v)) groupNote = { v, start: 0 };
    if (item && isProse(v)) (item as ItemNode).more.push(v);
  }
  // a page of the attachment alone (`附件1` and its indicator table under the notice title): no body, but the
  // attachment is still read
  if (start >= views.length) {
    const first = heads.findIndex((x) => x?.kind === 'attachment');
    if (first >= 0) bodyEnd = first;
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

/**
 * How a block begins: the printed numbering the genre uses (`一、`, `(一)`, `1.`, `一是`, `——`, `专栏1`, `附件1`), and
 * for formats whose headings carry the structure (Markdown `##`), the heading's depth where its level prints no
 * number. `rest` is where the text after the marker starts (0 for a place given by depth).
 */
import type { Block } from '../model.js';
import { intToZh, zhToInt } from '../lexicon/numerals.js';
import { NOTICE_OF_PLAN } from '../lexicon/meta.js';
import {
  ARABIC, ARTICLE, ATTACHMENT, BULLET, CHAPTER, DI_SECTION, DI_SENTENCE, DI_SENTENCE_START, ACTION_TITLE, CHAPTER_ROLES, COLUMN, HEAD_START, HEADING_CHAPTER, HEADING_NUMBERED, HEADING_OUTSIDE, HEADING_TITLE, PAREN, PAREN_ARABIC, SUBITEM, TOC_ENTRY, TOC_HEAD,
  TOC_PAGE, YISHI,
} from '../lexicon/structure.js';

export type Role = 'goals' | 'tasks' | 'safeguards' | 'preamble';

export type Head =
  | { kind: 'chapter'; ord: string; n: number; rest: number; /** printed `第一章` / `第一部分`, not `一、` */ di?: true; /** printed `第一条` */ article?: true }
  /** `一、` under `第一章` chapters (a 规划's second level): a group that may hold `(一)` groups or tasks. */
  | { kind: 'section'; ord: string; n: number; rest: number; /** printed `第一节` */ di?: true }
  | { kind: 'paren'; ord: string; n: number; rest: number }
  | { kind: 'arabic'; ord: string; n: number; rest: number }
  | { kind: 'yishi'; ord: string; n: number; rest: number }
  /** `(1)`, `1)`, `①`: a task where no `1.` or `(一)` task holds it, else a point of that task's text. */
  | { kind: 'subitem'; ord: string; n: number; rest: number }
  | { kind: 'bullet'; rest: number }
  | { kind: 'column'; n: number; rest: number }
  | { kind: 'attachment'; num: string; rest: number };

const STARTS_HEAD = new Uint8Array(65536);
for (let i = 0; i < HEAD_START.length; i++) STARTS_HEAD[HEAD_START.charCodeAt(i)] = 1;

/** Classify how a block begins. `rest` is where the text after the marker starts. */
export function classify(norm: string): Head | null {
  // most lines are running text: one look at the first character instead of eight patterns
  if (STARTS_HEAD[norm.charCodeAt(0) | 0] !== 1) return null;
  const restOf = (tail: string | undefined) => norm.length - (tail ?? '').length;
  let m: RegExpExecArray | null;
  if ((m = ATTACHMENT.exec(norm))) return { kind: 'attachment', num: m[1] ?? '', rest: restOf(m[2]) };
  if ((m = COLUMN.exec(norm))) {
    const raw = (m[1] ?? m[2]) as string;
    const n = /^\d+$/.test(raw) ? Number(raw) : zhToInt(raw);
    if (Number.isFinite(n)) return { kind: 'column', n, rest: restOf(m[3]) };
  }
  if ((m = CHAPTER.exec(norm))) {
    const ord = (m[1] ?? m[2]) as string;
    const n = zhToInt(ord);
    // `第一部分是工作目标。…` in a summary is a sentence about the plan, not its heading
    const sentence = m[2] !== undefined && DI_SENTENCE.test(m[3] ?? '');
    if (Number.isFinite(n) && n > 0 && !sentence) return m[2] ? { kind: 'chapter', ord, n, rest: restOf(m[3]), di: true } : { kind: 'chapter', ord, n, rest: restOf(m[3]) };
  }
  if ((m = ARTICLE.exec(norm))) {
    const n = zhToInt(m[1] as string);
    if (Number.isFinite(n) && n > 0 && !DI_SENTENCE_START.test(m[2] ?? '')) return { kind: 'chapter', ord: m[1] as string, n, rest: restOf(m[2]), di: true, article: true };
  }
  if ((m = DI_SECTION.exec(norm))) {
    const n = zhToInt(m[1] as string);
    if (Number.isFinite(n) && n > 0) return { kind: 'section', ord: m[1] as string, n, rest: restOf(m[2]), di: true };
  }
  if ((m = PAREN.exec(norm))) {
    const n = zhToInt(m[1] as string);
    if (Number.isFinite(n) && n > 0) return { kind: 'paren', ord: `(${m[1]})`, n, rest: restOf(m[2]) };
  }
  if ((m = SUBITEM.exec(norm))) {
    const n = m[3] ? (m[3].codePointAt(0) as number) - 0x245f : Number(m[1] ?? m[2]);
    return { kind: 'subitem', ord: `(${n})`, n, rest: restOf(m[4]) };
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

/**
 * A plan printed in `第一章` chapters with `一、` sections under them (the 规划 layout): the `一、` heads become
 * sections; under `第一节` sections they are items. Plans that print `一、` chapters only, or `第一章` only, are left
 * as they are.
 */
export function nestSections(heads: Array<Head | null | undefined>): void {
  // `第一条` articles are the chapters of a 若干措施 that has no other, and items under the chapters of one that has
  if (heads.some((h) => h?.kind === 'chapter' && h.article) && heads.some((h) => h?.kind === 'chapter' && !h.article)) {
    heads.forEach((h, k) => {
      if (h?.kind === 'chapter' && h.article) heads[k] = { kind: 'paren', ord: `第${h.ord}条`, n: h.n, rest: h.rest };
    });
  }
  // `第一章` / `第一节` / `一、`: under a 节 the `一、` heads are its items, read like `(一)` (a group, or a task with text)
  if (heads.some((h) => h?.kind === 'section' && h.di)) {
    let inSection = false;
    heads.forEach((h, k) => {
      if (h?.kind === 'chapter' && h.di) inSection = false;
      else if (h?.kind === 'section' && h.di) inSection = true;
      else if (inSection && h?.kind === 'chapter' && !h.di) heads[k] = { kind: 'paren', ord: h.ord, n: h.n, rest: h.rest };
    });
  }
  let di = 0, plain = 0;
  for (const h of heads) if (h?.kind === 'chapter') h.di ? di++ : plain++;
  if (di < 2 || plain === 0) return;
  heads.forEach((h, k) => {
    if (h?.kind === 'chapter' && !h.di) heads[k] = { kind: 'section', ord: h.ord, n: h.n, rest: h.rest };
  });
}

/**
 * The lines of a table of contents (a 规划's `目录`, a PDF's contents page): entries with a dotted leader and a page
 * number anywhere, and every short line after a `目录` heading up to the first sentence or the first entry printed
 * again (the body's own heading). Their numbers are no outline: a plan would otherwise open its chapters twice.
 */
const TOC_MAX = 400;

export function tocLines(texts: string[]): Set<number> {
  const out = new Set<number>();
  texts.forEach((t, k) => {
    // an entry ends in its page number: other lines are not scanned for a leader
    const e = t.trim();
    const c = e.charCodeAt(e.length - 1);
    if (c >= 48 && c <= 57 && TOC_ENTRY.test(e)) out.add(k);
  });
  const key = (t: string) => t.replace(TOC_PAGE, '').replace(/[\s.…·]+/g, '');
  for (let k = 0; k < texts.length; k++) {
    if (!TOC_HEAD.test((texts[k] as string).trim())) continue;
    const block: number[] = [k];
    let first: string | null = null, paged = 0;
    // a contents list is at most a few hundred entries; the next 目录 starts after this one (linear on any input)
    for (let j = k + 1; j < texts.length && j <= k + TOC_MAX; j++) {
      const t = (texts[j] as string).trim();
      if (t === '') continue;
      if (t.length > 60 || /[。；;！!？?，,]/.test(t)) break;
      const name = key(t);
      if (first === null) first = name;
      else if (name === first) break;
      if (TOC_PAGE.test(t)) paged++;
      block.push(j);
    }
    // a contents list has entries; a lone `目录` link in a page's navigation does not
    if (block.length >= 4 && paged * 2 >= block.length - 1) for (const j of block) out.add(j);
    else if (block.length >= 4 && block.slice(1).every((j) => classify((texts[j] as string).trim()) !== null)) for (const j of block) out.add(j);
    k = block[block.length - 1] as number;
  }
  return out;
}

export function chapterRole(title: string): Role {
  for (const { role, pattern } of CHAPTER_ROLES) {
    if (pattern.test(title)) return role === 'preamble' && ACTION_TITLE.test(title) ? 'tasks' : role;
  }
  return 'tasks';
}

/**
 * A note whose author let `#` levels carry the structure (`## 总体要求`, `### 主要目标`) prints no `一、` / `（一）`:
 * the heading level below the title then places chapters, the next one groups, in order, as if they printed
 * `一、` and `（一）`. A level where any heading prints its own number is left to its numbers. Indexed like `blocks`.
 */
export function depthHeads(blocks: Block[]): Array<Head | undefined> {
  const out: Array<Head | undefined> = new Array(blocks.length);
  const heads = blocks.filter((b) => b.type === 'heading' && !HEADING_OUTSIDE.test(b.text) && !HEADING_TITLE.test(b.text));
  const depths = [...new Set(heads.map((b) => b.depth ?? 1))].sort((a, b) => a - b);
  // a level whose headings print 一、 holds the chapters, and the levels above it are titles (`# 某区…行动方案` and
  // `# 某区…主要指标` over an appendix table); else a single heading on the top level is the plan's title
  const chapters = depths.find((d) => heads.some((b) => (b.depth ?? 1) === d && HEADING_CHAPTER.test(b.text)));
  const levels = chapters !== undefined ? depths.filter((d) => d >= chapters)
    : depths.length > 1 && heads.filter((b) => b.depth === depths[0]).length === 1 ? depths.slice(1) : depths;
  const [chapterDepth, groupDepth] = levels;
  const unnumbered = (d: number | undefined) => d !== undefined && !heads.some((b) => b.depth === d && HEADING_NUMBERED.test(b.text));
  const numberChapters = unnumbered(chapterDepth), numberGroups = unnumbered(groupDepth);
  if (!numberChapters && !numberGroups) return out;
  const at = new Map(blocks.map((b, i) => [b, i]));
  let chapter = 0, group = 0;
  for (const b of heads) {
    let h: Head | undefined;
    if (b.depth === chapterDepth) {
      chapter++; group = 0;
      if (numberChapters) h = { kind: 'chapter', ord: intToZh(chapter), n: chapter, rest: 0 };
    } else if (b.depth === groupDepth) {
      group++;
      if (numberGroups) h = { kind: 'paren', ord: `(${intToZh(group)})`, n: group, rest: 0 };
    }
    if (h) out[at.get(b) as number] = h;
  }
  return out;
}

/**
 * Where the body starts when a page prints something numbered `一、二、` before the notice that issues the plan (a
 * 相关解读 or 政策图解 block above the article): a chapter one that comes before a whole-line notice title of a plan
 * (`…关于印发…的通知`) is not the plan's. The body then starts at the first chapter one after the last such notice
 * title; a page without one keeps `start`.
 */
export function startAfterNotice(norms: string[], heads: Array<Head | null>, start: number): number {
  if (start < 0 || start >= norms.length) return start;
  let notice = -1;
  for (let k = start + 1; k < norms.length; k++) if (heads[k] === null && NOTICE_OF_PLAN.test((norms[k] as string).trim())) notice = k;
  if (notice < 0) return start;
  const next = heads.findIndex((h, k) => k > notice && h?.kind === 'chapter' && h.n === 1);
  return next < 0 ? start : next;
}

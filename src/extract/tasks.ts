/**
 * tasks: outline items → `Task[]` (id, kind, chapter, group, title, text, and the lead and responsible agencies of
 * the note that closes the text, agencies.ts). Ids are the printed numbers,
 * or chapter.group.number when printed numbers repeat anywhere (numbering that restarts per group).
 */
import type { Task } from '../model.js';
import type { Collector } from '../diagnostics.js';
import type { ItemNode } from '../outline/outline.js';
import { orig, srcAt, unfoldFound, type View } from '../source/view.js';
import { cutTitle } from './titles.js';
import { findAgencyNote, type AgencyNote } from './agencies.js';
import { zhToInt } from '../lexicon/numerals.js';
import { GROUP_SCOPE } from '../lexicon/agency-notes.js';

export interface TaskOut {
  task: Task;
  node: ItemNode;
  /** Where the task's agency note sits (in the normalized text of its view), so later stages can leave it out. */
  note: { v: View; start: number; end: number } | null;
}

/** Reads the outline's items into tasks; reports repeated numbering, gaps and damaged agency notes. */
export function extractTasks(items: ItemNode[], ctx: Collector): TaskOut[] {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(it.printed, (counts.get(it.printed) ?? 0) + 1);
  const qualify = [...counts.values()].some((n) => n > 1);
  if (qualify) ctx.report('ids-qualified', items[0]?.head.v.b.line ?? null, 'printed numbers repeat (numbering restarts per group); ids are chapter.group.number');
  const out: TaskOut[] = [];
  for (const it of items) {
    const { v, start } = it.head;
    const rest = v.norm.slice(start);
    const cut = cutTitle(rest);
    if (cut.guessed) ctx.report('title-boundary-guessed', v.b.line, `no 。 after the title of item ${it.printed}; title taken as '${rest.slice(0, cut.end)}'`, undefined, srcAt(v, start) + 1);
    const title = orig(v, start + cut.start, start + cut.end).trim();

    // the body: the rest of the first block and every continuation block; the agency note is cut out of it
    const parts: Array<{ v: View; from: number }> = [{ v, from: start + cut.bodyStart }, ...it.more.map((m) => ({ v: m, from: 0 }))];
    let lead: string[] = [], responsible: string[] = [], etc = false;
    const texts: string[] = [];
    // the note is usually at the end of the last part; look from the end
    let noteAt: TaskOut['note'] = null;
    // the note found so far fills its lines: a line above that is a note too (`牵头单位:…` over `责任单位:…`) adds to it
    let ownLines = false;
    for (let p = parts.length - 1; p >= 0; p--) {
      const { v: pv, from } = parts[p] as { v: View; from: number };
      const body = pv.norm.slice(from);
      const found: AgencyNote | null = noteAt && !ownLines ? null : findAgencyNote(body);
      const whole: boolean = found !== null && body.slice(0, found.start).trim() === '' && body.slice(found.end).trim() === '';
      const note: AgencyNote | null = found && (!noteAt || whole) ? found : null;
      if (note) {
        // names as printed (區市場監管局 in a traditional plan), taken where they stand in the note
        const printed = (n: string) => unfoldFound(pv, n, from + note.start, from + note.end);
        if (noteAt) {
          lead = [...note.lead.map(printed), ...lead]; responsible = [...note.responsible.map(printed), ...responsible]; etc ||= note.etc;
          continue;
        }
        noteAt = { v: pv, start: from + note.start, end: from + note.end };
        ownLines = whole;
        lead = note.lead.map(printed); responsible = note.responsible.map(printed); etc = note.etc;
        if (note.openLost) ctx.report('unit-paren-lost', pv.b.line, `unit note of item ${it.printed} has lost its opening parenthesis`);
        if (note.closeLost) ctx.report('unit-list-unclosed', pv.b.line, `unit note of item ${it.printed} has lost its closing parenthesis`);
        texts.unshift((orig(pv, from, from + note.start) + orig(pv, from + note.end)).trim());
      } else {
        ownLines = false;
        texts.unshift(orig(pv, from).trim());
      }
    }
    // no note of its own: the note closing its group's heading covers it (`（一）…（牵头单位：A；配合单位：B）`)
    const groupNote = noteAt === null && it.groupNote ? findAgencyNote(it.groupNote.v.norm.slice(it.groupNote.start)) : null;
    if (groupNote && it.groupNote) {
      const gv = it.groupNote.v, from = it.groupNote.start;
      const printed = (n: string) => unfoldFound(gv, n, from + groupNote.start, from + groupNote.end);
      lead = groupNote.lead.map(printed); responsible = groupNote.responsible.map(printed); etc = groupNote.etc;
      reportGroupNote(ctx, v.b.line, it.printed, gv.b.line);
    }
    const id = qualify ? [it.chapter, it.group, it.printed].filter(Boolean).join('.') : it.printed;
    const task: Task = {
      id,
      kind: it.kind,
      chapter: it.chapter,
      group: it.group,
      title,
      text: texts.filter(Boolean).join('\n'),
      lead,
      responsible,
      units_etc: etc,
      line: v.b.line,
    };
    out.push({ task, node: it, note: noteAt });
  }
  spreadGroupScope(out, ctx);
  checkNumbering(items, ctx);
  return out;
}

/** An item that prints no unit note and takes its group's. */
function reportGroupNote(ctx: Collector, line: number | null, printed: string, noteLine: number | null): void {
  ctx.report('units-from-group', line, `item ${printed} prints no unit note; the note of its group (line ${noteLine}) is used`);
}

/** `（以上任务由A牵头，B、C配合）` after a group's last task: the note of every task of that group that prints none. */
function spreadGroupScope(out: TaskOut[], ctx: Collector): void {
  const bare = new Map<string, TaskOut[]>();
  for (const t of out) {
    const key = `${t.task.chapter}|${t.task.group}`;
    const { note } = t;
    if (note === null && t.task.lead.length === 0 && t.task.responsible.length === 0) {
      bare.set(key, [...(bare.get(key) ?? []), t]);
      continue;
    }
    if (note === null || t.task.group === null || !GROUP_SCOPE.test(note.v.norm.slice(note.start, note.end))) continue;
    for (const b of bare.get(key) ?? []) {
      Object.assign(b.task, { lead: [...t.task.lead], responsible: [...t.task.responsible], units_etc: t.task.units_etc });
      reportGroupNote(ctx, b.task.line, b.node.printed, note.v.b.line);
    }
    bare.delete(key);
  }
}

/** Numbers within one sequence (same style, same chapter or group when they restart) should run 1, 2, 3 … */
function checkNumbering(items: ItemNode[], ctx: Collector): void {
  const seqs = new Map<string, ItemNode[]>();
  for (const it of items) {
    const key = `${it.kind}|${it.style}`;
    const list = seqs.get(key) ?? [];
    list.push(it);
    seqs.set(key, list);
  }
  for (const list of seqs.values()) {
    let prev: ItemNode | null = null;
    for (const it of list) {
      const n = ordinal(it.printed);
      if (prev) {
        const p = ordinal(prev.printed);
        const restarted = n === 1 && (prev.group !== it.group || prev.chapter !== it.chapter);
        if (!restarted && n !== p + 1) ctx.report('numbering-gap', it.head.v.b.line, `item ${it.printed} follows item ${prev.printed}`);
      }
      prev = it;
    }
  }
}

function ordinal(printed: string): number {
  // `(三)`, `一是`, `第三条`, `第三节`
  const t = printed.replace(/[()是第条节]/g, '');
  return /^\d+$/.test(t) ? Number(t) : zhToInt(t);
}

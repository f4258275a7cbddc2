/**
 * Where targets are read in the outline: the goals, where a block's year opener (`到2027年,`) governs the blocks
 * after it, and each task's text, where the agency note is left out. 专栏 items, prose and appendix tables are read
 * by columns.ts, prose.ts and appendix.ts.
 */
import type { Outline } from '../../outline/outline.js';
import type { View } from '../../source/view.js';
import type { TaskOut } from '../tasks.js';
import type { TargetList } from './collect.js';
import { openerYear, yearMarks } from './years.js';

/** A goals line short enough to be a heading, and the punctuation a heading never holds. */
const HEADING_MAX = 30;
const HEADING_STOP = /[。,，;；]/;

/** Reads the goals: a block's year opener governs the blocks after it. */
export function readGoals(o: Outline, list: TargetList): void {
  let goalsYear: number | null = null;
  for (const seg of o.goals) {
    // the cells of an indicator table under a 专栏 head are read with the table
    if (list.covered.has(seg.v)) continue;
    const s = seg.v.norm.slice(seg.start);
    list.covered.add(seg.v);
    if (s === '') {
      // a goals heading that names its year (`一、2014年质量强市建设主要目标`) governs the goals under it
      const y = yearMarks(seg.v.norm, list.wider).find((m) => list.docYear === null || m.year >= list.docYear);
      if (y) goalsYear = y.year;
      continue;
    }
    const added = list.read(s, seg.v, seg.start, 'goals', goalsYear);
    // a heading line that names its year (`(三)2025年具体指标`) governs the goals under it, as an empty one does
    const heading = added.length === 0 && s.length <= HEADING_MAX && !HEADING_STOP.test(s)
      ? yearMarks(s, list.wider).find((m) => !m.base && !m.history && (list.docYear === null || m.year >= list.docYear)) : undefined;
    goalsYear = openerYear(s, list.docYear, list.wider) ?? heading?.year ?? goalsYear;
  }
}

/** Reads the tasks and safeguards by id (goal items' own text is already read with the goals). */
export function readTasks(tasks: TaskOut[], list: TargetList): void {
  for (const { task, node, note } of tasks) {
    if (node.kind === 'goal') continue;
    let year: number | null = null;
    const parts: Array<[View, number]> = [[node.head.v, node.head.start], ...node.more.map((m): [View, number] => [m, 0])];
    for (const [v, from] of parts) {
      list.covered.add(v);
      let s = v.norm.slice(from);
      // the agency note is not a place for targets; blank it, keeping positions
      if (note?.v === v && note.start >= from) s = s.slice(0, note.start - from) + ' '.repeat(note.end - note.start) + s.slice(note.end - from);
      list.read(s, v, from, `task:${task.id}`, year);
      year = openerYear(s, list.docYear, list.wider) ?? year;
    }
  }
}

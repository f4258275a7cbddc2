/** Reading a comparison back: what renderers need to follow an id to its title and line. */
import type { CompareResult } from './types.js';

/**
 * Per plan label, per task id, the task's title and line: counterparts refer to tasks by id only, and each task's
 * title and line are written once, in its own `alignments` entry (or in `items`).
 */
export function taskIndex(r: CompareResult): Map<string, Map<string, { title: string; line: number }>> {
  const out = new Map<string, Map<string, { title: string; line: number }>>();
  const put = (plan: string, id: string, title: string, line: number) => {
    let m = out.get(plan);
    if (!m) out.set(plan, (m = new Map()));
    if (!m.has(id)) m.set(id, { title, line });
  };
  for (const a of r.alignments) put(a.plan, a.task, a.title, a.line);
  for (const [plan, list] of Object.entries(r.items)) for (const it of list) put(plan, it.id, it.title, it.line);
  return out;
}

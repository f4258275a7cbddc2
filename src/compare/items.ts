/**
 * The comparable items of a plan — tasks, goal items, safeguards, goals bullets and 专栏 items — and the names a
 * plan uses for itself (removed before texts of different plans are compared: "提升甲区标准先进性" and
 * "提升乙区标准先进性" are the same task).
 */
import type { Plan } from '../model.js';
import type { PlanItem } from './types.js';
import { PLACE_LEVEL_SUFFIX } from '../lexicon/place-words.js';

/** A place name and its short form (the short form only when at least two characters remain). */
export function placeForms(name: string | null | undefined): string[] {
  if (!name) return [];
  const out = [name];
  const short = name.replace(PLACE_LEVEL_SUFFIX, '');
  if (short !== name && [...short].length >= 2) out.push(short);
  return out;
}

/** The names a plan calls itself and its parent by: 甲区 and its short form, its parent city and that one's short form. */
export function ownNames(plan: Plan): string[] {
  return [...placeForms(plan.meta.jurisdiction), ...placeForms(plan.meta.parent)];
}

/**
 * Items in document order. Goals bullets (`goal:LINE`) come from the goals block's targets, grouped by line; they
 * are only built when the plan has no numbered goal items of its own (重庆 2012 numbers its goal categories).
 * A 专栏 item (`column:N.K`) is read with its box title as context.
 */
export function planItems(plan: Plan): PlanItem[] {
  const items: PlanItem[] = plan.tasks.map((t) => ({
    id: t.id, kind: t.kind, title: t.title ?? '', text: t.text ?? '', line: t.line,
    lead: t.lead ?? [], responsible: t.responsible ?? [], themes: [],
  }));
  if (!plan.tasks.some((t) => t.kind === 'goal')) {
    const byLine = new Map<number, string[]>();
    for (const g of plan.targets) {
      if (g.where !== 'goals') continue;
      const list = byLine.get(g.line) ?? [];
      list.push(g.quote);
      byLine.set(g.line, list);
    }
    for (const [line, quotes] of byLine) {
      items.push({ id: `goal:${line}`, kind: 'goal-line', title: '', text: quotes.join(';'), line, lead: [], responsible: [], themes: [] });
    }
  }
  for (const c of plan.columns) {
    const lines = c.item_lines ?? [];
    c.items.forEach((it, k) => {
      items.push({
        id: `column:${c.number}.${k + 1}`, kind: 'column', title: it, text: c.title, line: lines[k] ?? c.line,
        lead: [], responsible: [], themes: [],
      });
    });
  }
  return items.sort((a, b) => a.line - b.line);
}

/** `column:6.2` → `column:6` (the box, as the theme table reports it); other ids unchanged. */
export function reportedId(itemId: string): string {
  const m = /^column:([^.]+)\.\d+$/.exec(itemId);
  return m ? `column:${m[1]}` : itemId;
}

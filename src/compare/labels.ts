/**
 * Plan labels that tell plans apart: the jurisdiction; where several plans share one (a district's plans of
 * several years, or copies of one plan), the jurisdiction with the year; where that repeats too, with the file name.
 */
import type { Plan } from '../model.js';

/** Unique labels: a repeated label gets `-2`, `-3` … (the last resort, after year and file name). */
export function uniqueLabels(wanted: string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w) => {
    let label = w;
    for (let n = 2; used.has(label); n++) label = `${w}-${n}`;
    used.add(label);
    return label;
  });
}

/** The file name without folders and extension (`seeds/000_3c93.txt` → `000_3c93`; `a.plan.yaml` → `a`). */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/(?:\.plan)?\.[^.]+$/, '') || base;
}

/** The year the plan was signed, else published. */
export function planYear(plan: Plan): number | null {
  const d = plan.meta.signed ?? plan.meta.published;
  return d ? Number(d.slice(0, 4)) : null;
}

function baseLabel(plan: Plan): string {
  return plan.meta.jurisdiction || plan.meta.title || fileStem(plan.source.path) || 'plan';
}

/** Labels for plans: `given[i]` where set, else the jurisdiction, with year or file name where it repeats. */
export function planLabels(plans: Plan[], given: (string | undefined)[] = []): string[] {
  const base = plans.map(baseLabel);
  // only plans labelled by default compete for a label (a --label is taken as given)
  const free = (i: number) => !given[i]?.trim();
  const count = (list: string[]) => list.reduce((m, l, i) => (free(i) ? m.set(l, (m.get(l) ?? 0) + 1) : m), new Map<string, number>());
  const baseCount = count(base);
  const withYear = plans.map((p, i) => {
    const b = base[i] as string;
    const y = planYear(p);
    return (baseCount.get(b) ?? 0) > 1 && y !== null ? `${b} ${y}` : b;
  });
  const yearCount = count(withYear);
  const withStem = plans.map((p, i) => {
    const stem = fileStem(p.source.path);
    return base[i] === stem ? stem : `${base[i] as string} ${stem}`;
  });
  const stemCount = count(withStem);
  const wanted = plans.map((_, i) => {
    const g = given[i]?.trim();
    if (g) return g;
    const l = withYear[i] as string;
    if ((yearCount.get(l) ?? 0) <= 1) return l;
    // the same file given twice tells nothing by its name either: the numbered suffix says it
    const s = withStem[i] as string;
    return (stemCount.get(s) ?? 0) <= 1 ? s : (base[i] as string);
  });
  return uniqueLabels(wanted);
}

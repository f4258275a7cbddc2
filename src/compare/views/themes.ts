/** The themes view: which items of each plan carry each theme of the taxonomy, and why. */
import type { CompareResult, ThemeEvidence, ThemeRow } from '../types.js';
import { dict } from '../types.js';
import type { CompareOptions, Prepared } from '../options.js';
import { classify, type Classification } from '../classify.js';
import { reportedId } from '../items.js';

/** The theme rows, the items no theme matched, and per plan the themes of each item (by item id). */
export interface ThemeView {
  rows: ThemeRow[];
  unclassified: CompareResult['unclassified'];
  /** Per plan, per item (in the order of `items`), its themes. */
  themesOf: string[][][];
}

/** Themes: classify every item, then collect per theme and plan. */
export function themeRows(plans: Prepared[], options: CompareOptions): ThemeView {
  const { taxonomy } = options.vocabulary;
  const themeIds = new Set(taxonomy.themes.map((t) => t.id));
  const themes: ThemeRow[] = taxonomy.themes.map((t) => ({ id: t.id, name: t.name, group: t.group, plans: dict<ThemeRow['plans'][string]>() }));
  const themeById = new Map(themes.map((t) => [t.id, t]));
  const unclassified = plans.map((p) => ({ plan: p.label, items: [] as string[] }));
  const themesOf: string[][][] = [];
  // plans of one genre copy whole tasks from each other (a district from its city): same text, same themes
  const seen = new Map<string, Map<string, Classification>>();
  const classified = (title: string, text: string): Classification => {
    let byText = seen.get(title);
    if (!byText) seen.set(title, (byText = new Map()));
    let c = byText.get(text);
    if (!c) byText.set(text, (c = classify(title, text, taxonomy)));
    return c;
  };
  plans.forEach((p, pi) => {
    for (const t of themes) t.plans[p.label] = { items: [], targets: 0, with_units: 0, why: dict(), degree: 'absent', mentioned: [], signals: [] };
    const signals = new Map<string, Set<string>>();
    const themesOfItem = new Map<string, string[]>();
    const perItem: string[][] = [];
    themesOf.push(perItem);
    for (const item of p.items) {
      const c = classified(p.match(item.title), p.match(item.text));
      perItem.push(c.themes);
      themesOfItem.set(item.id, c.themes);
      if (c.themes.length === 0) unclassified[pi]?.items.push(item.id);
      for (const id of c.themes) {
        const cell = themeById.get(id)?.plans[p.label];
        if (!cell) continue;
        const rid = reportedId(item.id);
        if (!cell.items.includes(rid)) cell.items.push(rid);
        const ev = c.evidence[id];
        if (ev) cell.why[item.id] = ev;
        if (item.lead.length + item.responsible.length > 0) cell.with_units++;
        if (ev) addSignals(signals, id, ev);
      }
      // signal words in an item where other themes are stronger: the plan mentions the theme there
      for (const [id, ev] of Object.entries(c.mentioned)) {
        const cell = themeById.get(id)?.plans[p.label];
        if (!cell) continue;
        const rid = reportedId(item.id);
        if (!cell.mentioned.includes(rid)) cell.mentioned.push(rid);
        addSignals(signals, id, ev);
      }
    }
    // a target counts for the themes of the item it sits in (goals bullets, tasks, 专栏 boxes)
    for (const g of p.plan.targets) {
      const owner = g.where === 'goals' ? `goal:${g.line}` : g.where.startsWith('task:') ? g.where.slice(5) : null;
      let ids = owner ? themesOfItem.get(owner) ?? [] : [];
      if (g.where.startsWith('column:')) {
        const prefix = `${g.where}.`;
        ids = [...new Set(p.items.flatMap((it, k) => (it.id.startsWith(prefix) ? perItem[k] ?? [] : [])))];
      }
      for (const id of ids) {
        const cell = themeById.get(id)?.plans[p.label];
        if (cell && themeIds.has(id)) cell.targets++;
      }
    }
    for (const t of themes) {
      const cell = t.plans[p.label];
      if (!cell) continue;
      // an item counted as covering the theme is not also listed as merely mentioning it
      if (cell.items.length > 0) cell.mentioned = cell.mentioned.filter((id) => !cell.items.includes(id));
      cell.degree = cell.items.length > 0 ? 'covered' : cell.mentioned.length > 0 ? 'mentioned' : 'absent';
      cell.signals = [...(signals.get(t.id) ?? [])];
    }
  });
  return { rows: themes, unclassified, themesOf };
}


function addSignals(into: Map<string, Set<string>>, theme: string, ev: ThemeEvidence): void {
  let set = into.get(theme);
  if (!set) into.set(theme, (set = new Set()));
  for (const w of ev.title) set.add(w);
  for (const w of ev.body) set.add(w);
}

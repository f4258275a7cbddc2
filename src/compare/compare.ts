/**
 * `comparePlans`: lay plans side by side — theme coverage, indicators, agencies, task alignment and gaps — as one
 * `qplan/compare@1` document. Pure: plans and vocabularies in, a document out; rendering is the CLI's business.
 */
import type { Plan } from '../model.js';
import type {
  AgencyPlanCell, AgencyRow, Alignment, CompareItem, ComparePlanInfo, CompareResult, Gap, ThemeRow, Vocabulary,
} from './types.js';
import { COMPARE_SCHEMA_ID } from './types.js';
import { classify } from './classify.js';
import { AgencyResolver } from './agencies.js';
import { alignIndicators } from './indicators.js';
import { ownNames, planItems, placeForms, reportedId } from './items.js';
import { SimilarityIndex, removePhrases, type IndexDoc } from './text.js';

/** A plan with an optional label, and whether it is the baseline others are measured against. */
export interface CompareInput {
  plan: Plan;
  label?: string;
  baseline?: boolean;
}

export interface CompareOptions {
  vocabulary: Vocabulary;
}

/** Unique labels: the given label or the jurisdiction; a repeated label gets `-2`, `-3` … */
export function uniqueLabels(wanted: string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w) => {
    let label = w;
    for (let n = 2; used.has(label); n++) label = `${w}-${n}`;
    used.add(label);
    return label;
  });
}

function defaultLabel(plan: Plan): string {
  if (plan.meta.jurisdiction) return plan.meta.jurisdiction;
  if (plan.meta.title) return plan.meta.title;
  const base = plan.source.path.split(/[\\/]/).pop() ?? plan.source.path;
  return base.replace(/\.[^.]+$/, '') || 'plan';
}

/** Compares two or more plans (one is enough for a single-plan profile). */
export function comparePlans(inputs: (Plan | CompareInput)[], options: CompareOptions): CompareResult {
  const norm: CompareInput[] = inputs.map((i) => ('plan' in i ? i : { plan: i }));
  if (norm.length === 0) throw new Error('comparePlans: no plans given');
  const { taxonomy, agencies: agencyLex, indicators: indicatorLex } = options.vocabulary;
  const labels = uniqueLabels(norm.map((n) => n.label?.trim() || defaultLabel(n.plan)));
  const plans = norm.map((n, i) => ({ ...n, label: labels[i] as string, own: ownNames(n.plan), items: planItems(n.plan) }));

  // --- themes: classify every item, then collect per theme and plan
  const themeIds = new Set(taxonomy.themes.map((t) => t.id));
  const themes: ThemeRow[] = taxonomy.themes.map((t) => ({ id: t.id, name: t.name, group: t.group, plans: {} }));
  const themeById = new Map(themes.map((t) => [t.id, t]));
  const unclassified = plans.map((p) => ({ plan: p.label, items: [] as string[] }));
  plans.forEach((p, pi) => {
    for (const t of themes) t.plans[p.label] = { items: [], targets: 0, with_units: 0, why: {} };
    const themesOfItem = new Map<string, string[]>();
    for (const item of p.items) {
      const c = classify(item.title, item.text, taxonomy);
      item.themes = c.themes;
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
      }
    }
    // a target counts for the themes of the item it sits in (goals bullets, tasks, 专栏 boxes)
    for (const g of p.plan.targets) {
      const owner = g.where === 'goals' ? `goal:${g.line}` : g.where.startsWith('task:') ? g.where.slice(5) : null;
      let ids = owner ? themesOfItem.get(owner) ?? [] : [];
      if (g.where.startsWith('column:')) {
        const prefix = `${g.where}.`;
        ids = [...new Set(p.items.filter((it) => it.id.startsWith(prefix)).flatMap((it) => it.themes))];
      }
      for (const id of ids) {
        const cell = themeById.get(id)?.plans[p.label];
        if (cell && themeIds.has(id)) cell.targets++;
      }
    }
  });

  // --- indicators
  const indicators = alignIndicators(plans.map((p) => ({ label: p.label, own: p.own, targets: p.plan.targets })), indicatorLex);

  // --- agencies
  const resolver = new AgencyResolver(agencyLex);
  const agencyRows = new Map<string, AgencyRow>();
  const unknown = new Map<string, Set<string>>();
  for (const p of plans) {
    for (const t of p.plan.tasks) {
      for (const [role, names] of [['lead', t.lead ?? []], ['responsible', t.responsible ?? []]] as const) {
        for (const written of names) {
          const m = resolver.resolve(written, p.own);
          let r = agencyRows.get(m.id);
          if (!r) agencyRows.set(m.id, (r = { id: m.id, name: m.name, known: m.known, plans: {} }));
          const cell: AgencyPlanCell = (r.plans[p.label] ??= { names: [], lead: [], responsible: [] });
          if (!cell.names.includes(written)) cell.names.push(written);
          if (!cell[role].includes(t.id)) cell[role].push(t.id);
          if (!m.known) {
            const set = unknown.get(written) ?? new Set<string>();
            set.add(p.label);
            unknown.set(written, set);
          }
        }
      }
    }
  }
  const load = (r: AgencyRow) => Object.values(r.plans).reduce((n, c) => n + new Set([...c.lead, ...c.responsible]).size, 0);
  const agencies = [...agencyRows.values()].sort((a, b) =>
    Object.keys(b.plans).length - Object.keys(a.plans).length || load(b) - load(a) || Number(b.known) - Number(a.known) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // --- task alignment: TF-IDF over bigrams, without place names and genre boilerplate
  const allNames = [...new Set(plans.flatMap((p) => [...p.own, ...placeForms(p.label)]))];
  const strip = (s: string) => removePhrases(removePhrases(s, allNames), taxonomy.boilerplate);
  const docs: IndexDoc[] = [];
  const docItems: { plan: number; item: CompareItem }[] = [];
  plans.forEach((p, pi) => {
    for (const item of p.items) {
      if (item.kind !== 'task' && item.kind !== 'safeguard' && item.kind !== 'goal') continue;
      docs.push({ group: pi, parts: [{ text: strip(item.title), weight: 2 }, { text: strip(item.text), weight: 1 }] });
      docItems.push({ plan: pi, item });
    }
  });
  const index = new SimilarityIndex(docs);
  const alignments: Alignment[] = docItems.map((d, di) => {
    const best = index.bestPerGroup(di, (other) => docItems[other]?.item.kind === d.item.kind);
    const counterparts: Alignment['counterparts'] = {};
    plans.forEach((p, pi) => {
      if (pi === d.plan) return;
      const b = best.get(pi);
      const o = b ? docItems[b.doc]?.item : undefined;
      counterparts[p.label] = o && b ? { task: o.id, score: Math.round(b.score * 100) / 100, title: o.title, line: o.line } : { task: null, score: 0 };
    });
    return { plan: plans[d.plan]?.label ?? '', task: d.item.id, title: d.item.title, line: d.item.line, counterparts };
  });

  // --- gaps: against the baseline when there is one, otherwise against every other plan
  const baselines = plans.filter((p) => p.baseline);
  const gaps: Gap[] = plans.filter((p) => !p.baseline).map((p) => {
    const others = baselines.length > 0 ? baselines : plans.filter((o) => o !== p && !o.baseline);
    const missingFrom: Record<string, string[]> = {};
    const missing_themes: string[] = [];
    for (const t of themes) {
      if ((t.plans[p.label]?.items.length ?? 0) > 0) continue;
      const have = others.filter((o) => (t.plans[o.label]?.items.length ?? 0) > 0).map((o) => o.label);
      if (have.length > 0) {
        missing_themes.push(t.id);
        missingFrom[t.id] = have;
      }
    }
    const missing_indicators: string[] = [];
    for (const r of indicators) {
      if (r.plans[p.label]) continue;
      const have = others.filter((o) => r.plans[o.label]).map((o) => o.label);
      if (have.length > 0) {
        missing_indicators.push(r.id);
        missingFrom[r.id] = have;
      }
    }
    const tasks_without_units = p.plan.tasks
      .filter((t) => t.kind === 'task' && (t.lead ?? []).length === 0 && (t.responsible ?? []).length === 0)
      .map((t) => t.id);
    const targets_without_year = p.plan.targets
      .filter((g) => g.year === null || g.year_inferred)
      .map((g) => ({ indicator: g.indicator, line: g.line, year: g.year }));
    return { plan: p.label, missing_themes, missing_indicators, tasks_without_units, targets_without_year, missing_from: missingFrom };
  });

  const planInfo: ComparePlanInfo[] = plans.map((p) => {
    const k = (kind: string) => p.plan.tasks.filter((t) => t.kind === kind).length;
    return {
      label: p.label,
      title: p.plan.meta.title ?? null,
      source: p.plan.source.path,
      level: p.plan.meta.level ?? null,
      counts: {
        task: k('task'), goal: k('goal'), safeguard: k('safeguard'),
        column_items: p.plan.columns.reduce((n, c) => n + c.items.length, 0), targets: p.plan.targets.length,
      },
      jurisdiction: p.plan.meta.jurisdiction ?? null,
      baseline: Boolean(p.baseline),
    };
  });

  return {
    schema: COMPARE_SCHEMA_ID,
    taxonomy: taxonomy.name,
    groups: taxonomy.groups,
    plans: planInfo,
    themes,
    indicators,
    agencies,
    alignments,
    gaps,
    unclassified,
    unknown_agencies: [...unknown].map(([name, set]) => ({ name, plans: [...set] })),
    items: Object.fromEntries(plans.map((p) => [p.label, p.items])),
  };
}

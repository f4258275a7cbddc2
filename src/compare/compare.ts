/**
 * `comparePlans`: lay plans side by side — theme coverage, indicators, agencies, task alignment and gaps — as one
 * `qplan/compare@1` document. Pure: plans and vocabularies in, a document out; rendering is the CLI's business.
 */
import type { Plan } from '../model.js';
import type {
  AgencyPlanCell, AgencyRow, Alignment, AlignmentRule, CompareItem, ComparePlanInfo, CompareResult, CompareView, Gap, IndicatorRow,
  ThemeRow, Vocabulary,
} from './types.js';
import { COMPARE_SCHEMA_ID, COMPARE_VIEWS, dict } from './types.js';
import { classify, type Classification } from './classify.js';
import { AgencyResolver } from './agencies.js';
import { alignIndicators } from './indicators.js';
import { ownNames, planItems, placeForms, reportedId } from './items.js';
import { PhraseRemover, SimilarityIndex, type IndexDoc } from './text.js';

/** A plan with an optional label, and whether it is the baseline others are measured against. */
export interface CompareInput {
  plan: Plan;
  label?: string;
  baseline?: boolean;
}

export interface CompareOptions {
  vocabulary: Vocabulary;
  /** The sections to compute (default: all). `gaps` needs themes and indicators, which are then filled too. */
  views?: readonly CompareView[];
  /**
   * Counterparts per task: in every other plan (`'all'`), or in the `alignTop` plans with the closest ones. Default:
   * every plan for comparisons of up to `ALIGN_EVERY_PLAN_UP_TO` plans, otherwise the best `ALIGN_TOP`.
   */
  alignTop?: number | 'all';
  /** With a top: the lowest score a counterpart needs (default `ALIGN_MIN_SCORE`). */
  alignMinScore?: number;
}

/** Up to this many plans every task gets its closest counterpart in every other plan: a table a reader can scan. */
export const ALIGN_EVERY_PLAN_UP_TO = 20;
/** Beyond that, the closest counterparts in this many plans (a corpus of a thousand plans would otherwise give a million cells per task list). */
export const ALIGN_TOP = 10;
export const ALIGN_MIN_SCORE = 0.1;
/** `gaps[].missing_from` names at most this many plans per theme or indicator; `missing_from_count` says how many have it. */
export const MISSING_FROM_MAX = 20;

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
  const { taxonomy, indicators: indicatorLex } = options.vocabulary;
  const wanted = new Set<CompareView>(options.views ?? COMPARE_VIEWS);
  if (wanted.has('gaps')) {
    wanted.add('themes');
    wanted.add('indicators');
  }
  const views = COMPARE_VIEWS.filter((v) => wanted.has(v));
  const labels = uniqueLabels(norm.map((n) => n.label?.trim() || defaultLabel(n.plan)));
  const plans = norm.map((n, i) => ({ ...n, label: labels[i] as string, own: ownNames(n.plan), items: planItems(n.plan) }));

  const themes = wanted.has('themes') ? themeRows(plans, options) : { rows: [], unclassified: [] };
  const indicators: IndicatorRow[] = wanted.has('indicators')
    ? alignIndicators(plans.map((p) => ({ label: p.label, own: p.own, targets: p.plan.targets })), indicatorLex)
    : [];
  const agencies = wanted.has('agencies') ? agencyRows(plans, options) : { rows: [], unknown: [] };
  const alignment = wanted.has('tasks') ? alignTasks(plans, options) : null;
  const gaps = wanted.has('gaps') ? gapRows(plans, themes.rows, indicators) : [];

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
    views,
    ...(alignment ? { alignment_rule: alignment.rule } : {}),
    ...(wanted.has('gaps') ? { missing_from_max: MISSING_FROM_MAX } : {}),
    plans: planInfo,
    themes: themes.rows,
    indicators,
    agencies: agencies.rows,
    alignments: alignment?.alignments ?? [],
    gaps,
    unclassified: themes.unclassified,
    unknown_agencies: agencies.unknown,
    items: Object.fromEntries(plans.map((p) => [p.label, p.items])),
  };
}

interface Prepared extends CompareInput {
  label: string;
  own: string[];
  items: CompareItem[];
}

/** Themes: classify every item, then collect per theme and plan. Sets each item's `themes`. */
function themeRows(plans: Prepared[], options: CompareOptions): { rows: ThemeRow[]; unclassified: CompareResult['unclassified'] } {
  const { taxonomy } = options.vocabulary;
  const themeIds = new Set(taxonomy.themes.map((t) => t.id));
  const themes: ThemeRow[] = taxonomy.themes.map((t) => ({ id: t.id, name: t.name, group: t.group, plans: dict<ThemeRow['plans'][string]>() }));
  const themeById = new Map(themes.map((t) => [t.id, t]));
  const unclassified = plans.map((p) => ({ plan: p.label, items: [] as string[] }));
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
    for (const t of themes) t.plans[p.label] = { items: [], targets: 0, with_units: 0, why: dict() };
    const themesOfItem = new Map<string, string[]>();
    for (const item of p.items) {
      const c = classified(item.title, item.text);
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
  return { rows: themes, unclassified };
}

/** Agencies: canonical rows, most widely shared first, and the names no alias matched. */
function agencyRows(plans: Prepared[], options: CompareOptions): { rows: AgencyRow[]; unknown: CompareResult['unknown_agencies'] } {
  const resolver = new AgencyResolver(options.vocabulary.agencies);
  const rows = new Map<string, AgencyRow>();
  const unknown = new Map<string, Set<string>>();
  for (const p of plans) {
    for (const t of p.plan.tasks) {
      for (const [role, names] of [['lead', t.lead ?? []], ['responsible', t.responsible ?? []]] as const) {
        for (const written of names) {
          const m = resolver.resolve(written, p.own);
          let r = rows.get(m.id);
          if (!r) rows.set(m.id, (r = { id: m.id, name: m.name, known: m.known, plans: dict<AgencyPlanCell>() }));
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
  const loads = new Map<AgencyRow, number>();
  const load = (r: AgencyRow) => {
    let n = loads.get(r);
    if (n === undefined) loads.set(r, (n = Object.values(r.plans).reduce((k, c) => k + new Set([...c.lead, ...c.responsible]).size, 0)));
    return n;
  };
  const sorted = [...rows.values()].sort((a, b) =>
    Object.keys(b.plans).length - Object.keys(a.plans).length || load(b) - load(a) || Number(b.known) - Number(a.known) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows: sorted, unknown: [...unknown].map(([name, set]) => ({ name, plans: [...set] })) };
}

const ALIGNED_KINDS = ['task', 'safeguard', 'goal'];

/**
 * Task alignment: TF-IDF over bigrams, without place names and genre boilerplate. Tasks align with tasks,
 * safeguards with safeguards, goal items with goal items.
 */
function alignTasks(plans: Prepared[], options: CompareOptions): { rule: AlignmentRule; alignments: Alignment[] } {
  const { taxonomy } = options.vocabulary;
  const top = options.alignTop ?? (plans.length <= ALIGN_EVERY_PLAN_UP_TO ? 'all' : ALIGN_TOP);
  const everyPlan = top === 'all' || !Number.isFinite(top) || top >= plans.length - 1;
  const minScore = everyPlan ? 0 : options.alignMinScore ?? ALIGN_MIN_SCORE;
  const rule: AlignmentRule = {
    rule: everyPlan ? 'every-plan' : 'top',
    top: everyPlan ? null : Math.max(0, Math.floor(top as number)),
    min_score: minScore,
    every_plan_up_to: ALIGN_EVERY_PLAN_UP_TO,
  };
  const names = new PhraseRemover([...new Set(plans.flatMap((p) => [...p.own, ...placeForms(p.label)]))]);
  const boilerplate = new PhraseRemover(taxonomy.boilerplate);
  const strip = (s: string) => boilerplate.remove(names.remove(s));
  const docs: IndexDoc[] = [];
  const docItems: { plan: number; item: CompareItem }[] = [];
  plans.forEach((p, pi) => {
    for (const item of p.items) {
      const cls = ALIGNED_KINDS.indexOf(item.kind);
      if (cls < 0) continue;
      docs.push({ group: pi, cls, parts: [{ text: strip(item.title), weight: 2 }, { text: strip(item.text), weight: 1 }] });
      docItems.push({ plan: pi, item });
    }
  });
  const index = new SimilarityIndex(docs);
  docs.length = 0;
  const counterpart = (doc: number, score: number): Alignment['counterparts'][string] => {
    const o = docItems[doc]?.item;
    return o ? { task: o.id, score: Math.round(score * 100) / 100, title: o.title, line: o.line } : { task: null, score: 0 };
  };
  const alignments: Alignment[] = docItems.map((d, di) => {
    const counterparts: Alignment['counterparts'] = dict();
    if (everyPlan) {
      const best = index.bestPerGroup(di);
      plans.forEach((p, pi) => {
        if (pi === d.plan) return;
        const b = best.get(pi);
        counterparts[p.label] = b ? counterpart(b.doc, b.score) : { task: null, score: 0 };
      });
    } else {
      for (const m of index.top(di, { k: rule.top ?? 0, minScore })) counterparts[plans[m.group]?.label ?? ''] = counterpart(m.doc, m.score);
    }
    return { plan: plans[d.plan]?.label ?? '', task: d.item.id, title: d.item.title, line: d.item.line, counterparts };
  });
  return { rule, alignments };
}

/** Gaps: against the baseline when there is one, otherwise against every other plan. */
function gapRows(plans: Prepared[], themes: ThemeRow[], indicators: IndicatorRow[]): Gap[] {
  const baselines = plans.filter((p) => p.baseline);
  const others = baselines.length > 0 ? baselines : plans.filter((o) => !o.baseline);
  // who has each theme and indicator, once: a plan that lacks one is never among those who have it, so the list
  // is the same for every plan that lacks it (and is shared, not copied, between them)
  // (a corpus of a thousand near-identical plans would otherwise name hundreds of plans per gap of each plan)
  const who = (labels: string[]) => ({ count: labels.length, named: labels.length > MISSING_FROM_MAX ? labels.slice(0, MISSING_FROM_MAX) : labels });
  const haveTheme = themes.map((t) => who(others.filter((o) => (t.plans[o.label]?.items.length ?? 0) > 0).map((o) => o.label)));
  const haveIndicator = indicators.map((r) => who(others.filter((o) => r.plans[o.label]).map((o) => o.label)));
  return plans.filter((p) => !p.baseline).map((p) => {
    const missingFrom = dict<string[]>();
    const missingFromCount = dict<number>();
    const missing_themes: string[] = [];
    themes.forEach((t, k) => {
      if ((t.plans[p.label]?.items.length ?? 0) > 0) return;
      const have = haveTheme[k];
      if (have && have.count > 0) {
        missing_themes.push(t.id);
        missingFrom[t.id] = have.named;
        missingFromCount[t.id] = have.count;
      }
    });
    const missing_indicators: string[] = [];
    indicators.forEach((r, k) => {
      if (r.plans[p.label]) return;
      const have = haveIndicator[k];
      if (have && have.count > 0) {
        missing_indicators.push(r.id);
        missingFrom[r.id] = have.named;
        missingFromCount[r.id] = have.count;
      }
    });
    const tasks_without_units = p.plan.tasks
      .filter((t) => t.kind === 'task' && (t.lead ?? []).length === 0 && (t.responsible ?? []).length === 0)
      .map((t) => t.id);
    const targets_without_year = p.plan.targets
      .filter((g) => g.year === null || g.year_inferred)
      .map((g) => ({ indicator: g.indicator, line: g.line, year: g.year }));
    return {
      plan: p.label, missing_themes, missing_indicators, tasks_without_units, targets_without_year, missing_from: missingFrom,
      missing_from_count: missingFromCount,
    };
  });
}

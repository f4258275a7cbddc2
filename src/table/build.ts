/**
 * `buildTables`: plans → the tidy long tables of a corpus (one row per observation, typed columns, see
 * columns.ts). Pure: plans and vocabularies in, rows out; writing CSV, XLSX or Parquet is the CLI's business.
 * Canonical indicators, agencies and themes come from the same code `compare` uses, so a table and a comparison of
 * the same plans always agree.
 */
import type { Meta, Plan, Target } from '../model.js';
import type { Vocabulary } from '../compare/types.js';
import { alignIndicators, type TargetIndicator } from '../compare/views/indicators.js';
import { AgencyResolver } from '../compare/agencies.js';
import { comparePlans } from '../compare/compare.js';
import { ownNames } from '../compare/items.js';
import { lookupPlace } from '../lexicon/geography.js';
import { TABLES, TABLE_NAMES, type Row, type Table, type TableName } from './columns.js';

export interface TableOptions {
  vocabulary: Vocabulary;
  /** The tables to build (default: all), in {@link TABLE_NAMES} order. */
  tables?: readonly TableName[];
}

/** A plan with its key in the tables. */
interface Keyed {
  key: string;
  plan: Plan;
}

/** Builds the tables of a corpus; each table's rows follow the plans' order, then document order. */
export function buildTables(plans: readonly Plan[], options: TableOptions): Table[] {
  const wanted = new Set(options.tables ?? TABLE_NAMES);
  const keyed = planKeys(plans);
  const build: Record<TableName, () => Row[]> = {
    plans: () => keyed.map(planRow),
    targets: () => targetRows(keyed, options.vocabulary),
    tasks: () => keyed.flatMap(taskRows),
    units: () => unitRows(keyed, options.vocabulary),
    themes: () => themeRows(keyed, options.vocabulary),
  };
  return TABLE_NAMES.filter((n) => wanted.has(n)).map((name) => ({ name, columns: TABLES[name].columns, rows: build[name]() }));
}

/** Keys are source paths; a path that gives several plans (a JSON array read twice, stdin) gets `#2`, `#3` … */
function planKeys(plans: readonly Plan[]): Keyed[] {
  const used = new Set<string>();
  return plans.map((plan) => {
    const base = plan.source.path;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
    used.add(key);
    return { key, plan };
  });
}

/** The province-level division of a plan's place: itself for a province, else the one its table entry lies in. */
export function provinceOf(meta: Meta): string | null {
  if (!meta.jurisdiction) return null;
  if (meta.level === 'province') return meta.jurisdiction;
  const own = lookupPlace(meta.jurisdiction).filter((p) => !meta.parent || p.parent === meta.parent || p.province === meta.parent);
  const fromParent = meta.parent ? lookupPlace(meta.parent) : [];
  for (const found of [own, fromParent]) {
    const provinces = new Set(found.map((p) => p.province));
    if (provinces.size === 1) return [...provinces][0] ?? null;
  }
  return null;
}

function planRow({ key, plan }: Keyed): Row {
  const m = plan.meta;
  const kinds = (k: string) => plan.tasks.filter((t) => t.kind === k).length;
  const sev = (s: string) => plan.diagnostics.filter((d) => d.severity === s).length;
  const years = m.horizon_years ?? [];
  return {
    plan: key, file: plan.source.path, format: plan.source.format, encoding: plan.source.encoding, sha256: plan.source.sha256,
    bytes: plan.source.bytes ?? null, title: m.title, notice_title: m.notice_title, jurisdiction: m.jurisdiction, level: m.level,
    parent: m.parent, province: provinceOf(m), issuer: m.issuer, doc_number: m.doc_number, signed: m.signed, published: m.published,
    horizon_start: years.length ? Math.min(...years) : null, horizon_end: years.length ? Math.max(...years) : null,
    script: m.script ?? null, tasks: kinds('task'), goals: kinds('goal'), safeguards: kinds('safeguard'), targets: plan.targets.length,
    columns: plan.columns.length, column_items: plan.columns.reduce((n, c) => n + c.items.length, 0), appendix_tables: plan.appendix?.length ?? 0,
    diagnostics: plan.diagnostics.length, errors: sev('error'), warnings: sev('warning'),
  };
}

function targetRows(keyed: Keyed[], vocabulary: Vocabulary): Row[] {
  const assigned = new Map<Target, TargetIndicator>();
  alignIndicators(keyed.map((k) => ({ label: k.key, own: ownNames(k.plan), targets: k.plan.targets })), vocabulary.indicators, assigned);
  return keyed.flatMap(({ key, plan }) => plan.targets.map((t, i): Row => {
    const a = assigned.get(t);
    return {
      plan: key, target: i + 1, indicator: t.indicator, indicator_id: a?.id ?? null, indicator_name: a?.name ?? null,
      indicator_match: a?.match ?? null, indicator_confidence: a?.confidence ?? null, value: t.value, value_max: t.value_max ?? null,
      unit: t.unit, comparator: t.comparator, year: t.year, year_inferred: t.year_inferred, where: t.where,
      task: t.where.startsWith('task:') ? t.where.slice(5) : null, quote: t.quote, line: t.line, column: t.column ?? null, page: t.page ?? null,
    };
  }));
}

function taskRows({ key, plan }: Keyed): Row[] {
  const targets = new Map<string, number>();
  for (const t of plan.targets) if (t.where.startsWith('task:')) targets.set(t.where.slice(5), (targets.get(t.where.slice(5)) ?? 0) + 1);
  return plan.tasks.map((t) => ({
    plan: key, task: t.id, kind: t.kind, chapter: t.chapter, group: t.group, title: t.title, text: t.text, lead: [...t.lead],
    responsible: [...t.responsible], units_etc: t.units_etc, targets: targets.get(t.id) ?? 0, line: t.line, page: t.page ?? null,
  }));
}

function unitRows(keyed: Keyed[], vocabulary: Vocabulary): Row[] {
  const resolver = new AgencyResolver(vocabulary.agencies);
  const rows: Row[] = [];
  for (const { key, plan } of keyed) {
    const own = ownNames(plan);
    for (const t of plan.tasks) {
      for (const [role, names] of [['lead', t.lead], ['responsible', t.responsible]] as const) {
        names.forEach((unit, i) => {
          const m = resolver.resolve(unit, own);
          rows.push({ plan: key, task: t.id, role, position: i + 1, unit, agency_id: m.id, agency: m.name, agency_known: m.known, line: t.line });
        });
      }
    }
  }
  return rows;
}

function themeRows(keyed: Keyed[], vocabulary: Vocabulary): Row[] {
  if (keyed.length === 0) return [];
  const r = comparePlans(keyed.map((k) => ({ plan: k.plan, label: k.key })), { vocabulary, views: ['themes'] });
  const rows: Row[] = [];
  // plans keep their order in the comparison; labels are the keys, unless a key needed trimming
  r.plans.forEach((p, i) => {
    const items = r.items[p.label] ?? [];
    for (const t of r.themes) {
      const cell = t.plans[p.label];
      const carrying = items.filter((it) => it.themes.includes(t.id)).length;
      rows.push({
        plan: keyed[i]?.key ?? p.label, theme: t.id, theme_name: t.name, theme_group: t.group,
        degree: items.length > 0 ? Math.round((carrying / items.length) * 10000) / 10000 : 0, items: carrying,
        item_ids: [...(cell?.items ?? [])], targets: cell?.targets ?? 0, with_units: cell?.with_units ?? 0,
      });
    }
  });
  return rows;
}

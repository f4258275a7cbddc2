/**
 * `lineagePlans`: how each plan follows, tightens or copies its parent, as one `qplan/lineage@1` document. Pure:
 * plans, references and vocabularies in, a document out.
 */
import type { Plan } from '../model.js';
import { uniqueLabels } from '../compare/compare.js';
import { ownNames } from '../compare/items.js';
import type { Vocabulary } from '../compare/types.js';
import { chooseParents, planYear } from './parents.js';
import { canonicalIds, targetLineage, type Holder } from './targets.js';
import { findReuse, REUSE_RULE, taskText } from './reuse.js';
import { LINEAGE_SCHEMA_ID, type LineagePlan, type LineageResult, type LineageTask, type Reference } from './types.js';
import { placeForms } from '../compare/items.js';

export interface LineageInput {
  plan: Plan;
  label?: string;
}

export interface LineageOptions {
  vocabulary: Vocabulary;
  /** Reference documents (the built-in ones and any user file's). */
  references: readonly Reference[];
  /** Maps a traditional character to its simplified form (for plans written in traditional script). */
  fold?: (ch: string) => string;
}

function defaultLabel(plan: Plan): string {
  if (plan.meta.jurisdiction) return plan.meta.jurisdiction;
  if (plan.meta.title) return plan.meta.title;
  const base = plan.source.path.split(/[\\/]/).pop() ?? plan.source.path;
  return base.replace(/\.[^.]+$/, '') || 'plan';
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The lineage of one or more plans. */
export function lineagePlans(inputs: (Plan | LineageInput)[], options: LineageOptions): LineageResult {
  const norm: LineageInput[] = inputs.map((i) => ('plan' in i ? i : { plan: i }));
  const plans = norm.map((n) => n.plan);
  const labels = uniqueLabels(norm.map((n) => n.label?.trim() || defaultLabel(n.plan)));
  const lex = options.vocabulary.indicators;
  const choices = chooseParents(plans, options.references);
  const own = plans.map(ownNames);

  // canonical ids of every target: plans first, then the references
  const refs = [...options.references];
  const holders: Holder[] = [
    ...plans.map((p, i) => ({ own: own[i] as string[], targets: p.targets })),
    ...refs.map((r) => ({ own: placeForms(r.jurisdiction), targets: r.targets })),
  ];
  const canonical = canonicalIds(holders, lex);
  const refIndex = new Map(refs.map((r, k) => [r.id, plans.length + k]));

  const reuse = findReuse(
    plans.map((p, i) => {
      const c = choices[i];
      return { plan: p, own: own[i] as string[], parent: c?.kind === 'plan' ? c.index : -1 };
    }),
    options.vocabulary.taxonomy.boilerplate,
    options.fold,
  );

  const sameParent = (a: number, b: number): boolean => {
    const pa = plans[a]?.meta.parent;
    const pb = plans[b]?.meta.parent;
    if (pa && pb && placeForms(pa).some((f) => placeForms(pb).includes(f))) return true;
    const ca = choices[a];
    const cb = choices[b];
    return ca?.kind === 'plan' && cb?.kind === 'plan' && ca.index === cb.index;
  };

  const out: LineagePlan[] = plans.map((plan, i) => {
    const choice = choices[i] ?? { kind: 'none' as const, note: '' };
    const parentHolder = choice.kind === 'plan' ? choice.index : choice.kind === 'reference' ? refIndex.get(choice.reference.id) ?? -1 : -1;
    const targets = targetLineage(
      holders[i] as Holder, canonical.ids[i] ?? [], parentHolder >= 0 ? holders[parentHolder] ?? null : null, parentHolder >= 0 ? canonical.ids[parentHolder] ?? [] : [],
      canonical, lex, choice.kind === 'plan',
    );
    let total = 0;
    const copied = { parent: 0, sibling: 0, other: 0 };
    const tasks: LineageTask[] = plan.tasks.map((t, ti) => {
      const f = reuse[i]?.[ti];
      const text = taskText(t);
      total += text.replace(/\s+/g, '').length;
      const src = f && f.sourcePlan >= 0 ? plans[f.sourcePlan]?.tasks[f.sourceTask] : undefined;
      const role = !f || f.sourcePlan < 0 ? null : choice.kind === 'plan' && f.sourcePlan === choice.index ? 'parent' : sameParent(i, f.sourcePlan) ? 'sibling' : 'other';
      if (f && role && f.status !== 'new') copied[role] += f.matchedChars;
      return {
        id: t.id, kind: t.kind, title: t.title ?? '', line: t.line, status: f?.status ?? 'new',
        source_plan: f && f.sourcePlan >= 0 ? labels[f.sourcePlan] ?? null : null, source_task: src?.id ?? null, source_line: src?.line ?? null,
        source_role: role, copied_share: f?.share ?? 0, spans: f?.spans ?? [], text, source_text: src ? taskText(src) : null,
      };
    });
    const count = <K extends string>(xs: K[], k: K) => xs.filter((x) => x === k).length;
    const statuses = tasks.map((t) => t.status);
    const relations = targets.map((t) => t.relation);
    return {
      label: labels[i] as string,
      title: plan.meta.title ?? null,
      source: plan.source.path,
      jurisdiction: plan.meta.jurisdiction ?? null,
      level: plan.meta.level ?? null,
      year: planYear(plan),
      parent: choice.kind === 'plan' ? labels[choice.index] ?? null : choice.kind === 'reference' ? choice.reference.id : null,
      parent_kind: choice.kind === 'none' ? null : choice.kind,
      parent_note: choice.note,
      targets,
      tasks,
      copied_from_parent: total > 0 ? round3(copied.parent / total) : 0,
      copied_from_siblings: total > 0 ? round3(copied.sibling / total) : 0,
      copied_from_others: total > 0 ? round3(copied.other / total) : 0,
      counts: {
        copied: count(statuses, 'copied'), adapted: count(statuses, 'adapted'), new: count(statuses, 'new'),
        tighter: count(relations, 'tighter'), same: count(relations, 'same'), looser: count(relations, 'looser'),
        incomparable: count(relations, 'incomparable'), none: count(relations, 'none'),
      },
    };
  });

  return {
    schema: LINEAGE_SCHEMA_ID,
    rule: REUSE_RULE,
    references: refs.map((r) => ({ id: r.id, document: r.document, issuer: r.issuer, year: r.year, period: r.period, jurisdiction: r.jurisdiction })),
    plans: out,
  };
}

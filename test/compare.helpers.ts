/** Shared fixtures for the compare tests: the default vocabulary and the four seeds, extracted once per file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractPlan } from '../src/pipeline.js';
import { loadVocabulary } from '../src/compare/vocab.js';
import type { Plan } from '../src/model.js';
import type { Vocabulary } from '../src/compare/types.js';

export const COMPARE_SEEDS = ['000_3c93fe66f1b042f6', '001_85cde96d376fc1c9', '003_d34b9a5638ecd82e', '004_59faef078171ecef'];
export const seedPath = (s: string) => `seeds/${s}.txt`;

let vocab: Promise<Vocabulary> | undefined;
/** The default vocabulary, read through the same loader the CLI uses. */
export function defaultVocabulary(): Promise<Vocabulary> {
  return (vocab ??= loadVocabulary(async (u) => readFileSync(fileURLToPath(u), 'utf8')));
}

const cache = new Map<string, Promise<Plan>>();
export function seedPlan(s: string): Promise<Plan> {
  let p = cache.get(s);
  if (!p) cache.set(s, (p = extractPlan(readFileSync(seedPath(s)), { path: seedPath(s) }).then((r) => r.plan)));
  return p;
}

export async function seedPlans(): Promise<Plan[]> {
  return Promise.all(COMPARE_SEEDS.map(seedPlan));
}

/** A small synthetic plan: only what compare reads. */
export function synthPlan(o: {
  jurisdiction: string; parent?: string | null; level?: Plan['meta']['level'];
  tasks?: { id: string; title: string; text?: string; lead?: string[]; responsible?: string[]; kind?: 'task' | 'goal' | 'safeguard' }[];
  targets?: { indicator: string; value: number; unit?: string; year?: number | null; year_inferred?: boolean; where?: string; line?: number; comparator?: Plan['targets'][number]['comparator'] }[];
  columns?: { number: number; title: string; items: string[] }[];
  meta?: Partial<Plan['meta']>;
}): Plan {
  let line = 10;
  return {
    schema: 'qplan/plan@1',
    source: { path: `${o.jurisdiction}.yaml`, format: 'text', encoding: 'utf-8', sha256: '0'.repeat(64) },
    meta: {
      title: `${o.jurisdiction}质量强区建设实施方案`, notice_title: null, jurisdiction: o.jurisdiction, level: o.level ?? 'district',
      parent: o.parent ?? null, issuer: null, doc_number: null, signed: null, published: null, horizon_years: [2027],
      ...o.meta,
    },
    sections: [],
    tasks: (o.tasks ?? []).map((t) => ({
      id: t.id, kind: t.kind ?? 'task', chapter: '二', group: null, title: t.title, text: t.text ?? '', lead: t.lead ?? [],
      responsible: t.responsible ?? [], units_etc: false, line: line++,
    })),
    columns: (o.columns ?? []).map((c) => ({ ...c, after_task: null, line: line++ })),
    targets: (o.targets ?? []).map((t) => ({
      indicator: t.indicator, value: t.value, unit: t.unit ?? '%', comparator: t.comparator ?? '>=', year: t.year === undefined ? 2027 : t.year,
      year_inferred: t.year_inferred ?? false, where: t.where ?? 'goals', quote: `${t.indicator}达到${t.value}${t.unit ?? '%'}`, line: t.line ?? 5,
    })),
    appendix: [],
    diagnostics: [],
  } as unknown as Plan;
}

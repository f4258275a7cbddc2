/**
 * The five seeds against their hand-checked gold annotations (fixtures/gold, copied from ../shared/gold).
 * Stricter than the project scorer where the gold says more: chapter, group and `where` are compared too,
 * and the flattened appendix tables of the 2012 opinions are checked row by row.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { extractPlan } from '../src/pipeline.js';
import type { Plan } from '../src/model.js';

interface Gold {
  file: string;
  meta: Record<string, unknown>;
  sections: Array<{ number: string; title: string }>;
  tasks: Array<{ id: string; kind: string; chapter: string; group: string | null; title: string; lead: string[]; responsible: string[]; units_etc: boolean }>;
  columns: Array<{ number: number; title: string; items: string[]; after_task: string }>;
  targets: Array<{ indicator: string; value: number; unit: string; comparator: string; year: number; where: string; quote: string }>;
  appendix?: { indicators?: Array<{ no: number; indicator: string; value_2015: string | null }>; projects?: Array<{ no: number; project: string; builder: string }> };
}

const nfkc = (s: unknown) => (s == null ? s : String(s).normalize('NFKC').replace(/\s+/g, ''));
const plans = new Map<string, Plan>();
async function planOf(file: string): Promise<Plan> {
  if (!plans.has(file)) plans.set(file, (await extractPlan(readFileSync(`seeds/${file}`), { path: `seeds/${file}` })).plan);
  return plans.get(file) as Plan;
}

for (const g of readdirSync('fixtures/gold').filter((f) => f.endsWith('.gold.yaml')).sort()) {
  const gold = YAML.parse(readFileSync(`fixtures/gold/${g}`, 'utf8')) as Gold;
  describe(gold.file, () => {
    it('meta', async () => {
      const p = await planOf(gold.file);
      for (const [k, v] of Object.entries(gold.meta)) expect(nfkc(JSON.stringify((p.meta as Record<string, unknown>)[k])), k).toBe(nfkc(JSON.stringify(v)));
    });
    it('sections', async () => {
      const p = await planOf(gold.file);
      expect(p.sections.map((s) => `${s.number} ${nfkc(s.title)}`)).toEqual(gold.sections.map((s) => `${s.number} ${nfkc(s.title)}`));
    });
    it('tasks: ids, kinds, places, titles and units', async () => {
      const p = await planOf(gold.file);
      expect(p.tasks.map((t) => nfkc(t.id))).toEqual(gold.tasks.map((t) => nfkc(t.id)));
      gold.tasks.forEach((gt, i) => {
        const t = p.tasks[i] as Plan['tasks'][number];
        expect({ kind: t.kind, chapter: t.chapter, group: nfkc(t.group), title: nfkc(t.title), lead: t.lead, responsible: t.responsible, units_etc: t.units_etc }, gt.id)
          .toEqual({ kind: gt.kind, chapter: gt.chapter ?? t.chapter, group: nfkc(gt.group ?? t.group), title: nfkc(gt.title), lead: gt.lead ?? [], responsible: gt.responsible ?? [], units_etc: gt.units_etc ?? false });
      });
    });
    it('columns', async () => {
      const p = await planOf(gold.file);
      expect(p.columns.map((c) => ({ number: c.number, title: c.title, items: c.items, after_task: c.after_task })))
        .toEqual((gold.columns ?? []).map((c) => ({ number: c.number, title: c.title, items: c.items, after_task: c.after_task })));
    });
    it('targets: every gold target found once with value, unit, year, comparator and place', async () => {
      const p = await planOf(gold.file);
      const pool = [...p.targets];
      for (const gt of gold.targets) {
        const i = pool.findIndex((t) => t.value === gt.value && t.unit === gt.unit && t.year === gt.year && t.where === gt.where
          && (nfkc(t.quote) as string).includes(nfkc(gt.quote) as string));
        expect(i, `${gt.indicator} ${gt.value}${gt.unit} ${gt.year} ${gt.where} «${gt.quote}»`).toBeGreaterThanOrEqual(0);
        const [t] = pool.splice(i, 1);
        expect(t?.comparator, gt.indicator).toBe(gt.comparator);
      }
      expect(pool.map((t) => `${t.indicator} ${t.value}${t.unit}`), 'targets not in gold').toEqual([]);
    });
    if (gold.appendix) {
      it('appendix tables rebuilt row by row', async () => {
        const p = await planOf(gold.file);
        const ind = p.appendix.find((a) => /指标/.test(a.title));
        expect(ind?.rows.map((r) => [Number(r[0]), r[1], r[2]])).toEqual(gold.appendix?.indicators?.map((r) => [r.no, r.indicator, r.value_2015]));
        const proj = p.appendix.find((a) => /项目/.test(a.title));
        expect(proj?.rows.map((r) => [Number(r[0]), r[1], r[2]])).toEqual(gold.appendix?.projects?.map((r) => [r.no, r.project, r.builder]));
      });
    }
  });
}

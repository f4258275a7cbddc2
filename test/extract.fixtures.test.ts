/**
 * Golden fixtures: fixtures/extract/<quirk>/input.* + expected.yaml. Each folder is named after the quirk it
 * covers. `UPDATE_FIXTURES=1 npx vitest run test/extract.fixtures.test.ts` rewrites the expected files; it
 * refuses to when CI is set, and a missing expected file is a failure, never silently created.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { extractPlan } from '../src/pipeline.js';
import type { Plan } from '../src/model.js';

const ROOT = 'fixtures/extract';
const update = process.env.UPDATE_FIXTURES === '1';
if (update && process.env.CI) throw new Error('UPDATE_FIXTURES is refused when CI is set');

/** The part of a plan a fixture pins: the values, not hashes or columns of every line. */
export function summary(plan: Plan) {
  return {
    meta: plan.meta,
    sections: plan.sections.map((s) => `${s.number} ${s.title} [${s.role}]`),
    tasks: plan.tasks.map((t) => ({ id: t.id, kind: t.kind, chapter: t.chapter, group: t.group, title: t.title, lead: t.lead, responsible: t.responsible, units_etc: t.units_etc, line: t.line })),
    columns: plan.columns.map((c) => ({ number: c.number, title: c.title, items: c.items, after_task: c.after_task })),
    targets: plan.targets.map((t) => ({ indicator: t.indicator, value: t.value, unit: t.unit, comparator: t.comparator, year: t.year, year_inferred: t.year_inferred, where: t.where, line: t.line })),
    appendix: plan.appendix.map((a) => ({ title: a.title, columns: a.columns, rows: a.rows })),
    diagnostics: plan.diagnostics.map((d) => `${d.line ?? '-'} ${d.severity} ${d.code}`),
  };
}

describe('extract fixtures', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(name, async () => {
      const dir = `${ROOT}/${name}`;
      const input = readdirSync(dir).find((f) => f.startsWith('input.')) as string;
      const { plan } = await extractPlan(readFileSync(`${dir}/${input}`), { path: input });
      const got = summary(plan);
      const expectedPath = `${dir}/expected.yaml`;
      if (update) writeFileSync(expectedPath, YAML.stringify(got, { lineWidth: 0 }));
      expect(existsSync(expectedPath), `${expectedPath} is missing (run with UPDATE_FIXTURES=1 and review it)`).toBe(true);
      expect(got).toEqual(YAML.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});

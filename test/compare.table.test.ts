/**
 * Terminal tables: cli-table3 renders them; grids taller than TALL_TABLE, or with a cell over TALL_CELL lines, are
 * drawn directly in linear time. The two must give the same bytes, with and without colour, on real comparisons and
 * on CJK-heavy synthetic grids.
 */
import { describe, expect, it } from 'vitest';
import { comparePlans } from '../src/compare/compare.js';
import { buildGrids } from '../src/cli/render/compare-views.js';
import { drawTable, renderTable, renderTables } from '../src/cli/render/compare-text.js';
import { pageGrid } from '../src/cli/render/compare-pages.js';
import type { Grid } from '../src/cli/render/compare-views.js';
import type { Plan } from '../src/model.js';
import { displayWidth } from '../src/cli/width.js';
import { defaultVocabulary, seedPlans } from './compare.helpers.js';

describe('cli-table3 and the direct drawer agree', () => {
  it('on every view of the seeds, with and without colour, at two widths', async () => {
    const result = comparePlans(await seedPlans(), { vocabulary: await defaultVocabulary() });
    const grids = buildGrids(result, ['themes', 'indicators', 'agencies', 'tasks', 'gaps']);
    expect(grids.length).toBeGreaterThan(3);
    for (const g of grids) {
      for (const columns of [72, 160]) {
        for (const color of [false, true]) {
          const a = renderTable(g, columns, color);
          expect(drawTable(g, columns, color)).toBe(a);
          if (!color) {
            const lines = a.split('\n').slice(1).filter((l) => l.startsWith('│') || l.startsWith('┌') || l.startsWith('└'));
            expect(new Set(lines.map(displayWidth)).size, g.title).toBe(1);
          }
        }
      }
    }
  });
});

describe('tables wider than the terminal turn into pages of plan columns', () => {
  it('30 plans at 200 columns: every line fits, every plan is on a page, the row labels repeat', async () => {
    const seeds = await seedPlans();
    const plans = Array.from({ length: 30 }, (_, i) => {
      const s = seeds[i % seeds.length] as Plan;
      return { ...s, meta: { ...s.meta, jurisdiction: `第${i + 1}区` } } as Plan;
    });
    const result = comparePlans(plans, { vocabulary: await defaultVocabulary() });
    const grids = buildGrids(result, ['themes', 'indicators', 'agencies']);
    for (const columns of [80, 200]) {
      const text = renderTables(grids, columns, false);
      const widths = text.split('\n').map(displayWidth);
      expect(Math.max(...widths)).toBeLessThanOrEqual(columns);
      for (let i = 1; i <= 30; i++) expect(text).toContain(`│ 第${i}区 `);
      const pages = pageGrid(grids[0] as Grid, columns);
      expect(pages.length).toBeGreaterThan(1);
      // every page has every theme row, labelled
      for (const p of pages) expect(p.rows.map((r) => r[0]?.lines[0])).toEqual(result.themes.map((t) => t.name));
      // pages are drawn directly; cli-table3 gives the same bytes
      expect(pages.map((p) => drawTable(p, columns, true))).toEqual(pages.map((p) => renderTable(p, columns, true)));
      expect(pages.flatMap((p) => p.header.slice(1))).toEqual(plans.map((p) => p.meta.jurisdiction));
    }
  });

  it('4 plans that fit stay one table', async () => {
    const result = comparePlans(await seedPlans(), { vocabulary: await defaultVocabulary() });
    for (const g of buildGrids(result, ['themes', 'indicators', 'agencies', 'tasks'])) expect(pageGrid(g, 80)).toEqual([g]);
  });
});

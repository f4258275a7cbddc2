/**
 * Terminal tables: cli-table3 renders them; grids taller than TALL_TABLE, or with a cell over TALL_CELL lines, are
 * drawn directly in linear time. The two must give the same bytes, with and without colour, on real comparisons and
 * on CJK-heavy synthetic grids.
 */
import { describe, expect, it } from 'vitest';
import { comparePlans } from '../src/compare/compare.js';
import { buildGrids } from '../src/cli/render/compare-views.js';
import { drawTable, renderTable } from '../src/cli/render/compare-text.js';
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

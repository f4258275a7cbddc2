/**
 * The HTML report without a browser (compare.browser.test.ts looks at it in Chromium when there is one): its parts,
 * the corpus form past TEXTS_UP_TO plans, the charts, and escaping of labels that are markup.
 */
import { describe, expect, it } from 'vitest';
import { comparePlans } from '../src/compare/compare.js';
import { renderHtml } from '../src/cli/render/compare-html.js';
import { TEXTS_UP_TO } from '../src/cli/render/compare-html-plans.js';
import { DOT_ROWS_UP_TO, indicatorChart } from '../src/cli/render/compare-svg.js';
import type { Plan } from '../src/model.js';
import { defaultVocabulary, seedPlans } from './compare.helpers.js';

async function relabelled(n: number, name = (i: number) => `第${i + 1}区`): Promise<Plan[]> {
  const seeds = await seedPlans();
  return Array.from({ length: n }, (_, i) => {
    const s = seeds[i % seeds.length] as Plan;
    return { ...s, meta: { ...s.meta, jurisdiction: name(i) } } as Plan;
  });
}

describe('compare HTML report', () => {
  it('four seeds: contents, a matrix row per plan, a chart per indicator, item texts, no script', async () => {
    const r = comparePlans(await seedPlans(), { vocabulary: await defaultVocabulary(), itemText: true });
    const html = renderHtml(r);
    for (const id of ['toc', 'plans', 'themes', 'heatmap', 'indicators', 'indicator-table', 'agency-table', 'gap-table', 'details']) expect(html).toContain(`id="${id}"`);
    expect(html.match(/<tr><th><a href="#plan-\d+">/g)?.length).toBe(4);
    expect(html.match(/<figure class="card"/g)?.length).toBe(r.indicators.length);
    expect(html).toContain('<details class="texts">');
    expect(html).not.toMatch(/<script|<link|@import|url\(|(?:src|href)=["']?(?:https?:)?\/\//);
    // every matrix link has its drill-down row
    for (const [, id] of html.matchAll(/<td[^>]*><a href="#(c\d+-\d+)">/g)) expect(html).toContain(`<tr id="${id}"`);
  });

  it(`past ${TEXTS_UP_TO} plans: items by title and line, no texts, no per-cell hover lists`, async () => {
    const n = TEXTS_UP_TO + 2;
    const r = comparePlans(await relabelled(n), { vocabulary: await defaultVocabulary(), views: ['themes', 'indicators', 'agencies', 'gaps'], itemText: true });
    const html = renderHtml(r);
    expect(html).not.toContain('<details class="texts">');
    expect(html).not.toContain('<article');
    expect(html).not.toContain('id="indicator-table"');
    expect(html.match(/<details class="plan"/g)?.length).toBe(n);
    expect(html).toMatch(/<span class="src">L\d+<\/span>/);
    expect(html).toContain('<rect'); // histograms
  });

  it('labels that are markup stay text', async () => {
    const r = comparePlans(await relabelled(2, (i) => `<b onmouseover="x()">甲${i}</b>`), { vocabulary: await defaultVocabulary() });
    const html = renderHtml(r);
    expect(html).not.toContain('<b onmouseover');
    expect(html).toContain('&lt;b onmouseover=&quot;x()&quot;&gt;甲0&lt;/b&gt;');
  });
});

describe('indicator charts', () => {
  const points = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `<${i}>`, value: 90 + (i % 7), text: `≥${90 + (i % 7)}%`, href: `#p${i}` }));
  it(`a dot per plan up to ${DOT_ROWS_UP_TO} plans, each linked and titled`, () => {
    const svg = indicatorChart(points(DOT_ROWS_UP_TO), '%', '合格率');
    expect(svg.match(/<circle/g)?.length).toBe(DOT_ROWS_UP_TO);
    expect(svg.match(/<a href="#p\d+">/g)?.length).toBe(DOT_ROWS_UP_TO);
    expect(svg).toContain('<title>&lt;0&gt;: ≥90%</title>');
    expect(svg).not.toContain('<0>');
  });
  it('a histogram beyond, with the median marked', () => {
    const svg = indicatorChart(points(300), '%', '合格率');
    expect(svg).not.toContain('<circle');
    expect(svg.match(/<rect/g)?.length).toBe(7);
    expect(svg).toContain('class="median"');
  });
  it('one value: no NaN anywhere', () => {
    for (const n of [1, 20]) expect(indicatorChart(points(n).map((p) => ({ ...p, value: 5 })), '个', 'x')).not.toMatch(/NaN|Infinity/);
    expect(indicatorChart([], '%', 'x')).toBe('');
  });
});

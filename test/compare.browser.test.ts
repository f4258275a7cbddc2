/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser download, nothing
 * installed at run time; .ci/run installs `chromium fonts-wqy-microhei`). Checks that the overview matrix, the
 * charts and the tables are visible, that a matrix cell drills down to its items and an item link lands on its text,
 * that the page requests nothing beyond itself, and the page height and load time at 4 and at 300 plans. Leaves
 * screenshots in test-output/; `UPDATE_SCREENSHOTS=1` also writes the first 1600 px to docs/screenshots/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, SEEDS } from './helpers.js';
import { COMPARE_SEEDS, defaultVocabulary, seedPath, seedPlans } from './compare.helpers.js';
import { comparePlans } from '../src/compare/compare.js';
import { renderHtml } from '../src/cli/render/compare-html.js';
import type { Plan } from '../src/model.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`compare.browser: skipped — ${CHROMIUM} not found (apt-get install chromium fonts-wqy-microhei)`);

/** Chromium with nothing from outside; `page.route` sees every request. */
async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Bounds of the report, measured in Chromium at a 1280 × 900 viewport. Height: the page (not its scroll boxes) at
 * 4 plans was 4,190 px and at 300 plans 15,208 px when written (each plan adds one closed details line, 28 px;
 * matrix, plans, agencies and gaps scroll inside boxes of at most 80% of the window). Load time (navigation start to
 * the load event): 0.4 s for 4 plans and 5-8 s for 300 plans (2.8 MB) on the 2-core machine shared with other
 * jobs (load average 18); the bounds leave room for a busy CI run and still catch a report that has gone quadratic.
 */
const BOUNDS = {
  4: { height: 8_000, loadMs: 15_000 },
  300: { height: 25_000, loadMs: 60_000 },
} as const;

/** `n` plans: the four seeds, relabelled in turn (the same documents, other places), compared in-process. */
async function reportOf(n: number): Promise<string> {
  const seeds = await seedPlans();
  const plans = Array.from({ length: n }, (_, i) => {
    const s = seeds[i % seeds.length] as Plan;
    return n === seeds.length ? s : ({ ...s, meta: { ...s.meta, jurisdiction: `第${i + 1}区` } } as Plan);
  });
  return renderHtml(comparePlans(plans, { vocabulary: await defaultVocabulary(), itemText: true }));
}

describe.skipIf(!haveChromium)(`HTML report in headless Chromium${haveChromium ? '' : ` (skipped: ${CHROMIUM} not found)`}`, () => {
  it('shows the overview matrix, charts and tables, drills down from a cell to its items, and loads nothing from outside', async () => {
    const outDir = resolve('test-output');
    mkdirSync(outDir, { recursive: true });
    const report = resolve(outDir, 'compare-report.html');
    const r = await runCli(['compare', '--format', 'html', '-o', report, ...COMPARE_SEEDS.map(seedPath)]);
    expect(r.code).toBe(0);

    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const outside: string[] = [];
      const seen: string[] = [];
      // every request passes through here: only the file itself (and inline data:) may load
      await page.route('**/*', (route) => {
        const url = route.request().url();
        seen.push(url);
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        outside.push(url);
        return route.abort();
      });
      page.on('request', (req) => {
        const url = req.url();
        if (!url.startsWith('file:') && !url.startsWith('data:') && !outside.includes(url)) outside.push(url);
      });
      await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });

      for (const id of ['#toc', '#heatmap', '#indicator-table', '#agency-table', '#gap-table']) await expect(page.locator(id).isVisible(), id).resolves.toBe(true);
      // one row per plan (plus the totals row); a covered cell has a coloured background
      const heat = page.locator('#heatmap');
      expect(await heat.locator('tbody tr').count()).toBe(5);
      const bg = await heat.locator('td.h1, td.h2, td.h3, td.h4, td.h5').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).not.toBe('rgba(0, 0, 0, 0)');
      const foodRow = page.locator('#indicator-table tr', { hasText: '食品评价性抽检合格率' });
      await expect(foodRow.count()).resolves.toBe(1);
      expect(await foodRow.innerText()).toContain('98.5');
      // a chart per indicator, each an inline SVG with one dot per plan that has a value
      const card = page.locator('.card', { hasText: '食品评价性抽检合格率' });
      expect(await card.locator('svg circle').count()).toBe(3);

      // 江北区 mentions 绿色导向: the matrix says ○, and the drill-down says mentioned with the words
      const green = await page.evaluate(() => [...document.querySelectorAll('#heatmap thead tr.t th')].findIndex((th) => th.textContent === '绿色导向'));
      const cell = heat.locator('tbody tr').nth(1).locator('td').nth(green);
      expect(await cell.innerText()).toBe('○');
      await cell.locator('a').click();
      const row = page.locator(`${(await cell.locator('a').getAttribute('href')) ?? '#none'}`);
      await expect(row.isVisible()).resolves.toBe(true);
      expect(await row.innerText()).toContain('mentioned');

      // an item link of a covered theme lands on the task text with its source line
      const covered = heat.locator('tbody tr').nth(1).locator('td.h1 a, td.h2 a, td.h3 a, td.h4 a, td.h5 a').first();
      await covered.click();
      const item = page.locator(`${(await covered.getAttribute('href')) ?? '#none'} a`).first();
      const href = await item.getAttribute('href');
      await item.click();
      const target = page.locator(href ?? '#none');
      await expect(target.isVisible()).resolves.toBe(true);
      expect(await target.innerText()).toMatch(/seeds\/000_3c93fe66f1b042f6\.txt:\d+/);
      await page.screenshot({ path: resolve(outDir, 'compare-report-task.png'), fullPage: false });
      expect(outside).toEqual([]);
      expect(seen.length).toBeGreaterThanOrEqual(1);
    } finally {
      await browser.close();
    }
  }, 60_000);

  for (const n of [4, 300] as const) {
    it(`at ${n} plans: page height and load time within bounds, no sideways scrolling, screenshot`, async () => {
      const html = await reportOf(n);
      const file = resolve('test-output', `compare-report-${n}.html`);
      mkdirSync(resolve('test-output'), { recursive: true });
      writeFileSync(file, html);
      const browser = await launch();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
        const m = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, loadMs: nav.loadEventEnd };
        });
        console.log(`compare.browser: ${n} plans: ${(html.length / 1e6).toFixed(2)} MB, height ${m.height} px, load ${Math.round(m.loadMs)} ms`);
        expect(m.width).toBeLessThanOrEqual(1280);
        expect(m.height).toBeLessThanOrEqual(BOUNDS[n].height);
        expect(m.loadMs).toBeLessThanOrEqual(BOUNDS[n].loadMs);
        // the matrix scrolls inside its own box, and its header row stays in view when it does
        const box = page.locator('.matrix-box');
        const boxSize = await box.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
        expect(boxSize.client).toBeLessThanOrEqual(900);
        if (n > 4) {
          expect(boxSize.scroll).toBeGreaterThan(boxSize.client);
          await box.evaluate((el) => { el.scrollTop = 2000; });
          const headTop = await page.locator('#heatmap thead tr.t th').first().evaluate((el) => el.getBoundingClientRect().top - el.closest('.box')!.getBoundingClientRect().top);
          expect(headTop).toBeLessThan(60);
          await box.evaluate((el) => { el.scrollTop = 0; });
        }
        const clip = { x: 0, y: 0, width: 1280, height: 1600 };
        await page.screenshot({ path: resolve('test-output', `compare-report-${n}.png`), clip, fullPage: true });
        if (process.env.UPDATE_SCREENSHOTS && !process.env.CI) {
          mkdirSync(resolve('docs', 'screenshots'), { recursive: true });
          await page.screenshot({ path: resolve('docs', 'screenshots', `compare-report-${n}.png`), clip, fullPage: true });
        }
      } finally {
        await browser.close();
      }
    }, 240_000);
  }

  it('a report made from hostile plan documents makes no navigation, no request and runs no script', async () => {
    const outDir = resolve('test-output');
    mkdirSync(outDir, { recursive: true });
    const plans = await Promise.all([0, 1].map((k) => hostilePlan(k, resolve(outDir, `hostile-${k}.plan.json`))));
    const report = resolve(outDir, 'hostile-report.html');
    const r = await runCli(['compare', '--format', 'html', '-o', report, ...plans]);
    expect(r.code, r.stderr).toBe(0);

    const browser = await launch();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const navigations: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url !== pathToFileURL(report).href) requests.push(url);
        return url === pathToFileURL(report).href ? route.continue() : route.abort();
      });
      page.on('framenavigated', (f) => navigations.push(f.url()));
      page.on('dialog', (d) => { requests.push(`dialog: ${d.message()}`); void d.dismiss(); });
      await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
      // a refresh of 0 s would have fired by now; give it a moment anyway
      await page.waitForTimeout(1500);
      expect(requests).toEqual([]);
      expect(navigations).toEqual([pathToFileURL(report).href]);
      expect(page.url()).toBe(pathToFileURL(report).href);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      // the payload is on the page as text, and none of it became an element
      expect(await page.locator('body').innerText()).toContain('<script>window.pwned=1</script>');
      const injected = await page.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed, base, form, link, meta[http-equiv="refresh"], body style, [onerror], [onload], a[href^="http"], a[href^="javascript"]').length);
      expect(injected).toBe(0);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

const PAYLOAD = `"'><script>window.pwned=1</script><img src=x onerror="window.pwned=2"><meta http-equiv="refresh" content="0;url=https://example.com/">` +
  `<base href="https://example.com/"><iframe src="https://example.com/"></iframe><a href="javascript:window.pwned=3">x</a><style>@import url(https://example.com/x.css)</style>\u202e`;

/** A seed's plan document with the payload appended to every free-text field the schema allows it in. */
async function hostilePlan(k: number, path: string): Promise<string> {
  const r = await runCli(['extract', '-q', '--format', 'json', `seeds/${SEEDS[k]}.txt`]);
  const fixed = new Set(['schema', 'format', 'encoding', 'sha256', 'signed', 'published', 'level', 'kind', 'comparator', 'severity', 'code', 'role', 'script']);
  const poison = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return fixed.has(key) || (key === 'where' && !v.startsWith('task:')) ? v : v + PAYLOAD;
    if (Array.isArray(v)) return v.map((x) => poison(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([kk, x]) => [kk, poison(x, kk)]));
    return v;
  };
  writeFileSync(path, JSON.stringify(poison(JSON.parse(r.stdout), '')));
  return path;
}

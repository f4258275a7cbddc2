/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser download, nothing
 * installed at run time; .ci/run installs `chromium fonts-wqy-microhei`). Checks that the heat map and the
 * indicator table are visible, that a cell's link lands on its task text, and that the page requests nothing
 * beyond itself. Leaves a screenshot in test-output/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runCli, SEEDS } from './helpers.js';
import { COMPARE_SEEDS, seedPath } from './compare.helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`compare.browser: skipped — ${CHROMIUM} not found (apt-get install chromium fonts-wqy-microhei)`);

describe.skipIf(!haveChromium)(`HTML report in headless Chromium${haveChromium ? '' : ` (skipped: ${CHROMIUM} not found)`}`, () => {
  // one browser for the file: launching Chromium costs more than either test's page
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => { await browser?.close(); });

  it('shows the heat map and the indicator table, links cells to task texts, and loads nothing from outside', async () => {
    const outDir = resolve('test-output');
    mkdirSync(outDir, { recursive: true });
    const report = resolve(outDir, 'compare-report.html');
    const r = await runCli(['compare', '--format', 'html', '-o', report, ...COMPARE_SEEDS.map(seedPath)]);
    expect(r.code).toBe(0);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
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

      const heat = page.locator('#heatmap');
      await expect(heat.isVisible()).resolves.toBe(true);
      await expect(page.locator('#indicator-table').isVisible()).resolves.toBe(true);
      await expect(page.locator('#agency-table').isVisible()).resolves.toBe(true);
      await expect(page.locator('#gap-table').isVisible()).resolves.toBe(true);
      // one row per theme plus the group rows; a covered cell has a coloured background
      expect(await heat.locator('tbody tr').count()).toBeGreaterThanOrEqual(36);
      const bg = await heat.locator('td[style*="background"]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).not.toBe('rgba(0, 0, 0, 0)');
      const foodRow = page.locator('#indicator-table tr', { hasText: '食品评价性抽检合格率' });
      await expect(foodRow.count()).resolves.toBe(1);
      expect(await foodRow.innerText()).toContain('98.5');

      await page.screenshot({ path: resolve(outDir, 'compare-report.png'), fullPage: false });

      // a heat map link lands on the task text with its source line
      const link = heat.locator('a', { hasText: /^17$/ }).first();
      const href = await link.getAttribute('href');
      await link.click();
      const target = page.locator(href ?? '#none');
      await expect(target.isVisible()).resolves.toBe(true);
      expect(await target.innerText()).toMatch(/seeds\/000_3c93fe66f1b042f6\.txt:\d+/);

      await page.screenshot({ path: resolve(outDir, 'compare-report-task.png'), fullPage: false });
      expect(outside).toEqual([]);
      expect(seen.length).toBeGreaterThanOrEqual(1);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('a report made from hostile plan documents makes no navigation, no request and runs no script', async () => {
    const outDir = resolve('test-output');
    mkdirSync(outDir, { recursive: true });
    const plans = await Promise.all([0, 1].map((k) => hostilePlan(k, resolve(outDir, `hostile-${k}.plan.json`))));
    const report = resolve(outDir, 'hostile-report.html');
    const r = await runCli(['compare', '--format', 'html', '-o', report, ...plans]);
    expect(r.code, r.stderr).toBe(0);

    const page = await browser.newPage();
    try {
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
      await page.close();
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

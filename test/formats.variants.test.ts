/**
 * Every seed read from its format variants (fixtures/variants, made by `npm run variants`) gives the plan of the
 * plain-text seed: tasks, units, targets, columns, sections, appendix and metadata compared field by field. Only
 * `source`, line/column numbers and `meta.script` may differ (a traditional variant is compared through a
 * character fold, and its values must be in its own characters).
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../src/pipeline.js';
import { traditionalFold } from '../src/source/script.js';
import type { Plan } from '../src/model.js';
import { SEEDS } from './helpers.js';

const VARIANTS: Array<{ file: string; format: string; encoding: string }> = [
  { file: 'page.html', format: 'html', encoding: 'utf-8' },
  { file: 'page.gb18030.html', format: 'html', encoding: 'gb18030' },
  { file: 'plan.md', format: 'markdown', encoding: 'utf-8' },
  { file: 'utf16le.txt', format: 'text', encoding: 'utf-16le' },
  { file: 'crlf.txt', format: 'text', encoding: 'utf-8' },
  { file: 'traditional.txt', format: 'text', encoding: 'utf-8' },
];
/** Diagnostics a format may add (they describe the format, not the plan). */
const FORMAT_CODES = new Set(['html-body-guessed', 'encoding-fallback', 'traditional-script']);

const POSITION_KEYS = new Set(['line', 'column', 'item_lines', 'row_lines']);
/** A plan part without its positions, as JSON (positions may differ between formats). */
function strip(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (k, v) => (POSITION_KEYS.has(k) ? undefined : v)));
}

let fold: (ch: string) => string = (c) => c;
let toTraditional: (s: string) => string = (s) => s;
const foldAll = (s: string) => [...s].map(fold).join('');
const foldDeep = (x: unknown): unknown => JSON.parse(foldAll(JSON.stringify(x)));

beforeAll(async () => {
  fold = await traditionalFold();
  // the generator's converter: phrases such as 借助 → 藉助 fold back to a different simplified character
  const OpenCC = await import('opencc-js/cn2t' as string) as { Converter(o: { from: string; to: string }): (s: string) => string };
  toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
});

async function plan(path: string): Promise<Plan> {
  return (await extractPlan(readFileSync(path), { path })).plan;
}

describe('format variants give the plain-text plan', () => {
  for (const seed of SEEDS) {
    describe(seed, () => {
      let base: Plan;
      beforeAll(async () => { base = await plan(`seeds/${seed}.txt`); });

      for (const v of VARIANTS) {
        it(v.file, async () => {
          const path = `fixtures/variants/${seed}/${v.file}`;
          const got = await plan(path);
          expect(got.source.format).toBe(v.format);
          expect(got.source.encoding).toBe(v.encoding);
          const traditional = v.file.startsWith('traditional');
          expect(got.meta.script).toBe(traditional ? 'traditional' : 'simplified');
          const same = traditional ? foldDeep : (x: unknown) => x;
          // a traditional variant is expected to read as the seed written in traditional characters
          const want = traditional ? (x: unknown) => foldDeep(JSON.parse(toTraditional(JSON.stringify(x)))) : same;

          const { script: _a, ...metaGot } = got.meta;
          const { script: _b, ...metaBase } = base.meta;
          for (const [k, val] of Object.entries(metaBase)) expect(same((metaGot as Record<string, unknown>)[k]), `meta.${k}`).toEqual(want(val));
          expect(got.tasks.length, 'task count').toBe(base.tasks.length);
          base.tasks.forEach((t, i) => expect(same(strip(got.tasks[i])), `task ${t.id}`).toEqual(want(strip(t))));
          expect(got.targets.length, 'target count').toBe(base.targets.length);
          base.targets.forEach((t, i) => expect(same(strip(got.targets[i])), `target ${t.quote}`).toEqual(want(strip(t))));
          expect(same(strip(got.columns)), 'columns').toEqual(want(strip(base.columns)));
          expect(same(strip(got.sections)), 'sections').toEqual(want(strip(base.sections)));
          expect(same(strip(got.appendix)), 'appendix').toEqual(want(strip(base.appendix)));
          // the same findings, apart from what the format itself adds (line numbers in messages may differ)
          const codes = (p: Plan) => p.diagnostics.filter((d) => !FORMAT_CODES.has(d.code)).map((d) => `${d.severity} ${d.code}`).sort();
          expect(codes(got)).toEqual(codes(base));

          if (traditional) {
            // values keep the document's own characters
            const source = readFileSync(path, 'utf8');
            for (const t of got.tasks) expect(source, `task ${t.id} title in the document's characters`).toContain(t.title);
            expect(source).toContain(got.meta.title);
            expect(got.meta.title).not.toEqual(base.meta.title);
          }
        });
      }
    });
  }
});

/** The text a reader sees on one line of an HTML file: tags removed, entities decoded. */
function visibleLine(line: string): string {
  return cheerio.load(`<div>${line.replace(/<[^>]*>/g, '')}</div>`, null, false).text();
}

describe('HTML line numbers point at the text in the page', () => {
  for (const seed of SEEDS) {
    for (const [file, enc] of [['page.html', 'utf-8'], ['page.gb18030.html', 'gb18030']] as const) {
      it(`${seed}/${file}`, async () => {
        const path = `fixtures/variants/${seed}/${file}`;
        const got = await plan(path);
        const lines = new TextDecoder(enc).decode(readFileSync(path)).split(/\r\n|\n|\r/);
        expect(got.tasks.length).toBeGreaterThan(0);
        for (const t of got.tasks) expect(visibleLine(lines[t.line - 1] ?? ''), `task ${t.id} at line ${t.line}`).toContain(t.title);
        for (const t of got.targets) expect(visibleLine(lines[t.line - 1] ?? ''), `target at line ${t.line}`).toContain(t.quote);
        for (const c of got.columns) expect(visibleLine(lines[c.line - 1] ?? '')).toContain(c.title);
      });
    }
  }

  it('Markdown line numbers point at the text in the note', async () => {
    for (const seed of SEEDS) {
      const path = `fixtures/variants/${seed}/plan.md`;
      const got = await plan(path);
      const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/\\(.)/g, '$1'));
      for (const t of got.tasks) expect(lines[t.line - 1], `${seed} task ${t.id}`).toContain(t.title);
    }
  });
});

describe('the variant generator', () => {
  it('every seed has all six variants', () => {
    for (const seed of SEEDS) expect(readdirSync(`fixtures/variants/${seed}`).sort()).toEqual(VARIANTS.map((v) => v.file).sort());
  });

  it('the HTML page is a realistic CMS page: chrome, metadata table, nested body, a script that writes text', () => {
    const html = readFileSync(`fixtures/variants/${SEEDS[0]}/page.html`, 'utf8');
    expect(html).toMatch(/<ul[^>]*>\s*<li><a/);
    expect(html).toMatch(/<table class="xxgk-table"/);
    expect(html).toMatch(/索引号/);
    expect(html).toMatch(/<div id="zoom"[^>]*>\s*<div[^>]*>\s*<(?:p|h2)/);
    expect(html).toMatch(/document\.write\('<p>1\./);
    expect(html).toMatch(/class="footer"/);
    const gb = readFileSync(`fixtures/variants/${SEEDS[0]}/page.gb18030.html`);
    expect(gb.includes(Buffer.from('charset="gb2312"'))).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
  });

  it('the Markdown note uses # headings and 1. lists', () => {
    const md = readFileSync(`fixtures/variants/${SEEDS[0]}/plan.md`, 'utf8');
    expect(md).toMatch(/^# \S/m);
    expect(md).toMatch(/^## 一、/m);
    expect(md).toMatch(/^1\. \S/m);
  });
});

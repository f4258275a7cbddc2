/**
 * Position invariants over every seed and fixture: values point at their source. A task's title (on the next line
 * after a mark alone on its line, or wrapped on in a grid table's cell) and a target's quote stand in the source at the line and column they carry; lines never go down in document order;
 * diagnostics are sorted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../src/pipeline.js';
import { SEEDS } from './helpers.js';

const inputs = [
  ...SEEDS.map((s) => `seeds/${s}.txt`),
  ...readdirSync('fixtures/extract').map((d) => `fixtures/extract/${d}/${readdirSync(`fixtures/extract/${d}`).find((f) => f.startsWith('input.'))}`),
];

describe('position invariants', () => {
  for (const path of inputs) {
    it(path, async () => {
      const bytes = readFileSync(path);
      const { plan } = await extractPlan(bytes, { path });
      const lines = new TextDecoder().decode(bytes).replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
      const at = (line: number, column = 1) => (lines[line - 1] ?? '').slice(column - 1);
      let prev = 0;
      // a line of a grid table (pandoc's plain text of a page laid out in tables) is read as its last cell's text
      const cell = (l = '') => (/^\s*\|/.test(l) ? l.split('|').map((c) => c.trim()).filter(Boolean).pop() ?? '' : l);
      for (const t of plan.tasks) {
        expect(t.line, `task ${t.id} line`).toBeGreaterThanOrEqual(prev);
        prev = t.line;
        // an item mark on a line of its own (`1.` / `抓好…。`) gives the task its line; the title follows on the next
        const own = cell(lines[t.line - 1]);
        const titled = /^\s*(?:\d{1,3}\\?[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*$/.test(own) ? cell(lines[t.line]) : own;
        // where pandoc wrapped a cell, the title runs on into the cell lines below
        const grid = /^\s*\|/.test(lines[t.line - 1] ?? '') ? own + cell(lines[t.line]) + cell(lines[t.line + 1]) : titled;
        // a pipe table's row (a task table) holds the title in one of its cells
        const row = lines[t.line - 1] ?? '';
        expect(row.includes(t.title) ? row : grid, `task ${t.id} title at its line`).toContain(t.title);
      }
      for (const t of plan.targets) {
        expect(t.line).toBeGreaterThanOrEqual(1);
        expect(t.line).toBeLessThanOrEqual(lines.length);
        // a quote across a rejoined line break (hard-wrapped text, an HTML page of one wrapped line a paragraph) has
        // the break, and the markup between its lines, between its characters in the source
        const rest = () => lines.slice(t.line - 1).join('\n').slice(t.column - 1).replace(/<[^>]*>|\s+/g, '');
        // in a grid table's cell the quote runs on into the cell lines below
        const from = /^\s*\|/.test(lines[t.line - 1] ?? '')
          ? [(at(t.line, t.column).split('|')[0] ?? '').trim(), ...[0, 1, 2, 3, 4].map((k) => cell(lines[t.line + k]))].join('')
          : at(t.line, t.column);
        // a list item pandoc wrapped at a space: the quote reads the space back across the line end
        const wrapped = [from, ...[0, 1].map((k) => (lines[t.line + k] ?? '').trim())].join(' ');
        if (t.where !== 'appendix') expect(from.startsWith(t.quote) || wrapped.startsWith(t.quote) || rest().startsWith(t.quote.replace(/\s+/g, '')), `quote «${t.quote}» at ${t.line}:${t.column}`).toBe(true);
        else expect(lines[t.line - 1]).toContain(t.quote);
      }
      for (const c of plan.columns) expect(lines[c.line - 1]).toContain(c.title);
      const dl = plan.diagnostics.map((d) => d.line ?? 0);
      expect(dl).toEqual([...dl].sort((a, b) => a - b));
    });
  }
});

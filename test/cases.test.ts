/**
 * Case tables for the micro-extractions (fixtures/cases/*.yaml). A row with `todo` is a known gap: it runs
 * as an expected failure with its expected values, so a fix shows instead of staying hidden.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { findTargets } from '../src/extract/targets/find.js';
import { findAgencyNote } from '../src/extract/agencies.js';
import { classify } from '../src/outline/heads.js';
import { cutTitle } from '../src/extract/titles.js';
import { damagedDateReadings, parseDate } from '../src/outline/dates.js';
import { normalizeText } from '../src/source/normalize.js';
import { extractPlan } from '../src/pipeline.js';

const load = <T>(name: string): T[] => YAML.parse(readFileSync(`fixtures/cases/${name}.yaml`, 'utf8')) as T[];
const norm = (s: string) => normalizeText(s).norm;
const label = (r: { name?: string; input: string }) => r.name ?? r.input;

describe('targets', () => {
  type Row = { name?: string; input: string; context?: { year?: number; docYear?: number; fallbackYear?: number; atEnd?: boolean; wider?: string }; expect: Array<Record<string, unknown>>; todo?: string };
  for (const row of load<Row>('targets')) {
    const run = () => {
      const found = findTargets(norm(row.input), {
        year: row.context?.year ?? null, docYear: row.context?.docYear ?? null, fallbackYear: row.context?.fallbackYear ?? null,
        atEnd: row.context?.atEnd ?? false, wider: row.context?.wider ?? '',
      });
      expect(found.length, JSON.stringify(found.map((f) => [f.indicator, f.value, f.unit]))).toBe(row.expect.length);
      row.expect.forEach((e, i) => {
        const f = found[i] as unknown as Record<string, unknown>;
        for (const [k, v] of Object.entries(e)) expect(f[k], `${k} of target ${i}`).toEqual(v);
      });
    };
    // a known gap runs as an expected failure with its expected values: when a fix lands, the row shows it
    if (row.todo) it.fails(`${label(row)} (todo: ${row.todo})`, run);
    else it(label(row), run);
  }
});

describe('agency notes', () => {
  type Row = { name: string; input: string; expect: null | { lead: string[]; responsible: string[]; etc: boolean; openLost?: boolean; closeLost?: boolean } };
  for (const row of load<Row>('agencies')) {
    it(row.name, () => {
      const note = findAgencyNote(norm(row.input));
      if (row.expect === null) return expect(note).toBeNull();
      expect(note).not.toBeNull();
      expect(note?.lead).toEqual(row.expect.lead);
      expect(note?.responsible).toEqual(row.expect.responsible);
      expect(note?.etc).toBe(row.expect.etc);
      if (row.expect.openLost !== undefined) expect(note?.openLost).toBe(row.expect.openLost);
      if (row.expect.closeLost !== undefined) expect(note?.closeLost).toBe(row.expect.closeLost);
    });
  }
});

describe('task heads', () => {
  type Row = { name?: string; input: string; expect: { kind: string | null; ord?: string; title?: string; guessed?: boolean } };
  for (const row of load<Row>('task-heads')) {
    it(label(row), () => {
      const n = norm(row.input);
      const h = classify(n);
      expect(h?.kind ?? null).toBe(row.expect.kind);
      if (!h) return;
      const anyH = h as { ord?: string; n?: number; rest: number };
      if (row.expect.ord !== undefined) expect(anyH.ord ?? String(anyH.n)).toBe(row.expect.ord);
      if (row.expect.title !== undefined) {
        const rest = n.slice(h.rest);
        const cut = cutTitle(rest);
        expect(rest.slice(cut.start, cut.end).replace(/[。]$/, '')).toBe(row.expect.title);
        if (row.expect.guessed !== undefined) expect(cut.guessed).toBe(row.expect.guessed);
      }
    });
  }
});

describe('dates', () => {
  type Row = { input: string; expect: string | null; readings?: string[] };
  for (const row of load<Row>('dates')) {
    it(row.input, () => {
      expect(parseDate(norm(row.input))).toBe(row.expect);
      if (row.readings) expect(damagedDateReadings(norm(row.input))).toEqual(row.readings);
    });
  }
});

describe('meta', () => {
  type Row = { name: string; input: string; expect: Record<string, unknown> };
  const nfkc = (v: unknown) => (v == null ? v : typeof v === 'string' ? v.normalize('NFKC').replace(/\s+/g, '') : v);
  for (const row of load<Row>('meta')) {
    it(row.name, async () => {
      const { plan } = await extractPlan(row.input, { path: 'case.txt' });
      for (const [k, v] of Object.entries(row.expect)) expect(nfkc((plan.meta as Record<string, unknown>)[k]), k).toEqual(nfkc(v));
    });
  }
});

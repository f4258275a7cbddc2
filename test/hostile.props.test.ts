/**
 * Hostile structure, generated (issue 17, cases 2 and 15): fast-check builds Markdown and HTML out of the shapes
 * that made remark and parse5 blow up — deep nesting, long emphasis and bracket runs, wide and long tables, many
 * attributes — mixed with plan text, up to about 600 KB. Each input is extracted in a worker thread whose heap is
 * capped at 500 MB (going over kills the worker and fails the test) and must finish within 5 s.
 */
import { Worker } from 'node:worker_threads';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { expectWithin } from './support/bounds.js';

const SEED = 20261122;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);
const BOUND_MS = 5000;

let worker: Worker;
let pending: { resolve: (v: { ms: number; codes: string[]; error?: string }) => void; reject: (e: Error) => void } | null = null;

beforeAll(() => {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const load = import(${JSON.stringify(new URL('../dist/pipeline.js', import.meta.url).href)});
    parentPort.on('message', async ({ text, path }) => {
      const { extractPlan } = await load;
      const t = performance.now();
      try {
        const { plan } = await extractPlan(text, { path });
        parentPort.postMessage({ ms: performance.now() - t, codes: plan.diagnostics.map((d) => d.code) });
      } catch (e) {
        parentPort.postMessage({ ms: performance.now() - t, codes: [], error: e.name === 'InputError' ? undefined : String(e.stack) });
      }
    });`;
  worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 500 } });
  worker.on('message', (m) => { pending?.resolve(m); pending = null; });
  worker.on('error', (e) => { pending?.reject(e); pending = null; });
});
afterAll(async () => { await worker.terminate(); });

function extractInWorker(text: string, path: string) {
  return new Promise<{ ms: number; codes: string[]; error?: string }>((resolve, reject) => {
    pending = { resolve, reject };
    worker.postMessage({ text, path });
  });
}

const prose = fc.constantFrom('一、总体要求', '（一）加强质量监管。', '1.提升产品质量。(责任单位:区市场监管局)', '到2025年,合格率达到98%以上。', '质量强区');
const n = (max: number) => fc.integer({ min: 1, max });

const markdownPiece = fc.oneof(
  prose,
  n(20_000).map((k) => '>'.repeat(k) + ' 质量'),
  n(1_500).map((k) => Array.from({ length: k }, (_, i) => `${' '.repeat(i * 2)}- 质量`).join('\n')),
  fc.tuple(fc.constantFrom('*a', '_a', '**', '[a', '](', '`a', '<a ', '~~', '*质量'), n(60_000)).map(([s, k]) => s.repeat(k)),
  fc.tuple(n(800), n(4_000)).map(([w, h]) => {
    const row = `| ${'格 | '.repeat(w)}\n`;
    return `${row}|${'---|'.repeat(w)}\n${row.repeat(Math.min(h, Math.floor(300_000 / row.length)))}`;
  }),
  fc.tuple(n(300), n(40)).map(([d, k]) => `${'>'.repeat(d)} ${'*a'.repeat(k)}\n`.repeat(k)),
);

const htmlPiece = fc.oneof(
  prose.map((p) => `<p>${p}</p>`),
  n(60_000).map((k) => `<p ${Array.from({ length: k }, (_, i) => `a${i}="x"`).join(' ')}>质量</p>`),
  fc.tuple(n(5_000), n(60)).map(([k, r]) => `<div ${Array.from({ length: k }, (_, i) => `d${i}`).join(' ')}>质量</div>`.repeat(r)),
  n(100_000).map((k) => `${'<div>'.repeat(k)}质量${'</div>'.repeat(k)}`),
  n(50_000).map((k) => '<b><i>'.repeat(k) + '质量'),
  fc.tuple(n(500), n(500)).map(([w, h]) => `<table>${`<tr>${'<td>格</td>'.repeat(w)}</tr>`.repeat(h)}</table>`),
);

/** Pieces joined until the text is about `limit` characters. */
const document = (piece: fc.Arbitrary<string>, sep: string, limit: number) =>
  fc.array(piece, { minLength: 1, maxLength: 6 }).map((ps) => {
    let out = '';
    for (const p of ps) {
      if (out.length + p.length > limit) break;
      out += p + sep;
    }
    return out || (ps[0] as string).slice(0, limit);
  });

describe('generated hostile structure', () => {
  test.prop([document(markdownPiece, '\n\n', 600_000)], { seed: SEED, numRuns: RUNS, timeout: 60_000 })('Markdown: bounded time and memory', async (text) => {
    const r = await extractInWorker(text, 'gen.md');
    expect(r.error).toBeUndefined();
    expectWithin(r.ms, BOUND_MS, `${text.length} chars`);
  });

  test.prop([document(htmlPiece, '\n', 600_000)], { seed: SEED, numRuns: RUNS, timeout: 60_000 })('HTML: bounded time and memory', async (text) => {
    const r = await extractInWorker(`<html><body>${text}</body></html>`, 'gen.html');
    expect(r.error).toBeUndefined();
    expectWithin(r.ms, BOUND_MS, `${text.length} chars`);
  });
});

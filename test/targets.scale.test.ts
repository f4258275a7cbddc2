/**
 * Reading targets stays linear in the length of a list (issue 14). A list of bare numbers between counted ones
 * (`国际标准2项,国家标准20,行业标准50项,…`) once took cubic time (16 KB of it: 20 s): each bare number searched
 * every target before it, slicing and testing the text between. Eight times the list must cost far less than the
 * 64 times a quadratic reader would take (best of three runs each, after a warm-up).
 */
import { describe, expect, it } from 'vitest';
import { findTargets } from '../src/extract/targets/find.js';
import { expectWithin } from './support/bounds.js';

const list = (n: number) => `到2025年，${'国际标准2项,国家标准20,行业标准50项,'.repeat(n)}。`;
const ctx = { year: null, docYear: 2023, fallbackYear: null };

function best(s: string): { ms: number; found: number } {
  let ms = Infinity, found = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    found = findTargets(s, ctx).length;
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, found };
}

describe('targets of a long list', () => {
  it('grows linearly with the list, bare numbers included', () => {
    best(list(50));
    const small = best(list(250)), large = best(list(2000));
    // every item is read: two counted targets and the bare one between, with its neighbours' unit
    expect(small.found).toBe(750);
    expect(large.found).toBe(6000);
    expect(large.ms / Math.max(small.ms, 1), `${small.ms.toFixed(1)} ms → ${large.ms.toFixed(1)} ms for 8× the list`).toBeLessThan(24);
    expectWithin(large.ms, 500, '40 KB list');
  });
});

describe('targets of a text without stops', () => {
  // a hostile text, or a table flattened into one line: every value once scanned back to the start of its clause
  const run = (n: number) => `到2025年${'全县制造业产品质量合格率达到95%以上新增省级品牌10个'.repeat(n)}`;
  it('grows linearly with the length of the clause', () => {
    best(run(100));
    const small = best(run(500)), large = best(run(4000));
    expect(large.found).toBeGreaterThan(0);
    expect(large.ms / Math.max(small.ms, 1), `${small.ms.toFixed(1)} ms → ${large.ms.toFixed(1)} ms for 8× the clause`).toBeLessThan(24);
    expectWithin(large.ms, 1500, '128 KB clause');
  });
});

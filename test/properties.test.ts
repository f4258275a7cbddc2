/**
 * Properties (fast-check, seeded for reproducibility): numerals round-trip, the normalized view maps back
 * into its source, and extraction of arbitrary text never throws and keeps its invariants.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { zhToInt } from '../src/lexicon/numerals.js';
import { normalizeText } from '../src/source/normalize.js';
import { extractPlan } from '../src/pipeline.js';

const SEED = 20261122;
const DIGITS = '零一二三四五六七八九';

/** Writes n in Chinese numerals the way documents do (十九, 二十八, 一百零五, 三千五百万). */
function toZh(n: number): string {
  if (n === 0) return '零';
  const section = (x: number): string => {
    const units = ['', '十', '百', '千'];
    let out = '', zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(x / 10 ** i) % 10;
      if (d === 0) { if (out) zero = true; continue; }
      if (zero) { out += '零'; zero = false; }
      out += (d === 1 && i === 1 && out === '' ? '' : DIGITS[d]) + units[i];
    }
    return out;
  };
  const wan = Math.floor(n / 10000), rest = n % 10000;
  return wan ? `${section(wan)}万${rest ? (rest < 1000 ? '零' : '') + section(rest) : ''}` : section(rest);
}

describe('numerals', () => {
  test.prop([fc.integer({ min: 0, max: 99_999_999 })], { seed: SEED, numRuns: 1000 })('zhToInt(toZh(n)) === n', (n) => {
    expect(zhToInt(toZh(n))).toBe(n);
  });
});

describe('normalized view', () => {
  test.prop([fc.string({ unit: fc.constantFrom(...'ａ１２．，（）　\u00a0\u200b―。质量强区1.(一)') , maxLength: 60 })], { seed: SEED, numRuns: 1000 })('maps every character back into the source', (s) => {
    const { norm, map: m } = normalizeText(s);
    const map = m ? [...m] : Array.from({ length: s.length + 1 }, (_, i) => i);
    expect(map.length).toBe(norm.length + 1);
    expect(map[norm.length]).toBe(s.length);
    for (let i = 0; i < norm.length; i++) {
      expect(map[i]).toBeLessThan(map[i + 1] as number);
      expect(map[i]).toBeLessThan(s.length);
    }
  });
});

describe('extraction of arbitrary text', () => {
  const planish = fc.array(fc.oneof(
    fc.constantFrom('一、总体要求', '二、重点任务', '三、保障措施', '(一)主要目标', '到2027年,合格率达到98%以上。', '——', '专栏1 工程',
      '1.加强监管。落实责任。(责任单位:区市场监管局等)', '(二)狠抓落实。细化任务。', '附件1', '序号', '1', '指标', '90%', '2023121', '某政发〔20245'),
    fc.string({ maxLength: 30 }),
  ), { minLength: 1, maxLength: 40 }).map((xs) => xs.join('\n'));
  test.prop([planish], { seed: SEED, numRuns: 300 })('never throws (except refusing empty input) and lines stay in the document', async (text) => {
    try {
      const { plan } = await extractPlan(text, { path: 'p.txt' });
      const n = text.split(/\r\n|\n|\r/).length;
      for (const t of plan.tasks) expect(t.line).toBeLessThanOrEqual(n);
      for (const t of plan.targets) expect(t.line).toBeLessThanOrEqual(n);
    } catch (e) {
      expect((e as Error).name).toBe('InputError');
      expect(text.trim()).toBe('');
    }
  });
});

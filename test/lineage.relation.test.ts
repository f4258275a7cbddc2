/** The relation of a target to its parent's: a case table of comparators, and properties of set inclusion. */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { relate, type Commitment } from '../src/lineage/relation.js';
import type { Comparator } from '../src/model.js';

const c = (s: string, year: number | null = 2025, unit = '%'): Commitment => {
  const m = /^(>=|<=|>|<|=)(\d+(?:\.\d+)?)$/.exec(s);
  if (!m) throw new Error(s);
  return { comparator: m[1] as Comparator, value: Number(m[2]), unit, year };
};

const CASES: { child: string; parent: string; direction?: 'higher' | 'lower'; expect: string; why: string }[] = [
  { child: '>=95', parent: '>=94', expect: 'tighter', why: 'a higher floor' },
  { child: '>=94', parent: '>=95', expect: 'looser', why: 'a lower floor' },
  { child: '>=98', parent: '>=98', expect: 'same', why: 'the same floor' },
  { child: '>30', parent: '>30', expect: 'same', why: '超过30% both' },
  { child: '>30', parent: '>=30', expect: 'tighter', why: '超过 excludes the value itself' },
  { child: '>=30', parent: '>30', expect: 'looser', why: '达到 allows the value itself' },
  { child: '<=4', parent: '<=5', expect: 'tighter', why: '<= inverts: a lower ceiling' },
  { child: '<=6', parent: '<=5', expect: 'looser', why: 'a higher ceiling' },
  { child: '<5', parent: '<=5', expect: 'tighter', why: 'an open ceiling' },
  { child: '=86', parent: '>=86', expect: 'same', why: '达到86 reads as at least 86 for a rising indicator' },
  { child: '=0.05', parent: '<=0.06', direction: 'lower', expect: 'tighter', why: 'a bare value of a falling indicator is a ceiling' },
  { child: '>=90', parent: '<=95', expect: 'incomparable', why: 'bounds point different ways' },
];

describe('relate: case table', () => {
  for (const k of CASES) {
    it(`${k.child} against ${k.parent}: ${k.expect} (${k.why})`, () => {
      expect(relate(c(k.child), c(k.parent), k.direction).relation).toBe(k.expect);
    });
  }
  it('notes years that differ, and still relates', () => {
    expect(relate(c('>=98.3', 2027), c('>=98', 2025))).toEqual({ relation: 'tighter', note: 'years differ: 2027 against 2025' });
  });
  it('units that differ are incomparable', () => {
    expect(relate(c('>=90', 2025, '分'), c('>=90', 2025, '%')).relation).toBe('incomparable');
  });
});

const commitment = fc.record({
  value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  comparator: fc.constantFrom<Comparator>('>=', '>', '=', '<=', '<'),
  unit: fc.constant('%'),
  year: fc.constantFrom(2025, 2027, null),
});

describe('relate: properties', () => {
  const flip: Record<string, string> = { tighter: 'looser', looser: 'tighter', same: 'same', incomparable: 'incomparable' };
  test.prop([commitment, commitment, fc.constantFrom<'higher' | 'lower'>('higher', 'lower')])('swapping child and parent flips the relation', (a, b, dir) => {
    expect(relate(b, a, dir).relation).toBe(flip[relate(a, b, dir).relation]);
  });
  test.prop([commitment])('a target is the same as itself', (a) => {
    expect(relate(a, a).relation).toBe('same');
  });
  test.prop([commitment, fc.double({ min: 0.001, max: 1000, noNaN: true })])('raising a floor tightens it, raising a ceiling loosens it', (a, d) => {
    const up = { ...a, value: a.value + d };
    const r = relate(up, a).relation;
    if (a.comparator === '<=' || a.comparator === '<') expect(r).toBe('looser');
    else expect(r).toBe('tighter');
  });
});

/**
 * Wall-clock bounds. On a shared or loaded machine a test run cannot hold a program to "under 5 s", so the exact
 * bounds are checked by the benchmark (`npm run bench -- --bounds` runs the suites that have them with
 * QPLAN_BOUNDS=strict). An ordinary test run keeps each bound as a guard against blow-ups at LOOSE times the bound:
 * a quadratic path takes minutes, far past that, while a busy machine does not.
 */
import { expect } from 'vitest';

export const STRICT = process.env.QPLAN_BOUNDS === 'strict';
const LOOSE = 6;

/** Expects `ms` under `bound` milliseconds (strict), or under LOOSE × bound in an ordinary run. */
export function expectWithin(ms: number, bound: number, what = 'time'): void {
  const limit = STRICT ? bound : bound * LOOSE;
  expect(ms, `${what}: ${Math.round(ms)} ms against a bound of ${bound} ms${STRICT ? '' : ` (×${LOOSE} outside the benchmark)`}`).toBeLessThan(limit);
}

/** A time budget for a subprocess or test that must not run away: the bound itself when strict, else LOOSE × it. */
export const budget = (bound: number): number => (STRICT ? bound : bound * LOOSE);

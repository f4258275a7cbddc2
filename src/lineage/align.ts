/**
 * Local alignment of two folded texts: Smith-Waterman (linear gaps), run only where it can find something. Shared
 * runs of `SEED` units are found through a k-gram table of the source; hits on nearby diagonals form a cluster; a
 * banded Smith-Waterman over each cluster's diagonals finds its best local alignment, then the next one with the
 * rows and columns already used blocked, until the score drops below the minimum. A copied task with a clause cut
 * out or added shifts the diagonal by that clause's length, which stays inside one band; two texts that share
 * only genre phrases give no cluster worth a band. The work is the band's area, not the product of the lengths.
 */
import type { Folded } from './fold.js';

/** Scores: an identical unit, a different one, a unit against nothing. */
export const MATCH = 2;
export const MISMATCH = -3;
export const GAP = -3;
/** Shared runs of this many units seed a band. */
export const SEED = 4;

export interface Local {
  /** Folded unit ranges [start, end) in the task (a) and in the source (b). */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  score: number;
  /** Units of a on a diagonal step with an identical unit of b. */
  matched: number[];
}

export interface AlignOptions {
  /** The lowest score of an alignment worth reporting. */
  minScore: number;
  /** At most this many alignments. */
  max?: number;
}

const SLACK = 8;
const ROW_SLACK = 24;
const MAX_GAP_DIAG = 24;
const MAX_BAND = 96;
const MIN_HITS = 3;
const MAX_POSITIONS = 12;

const gramKey = (c: Uint16Array, i: number): number =>
  (Math.imul((Math.imul(c[i] as number, 0x9e3779b1) ^ (c[i + 1] as number)) >>> 0, 0x85ebca6b) ^ Math.imul(c[i + 2] as number, 0xc2b2ae35) ^ ((c[i + 3] as number) << 7)) >>> 0;

const grams = new WeakMap<Folded, Map<number, number[]>>();

/** The source's k-gram table (cached per folded text: a parent task is the source of many children). */
function gramTable(b: Folded): Map<number, number[]> {
  let t = grams.get(b);
  if (t) return t;
  t = new Map();
  for (let j = 0; j + SEED <= b.codes.length; j++) {
    const k = gramKey(b.codes, j);
    const list = t.get(k);
    if (!list) t.set(k, [j]);
    else if (list.length < MAX_POSITIONS) list.push(j);
  }
  grams.set(b, t);
  return t;
}

const same = (a: Uint16Array, i: number, b: Uint16Array, j: number): boolean => {
  for (let k = 0; k < SEED; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
};

/** Local alignments of task `a` against source `b`, best first, non-overlapping in both. */
export function localAlign(a: Folded, b: Folded, opts: AlignOptions): Local[] {
  const A = a.codes;
  const B = b.codes;
  if (A.length < SEED || B.length < SEED) return [];
  const table = gramTable(b);
  // hits as one sortable number each: diagonal (offset to be positive) then position in a
  const span = A.length + 1;
  const raw: number[] = [];
  for (let i = 0; i + SEED <= A.length; i++) {
    const list = table.get(gramKey(A, i));
    if (!list) continue;
    for (const j of list) if (same(A, i, B, j)) raw.push((j - i + A.length) * span + i);
  }
  if (raw.length < MIN_HITS) return [];
  const sorted = Float64Array.from(raw).sort();
  // a diagonal with a single hit is a shared 4-character phrase, never part of a copy (a shared run of five or more
  // characters gives two hits on its diagonal); left out, such strays no longer widen the bands
  const hits: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const key = sorted[k] as number;
    const d = Math.floor(key / span);
    const prev = k > 0 ? Math.floor((sorted[k - 1] as number) / span) : NaN;
    const next = k + 1 < sorted.length ? Math.floor((sorted[k + 1] as number) / span) : NaN;
    if (d !== prev && d !== next) continue;
    hits.push(d - A.length, key - d * span);
  }
  if (hits.length < 2 * MIN_HITS) return [];
  const order = Array.from({ length: hits.length / 2 }, (_, k) => k);
  // clusters of hits on nearby diagonals, none wider than a band: [from, to) of `order`
  const clusters: { dlo: number; dhi: number; from: number; to: number }[] = [];
  let cur: (typeof clusters)[number] | null = null;
  order.forEach((k, at) => {
    const d = hits[2 * k] as number;
    if (cur && d - cur.dhi <= MAX_GAP_DIAG && d - cur.dlo <= MAX_BAND) {
      cur.dhi = d;
      cur.to = at + 1;
    } else clusters.push((cur = { dlo: d, dhi: d, from: at, to: at + 1 }));
  });
  clusters.sort((x, y) => y.to - y.from - (x.to - x.from) || x.dlo - y.dlo);
  const usedA = new Uint8Array(A.length);
  const usedB = new Uint8Array(B.length);
  const out: Local[] = [];
  const max = opts.max ?? 8;
  for (const c of clusters) {
    for (let round = 0; round < 4 && out.length < max; round++) {
      // only hits not yet inside an alignment count: a copy's main alignment leaves the stray hits of its repeated
      // phrases (质量提升 twice) nothing worth a band
      let n = 0;
      let ilo = A.length;
      let ihi = -1;
      for (let at = c.from; at < c.to; at++) {
        const k = order[at] as number;
        const i = hits[2 * k + 1] as number;
        const j = i + (hits[2 * k] as number);
        if (usedA[i] === 1 || usedB[j] === 1) continue;
        n++;
        if (i < ilo) ilo = i;
        if (i > ihi) ihi = i;
      }
      if (n < MIN_HITS) break;
      const found = bandedSW(A, B, c.dlo - SLACK, c.dhi + SLACK, Math.max(0, ilo - ROW_SLACK), Math.min(A.length, ihi + SEED + ROW_SLACK), usedA, usedB);
      if (!found || found.score < opts.minScore) break;
      for (let i = found.aStart; i < found.aEnd; i++) usedA[i] = 1;
      for (let j = found.bStart; j < found.bEnd; j++) usedB[j] = 1;
      out.push(found);
    }
  }
  return out.sort((x, y) => y.score - x.score || x.aStart - y.aStart);
}

/**
 * Smith-Waterman over the diagonals [dlo, dhi] (d = j − i) and rows [i0, i1) of a. Used units score as a barrier
 * (an alignment never runs through them). Returns the best local alignment, or null.
 */
function bandedSW(A: Uint16Array, B: Uint16Array, dlo: number, dhi: number, i0: number, i1: number, usedA: Uint8Array, usedB: Uint8Array): Local | null {
  const W = dhi - dlo + 1;
  const R = i1 - i0;
  if (R <= 0 || W <= 0) return null;
  const H = new Int32Array((R + 1) * (W + 1));
  const dir = new Uint8Array((R + 1) * (W + 1));
  let best = 0;
  let bestAt = -1;
  for (let r = 1; r <= R; r++) {
    const i = i0 + r - 1;
    const row = r * (W + 1);
    const prev = (r - 1) * (W + 1);
    for (let w = 0; w < W; w++) {
      const j = i + dlo + w;
      if (j < 0 || j >= B.length || usedA[i] === 1 || usedB[j] === 1) continue;
      const diag = (H[prev + w] as number) + (A[i] === B[j] ? MATCH : MISMATCH);
      const up = (H[prev + w + 1] as number) + GAP;
      const left = w > 0 ? (H[row + w - 1] as number) + GAP : 0;
      let h = 0;
      let d = 0;
      if (diag > h) { h = diag; d = 1; }
      if (up > h) { h = up; d = 2; }
      if (left > h) { h = left; d = 3; }
      H[row + w] = h;
      dir[row + w] = d;
      if (h > best) { best = h; bestAt = row + w; }
    }
  }
  if (bestAt < 0) return null;
  // trace back to where the score started from zero
  let r = Math.floor(bestAt / (W + 1));
  let w = bestAt % (W + 1);
  const aEnd = i0 + r;
  const bEnd = i0 + r - 1 + dlo + w + 1;
  const matched: number[] = [];
  let aStart = aEnd;
  let bStart = bEnd;
  while (r > 0 && (H[r * (W + 1) + w] as number) > 0) {
    const i = i0 + r - 1;
    const j = i + dlo + w;
    const d = dir[r * (W + 1) + w];
    aStart = i;
    bStart = j;
    if (d === 1) {
      if (A[i] === B[j]) matched.push(i);
      r--;
    } else if (d === 2) {
      r--;
      w++;
      bStart = j + 1;
    } else if (d === 3) {
      w--;
      aStart = i + 1;
    } else break;
  }
  matched.reverse();
  return { aStart, aEnd, bStart, bEnd, score: best, matched };
}

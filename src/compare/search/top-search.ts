/**
 * The bounded candidate search of `SimilarityIndex.top`: per token, an impact-ordered posting list capped at the
 * documents it weighs most in; per document, candidates from its heaviest tokens, then exact cosine for the best of
 * them. `each` runs it for every document and lets documents with the same vector share it (see there).
 */
import { heaviest } from './typed.js';

/** What the search reads of the index: its vectors and postings (see similarity-index.ts). */
export interface IndexVectors {
  readonly size: number;
  readonly vocabSize: number;
  readonly groupOf: Int32Array;
  readonly clsOf: Int32Array;
  readonly vStart: Int32Array;
  readonly vTok: Int32Array;
  readonly vW: Float64Array;
  /** Puts a document's weights in the dense scratch vector (`on` = 1) or clears them; `dot` scores against it. */
  load(d: number, on: 0 | 1): void;
  dot(d: number): number;
}

/** A match: the document, its group and the cosine. */
export interface Match {
  doc: number;
  group: number;
  score: number;
}

/** Bounds of the candidate search (see `SimilarityIndex.top`). */
export interface TopOptions {
  /** At most this many groups, best first. */
  k: number;
  /** Only matches scoring at least this. */
  minScore?: number;
  /** Candidates come from the document's this many heaviest tokens … */
  tokens?: number;
  /** … and, per token, the this many documents in which it weighs most. */
  postings?: number;
  /** Exact cosine for the this many best candidates (at least `4 k`). */
  pool?: number;
}

const HIST_BUCKETS = 1024;
const EPS = 1e-12;

export class TopSearch {
  private readonly start: Int32Array;
  private readonly doc: Int32Array;
  private readonly w: Float64Array;
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly hist = new Int32Array(HIST_BUCKETS + 1);

  constructor(private readonly ix: IndexVectors, readonly cap: number) {
    ({ start: this.start, doc: this.doc, w: this.w } = impactPostings(ix, cap));
    this.acc = new Float64Array(ix.size);
    this.touched = new Int32Array(ix.size);
  }

  /** For document `doc`, the best document of each of the `k` best other groups (same class only), best first. */
  top(doc: number, opts: TopOptions): Match[] {
    const { acc, touched, ix } = this;
    const g = ix.groupOf[doc] as number;
    const nt = this.accumulate(doc, opts, g);
    const pool = poolSize(opts);
    // the best candidates by partial score (ties: earlier document), then exact cosine for those
    const cand = nt > pool ? this.best(nt, pool) : Array.from(touched.subarray(0, nt));
    for (let i = 0; i < nt; i++) acc[touched[i] as number] = 0;
    ix.load(doc, 1);
    const result = ranked(cand, (o) => ix.dot(o), ix.groupOf, opts);
    ix.load(doc, 0);
    return result;
  }

  /**
   * `top` for every document, each result handed to `visit` (not in document order). Documents with the same
   * vector and class (a task copied word for word into many plans, as districts copy their city's) share one
   * candidate search: their partial scores are the same, only their own plan is left out, so the candidates are
   * gathered once for all of them, sorted by partial score, and each takes the first `pool` from another plan;
   * each cosine is computed once. The results are those of `top` document by document.
   */
  each(opts: TopOptions, visit: (doc: number, matches: readonly Match[]) => void): void {
    const { ix, acc, touched } = this;
    if (opts.k <= 0) {
      for (let d = 0; d < ix.size; d++) visit(d, []);
      return;
    }
    const pool = poolSize(opts);
    for (const members of twins(ix)) {
      const rep = members[0] as number;
      if (members.length === 1) {
        visit(rep, this.top(rep, opts));
        continue;
      }
      const nt = this.accumulate(rep, opts, -1);
      const sorted = Array.from(touched.subarray(0, nt)).sort((a, b) => (acc[b] as number) - (acc[a] as number) || a - b);
      for (let i = 0; i < nt; i++) acc[touched[i] as number] = 0;
      const cosine = new Map<number, number>();
      const score = (o: number) => {
        let s = cosine.get(o);
        if (s === undefined) cosine.set(o, (s = ix.dot(o)));
        return s;
      };
      // a member whose plan has none of the first `pool` candidates gets exactly those: one ranking for all such
      const head = sorted.slice(0, pool);
      const inHead = new Set(head.map((o) => ix.groupOf[o] as number));
      let shared: Match[] | null = null;
      ix.load(rep, 1);
      for (const m of members) {
        const g = ix.groupOf[m] as number;
        if (!inHead.has(g)) {
          shared ??= ranked(head, score, ix.groupOf, opts);
          visit(m, shared);
          continue;
        }
        const cand: number[] = [];
        for (let i = 0; i < sorted.length && cand.length < pool; i++) if (ix.groupOf[sorted[i] as number] !== g) cand.push(sorted[i] as number);
        visit(m, ranked(cand, score, ix.groupOf, opts));
      }
      ix.load(rep, 0);
    }
  }

  /**
   * Partial scores of `doc`'s candidates into `acc`/`touched`, their count: documents of its class, not of group
   * `g` (-1: of any group, `doc` itself included, for twins that each leave out their own).
   */
  private accumulate(doc: number, opts: TopOptions, g: number): number {
    const { acc, touched, ix, start, w: pw, doc: pdoc } = this;
    const { groupOf, clsOf, vTok, vW } = ix;
    const T = opts.tokens ?? 32;
    const cls = clsOf[doc] as number;
    const self = g < 0 ? -1 : doc;
    // the document's heaviest tokens
    const from = ix.vStart[doc] as number;
    const to = ix.vStart[doc + 1] as number;
    const order = to - from > T ? heaviest(vW, from, to, T) : Array.from({ length: to - from }, (_, i) => from + i);
    let nt = 0;
    for (const j of order) {
      const t = vTok[j] as number;
      const w = vW[j] as number;
      for (let k = start[t] as number; k < (start[t + 1] as number); k++) {
        const o = pdoc[k] as number;
        if (o === self || groupOf[o] === g || clsOf[o] !== cls) continue;
        if (acc[o] === 0) touched[nt++] = o;
        acc[o] = (acc[o] as number) + w * (pw[k] as number);
      }
    }
    return nt;
  }

  /**
   * The `pool` touched documents with the highest partial scores (ties: earlier document), without sorting them
   * all: a histogram of the scores (which lie in [0, 1]) finds the bucket where the cut falls, and only that bucket
   * is sorted.
   */
  private best(nt: number, pool: number): number[] {
    const { acc, touched, hist } = this;
    const bucket = (o: number) => Math.min(HIST_BUCKETS, Math.max(0, Math.floor((acc[o] as number) * HIST_BUCKETS)));
    for (let i = 0; i < nt; i++) {
      const b = bucket(touched[i] as number);
      hist[b] = (hist[b] as number) + 1;
    }
    let need = pool;
    let cut = HIST_BUCKETS;
    for (; cut > 0; cut--) {
      const h = hist[cut] as number;
      if (h >= need) break;
      need -= h;
    }
    hist.fill(0);
    const out: number[] = [];
    const edge: number[] = [];
    for (let i = 0; i < nt; i++) {
      const o = touched[i] as number;
      const b = bucket(o);
      if (b > cut) out.push(o);
      else if (b === cut) edge.push(o);
    }
    edge.sort((a, b) => (acc[b] as number) - (acc[a] as number) || a - b);
    for (let i = 0; i < need && i < edge.length; i++) out.push(edge[i] as number);
    return out;
  }
}

const poolSize = (opts: TopOptions) => Math.max(opts.pool ?? 64, 4 * opts.k);

/** The best candidate of each group by exact cosine, the `k` best groups at or above `minScore`, best first. */
function ranked(cand: readonly number[], score: (o: number) => number, groupOf: Int32Array, opts: TopOptions): Match[] {
  const best = new Map<number, Match>();
  for (const o of cand) {
    const s = score(o);
    const og = groupOf[o] as number;
    const cur = best.get(og);
    // ties go to the earlier document, so results do not depend on the order of the candidates
    if (!cur || s > cur.score + EPS || (Math.abs(s - cur.score) <= EPS && o < cur.doc)) best.set(og, { doc: o, group: og, score: s });
  }
  const minScore = opts.minScore ?? 0;
  return [...best.values()]
    .filter((m) => m.score >= minScore)
    .sort((a, b) => (Math.abs(b.score - a.score) > EPS ? b.score - a.score : a.doc - b.doc))
    .slice(0, opts.k);
}

/** Documents grouped by identical vector and class, each group in document order, groups by their first document. */
function twins(ix: IndexVectors): number[][] {
  const { vStart, vTok, vW, clsOf } = ix;
  const byHash = new Map<number, number[][]>();
  const out: number[][] = [];
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const same = (a: number, b: number): boolean => {
    const la = (vStart[a + 1] as number) - (vStart[a] as number);
    if (clsOf[a] !== clsOf[b] || la !== (vStart[b + 1] as number) - (vStart[b] as number)) return false;
    for (let i = 0; i < la; i++) {
      if (vTok[(vStart[a] as number) + i] !== vTok[(vStart[b] as number) + i] || vW[(vStart[a] as number) + i] !== vW[(vStart[b] as number) + i]) return false;
    }
    return true;
  };
  for (let d = 0; d < ix.size; d++) {
    let h = Math.imul((clsOf[d] as number) + 1, 0x9e3779b1);
    for (let j = vStart[d] as number; j < (vStart[d + 1] as number); j++) {
      f64[0] = vW[j] as number;
      h = Math.imul(h ^ (vTok[j] as number), 0x85ebca6b) ^ (u32[0] as number);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    }
    const bucket = byHash.get(h);
    const group = bucket?.find((g) => same(g[0] as number, d));
    if (group) group.push(d);
    else {
      const g = [d];
      out.push(g);
      if (bucket) bucket.push(g);
      else byHash.set(h, [g]);
    }
  }
  return out;
}

/**
 * Per token, the `cap` documents it weighs most in, heaviest first (ties: earlier document); a token in fewer
 * documents has them all, in document order. Read straight off the vectors: the full posting lists of a corpus of
 * 3,000 plans (12 million entries) were never needed at once. A token in more than `cap` documents keeps a bounded
 * heap of its heaviest so far while the documents go by in order (a later document with an equal weight loses).
 */
function impactPostings(ix: IndexVectors, cap: number): { start: Int32Array; doc: Int32Array; w: Float64Array } {
  const { vocabSize: V, vTok, vW, vStart, size } = ix;
  const count = new Int32Array(V);
  for (let j = 0; j < vTok.length; j++) {
    const t = vTok[j] as number;
    count[t] = (count[t] as number) + 1;
  }
  const start = new Int32Array(V + 1);
  const slot = new Int32Array(V).fill(-1); // a heavy token's heap, by its number among them
  let heavy = 0;
  for (let t = 0; t < V; t++) {
    const c = count[t] as number;
    if (c > cap) slot[t] = heavy++;
    start[t + 1] = (start[t] as number) + Math.min(c, cap);
  }
  const doc = new Int32Array(start[V] as number);
  const w = new Float64Array(start[V] as number);
  const fill = start.slice(0, V);
  const hDoc = new Int32Array(heavy * cap);
  const hW = new Float64Array(heavy * cap);
  const hN = new Int32Array(heavy);
  for (let d = 0; d < size; d++) {
    for (let j = vStart[d] as number; j < (vStart[d + 1] as number); j++) {
      const t = vTok[j] as number;
      const x = vW[j] as number;
      const h = slot[t] as number;
      if (h < 0) {
        const at = fill[t] as number;
        fill[t] = at + 1;
        doc[at] = d;
        w[at] = x;
      } else heapOffer(hDoc, hW, hN, h * cap, cap, h, d, x);
    }
  }
  for (let t = 0; t < V; t++) {
    const h = slot[t] as number;
    if (h < 0) continue;
    const base = h * cap;
    const order = Array.from({ length: cap }, (_, i) => base + i).sort((a, b) => (hW[b] as number) - (hW[a] as number) || (hDoc[a] as number) - (hDoc[b] as number));
    order.forEach((k, i) => {
      doc[(start[t] as number) + i] = hDoc[k] as number;
      w[(start[t] as number) + i] = hW[k] as number;
    });
  }
  return { start, doc, w };
}

/**
 * Offers document `d` with weight `x` to the min-heap at `base` (the lightest on top; documents come in order, so
 * of equal weights the one on top is the latest): kept while it is not full, else only if heavier than the top.
 * "Lighter" is a smaller weight, or the same weight and a later document. Runs for every token entry: no closures.
 */
function heapOffer(hDoc: Int32Array, hW: Float64Array, hN: Int32Array, base: number, cap: number, h: number, d: number, x: number): void {
  const n = hN[h] as number;
  if (n < cap) {
    // sift up from the end
    let i = n;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pw = hW[base + p] as number;
      if (!(x < pw || (x === pw && d > (hDoc[base + p] as number)))) break;
      hDoc[base + i] = hDoc[base + p] as number;
      hW[base + i] = pw;
      i = p;
    }
    hDoc[base + i] = d;
    hW[base + i] = x;
    hN[h] = n + 1;
    return;
  }
  if (!(x > (hW[base] as number))) return;
  // replace the top and sift down
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let m = l;
    if (r < n) {
      const lw = hW[base + l] as number;
      const rw = hW[base + r] as number;
      if (rw < lw || (rw === lw && (hDoc[base + r] as number) > (hDoc[base + l] as number))) m = r;
    }
    const mw = hW[base + m] as number;
    if (!(mw < x || (mw === x && (hDoc[base + m] as number) > d))) break;
    hDoc[base + i] = hDoc[base + m] as number;
    hW[base + i] = mw;
    i = m;
  }
  hDoc[base + i] = d;
  hW[base + i] = x;
}

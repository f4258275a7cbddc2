/**
 * A TF-IDF index over token bags, compared by cosine. A corpus of a thousand plans has tens of thousands of tasks,
 * so the index keeps its vectors in flat typed arrays (token ids and weights per document) instead of a Map per
 * document, and tokens are numbers (a CJK bigram is its two UTF-16 code units) until someone asks for their text.
 */
import { forEachToken } from './tokens.js';
import { FloatList, IntList } from './typed.js';
import { TopSearch, type Match, type TopOptions } from './top-search.js';

/** A document for the index: its owner group (a plan) and its weighted token bags. */
export interface IndexDoc {
  group: number;
  /** Token bags with a weight each (e.g. the title counted twice as much as the body). */
  parts: { text: string; weight: number }[];
  /** Documents are matched only with documents of the same class (e.g. tasks with tasks); default 0. */
  cls?: number;
}

export type { Match, TopOptions } from './top-search.js';

/**
 * TF-IDF over all documents plus inverted indexes (token → documents), so that finding a document's matches touches
 * only documents that share a token with it instead of comparing all pairs.
 *
 * - `bestPerGroup` (exact): the best document of every other group, over the postings of all the document's tokens
 *   (a bigram found in a large share of a big corpus, such as 质量 or 提升, weighs next to nothing and is left out of
 *   these postings; small comparisons stay exact).
 * - `top` (bounded): the best documents of the `k` best groups. Candidates come from the document's most
 *   distinctive tokens and, per token, only the documents it weighs most in (an impact-ordered, capped posting
 *   list); candidates are then scored by exact cosine. The work per document is bounded, so the whole alignment
 *   grows linearly with the corpus even when hundreds of plans share their wording nearly word for word.
 */
export class SimilarityIndex {
  readonly size: number;
  readonly groupOf: Int32Array;
  readonly clsOf: Int32Array;
  /** Vectors: document d's token ids and L2-normalized weights sit in [vStart[d], vStart[d + 1]), in first-occurrence order. */
  readonly vStart: Int32Array;
  readonly vTok: Int32Array;
  readonly vW: Float64Array;
  private readonly df: Int32Array;
  readonly vocabSize: number;
  private readonly maxDf: number;
  private exact?: { start: Int32Array; doc: Int32Array; w: Float64Array };
  private impact?: TopSearch;
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly dense: Float64Array;

  constructor(docs: readonly IndexDoc[]) {
    const n = docs.length;
    this.size = n;
    this.groupOf = Int32Array.from(docs, (d) => d.group);
    this.clsOf = Int32Array.from(docs, (d) => d.cls ?? 0);
    const ids = new Map<number | string, number>();
    let tf = new Float64Array(4096);
    let stamp = new Int32Array(4096);
    const rawStart = new Int32Array(n + 1);
    const rawTok = new IntList();
    const rawTf = new FloatList();
    let dfList = new Int32Array(4096);
    const idOf = (key: number | string): number => {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        if (id >= tf.length) {
          const grow = <T extends Float64Array | Int32Array>(a: T, make: (len: number) => T): T => {
            const b = make(a.length * 2);
            b.set(a);
            return b;
          };
          tf = grow(tf, (l) => new Float64Array(l));
          stamp = grow(stamp, (l) => new Int32Array(l));
          dfList = grow(dfList, (l) => new Int32Array(l));
        }
      }
      return id;
    };
    // texts that recur (a task copied into many plans) are tokenized once: their token ids are kept while the
    // index is built; ids are still numbered in order of first occurrence
    const times = new Map<string, number>();
    for (const d of docs) for (const p of d.parts) times.set(p.text, (times.get(p.text) ?? 0) + 1);
    const tokenized = new Map<string, Int32Array>();
    docs.forEach((d, di) => {
      const first = rawTok.n;
      const add = (id: number, weight: number) => {
        if (stamp[id] !== di + 1) {
          stamp[id] = di + 1;
          tf[id] = 0;
          rawTok.push(id);
          dfList[id] = (dfList[id] ?? 0) + 1;
        }
        tf[id] = (tf[id] ?? 0) + weight;
      };
      for (const p of d.parts) {
        const weight = p.weight;
        const known = tokenized.get(p.text);
        if (known) {
          for (let k = 0; k < known.length; k++) add(known[k] as number, weight);
          continue;
        }
        const recurs = (times.get(p.text) ?? 0) > 1;
        const list: number[] = [];
        forEachToken(p.text, (key) => {
          const id = idOf(key);
          if (recurs) list.push(id);
          add(id, weight);
        });
        if (recurs) tokenized.set(p.text, Int32Array.from(list));
      }
      for (let j = first; j < rawTok.n; j++) rawTf.push(tf[rawTok.a[j] as number] as number);
      rawStart[di + 1] = rawTok.n;
    });
    this.vocabSize = ids.size;
    this.df = dfList.slice(0, ids.size);
    // weights: sublinear tf (a word repeated in a long task should not swamp the rest) × idf, L2-normalized; written
    // over the raw lists in place (a corpus of 3,000 plans has 12 million token entries: copies were its peak memory)
    const vStart = new Int32Array(n + 1);
    const vTok = rawTok.a;
    const vW = rawTf.a;
    let m = 0;
    for (let d = 0; d < n; d++) {
      const from = m;
      let norm = 0;
      for (let j = rawStart[d] as number; j < (rawStart[d + 1] as number); j++) {
        const t = vTok[j] as number;
        const w = (1 + Math.log(vW[j] as number)) * Math.log((n + 1) / ((this.df[t] as number) + 0.5));
        if (w <= 0) continue;
        vTok[m] = t;
        vW[m] = w;
        m++;
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (let j = from; j < m; j++) vW[j] = (vW[j] as number) / norm;
      vStart[d + 1] = m;
    }
    this.vStart = vStart;
    this.vTok = vTok.subarray(0, m);
    this.vW = vW.subarray(0, m);
    this.maxDf = Math.max(300, Math.ceil(n * 0.05));
    this.acc = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.dense = new Float64Array(this.vocabSize);
  }

  /** Posting lists (token → documents in document order, with weights); `useDf`: without the very common tokens. */
  private postings(useDf: boolean): { start: Int32Array; doc: Int32Array; w: Float64Array } {
    const { vStart, vTok, vW, size } = this;
    const count = new Int32Array(this.vocabSize + 1);
    const keep = (t: number) => !useDf || (this.df[t] as number) <= this.maxDf;
    for (let j = 0; j < vTok.length; j++) {
      const t = vTok[j] as number;
      if (keep(t)) count[t + 1] = (count[t + 1] as number) + 1;
    }
    for (let t = 0; t < this.vocabSize; t++) count[t + 1] = (count[t + 1] as number) + (count[t] as number);
    const start = count;
    const fill = start.slice(0, this.vocabSize);
    const total = start[this.vocabSize] as number;
    const doc = new Int32Array(total);
    const w = new Float64Array(total);
    for (let d = 0; d < size; d++) {
      for (let j = vStart[d] as number; j < (vStart[d + 1] as number); j++) {
        const t = vTok[j] as number;
        if (!keep(t)) continue;
        const at = fill[t] as number;
        fill[t] = at + 1;
        doc[at] = d;
        w[at] = vW[j] as number;
      }
    }
    return { start, doc, w };
  }

  /** Cosine of two indexed documents. */
  cosine(a: number, b: number): number {
    if (a < 0 || b < 0 || a >= this.size || b >= this.size) return 0;
    this.load(a, 1);
    const s = this.dot(b);
    this.load(a, 0);
    return s;
  }

  /** Puts document `d`'s weights into the dense scratch vector (`on` = 1), or clears them (`on` = 0). */
  load(d: number, on: 0 | 1): void {
    const { dense, vTok, vW } = this;
    const end = this.vStart[d + 1] as number;
    for (let j = this.vStart[d] as number; j < end; j++) dense[vTok[j] as number] = on ? (vW[j] as number) : 0;
  }

  /** Dot product of document `d` with the loaded document (fields read once: this runs for every candidate). */
  dot(d: number): number {
    const { dense, vTok, vW } = this;
    const end = this.vStart[d + 1] as number;
    let s = 0;
    for (let j = this.vStart[d] as number; j < end; j++) s += (vW[j] as number) * (dense[vTok[j] as number] as number);
    return s;
  }

  /**
   * For document `doc`, the best-scoring document of each other group (among those `accept` lets through, when
   * given, and of the same class). Scores accumulate over the postings of the document's own tokens only. Exact.
   */
  bestPerGroup(doc: number, accept: (other: number) => boolean = () => true): Map<number, { doc: number; score: number }> {
    const best = new Map<number, { doc: number; score: number }>();
    if (doc < 0 || doc >= this.size) return best;
    const p = (this.exact ??= this.postings(true));
    const { acc, touched, groupOf } = this;
    const g = groupOf[doc] as number;
    let nt = 0;
    for (let j = this.vStart[doc] as number; j < (this.vStart[doc + 1] as number); j++) {
      const t = this.vTok[j] as number;
      const w = this.vW[j] as number;
      for (let k = p.start[t] as number; k < (p.start[t + 1] as number); k++) {
        const o = p.doc[k] as number;
        if (o === doc || groupOf[o] === g) continue;
        if (acc[o] === 0) touched[nt++] = o;
        acc[o] = (acc[o] as number) + w * (p.w[k] as number);
      }
    }
    const cls = this.clsOf[doc];
    for (let i = 0; i < nt; i++) {
      const other = touched[i] as number;
      const score = acc[other] as number;
      acc[other] = 0;
      if (this.clsOf[other] !== cls || !accept(other)) continue;
      const og = groupOf[other] as number;
      const cur = best.get(og);
      // ties go to the earlier document, so results do not depend on the order of the postings
      if (!cur || score > cur.score + 1e-12 || (Math.abs(score - cur.score) <= 1e-12 && other < cur.doc)) best.set(og, { doc: other, score });
    }
    return best;
  }

  /**
   * For document `doc`, the best document of each of the `k` best other groups (same class only), best first,
   * each scoring at least `minScore`. Bounded work per document; see the class comment.
   */
  top(doc: number, opts: TopOptions): Match[] {
    if (doc < 0 || doc >= this.size || opts.k <= 0) return [];
    return this.search(opts).top(doc, opts);
  }

  /** `top` for every document, handed to `visit` in no set order (twins may share one list: read it, do not keep or change it). */
  topEach(opts: TopOptions, visit: (doc: number, matches: readonly Match[]) => void): void {
    this.search(opts).each(opts, visit);
  }

  private search(opts: TopOptions): TopSearch {
    const cap = opts.postings ?? 256;
    if (this.impact?.cap !== cap) this.impact = new TopSearch(this, cap);
    return this.impact;
  }
}

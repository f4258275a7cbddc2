/**
 * Text features for comparing Chinese plan text without a segmenter: CJK character bigrams plus ASCII words and
 * numbers, weighted by TF-IDF, compared by cosine. Plans of this genre share their vocabulary almost word for word
 * ("提升…标准先进性"), so bigrams carry enough signal; jieba would add 190 ms and a native binary for little gain.
 */

const FULLWIDTH = /[\uff01-\uff5e]/g;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Full-width ASCII to half-width, so `（一）` and `(一)`, `ＧＤＰ` and `GDP` compare equal. */
export function halfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Removes every occurrence of the given phrases (longest first, so 朝阳区 goes before 朝阳). */
export function removePhrases(s: string, phrases: readonly string[]): string {
  const sorted = [...new Set(phrases.filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
  let out = s;
  for (const p of sorted) if (out.includes(p)) out = out.split(p).join(' ');
  return out;
}

/**
 * Bigram tokens of a text: each run of CJK characters gives its overlapping character pairs (a single character
 * run gives itself), each ASCII word or number gives one lower-cased token. Punctuation separates runs.
 */
export function tokens(s: string): string[] {
  const out: string[] = [];
  const text = halfWidth(s);
  let run = '';
  let word = '';
  const flushRun = () => {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    run = '';
  };
  const flushWord = () => {
    if (word) out.push(word.toLowerCase());
    word = '';
  };
  for (const ch of text) {
    if (CJK.test(ch)) {
      flushWord();
      run += ch;
    } else if (/[A-Za-z0-9.%]/.test(ch)) {
      flushRun();
      word += ch;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return out;
}

/** Dice coefficient of two strings' bigram sets: 1 for the same bigrams, 0 for none shared. For short names. */
export function bigramDice(a: string, b: string): number {
  const A = new Set(tokens(a));
  const B = new Set(tokens(b));
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const t of A) if (B.has(t)) common++;
  return (2 * common) / (A.size + B.size);
}

/** A sparse, L2-normalized TF-IDF vector. */
export type Vector = Map<string, number>;

/** A document for the index: its owner group (a plan) and its weighted token bags. */
export interface IndexDoc {
  group: number;
  /** Token bags with a weight each (e.g. the title counted twice as much as the body). */
  parts: { text: string; weight: number }[];
}

/**
 * TF-IDF over all documents plus an inverted index (token → postings), so that finding each document's best
 * match in every other group touches only the documents that share a token with it: near-linear in the corpus
 * for text like this, instead of comparing all pairs.
 */
export class SimilarityIndex {
  readonly vectors: Vector[];
  private readonly postings = new Map<string, { doc: number; w: number }[]>();

  constructor(readonly docs: IndexDoc[]) {
    const tfs = docs.map((d) => {
      const tf = new Map<string, number>();
      for (const p of d.parts) for (const t of tokens(p.text)) tf.set(t, (tf.get(t) ?? 0) + p.weight);
      return tf;
    });
    const df = new Map<string, number>();
    for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = docs.length;
    this.vectors = tfs.map((tf) => {
      const v: Vector = new Map();
      let norm = 0;
      for (const [t, c] of tf) {
        // sublinear tf: a word repeated in a long task should not swamp the rest
        const w = (1 + Math.log(c)) * Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5));
        if (w <= 0) continue;
        v.set(t, w);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [t, w] of v) v.set(t, w / norm);
      return v;
    });
    // a bigram found in a large share of a big corpus (质量, 提升) weighs next to nothing but would make every
    // document a candidate of every other; past a few hundred documents it is left out of the postings, which keeps
    // the search near-linear. Small comparisons (a handful of plans) stay exact.
    const maxDf = Math.max(300, Math.ceil(n * 0.05));
    this.vectors.forEach((v, doc) => {
      for (const [t, w] of v) {
        if ((df.get(t) ?? 0) > maxDf) continue;
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push({ doc, w });
      }
    });
  }

  /** Cosine of two indexed documents. */
  cosine(a: number, b: number): number {
    const va = this.vectors[a];
    const vb = this.vectors[b];
    if (!va || !vb) return 0;
    const [small, large] = va.size <= vb.size ? [va, vb] : [vb, va];
    let s = 0;
    for (const [t, w] of small) s += w * (large.get(t) ?? 0);
    return s;
  }

  /**
   * For document `doc`, the best-scoring document of each other group (among `candidates`, when given: a filter
   * such as "same kind"). Scores accumulate over the postings of the document's own tokens only.
   */
  bestPerGroup(doc: number, accept: (other: number) => boolean = () => true): Map<number, { doc: number; score: number }> {
    const acc = new Map<number, number>();
    const self = this.docs[doc];
    const v = this.vectors[doc];
    if (!self || !v) return new Map();
    for (const [t, w] of v) {
      for (const p of this.postings.get(t) ?? []) {
        if (p.doc === doc || this.docs[p.doc]?.group === self.group) continue;
        acc.set(p.doc, (acc.get(p.doc) ?? 0) + w * p.w);
      }
    }
    const best = new Map<number, { doc: number; score: number }>();
    for (const [other, score] of acc) {
      if (!accept(other)) continue;
      const g = this.docs[other]?.group ?? -1;
      const cur = best.get(g);
      // ties go to the earlier document, so results do not depend on map order
      if (!cur || score > cur.score + 1e-12 || (Math.abs(score - cur.score) <= 1e-12 && other < cur.doc)) best.set(g, { doc: other, score });
    }
    return best;
  }
}

/**
 * Cosine of two short names' bigram sets, each bigram weighted by its rarity in `corpus` (IDF). Plain bigram
 * overlap says 食品抽检合格率 ≈ 药品抽检合格率 (five of six bigrams shared); weighting by rarity lets the
 * distinctive 食品/药品 decide, since 合格率 occurs in half the indicators of the genre.
 */
export class NameSimilarity {
  private readonly idf = new Map<string, number>();
  private readonly n: number;

  constructor(corpus: readonly string[]) {
    const uniq = [...new Set(corpus)];
    this.n = uniq.length;
    for (const s of uniq) for (const t of new Set(tokens(s))) this.idf.set(t, (this.idf.get(t) ?? 0) + 1);
    for (const [t, df] of this.idf) this.idf.set(t, Math.log((this.n + 1) / (df + 0.5)));
  }

  private weight(t: string): number {
    return this.idf.get(t) ?? Math.log((this.n + 1) / 0.5);
  }

  score(a: string, b: string): number {
    const A = new Set(tokens(a));
    const B = new Set(tokens(b));
    let dot = 0, na = 0, nb = 0;
    for (const t of A) {
      const w = this.weight(t) ** 2;
      na += w;
      if (B.has(t)) dot += w;
    }
    for (const t of B) nb += this.weight(t) ** 2;
    return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  }
}

/** Similarity of short names (indicator names), weighted by how rare each bigram is in the genre. */
import { tokens } from './tokens.js';

/**
 * Cosine of two short names' bigram sets, each bigram weighted by its rarity in `corpus` (IDF). Plain bigram
 * overlap says 食品抽检合格率 ≈ 药品抽检合格率 (five of six bigrams shared); weighting by rarity lets the
 * distinctive 食品/药品 decide, since 合格率 occurs in half the indicators of the genre.
 */
export class NameSimilarity {
  private readonly idf = new Map<string, number>();
  private readonly n: number;
  /** Per name: its distinct tokens with their squared weights, and the sum of those. */
  private readonly cache = new Map<string, { w: Map<string, number>; norm: number }>();

  constructor(corpus: readonly string[]) {
    const uniq = [...new Set(corpus)];
    this.n = uniq.length;
    for (const s of uniq) for (const t of new Set(tokens(s))) this.idf.set(t, (this.idf.get(t) ?? 0) + 1);
    for (const [t, df] of this.idf) this.idf.set(t, Math.log((this.n + 1) / (df + 0.5)));
  }

  private weight(t: string): number {
    return this.idf.get(t) ?? Math.log((this.n + 1) / 0.5);
  }

  /** The distinct tokens of a name, in order, with their squared weights. */
  private bag(s: string): { w: Map<string, number>; norm: number } {
    let b = this.cache.get(s);
    if (!b) {
      const w = new Map<string, number>();
      let norm = 0;
      for (const t of tokens(s)) {
        if (w.has(t)) continue;
        const x = this.weight(t) ** 2;
        w.set(t, x);
        norm += x;
      }
      this.cache.set(s, (b = { w, norm }));
    }
    return b;
  }

  score(a: string, b: string): number {
    const A = this.bag(a);
    const B = this.bag(b);
    let dot = 0;
    for (const [t, x] of A.w) if (B.w.has(t)) dot += x;
    return A.norm > 0 && B.norm > 0 ? dot / Math.sqrt(A.norm * B.norm) : 0;
  }
}

/** Finding and removing fixed phrases (place names, genre boilerplate, theme signal words) in one pass over a text. */

/** Removes every occurrence of the given phrases (longest first, so 朝阳区 goes before 朝阳). */
export function removePhrases(s: string, phrases: readonly string[]): string {
  const sorted = [...new Set(phrases.filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
  let out = s;
  for (const p of sorted) if (out.includes(p)) out = out.split(p).join(' ');
  return out;
}

/**
 * Which of a fixed set of phrases occur in a text, in one pass: phrases are bucketed by their first code unit, so
 * only the few that can start at a position are tried there. Shared by phrase removal and theme signals.
 */
export class PhraseFinder {
  /** Phrases of one code unit, by that unit; longer phrases by their first two units (`c0 * 65536 + c1`). */
  private readonly single = new Map<number, number[]>();
  private readonly byPair = new Map<number, number[]>();
  /** Whether any phrase starts with a code unit (a quick filter before the maps). */
  private readonly starts = new Uint8Array(65536);
  private readonly stamp: Uint32Array;
  private tick = 0;

  constructor(readonly phrases: readonly string[]) {
    // by two units, not one: a corpus of 3,000 plans gives thousands of place names, many sharing a first
    // character (新, 安, 华 …), and trying each of them at every such character cost 48 s of the tasks view
    phrases.forEach((p, k) => {
      if (p.length === 0) return;
      const c = p.charCodeAt(0);
      this.starts[c] = 1;
      const key = p.length === 1 ? c : c * 65536 + p.charCodeAt(1);
      const map = p.length === 1 ? this.single : this.byPair;
      const list = map.get(key);
      if (list) list.push(k);
      else map.set(key, [k]);
    });
    this.stamp = new Uint32Array(phrases.length);
  }

  /** Calls `visit` once for each phrase found in `s` (index into `phrases`), in the order first seen. */
  find(s: string, visit: (k: number) => void): void {
    const tick = ++this.tick;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (this.starts[c] === 0) continue;
      const one = this.single.get(c);
      const two = i + 1 < n ? this.byPair.get(c * 65536 + s.charCodeAt(i + 1)) : undefined;
      if (!one && !two) continue;
      // both lists ascend: visit in index order, as one list of every phrase starting here would
      let a = 0;
      let b = 0;
      const na = one?.length ?? 0;
      const nb = two?.length ?? 0;
      while (a < na || b < nb) {
        const k = b >= nb || (a < na && (one?.[a] as number) < (two?.[b] as number)) ? (one?.[a++] as number) : (two?.[b++] as number);
        if (this.stamp[k] !== tick && s.startsWith(this.phrases[k] as string, i)) {
          this.stamp[k] = tick;
          visit(k);
        }
      }
    }
  }
}

/**
 * Removes phrases (place names, boilerplate) from a text, longest first. The phrases are sorted once, and one
 * pass over a text finds which of them occur, so only those are removed (in the same longest-first order, with
 * the same result).
 */
export class PhraseRemover {
  private readonly finder: PhraseFinder;
  /** Phrases with a space could appear only once a removal has put one there: always tried. */
  private readonly always: number[] = [];

  constructor(phrases: readonly string[]) {
    const sorted = [...new Set(phrases.filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
    sorted.forEach((p, k) => { if (p.includes(' ')) this.always.push(k); });
    this.finder = new PhraseFinder(sorted);
  }

  remove(s: string): string {
    if (this.finder.phrases.length === 0) return s;
    const hits = [...this.always];
    this.finder.find(s, (k) => { if (!this.always.includes(k)) hits.push(k); });
    if (hits.length === 0) return s;
    hits.sort((a, b) => a - b);
    let out = s;
    for (const k of hits) {
      const p = this.finder.phrases[k] as string;
      if (out.includes(p)) out = out.split(p).join(' ');
    }
    return out;
  }
}


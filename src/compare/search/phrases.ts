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

  /** Calls `visit` for every occurrence of every phrase in `s` (index into `phrases`, start), by start. */
  findAll(s: string, visit: (k: number, at: number) => void): void {
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (this.starts[c] === 0) continue;
      const one = this.single.get(c);
      if (one) for (const k of one) visit(k, i);
      const two = i + 1 < n ? this.byPair.get(c * 65536 + s.charCodeAt(i + 1)) : undefined;
      if (two) for (const k of two) if (s.startsWith(this.phrases[k] as string, i)) visit(k, i);
    }
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
 * Removes phrases (place names, boilerplate) from a text, longest first, each occurrence becoming one space: the
 * result of `removePhrases`, computed in one pass. Phrases without a space can only occur in text no earlier
 * removal touched (a removal leaves a space), so every occurrence is found once in the original text, and they are
 * taken phrase by phrase in priority order, each left to right, skipping any that overlaps one already removed —
 * what `split(p).join(' ')` in that order does. Rebuilding the string once per phrase found cost 40 s of the
 * tasks view at 3,000 plans (every plan's place names in every task).
 */
export class PhraseRemover {
  private readonly finder: PhraseFinder;
  /**
   * Phrases with a space (labels such as `甲区 2024`) can match text that earlier removals put spaces in, so a text
   * that might hold one is removed from phrase by phrase. It might only when every piece between the spaces occurs
   * in it: the pieces are found in one pass, and `needs[k]` are the spaced phrases that piece k starts.
   */
  private readonly spaced: number[] = [];
  private readonly pieces: PhraseFinder;
  private readonly needs: number[][] = [];
  private readonly piecesOf: number[][] = [];
  private readonly seen: Uint32Array;
  /** A phrase of spaces only: any text may hold it. */
  private readonly blank: boolean;
  private tick = 0;
  private mark = new Uint8Array(256);

  constructor(phrases: readonly string[]) {
    const sorted = [...new Set(phrases.filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
    this.finder = new PhraseFinder(sorted);
    const pieceIds = new Map<string, number>();
    sorted.forEach((p, k) => {
      if (!p.includes(' ')) return;
      this.spaced.push(k);
      const ids = [...new Set(p.split(' ').filter(Boolean))].map((w) => {
        let id = pieceIds.get(w);
        if (id === undefined) pieceIds.set(w, (id = pieceIds.size));
        return id;
      });
      this.piecesOf[k] = ids;
      const first = ids[0];
      if (first !== undefined) (this.needs[first] ??= []).push(k);
    });
    this.pieces = new PhraseFinder([...pieceIds.keys()]);
    this.blank = this.spaced.some((k) => (this.piecesOf[k]?.length ?? 0) === 0);
    this.seen = new Uint32Array(pieceIds.size);
  }

  /** Whether a spaced phrase could occur in `s` once other phrases are removed from it. */
  private mayHoldSpaced(s: string): boolean {
    if (this.spaced.length === 0) return false;
    if (this.blank) return true;
    const tick = ++this.tick;
    const found: number[] = [];
    this.pieces.find(s, (w) => {
      this.seen[w] = tick;
      found.push(w);
    });
    return found.some((w) => (this.needs[w] ?? []).some((k) => (this.piecesOf[k] ?? []).every((x) => this.seen[x] === tick)));
  }

  remove(s: string): string {
    const phrases = this.finder.phrases;
    if (phrases.length === 0) return s;
    if (this.mayHoldSpaced(s)) return this.removeInOrder(s);
    // occurrences as one number each, priority first then position: k × (n + 1) + start
    const n = s.length;
    const found: number[] = [];
    this.finder.findAll(s, (k, at) => found.push(k * (n + 1) + at));
    if (found.length === 0) return s;
    found.sort((a, b) => a - b);
    if (this.mark.length < n) this.mark = new Uint8Array(Math.max(n, this.mark.length * 2));
    const mark = this.mark; // 0 kept, 1 first unit of a removed occurrence, 2 the rest of it
    mark.fill(0, 0, n);
    for (const f of found) {
      const k = Math.floor(f / (n + 1));
      const at = f - k * (n + 1);
      const end = at + (phrases[k] as string).length;
      let free = true;
      for (let j = at; j < end; j++) if (mark[j] !== 0) { free = false; break; }
      if (!free) continue;
      mark[at] = 1;
      for (let j = at + 1; j < end; j++) mark[j] = 2;
    }
    let out = '';
    let from = 0;
    for (let i = 0; i < n; i++) {
      if (mark[i] === 0) continue;
      if (mark[i] === 1) out += `${s.slice(from, i)} `;
      from = i + 1;
    }
    return from === 0 && out === '' ? s : out + s.slice(from);
  }

  /** The phrase-by-phrase way: which phrases occur is found in one pass, then each is removed in turn. */
  private removeInOrder(s: string): string {
    const hits = new Set(this.spaced);
    this.finder.find(s, (k) => hits.add(k));
    let out = s;
    for (const k of [...hits].sort((a, b) => a - b)) {
      const p = this.finder.phrases[k] as string;
      if (out.includes(p)) out = out.split(p).join(' ');
    }
    return out;
  }
}

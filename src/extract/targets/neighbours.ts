/**
 * The counted neighbours of a bare number in a list (`国际标准2项,国家标准20,行业标准…50项`): the target whose quote
 * ends right before the number's clause, or starts right after the number, with nothing but list separators
 * (`,`, `，`, `、`, spaces) between. Found through the run of separators at that place and an index of the targets
 * by where their quotes end and start, so a long list costs a few lookups a number, not a pass over every target
 * and the text between (which made a 16 KB list of bare numbers take 20 s).
 */

interface Quoted {
  qStart: number;
  qEnd: number;
}

/** The separators a list puts between its items: `[,，、\s]`. */
const isListSeparator = (c: number) => c === 0x2c || c === 0xff0c || c === 0x3001 || c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000
  || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;

export class ListNeighbours<T extends Quoted> {
  /** Quote end → the last target (in list order) ending there; quote start → the first starting there. */
  private readonly byEnd = new Map<number, number>();
  private readonly byStart = new Map<number, number>();
  private indexed = 0;
  private readonly runStart = new Map<number, number>();

  /** `targets` may grow between the questions: the new ones are indexed when the next is asked. */
  constructor(private readonly s: string, private readonly targets: T[]) {}

  private sync(): void {
    for (; this.indexed < this.targets.length; this.indexed++) {
      const t = this.targets[this.indexed] as T;
      this.byEnd.set(t.qEnd, this.indexed);
      if (!this.byStart.has(t.qStart)) this.byStart.set(t.qStart, this.indexed);
    }
  }

  /**
   * The last target (in list order) whose quote ends at or before `cs` with only separators from there to `cs`:
   * what `[...targets].reverse().find(…)` over the text between gave.
   */
  before(cs: number): T | undefined {
    this.sync();
    let from = this.runStart.get(cs);
    if (from === undefined) {
      for (from = cs; from > 0 && isListSeparator(this.s.charCodeAt(from - 1)); from--);
      this.runStart.set(cs, from);
    }
    let best = -1;
    if (cs - from < this.targets.length) {
      for (let q = from; q <= cs; q++) { const k = this.byEnd.get(q); if (k !== undefined && k > best) best = k; }
    } else {
      for (let k = this.targets.length - 1; k >= 0 && best < 0; k--) { const e = (this.targets[k] as T).qEnd; if (e >= from && e <= cs) best = k; }
    }
    return best < 0 ? undefined : this.targets[best];
  }

  /** The first target (in list order) whose quote starts at or after `ne` with only separators between. */
  after(ne: number): T | undefined {
    this.sync();
    let to = ne;
    while (to < this.s.length && isListSeparator(this.s.charCodeAt(to))) to++;
    let best = -1;
    if (to - ne < this.targets.length) {
      for (let q = ne; q <= to; q++) { const k = this.byStart.get(q); if (k !== undefined && (best < 0 || k < best)) best = k; }
    } else {
      for (let k = 0; k < this.targets.length && best < 0; k++) { const b = (this.targets[k] as T).qStart; if (b >= ne && b <= to) best = k; }
    }
    return best < 0 ? undefined : this.targets[best];
  }
}

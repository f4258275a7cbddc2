/** Small typed-array helpers of the similarity index: a growable int list and a partial top-T selection. */

/**
 * The positions in [from, to) of the `T` heaviest weights, heaviest first, ties by position: what sorting the whole
 * range would give, by a partial insertion sort (T is small, a task has a hundred or more tokens).
 */
export function heaviest(w: Float64Array, from: number, to: number, T: number): number[] {
  const order: number[] = [];
  for (let j = from; j < to; j++) {
    const x = w[j] as number;
    if (order.length === T && x <= (w[order[T - 1] as number] as number)) continue;
    let i = order.length < T ? order.push(j) - 1 : T - 1;
    while (i > 0 && (w[order[i - 1] as number] as number) < x) {
      order[i] = order[i - 1] as number;
      i--;
    }
    order[i] = j;
  }
  return order;
}

/** A growable typed array of 32-bit ints. */
export class IntList {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/** A growable typed array of doubles. */
export class FloatList {
  a = new Float64Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/** Line index of a decoded source: offset ↔ line/column, for positions of blocks that span lines. */
import type { Block, Position } from '../model.js';

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    if (text.indexOf('\r') < 0) {
      // the common case: native indexOf instead of a loop over every character
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }
  position(offset: number): Position {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1, offset };
  }
}

/** Source offset of character `i` of a block's text. */
export function blockOffset(b: Block, i: number): number {
  if (b.offsets) return b.offsets[Math.min(i, b.offsets.length - 1)] ?? b.offset;
  return b.offset + i;
}

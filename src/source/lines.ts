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

/** A table row as one block: its cells joined by ` | `, each separator pinned to the next cell's start. */
export function rowFromCells(cells: Block[]): Block {
  let text = '';
  const offsets: number[] = [];
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k] as Block;
    if (k > 0) { text += ' | '; offsets.push(c.offset, c.offset, c.offset); }
    text += c.text;
    const o = c.offsets;
    for (let i = 0; i < c.text.length; i++) offsets.push(o ? (o[i] as number) : c.offset + i);
  }
  const last = cells[cells.length - 1] as Block;
  offsets.push(last.offsets?.[last.text.length] ?? last.offset + last.text.length);
  const first = cells.find((c) => c.text !== '') ?? (cells[0] as Block);
  return { type: 'row', text, line: first.line, offset: offsets[0] ?? first.offset, offsets, cells };
}

/**
 * Human output shows what a plan says, never what it would do to a terminal: control characters (ANSI escape
 * sequences start with ESC), C1 controls, line breaks inside one message and the bidi overrides that reorder what
 * a reader sees (U+202E …) are printed as `\xHH` / `\uHHHH`. Data formats (YAML, JSON) escape them already.
 */
import type { Grid } from './compare-views.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** `s` with every control and bidi character written out as an escape. */
export function visible(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** A grid whose every text is {@link visible}, for terminal tables. */
export function visibleGrid(g: Grid): Grid {
  const out: Grid = { ...g, title: visible(g.title), header: g.header.map(visible), rows: g.rows.map((r) => r.map((c) => ({ ...c, lines: c.lines.map(visible) }))) };
  if (g.note !== undefined) out.note = visible(g.note);
  return out;
}

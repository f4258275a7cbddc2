/**
 * The source text behind a view's normalized working copy. `orig` is the exact slice (quotes keep every character
 * as printed); `clean` keeps the printed characters too but leaves out what the working copy dropped (zero-width
 * characters, pinyin annotations), for values such as titles that a reader expects without converter debris.
 */
import { srcAt, type View } from '../../outline/outline.js';

/** The original characters of a view between two normalized indices. */
export function orig(v: View, s = 0, e = v.norm.length): string {
  return v.b.text.slice(srcAt(v, s), srcAt(v, e));
}

/** The original characters at each normalized position in [s, e). */
export function clean(v: View, s = 0, e = v.norm.length): string {
  if (!v.map) return orig(v, s, e);
  let out = '';
  for (let i = s; i < e; i++) out += v.b.text[v.map[i] as number] ?? '';
  return out;
}

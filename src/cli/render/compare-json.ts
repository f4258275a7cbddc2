/**
 * The comparison as JSON, written in pieces: exactly the text of `JSON.stringify(result, null, 2)`, but a corpus of
 * thousands of plans gives 100–150 MB of it. One string of that size (and its UTF-8 copy) would double the peak
 * memory, and even stringifying a whole theme row (a cell per plan, 4 MB at 3,000 plans) and re-indenting it left
 * so much garbage behind that the heap grew past 1 GB before the collector caught up. So the top-level lists and
 * maps, any wide container (a map of thousands of plans) and any holding one are written entry by entry; smaller
 * values (an alignment entry, a theme cell) go through one `JSON.stringify` each. With `release`, each top-level entry is dropped from the document once written, so the object
 * tree shrinks while the text grows.
 */

/** A plain object as JSON.stringify sees it (the maps of the result are made with a null prototype). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** `JSON.stringify(v, null, 2)` with every line after the first indented by `pad` (undefined for what JSON leaves out). */
function nested(v: unknown, pad: string): string | undefined {
  const js = JSON.stringify(v, null, 2) as string | undefined;
  return js === undefined ? undefined : pad !== '' && js.includes('\n') ? js.replace(/\n/g, `\n${pad}`) : js;
}

export interface PieceOptions {
  /** Containers with more entries than this are written entry by entry at any depth (default 256). */
  wide?: number;
  /** Containers this deep or less are written entry by entry (the document is depth 0; default 1). */
  depth?: number;
  /** Drop each element of a top-level list and each entry of a top-level map once written (the lists stay, emptied). */
  release?: boolean;
}

/** The number of entries of a list or plain map (-1 for anything else). */
function width(v: unknown): number {
  return Array.isArray(v) ? v.length : isPlainObject(v) ? Object.keys(v).length : -1;
}

/** Whether a container is written entry by entry: near the top, wide, or holding a wide one (a theme row's plans). */
function split(v: unknown, d: number, o: Required<PieceOptions>): boolean {
  if (d <= o.depth) return true;
  const w = width(v);
  if (w > o.wide) return true;
  if (w <= 0) return false;
  const values: unknown[] = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  return values.some((x) => width(x) > o.wide);
}

/** The pieces of `JSON.stringify(v, null, 2)` at indent `pad` and depth `d`. */
function* piecesOf(v: unknown, pad: string, d: number, o: Required<PieceOptions>): Generator<string> {
  const inner = `${pad}  `;
  const whole = !split(v, d, o);
  if (!whole && Array.isArray(v) && v.length > 0) {
    for (let j = 0; j < v.length; j++) {
      yield `${j > 0 ? ',' : '['}\n${inner}`;
      const el: unknown = v[j];
      if (skipped(el)) yield 'null';
      else yield* piecesOf(el, inner, d + 1, o);
      if (d === 1 && o.release) v[j] = undefined;
    }
    yield `\n${pad}]`;
    return;
  }
  if (!whole && isPlainObject(v)) {
    let open = false;
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (skipped(x)) continue;
      yield `${open ? ',' : '{'}\n${inner}${JSON.stringify(k)}: `;
      open = true;
      yield* piecesOf(x, inner, d + 1, o);
      if (d === 1 && o.release) delete v[k];
    }
    yield open ? `\n${pad}}` : '{}';
    return;
  }
  yield nested(v, pad) ?? 'null';
}

/** The pieces of `JSON.stringify(doc, null, 2)` for a plain object whose values are plain JSON data. */
export function* jsonPieces(doc: Record<string, unknown>, options: PieceOptions = {}): Generator<string> {
  yield* piecesOf(doc, '', 0, { wide: 256, depth: 1, release: false, ...options });
}

/** Writes the pieces in blocks of about a megabyte (joined by `+=`: V8 keeps them as a rope until written). */
export function writeJson(doc: Record<string, unknown>, write: (s: string) => void, options: PieceOptions = {}): void {
  let buf = '';
  for (const piece of jsonPieces(doc, options)) {
    buf += piece;
    if (buf.length >= 1 << 20) {
      write(buf);
      buf = '';
    }
  }
  write(`${buf}\n`);
}

/**
 * The comparison as JSON, written in pieces: exactly the text of `JSON.stringify(result, null, 2)`, but a corpus of
 * thousands of plans gives 100–150 MB of it. One string of that size (and its UTF-8 copy) would double the peak
 * memory, and even stringifying a whole theme row (a cell per plan, 4 MB at 3,000 plans) and re-indenting it left
 * so much garbage behind that the heap grew past 1 GB before the collector caught up. So containers near the top,
 * and any wide one (a map of thousands of plans), are written entry by entry; only small values go through
 * `JSON.stringify`. With `release`, each top-level entry is dropped from the document once written, so the object
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
  /** Containers with more entries than this are written entry by entry at any depth (default 32). */
  wide?: number;
  /** Containers this deep or less are written entry by entry (the document is depth 0; default 2). */
  depth?: number;
  /** Drop each element of a top-level list and each entry of a top-level map once written (the lists stay, emptied). */
  release?: boolean;
}

/** The pieces of `JSON.stringify(v, null, 2)` at indent `pad` and depth `d`. */
function* piecesOf(v: unknown, pad: string, d: number, o: Required<PieceOptions>): Generator<string> {
  const inner = `${pad}  `;
  if (Array.isArray(v) && v.length > 0 && (d <= o.depth || v.length > o.wide)) {
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
  if (isPlainObject(v) && (d <= o.depth || Object.keys(v).length > o.wide)) {
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
  yield* piecesOf(doc, '', 0, { wide: 32, depth: 2, release: false, ...options });
}

/** Writes the pieces in blocks of about a megabyte. */
export function writeJson(doc: Record<string, unknown>, write: (s: string) => void, options: PieceOptions = {}): void {
  let buf: string[] = [];
  let size = 0;
  for (const piece of jsonPieces(doc, options)) {
    buf.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      write(buf.join(''));
      buf = [];
      size = 0;
    }
  }
  buf.push('\n');
  write(buf.join(''));
}

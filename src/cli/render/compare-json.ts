/**
 * The comparison as JSON, written in pieces: exactly the text of `JSON.stringify(result, null, 2)`, but a corpus of a
 * thousand plans gives ~100 MB of it, and one string of that size plus its UTF-8 copy on the way out would double
 * the peak memory of the whole comparison. The top-level lists and maps are written element by element instead.
 */

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** `JSON.stringify(v, null, 2)` with every line after the first indented by `pad` (undefined for what JSON leaves out). */
function nested(v: unknown, pad: string): string | undefined {
  const js = JSON.stringify(v, null, 2) as string | undefined;
  return js === undefined ? undefined : js.includes('\n') ? js.replace(/\n/g, `\n${pad}`) : js;
}

/** The pieces of `JSON.stringify(doc, null, 2)` for a plain object whose values are plain JSON data. */
export function* jsonPieces(doc: Record<string, unknown>): Generator<string> {
  let first = true;
  for (const k of Object.keys(doc)) {
    const v = doc[k];
    const head = `${first ? '{\n' : ',\n'}  ${JSON.stringify(k)}: `;
    if (Array.isArray(v) && v.length > 0) {
      first = false;
      yield `${head}[\n`;
      for (const [j, el] of v.entries()) yield `${j > 0 ? ',\n' : ''}    ${nested(el, '    ') ?? 'null'}`;
      yield '\n  ]';
    } else if (isPlainObject(v) && typeof v.toJSON !== 'function' && Object.keys(v).length > 0) {
      let open = false;
      for (const s of Object.keys(v)) {
        // JSON.stringify leaves out properties whose value is undefined (or a function, a symbol)
        const js = nested(v[s], '    ');
        if (js === undefined) continue;
        yield `${open ? ',\n' : `${head}{\n`}    ${JSON.stringify(s)}: ${js}`;
        open = true;
        first = false;
      }
      if (open) yield '\n  }';
      else {
        yield `${head}{}`;
        first = false;
      }
    } else {
      const js = nested(v, '  ');
      if (js === undefined) continue;
      yield `${head}${js}`;
      first = false;
    }
  }
  yield first ? '{}' : '\n}';
}

/** Writes the pieces in blocks of about a megabyte. */
export function writeJson(doc: Record<string, unknown>, write: (s: string) => void): void {
  let buf: string[] = [];
  let size = 0;
  for (const piece of jsonPieces(doc)) {
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

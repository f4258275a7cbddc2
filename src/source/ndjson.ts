/**
 * NDJSON (one JSON document per line), as `qplan extract -f ndjson` writes it: telling it apart from a JSON
 * document, and splitting it into lines that keep their line numbers, so a reader can say `file:line`.
 */

/** One non-blank line of an NDJSON text: its 1-based line number and its text. */
export interface NdjsonLine {
  line: number;
  text: string;
}

const NDJSON_EXT = /\.(?:ndjson|jsonl)$/i;

/**
 * Whether a text is NDJSON: by its extension (`.ndjson`, `.jsonl`), or, for stdin and `.json` files, because its
 * first non-blank line is a whole JSON object and another non-blank line follows. A JSON document cannot go on
 * after its object, and pretty-printed JSON (`extract -f json`) opens with a lone `{` or `[`, so neither is taken
 * for NDJSON; a later line that is not JSON is then reported on its own line.
 */
export function isNdjson(path: string, text: string): boolean {
  if (NDJSON_EXT.test(path)) return true;
  const lines = /^[\s\ufeff]*(\{[^\n]*)\n\s*\S/.exec(text);
  if (!lines) return false;
  try {
    const first: unknown = JSON.parse(lines[1] as string);
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}

/** The non-blank lines of an NDJSON text, with their line numbers (a CR before the newline is dropped). */
export function ndjsonLines(text: string): NdjsonLine[] {
  const out: NdjsonLine[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  body.split('\n').forEach((raw, i) => {
    const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (t.trim() !== '') out.push({ line: i + 1, text: t });
  });
  return out;
}

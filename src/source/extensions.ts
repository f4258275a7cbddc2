/**
 * The one place that says which file names qplan takes for what. A directory walk takes the files these lists
 * name and nothing else; an unknown extension given by name is still read (its format is sniffed).
 */

/** Raw plan files qplan reads. */
export const RAW_EXT = ['txt', 'text', 'html', 'htm', 'shtml', 'xhtml', 'md', 'markdown', 'mdown', 'pdf', 'docx'] as const;
/** Office formats a walk takes only to report them as not read, with advice on converting them. */
export const UNREAD_EXT = ['doc', 'wps', 'ofd'] as const;
/** Plan documents as `qplan extract` writes them. */
export const PLAN_DOC_EXT = ['yaml', 'yml', 'json', 'ndjson', 'jsonl'] as const;

/** What `extract` takes from a directory. */
export const EXTRACT_INPUT_EXT = [...RAW_EXT, ...UNREAD_EXT];
/** What `compare`, `table`, `lineage` and `validate` take from a directory: raw files and plan documents. */
export const PLAN_INPUT_EXT = [...RAW_EXT, ...UNREAD_EXT, ...PLAN_DOC_EXT];

/** A case-insensitive test for names ending in one of `exts`. */
export function extPattern(exts: readonly string[]): RegExp {
  return new RegExp(`\\.(?:${exts.join('|')})$`, 'i');
}

/** The lower-cased extension of a name, without the dot ('' when it has none). */
export function extensionOf(path: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
}

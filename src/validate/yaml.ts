/**
 * Safe YAML/JSON reading for validation: YAML 1.2 core schema only (dates stay strings, no `!!binary`,
 * no `!!js/function`), no merge keys, a cap on alias expansion, and every node kept with its source range
 * so a data path (`tasks.3.title`) maps back to `line:column`. JSON is read by the same parser (JSON is
 * YAML 1.2), so both formats get the same positions.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node } from 'yaml';

/** Aliases a document may expand before it is refused; plan files written by qplan use none. */
export const MAX_ALIAS_COUNT = 100;

/** The tags of the YAML 1.2 core schema; any other explicit tag is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** A path into the data: keys and list indexes (`['tasks', 3, 'title']`). */
export type DataPath = readonly (string | number)[];

/** 1-based line and column in the file. */
export interface Place {
  line: number;
  column: number;
}

/** Problems found while reading, before the schema is looked at. */
export interface ReadProblem {
  code: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-alias-limit' | 'yaml-tag' | 'yaml-empty';
  severity: 'error' | 'warning';
  message: string;
  place: Place | null;
}

/** One document of the stream: its data (when it could be read safely) and a locator for data paths. */
export interface ReadDoc {
  /** `undefined` when the document had read errors: its data is not trusted. */
  data: unknown;
  ok: boolean;
  locate(path: DataPath, focus?: 'value' | 'key'): Place | null;
}

/** The documents of a YAML stream and what went wrong reading them. */
export interface ReadResult {
  docs: ReadDoc[];
  problems: ReadProblem[];
}

/** Parses YAML (or JSON) text into documents with positions; never constructs objects from tags. */
export function readYaml(src: string): ReadResult {
  const lc = new LineCounter();
  const at = (offset: number | undefined): Place | null => {
    if (offset === undefined) return null;
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problems: ReadProblem[] = [];
  const docs: ReadDoc[] = [];
  // `schema: 'core'` wins over a `%YAML 1.1` directive, so 1.1's timestamp/binary/omap types never apply
  // duplicate keys are found below with a Set: the library's own check compares each key with all before it, and
  // 60,000 keys (800 KB) took minutes
  const parsed = parseAllDocuments(src, { lineCounter: lc, schema: 'core', merge: false, uniqueKeys: false, prettyErrors: false, strict: true });
  const list: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  if (list.every((d) => isEmptyDoc(d) && d.errors.length === 0)) {
    problems.push({ code: 'yaml-empty', severity: 'error', message: 'the file holds no YAML document', place: { line: 1, column: 1 } });
    return { docs, problems };
  }
  for (const doc of list) {
    // a stray `---` at the end of a stream is an empty document, not a plan to check
    if (isEmptyDoc(doc) && doc.errors.length === 0) continue;
    let ok = true;
    for (const e of doc.errors) {
      ok = false;
      const dup = e.code === 'DUPLICATE_KEY';
      const key = dup ? keyAt(src, e.pos[0]) : '';
      problems.push({
        code: dup ? 'yaml-duplicate-key' : 'yaml-syntax',
        severity: 'error',
        message: dup ? `duplicate key ${key ? `'${key}' ` : ''}in a mapping` : plainYamlError(e.message),
        place: at(e.pos[0]),
      });
    }
    for (const w of doc.warnings) {
      if (w.code === 'TAG_RESOLVE_FAILED') continue; // reported below, with the tag's own position
      problems.push({ code: 'yaml-syntax', severity: 'warning', message: plainYamlError(w.message), place: at(w.pos[0]) });
    }
    let aliases = 0;
    visit(doc, {
      Node(_, node) {
        if (isAlias(node)) aliases++;
        if (isMap(node)) {
          const seen = new Set<string>();
          for (const pair of node.items) {
            const k = pair.key;
            if (!isScalar(k)) continue;
            const id = `${typeof k.value}\u0000${String(k.value)}`;
            if (!seen.has(id)) { seen.add(id); continue; }
            ok = false;
            const key = keyAt(src, k.range?.[0] ?? 0);
            problems.push({ code: 'yaml-duplicate-key', severity: 'error', message: `duplicate key ${key ? `'${key}' ` : ''}in a mapping`, place: at(k.range?.[0]) });
          }
        }
        const tag = (node as { tag?: string }).tag;
        if (tag && !CORE_TAGS.has(tag)) {
          ok = false;
          const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
          // point at the tag itself (`!!js/function`), which precedes the value's range
          const start = node.range?.[0];
          const written = start === undefined ? -1 : src.lastIndexOf(shown, start);
          const lineStart = start === undefined ? 0 : src.lastIndexOf('\n', start - 1) + 1;
          problems.push({
            code: 'yaml-tag', severity: 'error', place: at(written >= lineStart ? written : start),
            message: `tag ${shown} is not allowed: plan files use plain YAML (strings, numbers, lists, maps), so the value was not read`,
          });
        }
      },
    });
    let data: unknown;
    if (ok) {
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (e) {
        if (!(e instanceof ReferenceError)) throw e;
        ok = false;
        // yaml throws ReferenceError both for a bomb and for an alias used before its anchor
        if (!/excessive/i.test(e.message)) {
          problems.push({ code: 'yaml-syntax', severity: 'error', place: firstAlias(doc, at), message: plainYamlError(e.message) });
        } else problems.push({
          code: 'yaml-alias-limit', severity: 'error', place: firstAlias(doc, at),
          message: `too many aliases: its ${aliases} aliases expand exponentially (an "alias bomb"); qplan allows ${MAX_ALIAS_COUNT} alias expansions per document, so it was not read`,
        });
      }
    }
    docs.push({ data: ok ? data : undefined, ok, locate: (path, focus) => locate(doc, path, focus, at) });
  }
  return { docs, problems };
}

/** `---` with nothing (or only comments) after it: yaml gives it an empty plain scalar. */
function isEmptyDoc(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && c.source === '' && !c.tag);
}

function firstAlias(doc: Document.Parsed, at: (o: number | undefined) => Place | null): Place | null {
  let found: Place | null = null;
  visit(doc, {
    Alias(_, node) {
      found = at(node.range?.[0]);
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * The deepest node on `path` that exists. A missing key points at its mapping (where it should be added);
 * `focus: 'key'` points at the key of the last step instead of its value (for unknown-key messages).
 */
function locate(doc: Document.Parsed, path: DataPath, focus: 'value' | 'key' = 'value', at: (o: number | undefined) => Place | null): Place | null {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      // `title:` with nothing after it has a null value node; point at the key then
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = null;
      node = node.items[seg];
    } else break;
  }
  const target = focus === 'key' && keyNode ? keyNode : (node as Node | null);
  return at(target?.range?.[0] ?? 0);
}

/** Each map's pairs by key, built once: finding every unknown key of a 60,000-key map one scan each was quadratic. */
const pairIndexes = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();
function pairIndex(map: { items: unknown[] }): Map<string, { key: unknown; value: unknown }> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

/** The key text at a mapping key's offset (`jurisdiction` in `  jurisdiction: 示例县`). */
function keyAt(src: string, offset: number): string {
  const end = src.indexOf('\n', offset);
  const rest = src.slice(offset, end < 0 ? undefined : end);
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(?:\s|$)/.exec(rest);
  return (m?.[1] ?? rest).trim().replace(/^["']|["']$/g, '');
}

/** yaml's messages carry a code frame and "at line …" we print ourselves; keep the sentence. */
function plainYamlError(msg: string): string {
  // yaml reports its own stack overflow on absurd nesting as an error; say what it means
  if (/Maximum call stack/i.test(msg)) return 'the YAML nests too deeply to read (plan files nest a few levels)';
  const first = msg.split('\n')[0] ?? msg;
  return first.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

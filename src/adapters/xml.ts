/**
 * A small XML reader for WordprocessingML parts: elements with local names (the `w:` prefix, or whatever prefix
 * a writer chose, is dropped), attributes by local name, text with entities decoded. Enough for machine-written
 * XML; DTDs and processing instructions are skipped.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<(\/?)([^\s>/]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|[^<]+/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e] ?? m;
  });
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Elements nested deeper than this are flattened into the element at this depth. Word writes a few dozen levels
 * (tables in tables, content controls); 100,000 nested `<w:sdt>` overflowed the stack of the recursive readers.
 */
export const MAX_XML_DEPTH = 256;

/**
 * Parses a document into its root element. Throws on text that is not XML at all. Start tags deeper than
 * {@link MAX_XML_DEPTH} are counted in `stats.flattened`.
 */
export function parseXml(text: string, stats?: { flattened: number }): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const top = stack[stack.length - 1] as XmlElement;
    const t = m[0];
    if (m[1] !== undefined) { top.children.push(m[1]); continue; }
    if (m[3] !== undefined) {
      const name = local(m[3]);
      if (m[2] === '/') {
        // close the nearest open element of that name (tolerates a stray end tag)
        for (let i = stack.length - 1; i > 0; i--) if ((stack[i] as XmlElement).name === name) { stack.length = i; break; }
        continue;
      }
      const attrs: Record<string, string> = {};
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(m[4] ?? ''); a; a = ATTR.exec(m[4] ?? '')) attrs[local(a[1] as string)] = decodeEntities(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name, attrs, children: [] };
      top.children.push(el);
      if (m[5] !== '/') {
        if (stack.length <= MAX_XML_DEPTH) stack.push(el);
        else if (stats) stats.flattened++;
      }
      continue;
    }
    if (t[0] !== '<') top.children.push(decodeEntities(t));
  }
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw new Error('no XML element');
  return first;
}

/**
 * Replaces every markup-compatibility block (`mc:AlternateContent`) by the children of one branch, so what it
 * holds is read once: the Fallback (written for readers that know only the base schema, e.g. a text box as VML,
 * a `custom` numFmt as `decimal`), or the first Choice when the Fallback is empty.
 */
export function resolveAlternates(el: XmlElement): XmlElement {
  const stack = [el];
  for (let cur = stack.pop(); cur; cur = stack.pop()) {
    if (!cur.children.some((c) => typeof c !== 'string' && c.name === 'AlternateContent')) {
      for (const c of cur.children) if (typeof c !== 'string') stack.push(c);
      continue;
    }
    const out: XmlNode[] = [];
    for (const c of cur.children) {
      if (typeof c === 'string' || c.name !== 'AlternateContent') { out.push(c); continue; }
      const fallback = kid(c, 'Fallback');
      const branch = fallback && kids(fallback).length > 0 ? fallback : kid(c, 'Choice') ?? fallback;
      out.push(...(branch?.children ?? []));
    }
    cur.children = out;
    // the branch may itself hold an AlternateContent
    stack.push(cur);
  }
  return el;
}

/** Child elements, optionally of one name. */
export function kids(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function kid(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The `val` attribute of a child (`<w:ilvl w:val="1"/>` → "1"). */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return kid(el, name)?.attrs.val;
}

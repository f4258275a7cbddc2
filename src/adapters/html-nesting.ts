/** Blink stops nesting the DOM at 512 levels; deeper start tags are flattened into the 512th element. */
export const MAX_DEPTH = 512;


/**
 * Flattens nesting deeper than `max` levels by blanking the excess start and end tags with spaces (newlines
 * kept, so every offset and line stays where it was). parse5 slows down quadratically with depth (100,000 nested
 * `<div>` take about a minute), and no real page nests that deep. A light tag scanner tracks the depth; the raw
 * text of script/style and comments is skipped.
 */
export function capNesting(src: string, max: number): { text: string; flattened: number } {
  // quick exit: a page with fewer tags than the limit cannot exceed it
  let lt = 0;
  for (let i = src.indexOf('<'); i >= 0 && lt <= max; i = src.indexOf('<', i + 1)) lt++;
  if (lt <= max) return { text: src, flattened: 0 };
  const TAG = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound']);
  const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
  const AUTO = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
  const stack: Array<{ name: string; blanked: boolean }> = [];
  let depth = 0, flattened = 0;
  const blanks: Array<[number, number]> = [];
  const pop = (to: number) => {
    while (stack.length > to) { const e = stack.pop() as { blanked: boolean }; if (!e.blanked) depth--; }
  };
  for (let m = TAG.exec(src); m; m = TAG.exec(src)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]?.name !== name) k--;
      if (k < 0) continue;
      if (stack[k]?.blanked) blanks.push([m.index, m.index + m[0].length]);
      pop(k);
      continue;
    }
    if (RAW.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = TAG.lastIndex;
      const c = close.exec(src);
      TAG.lastIndex = c ? c.index : src.length;
    }
    if (VOID.has(name) || /\/$/.test(m[3] ?? '')) continue;
    // `<p>a<p>b`, `<li>a<li>b`: the same element closes its open sibling
    if (AUTO.has(name)) {
      for (let k = stack.length - 1; k >= Math.max(0, stack.length - 3); k--) if (stack[k]?.name === name) { pop(k); break; }
    }
    const blanked = depth >= max;
    if (blanked) { blanks.push([m.index, m.index + m[0].length]); flattened++; } else depth++;
    stack.push({ name, blanked });
  }
  if (blanks.length === 0) return { text: src, flattened: 0 };
  let out = '';
  let at = 0;
  for (const [s, e] of blanks) {
    out += src.slice(at, s) + src.slice(s, e).replace(/[^\n\r]/g, ' ');
    at = e;
  }
  out += src.slice(at);
  return { text: out, flattened };
}

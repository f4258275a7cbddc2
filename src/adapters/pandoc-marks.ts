/**
 * pandoc's own Markdown (`pandoc -t markdown` of a web page) carries marks remark does not know: fenced divs
 * (`::: nav`, `::: {.main .w1200}`, `:::`) around the page's parts, and attributes after bracketed spans
 * (`[2023]{lang="EN-US"}`), which split years and numbers. A fence line is no text; a span is its content.
 */

/** A fenced div's opening or closing line. */
const FENCE = /^:{3,}\s*(?:\{[^{}]*\}|[\w.-]+)?\s*:*$/;
/** A bracketed span with its attributes: `[2023]{lang="EN-US"}`, `[欢迎访问]{.welcome}`. */
const SPAN = /\[([^[\]\n]*)\]\{\s*(?:[.#]?[\w-]+(?:=(?:"[^"]*"|[^\s{}"]+))?\s*)+\}/g;

export const isFenceLine = (line: string): boolean => FENCE.test(line);

/** The line without span brackets and attributes, each character kept with its offset. */
export function dropSpanAttributes(chars: string[], offs: number[]): { chars: string[]; offs: number[] } {
  const line = chars.join('');
  if (line.indexOf(']{') < 0) return { chars, offs };
  const keep = new Array<boolean>(line.length).fill(true);
  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(line); m; m = SPAN.exec(line)) {
    const inner = (m[1] as string).length;
    for (let i = m.index; i < m.index + m[0].length; i++) keep[i] = i > m.index && i <= m.index + inner;
  }
  return { chars: chars.filter((_, i) => keep[i]), offs: offs.filter((_, i) => keep[i]) };
}

/**
 * A look at a Markdown text before remark parses it. micromark is quadratic in some structures and slow on others:
 * 40 KB of `*a` took minutes, 10 KB of `>` overflowed the stack, a 200 KB GFM table took 10 s and 600 MB. A plan
 * is prose with a few headings, lists and small tables, so a text whose markup goes far beyond that is read as
 * plain text instead (the outline still finds `一、` / `（一）` / `1.`), and the reason is reported.
 *
 * The scan is linear. Its limits are costs measured on remark 11 with remark-gfm 4 (loaded 2-core machine):
 * - inline delimiters (`*_[]<` and backticks) in one paragraph cost about their count squared: 5,000 in one
 *   paragraph took 0.8 s, twenty paragraphs of 1,000 took 2.9 s;
 * - a GFM table costs about 0.25 ms per cell, whatever its shape;
 * - each level of `>` or list nesting re-parses the lines inside it.
 */

/** Above these, remark would take seconds: the text is read as plain text. */
export const MARKDOWN_LIMITS = {
  /** Sum over paragraphs of (inline delimiters in the paragraph)². */
  delimiterCost: 2_000_000,
  /** Table cells (`|` in table-like lines) in the whole text. */
  tableCells: 3_000,
  /** `>` and list levels before a line's text. */
  depth: 32,
  /** Sum over lines of their nesting depth. */
  depthCost: 5_000,
};

/** Why remark must not parse this text, or null when it may. */
export function markdownRisk(text: string): string | null {
  let delimiters = 0, delimiterCost = 0, cells = 0, depthCost = 0, maxDepth = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // one line: its container prefix, then its content
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    let j = i, depth = 0, indent = 0;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 32) indent++;
      else if (c === 9) indent += 4;
      else if (c === 62) depth++; // >
      else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(j + 1) === 32 || j + 1 === end)) depth++; // - * + item
      else if (c >= 48 && c <= 57 && /^\d{1,9}[.)](?: |$)/.test(text.slice(j, j + 11))) { depth++; while (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41) j++; }
      else break;
    }
    // a list item nested k levels deep is indented by at least 2k
    depth += Math.floor(indent / 2);
    if (j === end) {
      // a blank line ends the paragraph
      delimiterCost += delimiters * delimiters;
      delimiters = 0;
    } else {
      if (depth > maxDepth) maxDepth = depth;
      depthCost += depth;
      let pipes = 0;
      for (let k = j; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 60 || c === 126) delimiters++;
        else if (c === 124) pipes++;
      }
      if (pipes >= 2) cells += pipes - 1;
    }
    i = end + 1;
  }
  delimiterCost += delimiters * delimiters;
  const L = MARKDOWN_LIMITS;
  if (maxDepth > L.depth) return `it nests ${maxDepth} levels deep (quotes or lists; a plan needs a few)`;
  if (depthCost > L.depthCost) return `its nesting is too heavy (${depthCost} levels over all lines)`;
  if (delimiterCost > L.delimiterCost) return `it has too many emphasis, link or code marks in one paragraph (about ${Math.round(Math.sqrt(delimiterCost))})`;
  if (cells > L.tableCells) return `its tables have ${cells} cells (at most ${L.tableCells} are read as a table)`;
  return null;
}

/**
 * An HTML page that prints a PDF's lines one to a paragraph (a converter's output pasted into a CMS): the lines are
 * about as wide as each other and end mid-sentence (`…制造业产品质量合格` / `率达到93%以上，…`). They are rejoined
 * as hard-wrapped text is (unwrap.ts measures the wrap width); each joined block keeps its characters' offsets.
 */
import type { Block } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { wrapOfTexts } from './unwrap.js';
import { joinText } from './pdf-spaces.js';
import { DOC_NUMBER_LINE, META_LABEL_LINE, PARAGRAPH_START } from '../lexicon/structure.js';

/** A line's text without its indent and trailing blanks, with the source offset of each character and of its end. */
function piece(b: Block): { text: string; offsets: number[] } {
  const lead = b.text.length - b.text.trimStart().length;
  const text = b.text.trim();
  const at = (i: number) => (b.offsets ? (b.offsets[i] as number | undefined) ?? b.offset + i : b.offset + i);
  const offsets = Array.from({ length: text.length + 1 }, (_, i) => at(lead + i));
  // the end of a block without its own end offset: one past its last character
  if (b.offsets && b.offsets[lead + text.length] === undefined) offsets[text.length] = at(lead + text.length - 1) + 1;
  return { text, offsets };
}
/** Cells parted by blanks (a table copied as text, `1 合格率 % 93.1 94.5`): a row, never a wrapped line. */
const CELLS = /\S[\t \u00a0\u3000]+\S.*\S[\t \u00a0\u3000]+\S/;

/** The blocks with the lines of a hard-wrapped page rejoined into paragraphs (the same blocks when it is not one). */
export function rejoinWrapped(blocks: Block[], ctx?: Collector): Block[] {
  // a line printed more than once (a running header, a pager, a page's title repeated on every page) and a label
  // line (`发布时间：…`) are no wrapped prose, however alike their widths
  const seen = new Map<string, number>();
  for (const b of blocks) if (b.type === 'para') seen.set(b.text.trim(), (seen.get(b.text.trim()) ?? 0) + 1);
  const prose = (t: string) => seen.get(t) === 1 && !CELLS.test(t) && !META_LABEL_LINE.test(t);
  const isFull = wrapOfTexts([...seen.keys()].filter(prose));
  if (!isFull) return blocks;
  const out: Block[] = [];
  let joined = 0;
  // the last line of the block being built: a join needs it full, not the whole paragraph
  let last = '';
  let open: { text: string; offsets: number[] } | null = null;
  for (const b of blocks) {
    const prev = out[out.length - 1];
    const t = b.text.trim();
    const line = b.type === 'para' && prose(t);
    if (open && prev && line && isFull(last) && !PARAGRAPH_START.test(t) && !META_LABEL_LINE.test(t) && !DOC_NUMBER_LINE.test(t)) {
      const next = piece(b);
      const text = joinText(open.text, t);
      const offsets: number[] = open.offsets.slice(0, -1);
      // a space put back between two Latin words points at the end of the line before
      if (text.length > open.text.length + t.length) offsets.push(open.offsets[open.offsets.length - 1] as number);
      open = { text, offsets: [...offsets, ...next.offsets] };
      out[out.length - 1] = { ...prev, text, offset: open.offsets[0] as number, offsets: open.offsets };
      joined++;
    } else {
      out.push(b);
      open = line ? piece(b) : null;
    }
    last = t;
  }
  if (joined > 0) ctx?.report('text-unwrapped', null, `the page prints hard-wrapped lines one to a paragraph (converted from PDF?): ${joined} wrapped lines rejoined into paragraphs`);
  return joined > 0 ? out : blocks;
}

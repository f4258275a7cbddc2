/**
 * Whether a page's body already prints a title that its metadata holds (an HTML `<title>`, a Markdown front
 * matter's `title:`): the metadata's title is then not put before the body again.
 */
import type { Block } from '../model.js';

/** Letters and digits only: the body may print the title with other brackets, spaces or dashes. */
export const squashTitle = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * `title` (squashed) occurs in the squashed blocks taken as one string: looked for block by block, with the end of
 * the text before each block carried over (a title may run across blocks), so a title printed near the top ends the
 * search there, and no string of the whole page is built.
 */
export function printsTitle(blocks: Block[], title: string): boolean {
  if (title === '') return true;
  let carry = '';
  for (const b of blocks) {
    const s = carry + squashTitle(b.text);
    if (s.includes(title)) return true;
    carry = s.length < title.length ? s : s.slice(s.length - title.length + 1);
  }
  return false;
}

/** fromMarkdown: placeholder until the Markdown adapter lands (issue 3). */
import type { Block } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { InputError } from '../diagnostics.js';

export function fromMarkdown(_text: string, _ctx: Collector): Block[] {
  throw new InputError('input-binary', 'Markdown input is not supported yet');
}

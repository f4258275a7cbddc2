/** fromHtml: placeholder until the HTML adapter lands (issue 3). */
import type { Block } from '../model.js';
import type { Collector } from '../diagnostics.js';
import { InputError } from '../diagnostics.js';

export function fromHtml(_text: string, _ctx: Collector): Block[] {
  throw new InputError('input-binary', 'HTML input is not supported yet');
}

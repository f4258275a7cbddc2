/** `qplan extract --stage`: the blocks or the outline of a plan, one line each (a debugging view). */
import type { ExtractResult } from '../../pipeline.js';

export function stageView(result: ExtractResult, stage: 'blocks' | 'outline'): string {
  if (stage === 'blocks') return result.blocks.map((b) => `${b.page !== undefined ? `p${b.page}:` : ''}${b.line}\t${b.type}\t${b.text}`).join('\n') + '\n';
  const o = result.outline;
  const lines: string[] = [`body: views ${o.bodyStart}..${o.bodyEnd}`];
  for (const c of o.chapters) lines.push(`${c.v.b.line}\tchapter ${c.ord} [${c.role}] ${c.title}`);
  for (const it of o.items) lines.push(`${it.head.v.b.line}\t  ${it.kind} ${it.chapter ?? ''}${it.group ? `.${it.group}` : ''} ${it.printed} (+${it.more.length})`);
  for (const c of o.columns) lines.push(`${c.head.b.line}\t  专栏 ${c.number} ${c.title} items=${c.items.length}`);
  for (const a of o.attachments) lines.push(`${a.head.b.line}\tattachment ${a.number} cells=${a.views.length}`);
  return `${lines.sort((a, b) => Number(a.split('\t')[0]) - Number(b.split('\t')[0])).join('\n')}\n`;
}

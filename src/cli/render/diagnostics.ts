/** Human rendering of diagnostics: `file:line: severity: message [code]` (editors and CI link file:line). */
import type { Diagnostic } from '../../model.js';
import { visible } from './visible.js';

export function renderDiagnostic(path: string, d: Diagnostic): string {
  const where = d.line !== null ? `${visible(path)}:${d.line}` : visible(path);
  return `${where}: ${d.severity}: ${visible(d.message)} [${visible(d.code)}]`;
}

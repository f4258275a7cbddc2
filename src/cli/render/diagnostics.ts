/**
 * Human rendering of diagnostics: `file:line: severity: message [code]` (editors and CI link file:line); for a
 * PDF, `file:line` names the line on the page: `plan.pdf:12 (page 3): …`.
 */
import type { Diagnostic } from '../../model.js';
import { visible } from './visible.js';

export function renderDiagnostic(path: string, d: Diagnostic): string {
  const where = d.line !== null ? `${visible(path)}:${d.line}${d.page !== undefined ? ` (page ${d.page})` : ''}` : visible(path);
  return `${where}: ${d.severity}: ${visible(d.message)} [${visible(d.code)}]`;
}

/**
 * Human rendering of diagnostics: `file:line: severity: message [code]` (editors and CI link file:line); for a
 * PDF, `file:line` names the line on the page: `plan.pdf:12 (page 3): …`.
 */
import type { Diagnostic } from '../../model.js';

export function renderDiagnostic(path: string, d: Diagnostic): string {
  const where = d.line !== null ? `${path}:${d.line}${d.page !== undefined ? ` (page ${d.page})` : ''}` : path;
  return `${where}: ${d.severity}: ${d.message} [${d.code}]`;
}

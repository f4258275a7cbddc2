/** Human rendering of diagnostics: `file:line: severity: message [code]` (editors and CI link file:line). */
import type { Diagnostic } from '../../model.js';

export function renderDiagnostic(path: string, d: Diagnostic): string {
  const where = d.line !== null ? `${path}:${d.line}` : path;
  return `${where}: ${d.severity}: ${d.message} [${d.code}]`;
}

/**
 * When a string may be written as a plain YAML scalar: the one rule both the emitter (./to-yaml.ts) and the fast
 * reader (./from-yaml.ts) follow, so what one writes plain the other reads back as the same string.
 */

/** Plain words some YAML 1.1 or 1.2 reader takes for null, a boolean or a special number. */
export const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Plain text some reader takes for a number, a sexagesimal or a date. */
export const NUMBERISH = /^[-+]?(?:\d[\d_,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0[xob]|^\d+:\d|^\d{4}-\d{1,2}-\d{1,2}/;
/** A number as JSON writes it (and so as the emitter writes one). */
export const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** Whether `s` reads back as the same string when written plain (`flow`: inside an inline `[…]` list). */
export function plainSafe(s: string, flow: boolean): boolean {
  if (s === '' || s.trim() !== s || RESERVED.test(s) || NUMBERISH.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/[\n\r\t\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  if (/: |:$| #/.test(s)) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  return true;
}

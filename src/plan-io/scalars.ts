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

/**
 * Everything that makes a string unsafe to write plain: a reserved word or number-like text, a leading indicator
 * or space (all anchored at the start, so a long text fails them at once), a trailing space, a control or
 * line-breaking character, `: `, a final `:`, or ` #`. `\s` is the set `trim()` removes. Kept as one pattern
 * anchored at the start and one scan of the rest: as a single alternation, every alternative was tried at every
 * character of every task text (half a second of reading 3,000 plans).
 */
const UNSAFE_START = new RegExp([RESERVED.source, NUMBERISH.source, /^[-?:,[\]{}#&*!|>'"%@`]|^\s/.source].join('|'));
const UNSAFE_ANYWHERE = /[\n\r\t\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]|:(?: |$)| #/;
const SPACE = /\s/;
/** What a flow (inline `[…]`) context adds: its separators and brackets. */
const FLOW_UNSAFE = /[,[\]{}]/;

/** Whether `s` reads back as the same string when written plain (`flow`: inside an inline `[…]` list). */
export function plainSafe(s: string, flow: boolean): boolean {
  return s !== '' && !UNSAFE_START.test(s) && !SPACE.test(s.charAt(s.length - 1)) && !UNSAFE_ANYWHERE.test(s) && !(flow && FLOW_UNSAFE.test(s));
}

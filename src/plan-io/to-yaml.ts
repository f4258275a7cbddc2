/**
 * A small deterministic YAML emitter for plan-shaped data (objects, arrays, strings, numbers, booleans, null).
 * The `yaml` library's document API costs ~80 ms per plan; this writes the same data in a few. Strings are
 * plain only when no YAML 1.1 or 1.2 reader could take them for anything else (numbers, dates, booleans,
 * `yes`/`no`, indicators); otherwise they are written JSON-quoted, which is valid YAML. Short lists of short
 * scalars are written inline: `[2027, 2035]`. Round-trip is checked by a property test.
 */
import { plainSafe } from './scalars.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function scalar(v: Json, flow: boolean): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '.inf' : v < 0 ? '-.inf' : '.nan';
  const s = v as string;
  return plainSafe(s, flow) ? s : JSON.stringify(s);
}

const isScalar = (v: Json) => v === null || typeof v !== 'object';

function isPlain(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => x !== undefined && isPlain(x));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every((x) => x === undefined || isPlain(x));
  return false;
}

function inlineList(a: Json[]): string | null {
  if (a.length === 0) return '[]';
  if (a.length > 12 || !a.every((x) => isScalar(x) && String(x).length <= 24)) return null;
  return `[${a.map((x) => scalar(x, true)).join(', ')}]`;
}

/** Written keys, cached: a plan repeats the same few dozen keys thousands of times. Bounded for other data. */
const keys = new Map<string, string>();

function key(k: string): string {
  let out = keys.get(k);
  if (out === undefined) {
    out = plainSafe(k, false) ? k : JSON.stringify(k);
    if (keys.size < 4096) keys.set(k, out);
  }
  return out;
}

function emit(v: Json, indent: string, out: string[]): void {
  // called for values that go on their own lines (objects, block lists)
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isScalar(item)) out.push(`${indent}- ${scalar(item, false)}`);
      else if (Array.isArray(item)) {
        const inl = inlineList(item);
        if (inl) out.push(`${indent}- ${inl}`);
        else { out.push(`${indent}-`); emit(item, `${indent}  `, out); }
      } else {
        // an object in a list: its first line takes the dash (`- key: value`), the rest follow indented
        const first = out.length;
        emit(item, `${indent}  `, out);
        if (out.length === first) { out.push(`${indent}- {}`); continue; }
        out[first] = `${indent}- ${(out[first] as string).slice(indent.length + 2)}`;
      }
    }
    return;
  }
  const obj = v as Record<string, Json>;
  // for…in over a plain object (stringifyYaml checked the prototype): the order of Object.entries, no pair arrays
  for (const k in obj) {
    const val = obj[k] as Json;
    if (val === undefined) continue;
    if (isScalar(val)) out.push(`${indent}${key(k)}: ${scalar(val, false)}`);
    else if (Array.isArray(val)) {
      const inl = inlineList(val);
      if (inl) out.push(`${indent}${key(k)}: ${inl}`);
      else { out.push(`${indent}${key(k)}:`); emit(val, `${indent}  `, out); }
    } else if (Object.keys(val).length === 0) out.push(`${indent}${key(k)}: {}`);
    else { out.push(`${indent}${key(k)}:`); emit(val, `${indent}  `, out); }
  }
}

/** YAML text for a JSON-compatible value (an object or array at the top). */
export function stringifyYaml(value: unknown): string {
  // plans are plain data already; anything else (Dates, undefined in arrays) goes through JSON first
  const v = (isPlain(value) ? value : JSON.parse(JSON.stringify(value))) as Json;
  if (isScalar(v)) return `${scalar(v, false)}\n`;
  if (Array.isArray(v) && v.length === 0) return '[]\n';
  if (!Array.isArray(v) && Object.keys(v).length === 0) return '{}\n';
  const out: string[] = [];
  emit(v, '', out);
  return `${out.join('\n')}\n`;
}

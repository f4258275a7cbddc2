/**
 * A small glob expander for arguments the shell did not expand (quoted in CI YAML, or Windows shells):
 * `*`, `?`, `[abc]`, `**` for any depth, and one level of `{a,b}`. Dot files are matched only by a
 * pattern segment that starts with a dot. Results are sorted, so output order is deterministic.
 */
import type { Io } from '../io.js';

/** Whether an argument contains glob syntax. */
export function hasGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

/** The paths matching a glob, sorted; none when nothing matches. */
export async function expandGlob(pattern: string, io: Io): Promise<string[]> {
  const found = new Set<string>();
  const patterns = braces(pattern);
  // every segment is checked before any folder is read, so a bad pattern is one message and no work
  for (const p of patterns) for (const seg of p.split('/')) if (hasGlob(seg) && seg !== '**') compileSegment(seg);
  for (const p of patterns) {
    const segs = p.split('/');
    const absolute = p.startsWith('/');
    // the literal directory the pattern starts in (`plans/2024/*.yaml` → `plans/2024`)
    let i = 0;
    const base: string[] = [];
    while (i < segs.length - 1 && !hasGlob(segs[i] as string)) base.push(segs[i++] as string);
    const start = base.length === 0 ? '.' : absolute && base.length === 1 ? '/' : base.join('/');
    const prefix = base.length === 0 ? '' : `${base.join('/')}/`;
    for (const m of await match(start, prefix, segs.slice(i), io, new Set())) found.add(m);
  }
  return [...found].sort();
}

async function match(dir: string, prefix: string, segs: string[], io: Io, seen: Set<string>): Promise<string[]> {
  const [seg, ...rest] = segs;
  if (seg === undefined) return [];
  if (seg === '**') {
    // a symlink back up the tree would make `**` endless: each real directory is walked once
    const key = `${await io.fs.realpath(dir).catch(() => dir)}\u0000${segs.join('/')}`;
    if (seen.has(key)) return [];
    seen.add(key);
    // zero directories, or one more and `**` again
    const out = await match(dir, prefix, rest, io, seen);
    for (const name of await list(dir, io)) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (await isDir(`${dir}/${name}`, io)) out.push(...(await match(`${dir}/${name}`, `${prefix}${name}/`, segs, io, seen)));
    }
    return out;
  }
  if (!hasGlob(seg)) {
    const path = `${prefix}${seg}`;
    if (rest.length === 0) return (await exists(`${dir}/${seg}`, io)) ? [path] : [];
    return match(`${dir}/${seg}`, `${path}/`, rest, io, seen);
  }
  const tokens = compileSegment(seg);
  const out: string[] = [];
  for (const name of (await list(dir, io)).sort()) {
    if (name.startsWith('.') && !seg.startsWith('.')) continue;
    if (!matchSegment(tokens, name)) continue;
    if (rest.length === 0) out.push(`${prefix}${name}`);
    else if (await isDir(`${dir}/${name}`, io)) out.push(...(await match(`${dir}/${name}`, `${prefix}${name}/`, rest, io, seen)));
  }
  return out;
}

/** A pattern that cannot be used; the command reports it as a usage error. */
export class GlobError extends Error {
  override name = 'GlobError';
}

type Token = { t: 'star' } | { t: 'any' } | { t: 'lit'; c: string } | { t: 'set'; neg: boolean; chars: string; ranges: [string, string][] };

/**
 * A pattern segment as tokens. Matching runs on these with the two-pointer wildcard algorithm (time at most
 * name × pattern), never through a RegExp: `*a*a*a…*b` against a long name backtracked for minutes.
 */
function compileSegment(seg: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === '*') {
      if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
    } else if (c === '?') out.push({ t: 'any' });
    else if (c === '[' && seg.indexOf(']', i + 2) > 0) {
      const end = seg.indexOf(']', i + 2);
      let body = seg.slice(i + 1, end);
      const neg = body.startsWith('!') || body.startsWith('^');
      if (neg) body = body.slice(1);
      const set: Token & { t: 'set' } = { t: 'set', neg, chars: '', ranges: [] };
      for (let k = 0; k < body.length; k++) {
        const from = body[k] as string;
        if (body[k + 1] === '-' && k + 2 < body.length) {
          const to = body[k + 2] as string;
          if (to < from) throw new GlobError(`the range ${from}-${to} in [${body}] goes backwards`);
          set.ranges.push([from, to]);
          k += 2;
        } else set.chars += from;
      }
      out.push(set);
      i = end;
    } else out.push({ t: 'lit', c });
  }
  return out;
}

function matchOne(tok: Token, c: string): boolean {
  if (tok.t === 'any') return true;
  if (tok.t === 'lit') return tok.c === c;
  if (tok.t === 'set') return (tok.chars.includes(c) || tok.ranges.some(([a, b]) => c >= a && c <= b)) !== tok.neg;
  return false;
}

/** Whether `name` matches the tokens: one pass, going back only to the last `*`. */
function matchSegment(tokens: Token[], name: string): boolean {
  let p = 0, n = 0, starP = -1, starN = 0;
  while (n < name.length) {
    const tok = tokens[p];
    if (tok?.t === 'star') {
      starP = p++;
      starN = n;
    } else if (tok && matchOne(tok, name[n] as string)) {
      p++;
      n++;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else return false;
  }
  while (tokens[p]?.t === 'star') p++;
  return p === tokens.length;
}

/** At most this many patterns from `{a,b}` groups: 22 groups of two would be four million folder walks. */
const MAX_BRACE_PATTERNS = 256;

/** `a/{x,y}/*.{yaml,yml}` → four patterns; groups do not nest (what CI globs use). */
function braces(p: string, budget = { left: MAX_BRACE_PATTERNS }): string[] {
  const m = /\{([^{}]*,[^{}]*)\}/.exec(p);
  if (!m) {
    if (--budget.left < 0) throw new GlobError(`it expands to more than ${MAX_BRACE_PATTERNS} patterns`);
    return [p];
  }
  return (m[1] as string).split(',').flatMap((alt) => braces(p.slice(0, m.index) + alt + p.slice(m.index + m[0].length), budget));
}

async function list(dir: string, io: Io): Promise<string[]> {
  return io.fs.readdir(dir).catch(() => []);
}

async function isDir(p: string, io: Io): Promise<boolean> {
  return io.fs.stat(p).then((s) => s.isDirectory(), () => false);
}

async function exists(p: string, io: Io): Promise<boolean> {
  return io.fs.stat(p).then(() => true, () => false);
}

/** Whether a file name matches one pattern segment (`*.plan.yaml`, `20[12]?`); throws {@link GlobError} for a bad one. */
export function matchesSegment(segment: string, name: string): boolean {
  return matchSegment(compileSegment(segment), name);
}

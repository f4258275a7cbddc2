/**
 * A small glob expander for arguments the shell did not expand (quoted in CI YAML, or Windows shells):
 * `*`, `?`, `[abc]`, `**` for any depth, and one level of `{a,b}`. Dot files are matched only by a
 * pattern segment that starts with a dot. Results are sorted, so output order is deterministic.
 */
import type { Io } from './io.js';

/** Whether an argument contains glob syntax. */
export function hasGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

/** The paths matching a glob, sorted; none when nothing matches. */
export async function expandGlob(pattern: string, io: Io): Promise<string[]> {
  const found = new Set<string>();
  for (const p of braces(pattern)) {
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
  const re = segmentRegex(seg);
  const out: string[] = [];
  for (const name of (await list(dir, io)).sort()) {
    if (name.startsWith('.') && !seg.startsWith('.')) continue;
    if (!re.test(name)) continue;
    if (rest.length === 0) out.push(`${prefix}${name}`);
    else if (await isDir(`${dir}/${name}`, io)) out.push(...(await match(`${dir}/${name}`, `${prefix}${name}/`, rest, io, seen)));
  }
  return out;
}

function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      re += `[${seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** `a/{x,y}/*.{yaml,yml}` → four patterns; one level, no nesting (what CI globs use). */
function braces(p: string): string[] {
  const m = /\{([^{}]*,[^{}]*)\}/.exec(p);
  if (!m) return [p];
  return m[1]!.split(',').flatMap((alt) => braces(p.slice(0, m.index) + alt + p.slice(m.index + m[0].length)));
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

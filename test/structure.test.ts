/**
 * The layout rules of docs/architecture.md, checked on the source itself (issue 16): the dependency direction
 * (static and dynamic imports alike), no import cycle between folders, no source file over 350 lines, and no
 * word list in code outside src/lexicon. Each failure lists every offending file, so one run shows the whole debt.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = 'src';
const MAX_LINES = 350;

/** Files over the line limit that may stay so, with the reason. Keep it short: a reason is a promise to look again. */
const LONG_FILES: Record<string, string> = {};

/**
 * Files outside src/lexicon that may hold a list of Chinese words, with the reason. A list belongs here only when it
 * is not vocabulary (a test of the code's own output, a format's fixed syntax).
 */
const WORD_LIST_ALLOWED: Record<string, string> = {
  'src/cli/render/': 'the column headings of the tables the CLI prints are display labels, not vocabulary',
};
const allowedWords = (f: string) => Object.keys(WORD_LIST_ALLOWED).some((k) => (k.endsWith('/') ? f.startsWith(k) : f === k));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : /\.(?:ts|mts)$/.test(n) && !n.endsWith('.d.ts') ? [p] : [];
  });
}
const toPosix = (p: string) => p.split(sep).join('/');
const FILES = tsFiles(SRC).map(toPosix);
const sources = new Map(FILES.map((f) => [f, ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true)]));

interface Import { spec: string; line: number; dynamic: boolean }

/** Every module a file names: `import … from`, `export … from`, `import 'x'`, `import('x')`, `require('x')`. */
function importsOf(sf: ts.SourceFile): Import[] {
  const out: Import[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push({ spec: n.moduleSpecifier.text, line: at(n), dynamic: false });
    } else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword
      || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) {
      let arg = n.arguments[0];
      // `import('x' as string)` keeps TypeScript from resolving a package's types; the specifier is still 'x'
      while (arg && (ts.isAsExpression(arg) || ts.isParenthesizedExpression(arg))) arg = arg.expression;
      // a computed specifier cannot be checked: name it, so a test fails on it rather than passing blind
      const spec = arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : `<computed: ${arg?.getText(sf) ?? ''}>`;
      out.push({ spec, line: at(n), dynamic: true });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      out.push({ spec: n.argument.literal.text, line: at(n), dynamic: false });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The src file a relative specifier names (`./x.js` → `src/…/x.ts`), or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const p = posix.normalize(posix.join(posix.dirname(from), spec));
  const candidates = [p.replace(/\.js$/, '.ts'), p.replace(/\.mjs$/, '.mts'), `${p}.ts`, `${p}/index.ts`, p];
  return candidates.find((c) => sources.has(c)) ?? p;
}

const IMPORTS = new Map(FILES.map((f) => [f, importsOf(sources.get(f)!)]));
const isCore = (f: string) => !f.startsWith('src/cli/');

describe('dependency direction (cli → core)', () => {
  it('finds static and dynamic imports alike', () => {
    const sf = ts.createSourceFile('x.ts', "import a from './a.js';\nexport * from './b.js';\nconst c = await import('./c.js');\ntype D = import('./d.js').D;\n", ts.ScriptTarget.Latest, true);
    expect(importsOf(sf).map((i) => [i.spec, i.dynamic])).toEqual([['./a.js', false], ['./b.js', false], ['./c.js', true], ['./d.js', false]]);
  });

  it('core never imports the CLI, node:fs, process, commander, chalk or cli-table3', () => {
    const banned = /^(?:node:)?(?:fs|fs\/promises|process)$|^(?:commander|chalk|cli-table3)(?:\/|$)/;
    const bad: string[] = [];
    for (const f of FILES.filter(isCore)) {
      for (const i of IMPORTS.get(f)!) {
        const local = resolveLocal(f, i.spec);
        if ((local && local.startsWith('src/cli/')) || banned.test(i.spec) || i.spec.startsWith('<computed')) {
          bad.push(`${f}:${i.line} ${i.dynamic ? 'import(' : 'import '}${i.spec}`);
        }
      }
    }
    expect(bad, `core files importing what only the CLI may:\n${bad.join('\n')}`).toEqual([]);
  });

  it('core never touches the process global', () => {
    const bad: string[] = [];
    for (const f of FILES.filter(isCore)) {
      const sf = sources.get(f)!;
      const visit = (n: ts.Node): void => {
        // `process` as a value, not as a property name (`x.process`) or a declared name of its own
        if (ts.isIdentifier(n) && n.text === 'process' && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)
          && !ts.isPropertyAssignment(n.parent) && !ts.isPropertySignature(n.parent) && !ts.isMethodDeclaration(n.parent)) {
          bad.push(`${f}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} ${n.parent.getText(sf).slice(0, 60)}`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(bad, `core files using process:\n${bad.join('\n')}`).toEqual([]);
  });
});

/** A file's folder below src/ (`src/cli/commands/x.ts` → `cli/commands`); a file directly in src/ is its own node. */
const folderOf = (f: string) => {
  const d = posix.dirname(f);
  return d === SRC ? posix.basename(f) : posix.relative(SRC, d);
};

/** Strongly connected components (Tarjan) of a graph given as adjacency sets; only those with 2+ nodes. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v);
  return out;
}

describe('no import cycle between folders', () => {
  it('the cycle finder finds cycles', () => {
    const g = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });

  /** Edges a → b of a graph over keys of files, with the imports that make each edge. */
  function graphOf(key: (f: string) => string) {
    const graph = new Map<string, Set<string>>();
    const why = new Map<string, string[]>();
    for (const f of FILES) {
      const a = key(f);
      if (!graph.has(a)) graph.set(a, new Set());
      for (const i of IMPORTS.get(f)!) {
        const target = resolveLocal(f, i.spec);
        if (!target || !sources.has(target)) continue;
        const b = key(target);
        if (a === b) continue;
        graph.get(a)!.add(b);
        const k = `${a} → ${b}`;
        why.set(k, [...(why.get(k) ?? []), `${f}:${i.line} imports ${target}`]);
      }
    }
    return { graph, why };
  }
  const explain = (comps: string[][], why: Map<string, string[]>) => comps.map((comp) => {
    const inside = new Set(comp);
    const edges = [...why.entries()].filter(([k]) => { const [a, b] = k.split(' → '); return inside.has(a!) && inside.has(b!); });
    return [`cycle among ${comp.join(', ')}:`, ...edges.flatMap(([k, w]) => [`  ${k}`, ...w.slice(0, 4).map((x) => `    ${x}`), ...(w.length > 4 ? [`    … ${w.length - 4} more`] : [])])].join('\n');
  });

  it('between the folders of src/ (outline ↔ extract)', () => {
    const { graph, why } = graphOf((f) => folderOf(f).split('/')[0]!);
    const found = explain(cycles(graph), why);
    expect(found, `import cycles between folders:\n${found.join('\n')}`).toEqual([]);
  });

  // A parent folder's entry point may use its subfolders and they its shared modules (cli/main.ts → cli/commands/x.ts
  // → cli/io.ts); what may not happen is a loop back to the importer (cli/commands/x.ts → cli/main.ts → x.ts).
  it('between files of different folders, nested ones too (cli/commands ↔ cli/main.ts)', () => {
    const { graph, why } = graphOf((f) => f);
    const found = explain(cycles(graph).filter((comp) => new Set(comp.map(folderOf)).size > 1), why);
    expect(found, `import cycles between files of different folders:\n${found.join('\n')}`).toEqual([]);
  });
});

describe('file size', () => {
  it(`no source file over ${MAX_LINES} lines`, () => {
    const long = FILES.map((f) => [f, readFileSync(f, 'utf8').split('\n').length - 1] as const)
      .filter(([f, n]) => n > MAX_LINES && !(f in LONG_FILES)).map(([f, n]) => `${f}: ${n} lines`);
    expect(long, `files over ${MAX_LINES} lines (split them, or allow-list with a reason in test/structure.test.ts):\n${long.join('\n')}`).toEqual([]);
  });
  it('the allow-list names files that exist', () => {
    for (const f of Object.keys(LONG_FILES)) expect(sources.has(f), f).toBe(true);
    for (const k of Object.keys(WORD_LIST_ALLOWED)) expect(FILES.some((f) => (k.endsWith('/') ? f.startsWith(k) : f === k)), k).toBe(true);
  });
});

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Alternatives of a regular expression (split on every `|`, escapes aside) that hold a Chinese character. */
function cjkAlternatives(pattern: string): number {
  return pattern.replace(/\\./g, 'x').split('|').filter((alt) => CJK.test(alt)).length;
}
/** At least this many Chinese words in one array or alternation make a word list. */
const SEVERAL = 3;

/** The word lists in one file: array literals of Chinese strings, regex alternations of Chinese words. */
function wordLists(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const text = (n: ts.Node) => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : null);
  const visit = (n: ts.Node): void => {
    if (ts.isArrayLiteralExpression(n)) {
      const words = n.elements.map(text).filter((s): s is string => s !== null && CJK.test(s));
      if (words.length >= SEVERAL) out.push(`${at(n)}: array [${words.slice(0, 4).join(', ')}${words.length > 4 ? ', …' : ''}] (${words.length} words)`);
    } else if (ts.isRegularExpressionLiteral(n)) {
      const src = n.text.slice(1, n.text.lastIndexOf('/'));
      if (cjkAlternatives(src) >= SEVERAL) out.push(`${at(n)}: regex ${src.length > 50 ? `${src.slice(0, 50)}…` : src}`);
    } else if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && n.text.includes('|') && cjkAlternatives(n.text) >= SEVERAL
      && !n.text.includes('\n')) {
      // a pattern kept as a string for new RegExp(…)
      out.push(`${at(n)}: pattern string ${n.text.length > 50 ? `${n.text.slice(0, 50)}…` : n.text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('word lists live in src/lexicon', () => {
  it('the heuristic sees arrays, regex alternations and pattern strings, not single words or character classes', () => {
    const sf = ts.createSourceFile('x.ts', [
      "const A = ['牵头', '负责', '配合'];", "const B = /(?:区|市|县)人民政府/;", "const C = new RegExp('省|市|区|县');",
      "const D = ['牵头', 'x'];", "const E = /[一二三四五]、/;", "const F = /到(\\d{4})年/;", "const G = '质量|强区';",
    ].join('\n'), ts.ScriptTarget.Latest, true);
    expect(wordLists(sf).map((s) => s.split(':')[0])).toEqual(['1', '2', '3']);
  });

  it('no array or alternation of several Chinese words in code outside src/lexicon', () => {
    const found = FILES.filter((f) => !f.startsWith('src/lexicon/') && !allowedWords(f)).flatMap((f) => {
      const lists = wordLists(sources.get(f)!);
      return lists.length ? [`${f}:`, ...lists.map((l) => `  ${l}`)] : [];
    });
    expect(found, `word lists in code (move them to src/lexicon, or allow-list with a reason in test/structure.test.ts):\n${found.join('\n')}`).toEqual([]);
  });
});

/**
 * The development set (fixtures/devset, copied from ../shared/devset): 20 real excerpts of plans from other
 * provinces with hand-checked gold. Each file is one row of a whole-file table: every gold meta field, every gold
 * target (value, unit and year equal, indicator similar, comparator equal) and no target beyond the gold, compared
 * the way the project scorer compares them (NFKC, whitespace ignored).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { extractPlan } from '../src/pipeline.js';
import type { Plan } from '../src/model.js';

/** The devset, and our own synthetic excerpts in its form (fixtures/excerpts/README.md), scored alike. */
const DIRS = ['fixtures/devset', 'fixtures/excerpts'];
interface GoldTarget { indicator: string; value: number; unit: string; comparator: string; year: number; quote: string }
/** `todo: {meta?: reason, targets?: reason}`: a known gap of the reader, run as an expected failure so a fix shows. */
interface Gold { file: string; meta: Record<string, unknown>; targets: GoldTarget[]; todo?: { meta?: string; targets?: string } }

const norm = (s: unknown) => (s == null ? null : String(s).normalize('NFKC').replace(/\s+/g, '').replace(/[。;；,，]+$/u, ''));
function similar(a: string, b: string): boolean {
  const x = norm(a) ?? '', y = norm(b) ?? '';
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const grams = (t: string) => new Set(Array.from({ length: Math.max(1, t.length - 1) }, (_, i) => t.slice(i, i + 2)));
  const A = grams(x), B = grams(y);
  let n = 0;
  for (const g of A) if (B.has(g)) n++;
  return (2 * n) / (A.size + B.size) >= 0.5;
}
/**
 * The excerpt without its two `# ` provenance lines and the blank line after them (as the scorer strips them). A file
 * in another encoding (GBK, Big5, UTF-16) carries no header and is read from its bytes, as the scorer passes it.
 */
function excerpt(bytes: Buffer): string | Uint8Array {
  if (bytes.subarray(0, 2).toString('latin1') !== '# ') return new Uint8Array(bytes);
  const lines = bytes.toString('utf8').split('\n');
  let i = 0;
  while (i < lines.length && (lines[i] as string).startsWith('# ')) i++;
  if (i > 0 && lines[i] === '') i++;
  return lines.slice(i).join('\n');
}

for (const DIR of DIRS) for (const g of readdirSync(DIR).filter((f) => f.endsWith('.gold.yaml')).sort()) {
  const gold = YAML.parse(readFileSync(`${DIR}/${g}`, 'utf8')) as Gold;
  describe(`${DIR.split('/')[1]} ${gold.file}`, () => {
    let plan: Plan | undefined;
    const planOf = async () => (plan ??= (await extractPlan(excerpt(readFileSync(`${DIR}/${gold.file}`)), { path: gold.file })).plan);
    const known = (part: 'meta' | 'targets') => (gold.todo?.[part] ? it.fails : it);
    known('meta')('meta', async () => {
      const p = await planOf();
      for (const [k, v] of Object.entries(gold.meta)) {
        if (k === 'doc_number_raw') continue;
        const got = (p.meta as Record<string, unknown>)[k];
        if (k === 'horizon_years') expect(got ?? [], k).toEqual(v ?? []);
        else expect(norm(got), k).toBe(norm(v instanceof Date ? v.toISOString().slice(0, 10) : v));
      }
    });
    known('targets')('targets: every gold target found, none beyond', async () => {
      const pool = [...(await planOf()).targets];
      for (const t of gold.targets ?? []) {
        const i = pool.findIndex((p) => p.value === Number(t.value) && (p.unit ?? '').normalize('NFKC') === String(t.unit ?? '').normalize('NFKC')
          && p.year === Number(t.year) && similar(p.indicator, t.indicator));
        expect(i, `missing ${t.indicator} ${t.value}${t.unit} (${t.year}) «${t.quote}»`).toBeGreaterThanOrEqual(0);
        expect(pool[i]?.comparator, `comparator of ${t.indicator}`).toBe(t.comparator);
        pool.splice(i, 1);
      }
      expect(pool.map((p) => `${p.indicator} ${p.value}${p.unit} (${p.year}) «${p.quote}»`), 'targets beyond the gold').toEqual([]);
    });
  });
}

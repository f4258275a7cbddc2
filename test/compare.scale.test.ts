/**
 * compare on a corpus: only the requested views are computed, large comparisons bound their alignment and gap
 * lists, the bounded similarity search agrees with brute force, and plan YAML is read by a fast path that agrees
 * with the `yaml` library (or steps aside).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { expectWithin } from './support/bounds.js';
import YAML from 'yaml';
import { ALIGN_EVERY_PLAN_UP_TO, ALIGN_FLOOR, ALIGN_STRONG, ALIGN_TOP, MISSING_FROM_MAX, comparePlans } from '../src/compare/compare.js';
import { PhraseRemover, removePhrases } from '../src/compare/search/phrases.js';
import { SimilarityIndex } from '../src/compare/search/similarity-index.js';
import { readPlanYaml } from '../src/plan-io/from-yaml.js';
import { stringifyYaml } from '../src/plan-io/to-yaml.js';
import { jsonPieces } from '../src/cli/render/compare-json.js';
import { toYaml } from '../src/plan-io/serialize.js';
import type { Plan } from '../src/model.js';
import { runCli } from './helpers.js';
import { defaultVocabulary, seedPlans, synthPlan } from './compare.helpers.js';

const FIX = ['fixtures/compare/jia.plan.yaml', 'fixtures/compare/yi.plan.json'];

/** `n` copies of the seeds, each renamed (as a corpus of one genre looks: the same wording, other places). */
async function corpus(n: number): Promise<Plan[]> {
  const seeds = await seedPlans();
  const chars = '青山临江云溪城湖桥河石阳安宁平和兴华新康泰丰盛明清远长乐永福';
  return Array.from({ length: n }, (_, i) => {
    const s = seeds[i % seeds.length] as Plan;
    const place = `${chars[i % chars.length]}${chars[Math.floor(i / chars.length) % chars.length]}${chars[(i * 7) % chars.length]}区`;
    const old = s.meta.jurisdiction ?? '';
    const rename = (t: string) => (old ? t.split(old).join(place) : t);
    return {
      ...s,
      meta: { ...s.meta, jurisdiction: place, title: rename(s.meta.title ?? '') },
      tasks: s.tasks.map((t) => ({ ...t, title: rename(t.title ?? ''), text: rename(t.text ?? '') })),
    } as Plan;
  });
}

describe('views: compute what is asked for', async () => {
  const vocabulary = await defaultVocabulary();
  const plans = await seedPlans();
  const all = comparePlans(plans, { vocabulary });

  it('computes every section by default and says so', () => {
    expect(all.views).toEqual(['themes', 'indicators', 'agencies', 'tasks', 'gaps']);
    expect(all.alignment_rule).toEqual({ rule: 'every-plan', top: null, min_score: ALIGN_FLOOR, every_plan_up_to: ALIGN_EVERY_PLAN_UP_TO, floor: ALIGN_FLOOR, strong: ALIGN_STRONG });
    expect(all.missing_from_max).toBe(MISSING_FROM_MAX);
  });

  it('themes only: no alignment, no agencies, the same theme rows', () => {
    const r = comparePlans(plans, { vocabulary, views: ['themes'] });
    expect(r.views).toEqual(['themes']);
    expect(r.alignments).toEqual([]);
    expect(r.alignment_rule).toBeUndefined();
    expect(r.agencies).toEqual([]);
    expect(r.indicators).toEqual([]);
    expect(r.gaps).toEqual([]);
    expect(r.themes).toEqual(all.themes);
    expect(r.unclassified).toEqual(all.unclassified);
    expect(r.plans).toEqual(all.plans);
  });

  it('gaps are measured on the themes and indicators, which are written only when asked for', () => {
    const r = comparePlans(plans, { vocabulary, views: ['gaps'] });
    expect(r.views).toEqual(['gaps']);
    expect(r.gaps).toEqual(all.gaps);
    expect(r.missing).toEqual(all.missing);
    expect(r.themes).toEqual([]);
    expect(r.indicators).toEqual([]);
    expect(r.alignments).toEqual([]);
  });

  it('agencies and tasks alone give the same rows as the whole comparison', () => {
    expect(comparePlans(plans, { vocabulary, views: ['agencies'] }).agencies).toEqual(all.agencies);
    const t = comparePlans(plans, { vocabulary, views: ['tasks'] });
    expect(t.alignments).toEqual(all.alignments);
    expect(t.themes).toEqual([]);
  });
});

describe('large comparisons', async () => {
  const vocabulary = await defaultVocabulary();
  const many = await corpus(48);
  const r = comparePlans(many, { vocabulary });

  it(`aligns each task with its counterparts in the ${ALIGN_TOP} closest plans only, best first, and records the rule`, () => {
    expect(r.alignment_rule).toMatchObject({ rule: 'top', top: ALIGN_TOP, every_plan_up_to: ALIGN_EVERY_PLAN_UP_TO });
    expect(r.alignments).toHaveLength(many.reduce((n, p) => n + p.tasks.length, 0));
    for (const a of r.alignments) {
      const scores = Object.values(a.counterparts).map((c) => c.score);
      expect(scores.length).toBeLessThanOrEqual(ALIGN_TOP);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      for (const s of scores) expect(s).toBeGreaterThanOrEqual(r.alignment_rule?.min_score ?? 0);
      expect(Object.keys(a.counterparts)).not.toContain(a.plan);
    }
    // a renamed copy of the same plan is the closest there is: same task, score 1
    const first = r.plans[0]?.label ?? '';
    const a = r.alignments.find((x) => x.plan === first && x.task === '17');
    expect(Object.values(a?.counterparts ?? {})[0]).toMatchObject({ task: '17', score: 1 });
    expect(Object.keys(a?.counterparts ?? {})).toContain(r.plans[4]?.label);
  });

  it('keeps every plan with alignTop: all, and the top K with alignTop: K', () => {
    const some = many.slice(0, 24);
    const every = comparePlans(some, { vocabulary, views: ['tasks'], alignTop: 'all' });
    expect(every.alignment_rule?.rule).toBe('every-plan');
    for (const a of every.alignments) expect(Object.keys(a.counterparts)).toHaveLength(23);
    const top3 = comparePlans(some, { vocabulary, views: ['tasks'], alignTop: 3 });
    expect(top3.alignment_rule).toMatchObject({ rule: 'top', top: 3 });
    for (const a of top3.alignments) expect(Object.keys(a.counterparts).length).toBeLessThanOrEqual(3);
    // up to the threshold, every plan, as before
    expect(comparePlans(many.slice(0, ALIGN_EVERY_PLAN_UP_TO), { vocabulary, views: ['tasks'] }).alignment_rule?.rule).toBe('every-plan');
  });

  it(`names at most ${MISSING_FROM_MAX} plans per gap, and counts them all`, () => {
    // who has a missing theme or indicator is written once, in \`missing\`, for every plan lacking it
    for (const g of r.gaps) {
      for (const id of [...g.missing_themes, ...g.missing_indicators]) {
        const who = r.missing[id];
        expect(who, id).toBeDefined();
        expect(who?.plans.length).toBe(Math.min(MISSING_FROM_MAX, who?.count ?? -1));
        expect(who?.plans).not.toContain(g.plan);
      }
    }
    expect(Object.values(r.missing).some((m) => m.count > MISSING_FROM_MAX)).toBe(true);
  });

  it('renders the terminal tables of a corpus quickly, every line as wide as the border', async () => {
    const { buildGrids } = await import('../src/cli/render/compare-views.js');
    const { renderTables } = await import('../src/cli/render/compare-text.js');
    const t0 = performance.now();
    const text = renderTables(buildGrids(r, ['gaps', 'tasks']), 100, false);
    expectWithin(performance.now() - t0, 5_000);
    const { displayWidth } = await import('../src/cli/width.js');
    let width = -1;
    for (const line of text.split('\n')) {
      if (line.startsWith('┌')) width = displayWidth(line);
      else if (line.startsWith('│') || line.startsWith('└')) expect(displayWidth(line)).toBe(width);
    }
    expect(text).toContain('│ #1 ');
  });

  it('grows near-linearly with the number of plans', () => {
    const time = (plans: Plan[]) => {
      const t0 = performance.now();
      comparePlans(plans, { vocabulary, views: ['tasks'] });
      return performance.now() - t0;
    };
    time(many.slice(0, 24)); // warm up
    const small = Math.min(time(many.slice(0, 24)), time(many.slice(0, 24)));
    const large = time([...many, ...many, ...many, ...many].slice(0, 192));
    // 8× the plans: all pairs would be 64×; allow for a noisy machine
    expect(large / small).toBeLessThan(24);
  }, 60_000);
});

describe('bounded similarity search', async () => {
  const plans = await seedPlans();
  const docs = plans.flatMap((p, g) => p.tasks.map((t) => ({ group: g, parts: [{ text: t.title ?? '', weight: 2 }, { text: t.text ?? '', weight: 1 }] })));
  const index = new SimilarityIndex(docs);
  const brute = (d: number, k: number) => {
    const best = new Map<number, { doc: number; score: number }>();
    docs.forEach((o, i) => {
      if (o.group === docs[d]?.group) return;
      const s = index.cosine(d, i);
      const cur = best.get(o.group);
      if (s > 0 && (!cur || s > cur.score + 1e-12)) best.set(o.group, { doc: i, score: s });
    });
    return [...best.values()].sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
  };

  it('finds the same top matches as brute force when unbounded', () => {
    for (let d = 0; d < docs.length; d += 3) {
      const fast = index.top(d, { k: 2, tokens: Infinity, postings: Infinity, pool: Infinity });
      const ref = brute(d, 2);
      expect(fast.map((m) => m.score)).toEqual(ref.map((m) => expect.closeTo(m.score, 9)));
    }
  });

  it('finds the best match with the default bounds', () => {
    let same = 0;
    let n = 0;
    for (let d = 0; d < docs.length; d++) {
      const fast = index.top(d, { k: 1 });
      const ref = brute(d, 1);
      n++;
      if (Math.abs((fast[0]?.score ?? 0) - (ref[0]?.score ?? 0)) < 1e-9) same++;
    }
    expect(same / n).toBeGreaterThanOrEqual(0.97);
  });

  it('gives every document what top gives it, when documents repeat word for word across plans (topEach)', () => {
    // each seed's tasks copied into three more plans, some twice: twins share one candidate search
    const copies = docs.flatMap((d) => [0, 1, 2].map((c) => ({ ...d, group: d.group + 10 * (c + 1) })));
    const twice = docs.filter((_, i) => i % 5 === 0).map((d) => ({ ...d, group: d.group + 40 }));
    const all = [...docs, ...copies, ...twice];
    const ix = new SimilarityIndex(all);
    for (const opts of [{ k: 3, minScore: 0.1, tokens: 8, postings: 12, pool: 12 }, { k: 10, minScore: 0.15, tokens: 16, postings: 96, pool: 40 }]) {
      const each: unknown[] = new Array(all.length);
      ix.topEach(opts, (d, m) => { each[d] = m; });
      for (let d = 0; d < all.length; d++) expect(each[d]).toEqual(ix.top(d, opts));
    }
  });

  it('removes phrases exactly as removePhrases does', () => {
    const phrases = ['朝阳区', '朝阳', '阳区', '标准化', '化工', 'a b', ''];
    const remover = new PhraseRemover(phrases);
    for (const s of ['朝阳区标准化工作', '阳区朝阳', '推进a b标准化', '无关文本', '朝阳朝阳区区']) expect(remover.remove(s)).toBe(removePhrases(s, phrases));
  });

  // overlapping, repeated and nested phrases over a four-letter alphabet, where every case of the one-pass removal shows
  test.prop([fc.array(fc.stringMatching(/^[朝阳区标 ]{1,4}$/), { maxLength: 8 }), fc.array(fc.stringMatching(/^[朝阳区标 ]{0,30}$/), { maxLength: 5 })], { seed: 13, numRuns: 500 })(
    'removes phrases as removePhrases does, for any phrases and texts', (phrases, texts) => {
      const remover = new PhraseRemover(phrases);
      for (const s of texts) expect(remover.remove(s)).toBe(removePhrases(s, phrases));
    });
});

describe('reading plan YAML', () => {
  const tricky = fc.constantFrom('1', '(一)', '2023-12-01', 'yes', 'No', 'null', '~', '- a', 'a: b', 'a #b', '#x', '"q"', "'q'", ' lead', 'trail ', '',
    '3.8', '.5', '1e3', '0x1f', '[x]', '{y}', 'a,b', '质量:强', '98.3%', '%', '@x', '`x', '|', '>', '!tag', '*a', '&a', '? q', 'a\nb', '\t', '\u2028', '—— 项', '---', '...');
  const scalar = fc.oneof(tricky, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.oneof(tricky, fc.string()), tie('node'), { maxKeys: 5 })),
  })).node;

  test.prop([fc.dictionary(fc.oneof(tricky, fc.string({ minLength: 1 })), value, { maxKeys: 6 })], { seed: 11, numRuns: 1000 })(
    'reads what the emitter writes as the yaml library does, or steps aside', (obj) => {
      const text = stringifyYaml(obj);
      const fast = readPlanYaml(text);
      if (fast !== null) expect(fast).toEqual([YAML.parse(text)]);
    });

  test.prop([fc.dictionary(fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/), value, { minKeys: 1, maxKeys: 6 })], { seed: 12, numRuns: 500 })(
    'reads plan-shaped documents (identifier keys, any values) itself', (obj) => {
      const text = stringifyYaml(obj);
      expect(readPlanYaml(text)).toEqual([YAML.parse(text)]);
    });

  it('reads every seed plan and a multi-document stream like the library, without stepping aside', async () => {
    const plans = await seedPlans();
    const texts = plans.map(toYaml);
    for (const t of texts) expect(readPlanYaml(t)).toEqual([YAML.parse(t)]);
    const stream = texts.map((t) => t.replace(/^# yaml-language-server.*\n/, '')).join('---\n');
    expect(readPlanYaml(stream)).toEqual(YAML.parseAllDocuments(stream).map((d) => d.toJS()));
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a comment after a value', 'a: 1 # one\n'],
    ['single quotes', "a: 'x'\n"],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a tab', 'a:\tb\n'],
    ['a plain date', 'a: 2023-12-01\n'],
    ['yes', 'a: yes\n'],
    ['a hex number', 'a: 0x1f\n'],
    ['a YAML-only escape', 'a: "\\x41"\n'],
    ['a continued plain scalar', 'a: one\n  two\n'],
    ['a list at the key\'s indent', 'a:\n- 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a blank line', 'a: 1\n\nb: 2\n'],
  ])('steps aside for %s', (_, text) => {
    expect(readPlanYaml(text)).toBeNull();
  });
});

describe('JSON written in pieces', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const maybe = fc.oneof(json, fc.constant(undefined));
  const top = fc.oneof(maybe, fc.array(maybe), fc.dictionary(fc.string(), maybe));
  test.prop([fc.dictionary(fc.string(), top, { maxKeys: 8 })], { seed: 5, numRuns: 500 })(
    'is exactly JSON.stringify(doc, null, 2)', (doc) => {
      expect([...jsonPieces(doc)].join('')).toBe(JSON.stringify(doc, null, 2));
      // every container written entry by entry, and released as it goes
      const text = JSON.stringify(doc, null, 2);
      expect([...jsonPieces(doc, { wide: 0, depth: 0, release: true })].join('')).toBe(text);
    });
  it('for a whole comparison', async () => {
    const r = comparePlans(await seedPlans(), { vocabulary: await defaultVocabulary() });
    expect([...jsonPieces({ ...r })].join('')).toBe(JSON.stringify(r, null, 2));
  });
});

describe('qplan compare: views and --align-top', () => {
  it('writes the chosen view (and what it needs) to JSON, and everything with --view all', async () => {
    const themes = JSON.parse((await runCli(['compare', '--view', 'themes', '--format', 'json', ...FIX])).stdout);
    expect(themes.views).toEqual(['themes']);
    expect(themes.alignments).toEqual([]);
    expect(themes.themes.length).toBeGreaterThan(0);
    const all = JSON.parse((await runCli(['compare', '--format', 'json', ...FIX])).stdout);
    expect(all.views).toEqual(['themes', 'indicators', 'agencies', 'tasks', 'gaps']);
    expect(all.themes).toEqual(themes.themes);
  });

  it('records --align-top in the JSON and shows ranked counterparts in the table', async () => {
    const r = await runCli(['compare', '--view', 'tasks', '--align-top', '1', '--format', 'json', ...FIX]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.alignment_rule).toMatchObject({ rule: 'every-plan' }); // one other plan: the top 1 is every plan
    const many = [...FIX, ...FIX, ...FIX];
    const ranked = JSON.parse((await runCli(['compare', '--view', 'tasks', '--align-top', '2', '--format', 'json', ...many])).stdout);
    expect(ranked.alignment_rule).toMatchObject({ rule: 'top', top: 2 });
    const table = await runCli(['compare', '--view', 'tasks', '--align-top', '2', '--format', 'markdown', ...many]);
    expect(table.stdout).toContain('| 任务 | #1 | #2 |');
  });

  it.each([['0'], ['-1'], ['abc'], ['2.5']])('refuses --align-top %s', async (v) => {
    const r = await runCli(['compare', '--align-top', v, ...FIX]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--align-top/);
  });
});

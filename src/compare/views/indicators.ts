/**
 * Lining up quantitative targets across plans. A target's indicator name is normalized (quotes, spaces, own place
 * names, accumulating lead words like 全区/累计/新增 removed), then matched against the indicator table's aliases:
 * exactly first, then by bigram similarity with the score kept as the confidence. Names outside the table are lined
 * up with each other the same way, under a stable generated id.
 */
import type { Target } from '../../model.js';
import type { IndicatorCell, IndicatorEntry, IndicatorLexicon, IndicatorRow } from '../types.js';
import { dict } from '../types.js';
import { tokens } from '../search/tokens.js';
import { halfWidth } from '../../source/normalize.js';
import { removePhrases } from '../search/phrases.js';
import { NameSimilarity } from '../search/name-similarity.js';

const QUOTES = /[“”‘’"'「」『』《》\s]/gu;

/** The comparable form of an indicator name. */
export function normalizeIndicator(name: string, lex: IndicatorLexicon, own: readonly string[] = []): string {
  let s = removePhrases(halfWidth(name).replace(QUOTES, ''), own).replace(/\s+/g, '');
  const prefixes = [...lex.strip_prefixes].sort((a, b) => b.length - a.length);
  // strip lead words repeatedly (全区实施“智改数转”项目 → 智改数转项目), never down to nothing
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of prefixes) {
      if (s.startsWith(p) && s.length > p.length + 1) {
        s = s.slice(p.length);
        changed = true;
      }
    }
  }
  return s.replace(/的/g, '');
}

/** 32-bit FNV-1a, base 36: a short stable id for indicators the table does not list. */
function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export interface PlanTargets {
  label: string;
  own: string[];
  targets: Target[];
  /** The indicator names as matched (compare folds traditional script); default: as written. */
  match?: (s: string) => string;
}

interface Placed {
  label: string;
  target: Target;
  match: IndicatorCell['match'];
  confidence: number;
}

/** The row a target was placed in, and how its name was matched (see {@link alignIndicators}). */
export interface TargetIndicator {
  id: string;
  name: string;
  match: IndicatorCell['match'];
  confidence: number;
}

/**
 * Builds one row per comparable indicator, table indicators first (in table order), then generated ones. With
 * `assigned`, every target is also mapped to its row (a row's cell shows only a plan's first such target).
 */
export function alignIndicators(plans: PlanTargets[], lex: IndicatorLexicon, assigned?: Map<Target, TargetIndicator>): IndicatorRow[] {
  const aliases: { norm: string; entry: IndicatorEntry }[] = [];
  const exact = new Map<string, IndicatorEntry>();
  for (const e of lex.indicators) {
    for (const a of e.aliases) {
      const norm = normalizeIndicator(a, lex);
      if (!exact.has(norm)) exact.set(norm, e);
      aliases.push({ norm, entry: e });
    }
  }
  const listed = new Map<string, Placed[]>();
  const unlisted: { label: string; target: Target; norm: string }[] = [];
  const normed = plans.map((p) => p.targets.map((t) => normalizeIndicator(p.match ? p.match(t.indicator) : t.indicator, lex, p.own)));
  const sim = new NameSimilarity([...aliases.map((a) => a.norm), ...normed.flat()]);
  // plans of one genre repeat their indicator names: each distinct name is looked up once
  const nearest = new Map<string, { entry: IndicatorEntry; score: number } | null>();
  for (const [pi, p] of plans.entries()) {
    for (const [ti, t] of p.targets.entries()) {
      const norm = normed[pi]?.[ti] ?? '';
      const e = exact.get(norm);
      if (e) {
        push(listed, e.id, { label: p.label, target: t, match: 'alias', confidence: 1 });
        continue;
      }
      let best = nearest.get(norm);
      if (best === undefined) {
        best = null;
        for (const a of aliases) {
          const score = sim.score(norm, a.norm);
          if (!best || score > best.score) best = { entry: a.entry, score };
        }
        nearest.set(norm, best);
      }
      if (best && best.score >= lex.similarity) push(listed, best.entry.id, { label: p.label, target: t, match: 'similar', confidence: round2(best.score) });
      else unlisted.push({ label: p.label, target: t, norm });
    }
  }

  const rows: IndicatorRow[] = [];
  for (const e of lex.indicators) {
    const placed = listed.get(e.id);
    if (placed) rows.push(row(e.id, e.name, true, e.direction, placed));
    for (const p of placed ?? []) assigned?.set(p.target, { id: e.id, name: e.name, match: p.match, confidence: p.confidence });
  }
  // unlisted names: exact normalized names join; otherwise the most similar cluster that lacks this plan
  // `labels`: the plans already in a cluster (a name shared by thousands of plans made checking its members quadratic)
  const clusters: { order: number; norm: string; name: string; members: Placed[]; labels: Set<string> }[] = [];
  // candidates share a bigram with the name (an inverted index), so a corpus of thousands of targets stays fast
  const byToken = new Map<string, Set<(typeof clusters)[number]>>();
  for (const u of unlisted) {
    let best: { c: (typeof clusters)[number]; score: number } | null = null;
    const candidates = new Set<(typeof clusters)[number]>();
    for (const t of tokens(u.norm)) for (const c of byToken.get(t) ?? []) candidates.add(c);
    for (const c of [...candidates].sort((a, b) => a.order - b.order)) {
      const score = c.norm === u.norm ? 1 : sim.score(c.norm, u.norm);
      const taken = c.labels.has(u.label);
      if (score >= lex.cluster_similarity && (!taken || c.norm === u.norm) && (!best || score > best.score)) best = { c, score };
    }
    if (best) {
      best.c.members.push({ label: u.label, target: u.target, match: best.score === 1 ? 'same-name' : 'similar', confidence: round2(best.score) });
      best.c.labels.add(u.label);
    } else {
      const c = {
        order: clusters.length, norm: u.norm, name: u.target.indicator,
        members: [{ label: u.label, target: u.target, match: 'unlisted' as const, confidence: 1 }], labels: new Set([u.label]),
      };
      clusters.push(c);
      for (const t of tokens(u.norm)) {
        const set = byToken.get(t) ?? new Set();
        set.add(c);
        byToken.set(t, set);
      }
    }
  }
  for (const c of clusters) {
    // a cluster that another plan joined reads as a shared name, not as unlisted
    const first = c.members[0];
    if (first && c.members.some((m) => m.label !== first.label)) first.match = 'same-name';
    rows.push(row(`x-${hashId(c.norm)}`, c.name, false, 'higher', c.members));
    for (const m of c.members) assigned?.set(m.target, { id: `x-${hashId(c.norm)}`, name: c.name, match: m.match, confidence: m.confidence });
  }
  for (const r of rows) markAmbition(r);
  return rows;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function row(id: string, name: string, isListed: boolean, direction: 'higher' | 'lower', placed: Placed[]): IndicatorRow {
  const plans = dict<IndicatorCell>();
  for (const p of placed) {
    const cur = plans[p.label];
    // a plan that states the same indicator twice (goals and a 专栏) keeps the first; the others are listed
    if (cur) {
      (cur.also ??= []).push(p.target.line);
      continue;
    }
    const t = p.target;
    plans[p.label] = {
      indicator: t.indicator, value: t.value, unit: t.unit, comparator: t.comparator, year: t.year, line: t.line,
      year_inferred: t.year_inferred, where: t.where, quote: t.quote, match: p.match, confidence: p.confidence,
    };
  }
  return { id, name, listed: isListed, direction, plans, named: dict<string[]>() };
}

/**
 * Marks the most and least ambitious values among cells whose year and unit agree (98.5% for 2025 and 98.2% for
 * 2027 are not comparable). A group where every value is equal gets no mark.
 */
export function markAmbition(r: IndicatorRow): void {
  const groups = new Map<string, IndicatorCell[]>();
  for (const c of Object.values(r.plans)) push(groups, `${c.unit}|${c.year ?? ''}`, c);
  for (const cells of groups.values()) {
    if (cells.length < 2) continue;
    const values = cells.map((c) => c.value);
    const hi = Math.max(...values);
    const lo = Math.min(...values);
    if (hi === lo) continue;
    for (const c of cells) {
      if (c.value === (r.direction === 'higher' ? hi : lo)) c.ambition = 'most';
      else if (c.value === (r.direction === 'higher' ? lo : hi)) c.ambition = 'least';
    }
  }
}

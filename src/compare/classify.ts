/**
 * Explainable theme assignment. An item carries a theme when the theme's signal words occur in it: a signal in
 * the title counts `scoring.title` × its weight, in the body `scoring.body` × weight per occurrence (capped, so a
 * word a long task repeats does not outweigh its title). Weak themes are dropped relative to the item's strongest,
 * so a task about 标准化 that mentions 监管 once in passing is not also a 监管 task. Nothing is forced: an item
 * without any signal is unclassified.
 */
import type { Taxonomy, ThemeEvidence } from './types.js';
import { halfWidth } from './text.js';

export interface Classification {
  /** Theme ids, strongest first. */
  themes: string[];
  /** The deciding words per assigned theme. */
  evidence: Record<string, ThemeEvidence>;
}

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

function blank(s: string, word: string): string {
  return s.split(word).join('\u0000'.repeat(word.length));
}

const sortedCache = new WeakMap<object, { word: string; weight: number }[]>();
function longestFirst(signals: { word: string; weight: number }[]): { word: string; weight: number }[] {
  let s = sortedCache.get(signals);
  if (!s) sortedCache.set(signals, (s = [...signals].sort((a, b) => b.word.length - a.word.length)));
  return s;
}

/** Assigns themes to one item (title and body text). */
export function classify(title: string, body: string, taxonomy: Taxonomy): Classification {
  const t = halfWidth(title);
  const b = halfWidth(body);
  const { scoring } = taxonomy;
  const scored: { id: string; ev: ThemeEvidence; order: number }[] = [];
  taxonomy.themes.forEach((theme, order) => {
    const ev: ThemeEvidence = { score: 0, title: [], body: [] };
    // longest signals first, and a matched span is blanked: 质量安全监管 must not count again as 监管 and 质量安全
    let tt = t;
    let bb = b;
    for (const { word, weight } of longestFirst(theme.signals)) {
      if (tt.includes(word)) {
        ev.score += scoring.title * weight;
        ev.title.push(word);
        tt = blank(tt, word);
      }
      const n = Math.min(count(bb, word), scoring.body_cap);
      if (n > 0) {
        ev.score += scoring.body * weight * n;
        ev.body.push(word);
        bb = blank(bb, word);
      }
    }
    if (ev.score > 0) scored.push({ id: theme.id, ev, order });
  });
  if (scored.length === 0) return { themes: [], evidence: {} };
  // strongest first; the taxonomy order breaks ties so output is deterministic
  scored.sort((x, y) => y.ev.score - x.ev.score || x.order - y.order);
  const top = scored[0]?.ev.score ?? 0;
  const kept = scored.filter((s) => s.ev.score === top || (s.ev.score >= scoring.min_score && s.ev.score >= scoring.relative * top));
  const evidence: Record<string, ThemeEvidence> = {};
  for (const s of kept) evidence[s.id] = { ...s.ev, score: Math.round(s.ev.score * 100) / 100 };
  return { themes: kept.map((s) => s.id), evidence };
}

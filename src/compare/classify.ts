/**
 * Explainable theme assignment. An item carries a theme when the theme's signal words occur in it: a signal in
 * the title counts `scoring.title` × its weight, in the body `scoring.body` × weight per occurrence (capped, so a
 * word a long task repeats does not outweigh its title). Weak themes are dropped relative to the item's strongest,
 * so a task about 标准化 that mentions 监管 once in passing is not also a 监管 task. Nothing is forced: an item
 * without any signal is unclassified.
 */
import type { Taxonomy, ThemeEvidence } from './types.js';
import { dict } from './types.js';
import { halfWidth } from '../source/normalize.js';
import { PhraseFinder } from './search/phrases.js';

export interface Classification {
  /** Theme ids, strongest first. */
  themes: string[];
  /** The deciding words per assigned theme. */
  evidence: Record<string, ThemeEvidence>;
  /** Themes whose signal words occur in the item but were dropped as weak beside its strongest (taxonomy order), with their words. */
  mentioned: Record<string, ThemeEvidence>;
}

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

function blank(s: string, word: string): string {
  return s.split(word).join('\u0000'.repeat(word.length));
}

/**
 * All signal words of a taxonomy, indexed by their first code unit, so one pass over an item finds the few words
 * it contains; then only the themes with one of those words are scored, and only over those words (a word absent
 * from the text cannot appear once others are blanked, so the result is the same as trying every word).
 */
interface SignalIndex {
  words: string[];
  finder: PhraseFinder;
  /** Per word index, the themes (taxonomy order) that have it. */
  themesOf: number[][];
  /** Per theme, its signals longest first, with word indices. */
  signals: { word: string; weight: number; wi: number }[][];
  /** Scratch: per word, the tick of the item it was last found in (title, body). */
  inTitle: Uint32Array;
  inBody: Uint32Array;
  tick: number;
}

const signalCache = new WeakMap<Taxonomy, SignalIndex>();
function signalIndex(taxonomy: Taxonomy): SignalIndex {
  let ix = signalCache.get(taxonomy);
  if (ix) return ix;
  const index = new Map<string, number>();
  const words: string[] = [];
  const themesOf: number[][] = [];
  const wordIndex = (word: string): number => {
    let wi = index.get(word);
    if (wi === undefined) {
      wi = words.length;
      index.set(word, wi);
      words.push(word);
      themesOf.push([]);
    }
    return wi;
  };
  const signals = taxonomy.themes.map((theme, order) =>
    // longest signals first (a stable sort: equal lengths keep the file's order)
    [...theme.signals].sort((a, b) => b.word.length - a.word.length).filter((sg) => sg.word.length > 0).map((sg) => {
      const wi = wordIndex(sg.word);
      const owners = themesOf[wi] as number[];
      if (owners[owners.length - 1] !== order) owners.push(order);
      return { word: sg.word, weight: sg.weight, wi };
    }));
  ix = { words, finder: new PhraseFinder(words), themesOf, signals, inTitle: new Uint32Array(words.length), inBody: new Uint32Array(words.length), tick: 0 };
  signalCache.set(taxonomy, ix);
  return ix;
}

/** Marks the words found in `text` with `tick`; adds the themes having them to `themes`. */
function present(text: string, ix: SignalIndex, mark: Uint32Array, tick: number, themes: Set<number>): void {
  ix.finder.find(text, (wi) => {
    mark[wi] = tick;
    for (const th of ix.themesOf[wi] as number[]) themes.add(th);
  });
}

/** Assigns themes to one item (title and body text). */
export function classify(title: string, body: string, taxonomy: Taxonomy): Classification {
  const t = halfWidth(title);
  const b = halfWidth(body);
  const { scoring } = taxonomy;
  const ix = signalIndex(taxonomy);
  const tick = ++ix.tick;
  const candidates = new Set<number>();
  present(t, ix, ix.inTitle, tick, candidates);
  present(b, ix, ix.inBody, tick, candidates);
  if (candidates.size === 0) return { themes: [], evidence: {}, mentioned: {} };
  const scored: { id: string; ev: ThemeEvidence; order: number }[] = [];
  for (const order of [...candidates].sort((x, y) => x - y)) {
    const theme = taxonomy.themes[order];
    if (!theme) continue;
    const ev: ThemeEvidence = { score: 0, title: [], body: [] };
    // longest signals first, and a matched span is blanked: 质量安全监管 must not count again as 监管 and 质量安全
    let tt = t;
    let bb = b;
    for (const { word, weight, wi } of ix.signals[order] ?? []) {
      if (ix.inTitle[wi] === tick && tt.includes(word)) {
        ev.score += scoring.title * weight;
        ev.title.push(word);
        tt = blank(tt, word);
      }
      const n = ix.inBody[wi] === tick ? Math.min(count(bb, word), scoring.body_cap) : 0;
      if (n > 0) {
        ev.score += scoring.body * weight * n;
        ev.body.push(word);
        bb = blank(bb, word);
      }
    }
    if (ev.score > 0) scored.push({ id: theme.id, ev, order });
  }
  if (scored.length === 0) return { themes: [], evidence: {}, mentioned: {} };
  // strongest first; the taxonomy order breaks ties so output is deterministic
  scored.sort((x, y) => y.ev.score - x.ev.score || x.order - y.order);
  const top = scored[0]?.ev.score ?? 0;
  const kept = scored.filter((s) => s.ev.score === top || (s.ev.score >= scoring.min_score && s.ev.score >= scoring.relative * top));
  const evidence = dict<ThemeEvidence>();
  for (const s of kept) evidence[s.id] = { ...s.ev, score: Math.round(s.ev.score * 100) / 100 };
  const mentioned = dict<ThemeEvidence>();
  for (const s of [...scored].sort((x, y) => x.order - y.order)) {
    if (!(s.id in evidence)) mentioned[s.id] = { ...s.ev, score: Math.round(s.ev.score * 100) / 100 };
  }
  return { themes: kept.map((s) => s.id), evidence, mentioned };
}

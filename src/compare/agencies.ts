/**
 * Canonical agencies behind written unit names. Plans name units by the genre's rules — a level prefix (区/市/县),
 * a stem, an organ suffix (局/委/办/分局) — and abbreviate the stem (发改 = 发展改革, 住建 = 住房城乡建设), so the
 * same body appears as 区发改委, 区发展改革委 and 市发展改革委. The rules peel prefix and suffix off; the alias
 * table (agencies.yaml) maps the stem. Names the table does not know are kept as written and reported.
 */
import type { AgencyEntry, AgencyLexicon } from './types.js';
import { halfWidth } from '../source/normalize.js';
import { removePhrases } from './search/phrases.js';

export interface AgencyMatch {
  /** Canonical id, or `unlisted:<stem>` for names the table does not know. */
  id: string;
  /** Canonical name, or the name as written. */
  name: string;
  known: boolean;
  /** The stem the rules reduced the name to. */
  stem: string;
}

/** An agency resolver over one lexicon; build once, call per name. */
export class AgencyResolver {
  private readonly byAlias = new Map<string, AgencyEntry>();
  private readonly aliasesByLength: string[];

  constructor(private readonly lex: AgencyLexicon) {
    for (const a of lex.agencies) {
      for (const alias of [a.name, ...a.aliases]) {
        const key = halfWidth(alias).replace(/\s+/g, '');
        if (!this.byAlias.has(key)) this.byAlias.set(key, a);
      }
    }
    this.aliasesByLength = [...this.byAlias.keys()].sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
  }

  /** Resolved names: by the written name when the plan's own names play no part, else by name and own names. */
  private readonly cache = new Map<string, AgencyMatch>();

  /** Resolves one written name; `own` are the plan's own place names (e.g. 滨海新区, 滨海, 天津市, 天津). */
  resolve(written: string, own: readonly string[] = []): AgencyMatch {
    const raw = halfWidth(written).replace(/\s+/g, '');
    // 公安<place>分局 → 公安分局, <place>海关 → 海关: the plan's own place names are not part of the organ's name
    const local = removePhrases(raw, own).replace(/\s+/g, '') || raw;
    const key = local === raw ? written : `${written}\u0000${own.join('\u0001')}`;
    let m = this.cache.get(key);
    if (!m) this.cache.set(key, (m = this.resolveUncached(written, raw, local)));
    return { ...m };
  }

  private resolveUncached(written: string, raw: string, local: string): AgencyMatch {
    const hit = (a: AgencyEntry, stem: string): AgencyMatch => ({ id: a.id, name: a.name, known: true, stem });
    const direct = this.lookup(raw);
    if (direct) return hit(direct, raw);
    const r2 = this.stripPrefix(local, this.lex.party_prefixes);
    const p = this.stripPrefix(r2, this.lex.level_prefixes);
    // every suffix reading, longest first: 区城市管理局 is 城市管理 + 局, not 城市 + 管理局
    const candidates = [local, r2, p, ...this.suffixReadings(p), ...this.suffixReadings(r2)];
    for (const c of candidates) {
      const a = this.lookup(c);
      if (a) return hit(a, c);
    }
    // <known stem><place>分局 / <place><known stem>: 公安XX分局, 天津海关 — a place of at most three characters
    for (const base of [this.stripSuffix(p), this.stripSuffix(r2)]) {
      for (const alias of this.aliasesByLength) {
        if (alias.length < 2 || alias === base) continue;
        const rest = base.startsWith(alias) ? base.slice(alias.length) : base.endsWith(alias) ? base.slice(0, base.length - alias.length) : null;
        if (rest !== null && /^[\u4e00-\u9fff]{1,3}$/u.test(rest) && !/[局委办部厅]/u.test(rest)) {
          const a = this.byAlias.get(alias);
          if (a) return hit(a, alias);
        }
      }
    }
    const stem = p === r2 ? this.stripSuffix(r2) : this.stripSuffix(p);
    return { id: `unlisted:${stem || raw}`, name: written.trim(), known: false, stem: stem || raw };
  }

  private lookup(s: string): AgencyEntry | undefined {
    if (!s) return undefined;
    const a = this.byAlias.get(s);
    if (a) return a;
    return this.lex.agencies.find((e) => e.patterns.some((re) => re.test(s)));
  }

  /** One prefix, only when at least two characters remain (区市场监管局 → 市场监管局, never 场监管局 from there). */
  private stripPrefix(s: string, prefixes: readonly string[]): string {
    for (const pre of [...prefixes].sort((a, b) => b.length - a.length)) {
      if (s.startsWith(pre) && [...s.slice(pre.length)].length >= 2) return s.slice(pre.length);
    }
    return s;
  }

  /** The name without each organ suffix it ends with, longest suffix first. */
  private suffixReadings(s: string): string[] {
    return [...this.lex.suffixes].sort((a, b) => b.length - a.length)
      .filter((suf) => s.endsWith(suf) && s.length > suf.length)
      .map((suf) => s.slice(0, s.length - suf.length));
  }

  /** One organ suffix, longest first, only when something remains (区教委 → 教). */
  private stripSuffix(s: string): string {
    for (const suf of [...this.lex.suffixes].sort((a, b) => b.length - a.length)) {
      if (s.endsWith(suf) && s.length > suf.length) return s.slice(0, s.length - suf.length);
    }
    return s;
  }
}

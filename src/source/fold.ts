/**
 * Reading a traditional-script plan (質量強國) through a simplified copy. The blocks are folded one UTF-16 unit to
 * one (so every offset and line stays valid) and the whole pipeline runs on the simplified reading: every rule
 * (`區` in `和平區`, `發` in `某府發〔2024〕7號`, `指標` in an appendix title) matches as it does in simplified
 * text. The plan's values are then put back into the document's own characters, by position where the value is
 * a slice of the text and character by character (the document's most frequent spelling) where it was assembled.
 */
import type { Block, Plan } from '../model.js';

export type CharFold = (ch: string) => string;

/** The blocks with their text (and cells) folded unit by unit; offsets, lines and types unchanged. */
export function foldBlocks(blocks: Block[], fold: CharFold): Block[] {
  const foldText = (s: string) => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i] as string;
      const f = fold(c);
      out += f.length === 1 ? f : c;
    }
    return out;
  };
  const one = (b: Block): Block => {
    const f: Block = { ...b, text: foldText(b.text) };
    if (b.cells) f.cells = b.cells.map(one);
    return f;
  };
  return blocks.map(one);
}

/** A function that turns a string of the simplified reading back into the document's characters. */
export function restorer(original: Block[], folded: Block[]): (s: string) => string {
  const texts = (bs: Block[]) => bs.map((b) => (b.cells ? b.cells.map((c) => c.text).join('\n') : b.text)).join('\n');
  const orig = texts(original);
  const simp = texts(folded);
  const votes = new Map<string, Map<string, number>>();
  for (let i = 0; i < simp.length; i++) {
    const s = simp[i] as string, o = orig[i] as string;
    if (s.charCodeAt(0) < 0x2e80) continue;
    let m = votes.get(s);
    if (!m) votes.set(s, (m = new Map()));
    m.set(o, (m.get(o) ?? 0) + 1);
  }
  const back = new Map<string, string>();
  for (const [s, m] of votes) {
    let best = s, n = 0;
    for (const [o, c] of m) if (c > n) { best = o; n = c; }
    back.set(s, best);
  }
  return (s: string) => {
    if (s === '' || !/[\u2e80-\uffff]/.test(s)) return s;
    const at = simp.indexOf(s);
    if (at >= 0) return orig.slice(at, at + s.length);
    let out = '';
    for (const c of s) out += back.get(c) ?? c;
    return out;
  };
}

/** Puts every text value of a plan back into the document's characters (enums, ids and units stay as they are). */
export function restorePlan(plan: Plan, back: (s: string) => string): void {
  const opt = (s: string | null | undefined) => (s === null || s === undefined ? s : back(s));
  const m = plan.meta;
  m.title = opt(m.title) ?? null;
  m.notice_title = opt(m.notice_title) ?? null;
  // jurisdiction and parent are standard (simplified) names from the division table, not slices of the text
  m.issuer = opt(m.issuer) ?? null;
  m.doc_number = opt(m.doc_number) ?? null;
  for (const s of plan.sections) s.title = back(s.title);
  for (const t of plan.tasks) {
    t.title = back(t.title);
    t.text = back(t.text);
    t.lead = t.lead.map(back);
    t.responsible = t.responsible.map(back);
  }
  for (const c of plan.columns) {
    c.title = back(c.title);
    c.items = c.items.map(back);
  }
  for (const t of plan.targets) {
    t.indicator = back(t.indicator);
    t.quote = back(t.quote);
    t.unit = back(t.unit);
  }
  for (const a of plan.appendix) {
    a.title = back(a.title);
    a.columns = a.columns.map(back);
    a.rows = a.rows.map((r) => r.map((c) => (c === null ? null : back(c))));
    if (a.row_groups) a.row_groups = a.row_groups.map((g) => (g === null ? null : back(g)));
  }
}

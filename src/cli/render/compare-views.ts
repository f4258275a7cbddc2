/**
 * The views of a comparison as plain grids (header + rows of cells), shared by the terminal table, Markdown and
 * CSV renderers so the three always say the same thing. A cell is a list of lines plus a few hints (heat, marks)
 * that a renderer may turn into colour; the text alone must carry the meaning (pipes and files have no colour).
 */
import type { CompareResult, CompareView, Counterpart, IndicatorCell } from '../../compare/types.js';
import { taskIndex } from '../../compare/lookup.js';

/** The views, as the library names them (one list: compare/types.ts). */
export type ViewName = CompareView;

export interface Cell {
  lines: string[];
  /** 0 (nothing) … 1 (the most in this view), for heat colouring. */
  heat?: number;
  tone?: 'good' | 'warn' | 'bad' | 'dim';
}

export interface Grid {
  view: ViewName | 'plans';
  title: string;
  header: string[];
  rows: Cell[][];
  /** A line under the table explaining its marks. */
  note?: string;
  /**
   * Set when the columns after the first are plans, one each: a terminal too narrow for them all shows them in
   * pages of columns, the first column repeated (compare-pages.ts).
   */
  planColumns?: boolean;
}

const COMPARATOR: Record<string, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

/** `≥98.2% 2027`, with the ambition mark and the match confidence when it is not an exact alias. */
export function indicatorText(c: IndicatorCell): string[] {
  const year = c.year === null ? '(无年份)' : `${c.year}${c.year_inferred ? '*' : ''}`;
  const mark = c.ambition === 'most' ? ' ▲' : c.ambition === 'least' ? ' ▼' : '';
  const lines = [`${COMPARATOR[c.comparator] ?? c.comparator}${c.value}${c.unit} ${year}${mark}`];
  if (c.match === 'similar') lines.push(`≈${c.confidence} ${c.indicator}`);
  return lines;
}

/** `strong 0.42` / `partial 0.12`: the band says how to read the score. */
const scoreText = (c: Counterpart) => `${c.band ? `${c.band} ` : ''}${c.score.toFixed(2)}`;
const bandNote = (r: CompareResult) => {
  const a = r.alignment_rule;
  return a?.strong !== undefined ? ` · strong ≥ ${a.strong}: the same task reworded; partial ≥ ${a.floor}: a related task; below ${a.floor}: — (none)` : '';
};

const plainCell = (lines: string[], extra: Omit<Cell, 'lines'> = {}): Cell => ({ lines, ...extra });
const NONE = '—';
/** Absent indicators named per gaps cell; the rest are counted (JSON and CSV list them all). */
const MISSING_SHOWN = 12;

export function buildGrids(r: CompareResult, views: ViewName[], opts: { explain?: boolean } = {}): Grid[] {
  const labels = r.plans.map((p) => p.label);
  const tasks = taskIndex(r);
  const titleOf = (plan: string, id: string | null) => (id === null ? '' : tasks.get(plan)?.get(id)?.title ?? '');
  const themeName = new Map(r.themes.map((t) => [t.id, t.name]));
  const indicatorName = new Map(r.indicators.map((i) => [i.id, i.name]));
  // every absent indicator by name (the comparison lists each once in `missing`), the first dozen of a long list
  const missingIndicators = (ids: string[]) => {
    if (ids.length === 0) return NONE;
    const names = ids.map((id) => r.missing[id]?.name ?? indicatorName.get(id) ?? id);
    const shown = names.slice(0, MISSING_SHOWN);
    return `${ids.length}: ${[...shown, ...(names.length > shown.length ? [`+${names.length - shown.length}`] : [])].join('、')}`;
  };
  const grids: Grid[] = [];
  for (const view of views) {
    if (view === 'themes') {
      const max = Math.max(1, ...r.themes.flatMap((t) => labels.map((l) => t.plans[l]?.items.length ?? 0)));
      grids.push({
        view, title: '主题覆盖 (themes)', header: ['主题', ...labels], planColumns: true,
        rows: r.themes.map((t) => [
          plainCell([t.name, t.id]),
          ...labels.map((l) => {
            const c = t.plans[l];
            // mentioned: the theme's words occur, but only in items where other themes are stronger
            if (c?.degree === 'mentioned') return plainCell([`提及 ${c.mentioned.join(', ')}`], { heat: 0, tone: 'warn' });
            if (!c || c.items.length === 0) return plainCell([NONE], { heat: 0, tone: 'dim' });
            const lines = opts.explain
              ? Object.entries(c.why).map(([id, w]) => `${id}: ${[...w.title.map((x) => `「${x}」`), ...w.body].join(' ')}`)
              : [c.items.join(', ')];
            if (c.targets > 0) lines.push(`目标 ${c.targets}`);
            return plainCell(lines, { heat: c.items.length / max });
          }),
        ]),
        note: `${opts.explain ? '「」 = word in the title (weighted); others = words in the body' : 'covered: the items where the theme is strongest (task ids, column:N = 专栏 N, goal:L = goals bullet on line L)'}` +
          ' · 提及 = mentioned: its words occur only in items led by other themes · — = absent: no signal at all',
      });
    } else if (view === 'indicators') {
      // rows that several plans share first: they are what the view is for
      const rows = [...r.indicators].sort((a, b) => Object.keys(b.plans).length - Object.keys(a.plans).length);
      grids.push({
        view, title: '指标 (indicators)', header: ['指标', ...labels], planColumns: true,
        rows: rows.map((row) => [
          plainCell([row.name, ...(row.listed ? [] : ['(未列入指标表)'])]),
          ...labels.map((l) => {
            const c = row.plans[l];
            const named = row.named?.[l];
            if (!c && named) return plainCell([`提及 ${named.join(', ')}`, '(无数值)'], { tone: 'warn' });
            if (!c) return plainCell([NONE], { tone: 'dim' });
            return plainCell(indicatorText(c), { tone: c.ambition === 'most' ? 'good' : c.ambition === 'least' ? 'warn' : undefined });
          }),
        ]),
        note: '▲ most / ▼ least ambitious where year and unit agree · * year from the plan horizon · ≈ matched by similarity (confidence)' +
          ' · 提及 = named without a value (in those items) · — = absent',
      });
    } else if (view === 'agencies') {
      const loadOf = (c: { lead: string[]; responsible: string[] }) => new Set([...c.lead, ...c.responsible]).size;
      const max = Math.max(1, ...r.agencies.flatMap((a) => Object.values(a.plans).map(loadOf)));
      grids.push({
        view, title: '责任单位 (agencies)', header: ['机构', ...labels], planColumns: true,
        rows: r.agencies.map((a) => [
          plainCell([a.name, ...(a.known ? [] : ['(未识别)'])], a.known ? {} : { tone: 'warn' }),
          ...labels.map((l) => {
            const c = a.plans[l];
            if (!c) return plainCell([NONE], { heat: 0, tone: 'dim' });
            const counts = [c.lead.length ? `牵头 ${c.lead.length}` : '', c.responsible.length ? `责任 ${c.responsible.length}` : ''].filter(Boolean).join(' · ');
            return plainCell([counts, c.names.join('、')], { heat: loadOf(c) / max });
          }),
        ]),
        note: 'task counts per plan (牵头 = lead, 责任 = responsible), then the names as written',
      });
    } else if (view === 'tasks' && r.alignment_rule?.rule === 'top') {
      // a large comparison: each task's closest counterparts, best first, instead of a column per plan
      const k = Math.max(1, ...r.alignments.map((a) => Object.keys(a.counterparts).length));
      grids.push({
        view, title: '任务对照 (tasks)', header: ['任务', ...Array.from({ length: k }, (_, i) => `#${i + 1}`)],
        rows: r.alignments.map((a) => {
          const cells = Object.entries(a.counterparts).map(([l, c]) =>
            plainCell([`${l} ${c.task ?? NONE} (${scoreText(c)})`, titleOf(l, c.task)], { heat: c.score }));
          while (cells.length < k) cells.push(plainCell([NONE], { tone: 'dim' }));
          return [plainCell([`${a.plan} ${a.task}`, a.title]), ...cells];
        }),
        note: `closest tasks of the ${r.alignment_rule.top} best-matching other plans, best first, scoring at least ${r.alignment_rule.min_score} (bigram TF-IDF cosine, place names and boilerplate removed; --align-top all for every plan)${bandNote(r)}`,
      });
    } else if (view === 'tasks') {
      grids.push({
        view, title: '任务对照 (tasks)', header: ['任务', ...labels], planColumns: true,
        rows: r.alignments.map((a) => [
          plainCell([`${a.plan} ${a.task}`, a.title]),
          ...labels.map((l) => {
            if (l === a.plan) return plainCell(['·'], { tone: 'dim' });
            const c = a.counterparts[l];
            if (!c || c.task === null) return plainCell([NONE], { tone: 'dim' });
            return plainCell([`${c.task} (${scoreText(c)})`, titleOf(l, c.task)], { heat: c.score, tone: c.band === 'strong' ? 'good' : undefined });
          }),
        ]),
        note: `closest task of each other plan by text similarity (bigram TF-IDF cosine, place names and boilerplate removed)${bandNote(r)}`,
      });
    } else if (view === 'gaps') {
      const unclassified = new Map(r.unclassified.map((u) => [u.plan, u.items]));
      grids.push({
        view, title: '缺口 (gaps)', header: ['计划', '未涉及的主题 (absent)', '未提及的指标 (absent)', '无责任单位的任务', '无年份的目标', '未分类'],
        rows: r.gaps.map((g) => [
          plainCell([g.plan]),
          plainCell([g.missing_themes.length ? `${g.missing_themes.length}: ` + g.missing_themes.map((id) => themeName.get(id) ?? id).join('、') : NONE], { tone: g.missing_themes.length ? 'bad' : 'dim' }),
          plainCell([missingIndicators(g.missing_indicators)], { tone: g.missing_indicators.length ? 'warn' : 'dim' }),
          plainCell([g.tasks_without_units.length ? `${g.tasks_without_units.length}: ${g.tasks_without_units.join(', ')}` : NONE], { tone: g.tasks_without_units.length ? 'bad' : 'dim' }),
          plainCell([g.targets_without_year.length ? g.targets_without_year.map((t) => `${t.indicator} (L${t.line})`).join('、') : NONE], { tone: g.targets_without_year.length ? 'warn' : 'dim' }),
          plainCell([(unclassified.get(g.plan) ?? []).join(', ') || NONE], { tone: 'dim' }),
        ]),
        note: r.plans.some((p) => p.baseline) ? `measured against the baseline ${r.plans.filter((p) => p.baseline).map((p) => p.label).join(', ')}` : 'measured against the other plans',
      });
    }
  }
  return grids;
}

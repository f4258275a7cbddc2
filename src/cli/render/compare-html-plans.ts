/**
 * The plan-shaped parts of the HTML report: the overview matrix (one row per plan, one column per theme, so 300
 * plans grow the matrix downwards inside its own scroll box, never sideways) and each plan's drill-down (its
 * coverage by theme with the deciding items, then the item texts), closed by default so the page stays short.
 * Browsers open a closed `<details>` when a link points inside it, so the matrix links need no script.
 */
import type { CompareItem, CompareResult, IndicatorDegree, ScoreBand, ThemeDegree, ThemeRow } from '../../compare/types.js';
import { taskIndex } from '../../compare/lookup.js';
import { esc } from './compare-svg.js';

export type Degree = ThemeDegree;

/** How a plan stands on a theme, and the items behind it (the deciding items; for `mentioned`, where its words occur). */
export function coverage(t: ThemeRow, label: string): { degree: Degree; items: string[] } {
  const c = t.plans[label];
  if (!c) return { degree: 'absent', items: [] };
  const degree = c.degree ?? (c.items.length > 0 ? 'covered' : 'absent');
  return { degree, items: degree === 'mentioned' ? c.mentioned ?? [] : c.items };
}

/** The words for a degree, as every format writes them. */
export const DEGREE_TEXT: Record<Degree, string> = { covered: '覆盖 covered', mentioned: '提及 mentioned', absent: '未涉及 absent' };
export const BAND_TEXT: Record<ScoreBand, string> = { strong: '强 strong', partial: '部分 partial' };

/** Heat class of a covered cell: h1 (one item) … h5 (the most in the matrix); classes keep a 300-plan matrix small. */
const heatClass = (v: number) => `h${Math.max(1, Math.min(5, Math.ceil(v * 5)))}`;

/**
 * Up to this many plans the report holds every item's text. A corpus would make the page tens of megabytes (300
 * plans: 13 MB, 10-20 s to open in Chromium here); beyond it each drill-down names the items with their titles and
 * source lines, and the texts are in `compare --format json`.
 */
export const TEXTS_UP_TO = 30;

/** Anchors of every plan's items, by position (any item id, `（三）` or `column:6.2`, makes a valid fragment). */
export function itemAnchors(r: CompareResult): Map<string, Map<string, string>> {
  const anchor = new Map<string, Map<string, string>>();
  if (r.plans.length > TEXTS_UP_TO) return anchor;
  r.plans.forEach((p, pi) => {
    const m = new Map<string, string>();
    (r.items[p.label] ?? []).forEach((it, k) => {
      m.set(it.id, `p${pi}-${k}`);
      const box = /^column:([^.]+)\.1$/.exec(it.id);
      if (box) m.set(`column:${box[1]}`, `p${pi}-${k}`);
    });
    anchor.set(p.label, m);
  });
  return anchor;
}

/** The overview matrix: counts of deciding items per plan and theme, coloured; a cell links to the drill-down. */
export function matrix(r: CompareResult): string {
  const max = Math.max(1, ...r.themes.flatMap((t) => r.plans.map((p) => t.plans[p.label]?.items.length ?? 0)));
  const groupName = new Map(r.groups.map((g) => [g.id, g.name]));
  const spans: { group: string; n: number }[] = [];
  for (const t of r.themes) {
    const last = spans[spans.length - 1];
    if (last && last.group === t.group) last.n++;
    else spans.push({ group: t.group, n: 1 });
  }
  const out = ['<div class="box matrix-box"><table id="heatmap" class="matrix"><thead>',
    `<tr class="g"><th class="corner" rowspan="2">计划 Plan<br><span class="muted">覆盖 covered / ${esc(r.themes.length)}</span></th>` +
      spans.map((s) => `<th colspan="${esc(s.n)}" title="${esc(groupName.get(s.group) ?? s.group)}">${esc(groupName.get(s.group) ?? s.group)}</th>`).join('') + '</tr>',
    `<tr class="t">${r.themes.map((t) => `<th title="${esc(`${t.name} ${t.id}`)}"><span>${esc(t.name)}</span></th>`).join('')}</tr></thead><tbody>`];
  const covering = r.themes.map((t) => r.plans.filter((p) => coverage(t, p.label).degree === 'covered').length);
  out.push(`<tr class="sum"><th>覆盖计划数 plans covering</th>${covering.map((n) => `<td>${esc(n)}</td>`).join('')}</tr>`);
  r.plans.forEach((p, pi) => {
    const cells = r.themes.map((t, ti) => {
      const c = coverage(t, p.label);
      if (c.degree === 'absent') return '<td class="absent">–</td>';
      if (c.degree === 'mentioned') return `<td class="mentioned"><a href="#c${pi}-${ti}">○</a></td>`;
      return `<td class="${heatClass(c.items.length / max)}"><a href="#c${pi}-${ti}">${esc(c.items.length)}</a></td>`;
    });
    const n = r.themes.filter((t) => coverage(t, p.label).degree === 'covered').length;
    out.push(`<tr><th><a href="#plan-${pi}">${esc(p.label)}</a>${p.baseline ? ' <span class="muted">(基准)</span>' : ''} <span class="muted">${esc(n)}</span></th>${cells.join('')}</tr>`);
  });
  out.push('</tbody></table></div>');
  return out.join('\n');
}

/** Every plan's drill-down: coverage by theme (the matrix links here), then its item texts. */
export function planDetails(r: CompareResult, anchors: Map<string, Map<string, string>>): string {
  const themeName = new Map(r.themes.map((t) => [t.id, t.name]));
  const sourceOf = new Map(r.plans.map((p) => [p.label, p.source]));
  const align = new Map(r.alignments.map((a) => [`${a.plan}\u0000${a.task}`, a]));
  const tasks = taskIndex(r);
  const titleOf = (plan: string, id: string) => tasks.get(plan)?.get(id)?.title ?? '';
  const link = (label: string, id: string, text = id) => {
    const a = anchors.get(label)?.get(id);
    return a ? `<a href="#${esc(a)}">${esc(text)}</a>` : esc(text);
  };
  const texts = r.plans.length <= TEXTS_UP_TO;
  const out: string[] = [];
  r.plans.forEach((p, pi) => {
    const items = r.items[p.label] ?? [];
    const byId = new Map(items.map((it) => [it.id, it]));
    const rows: string[] = [];
    const absent: string[] = [];
    r.themes.forEach((t, ti) => {
      const c = coverage(t, p.label);
      if (c.degree === 'absent') {
        absent.push(t.name);
        return;
      }
      const why = t.plans[p.label]?.why ?? {};
      const signals = t.plans[p.label]?.signals ?? [];
      const evidence = !texts ? [] : c.degree === 'mentioned' ? [`words: ${signals.join('、')}`] : Object.entries(why).map(([id, w]) => `${id}: ${[...w.title.map((x) => `「${x}」`), ...w.body].join(' ')}`);
      rows.push(`<tr id="c${pi}-${ti}" class="${c.degree}"><td>${esc(t.name)} <span class="muted">${esc(t.id)}</span></td><td>${esc(DEGREE_TEXT[c.degree])}</td>` +
        `<td>${c.items.map((id) => `${link(p.label, id)} ${esc(byId.get(id)?.title ?? '')}${texts ? '' : ` <span class="src">L${esc(byId.get(id)?.line ?? '?')}</span>`}`).join('<br>')}</td>` +
        `${texts ? `<td class="muted">${esc(evidence.join(' · '))}</td>` : ''}</tr>`);
    });
    const covered = r.themes.filter((t) => coverage(t, p.label).degree === 'covered').length;
    const mentioned = r.themes.length - covered - absent.length;
    out.push(`<details class="plan" id="plan-${pi}"><summary><b>${esc(p.label)}</b>${p.baseline ? ' (基准 baseline)' : ''} ${esc(p.title ?? '')} ` +
      `<span class="muted">${esc(p.source)} · 任务 ${esc(p.counts.task)} · 目标 ${esc(p.counts.targets)} · 主题 themes: 覆盖 ${esc(covered)} · 提及 ${esc(mentioned)} · 未涉及 ${esc(absent.length)}</span></summary>`,
    `<table class="cover"><thead><tr><th>主题 Theme</th><th>程度 Degree</th><th>条目 Items</th>${texts ? '<th>依据 Words</th>' : ''}</tr></thead><tbody>`, ...rows, '</tbody></table>',
    `<p><b>${esc(DEGREE_TEXT.absent)}</b>: ${absent.length ? esc(absent.join('、')) : '—'}</p>`,
    ...(texts ? [`<details class="texts"><summary>条目原文 Item texts (${esc(items.length)})</summary>`, ...items.map((it) => article(p.label, pi, it)), '</details>'] : []),
    '</details>');
  });
  return out.join('\n');

  function article(l: string, pi: number, it: CompareItem): string {
    const a = align.get(`${l}\u0000${it.id}`);
    const counterparts = a
      ? Object.entries(a.counterparts).filter(([, c]) => c.task !== null)
        .map(([ol, c]) => `${esc(ol)} ${link(ol, c.task ?? '', `${c.task} ${titleOf(ol, c.task ?? '')}`)} (${esc(c.band ? `${BAND_TEXT[c.band]} ` : '')}${esc(c.score.toFixed(2))})`).join(' · ')
      : '';
    const units = [it.lead.length ? `牵头: ${it.lead.join('、')}` : '', it.responsible.length ? `责任: ${it.responsible.join('、')}` : ''].filter(Boolean).join(' · ');
    return `<article id="${esc(anchors.get(l)?.get(it.id) ?? `p${pi}-x`)}"><h4>${esc(it.id)} ${esc(it.title)}</h4>` +
      (it.text && it.kind !== 'column' ? `<p>${esc(it.text)}</p>` : it.kind === 'column' ? `<p class="muted">专栏: ${esc(it.text)}</p>` : '') +
      `<p class="src">${esc(sourceOf.get(l) ?? '')}:${esc(it.line)}${units ? ` · ${esc(units)}` : ''} · ${it.themes.length ? esc(it.themes.map((t) => themeName.get(t) ?? t).join('、')) : '未分类'}</p>` +
      (counterparts ? `<p class="muted">closest: ${counterparts}</p>` : a ? '<p class="muted">closest: none above the similarity floor</p>' : '') + '</article>';
  }
}

/** The words for an indicator's degree. */
export const INDICATOR_DEGREE_TEXT: Record<IndicatorDegree, string> = { target: '目标 target', named: '提及 named (no value)', absent: '未提及 absent' };

/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, no fonts or images from anywhere; a CSP
 * that forbids loading anything), so it can be mailed, archived and opened offline, and a hostile plan cannot make
 * it run or fetch anything. A table of contents, an overview matrix (plans × themes) that drills down to each
 * plan's items, one small chart per indicator, agency load and gaps. Big tables scroll inside their own boxes with
 * sticky headers, so 300 plans make a taller box, not a wider page. Reading needs no JavaScript.
 */
import type { CompareResult, IndicatorRow } from '../../compare/types.js';
import { indicatorText } from './compare-views.js';
import { DOT_ROWS_UP_TO, esc, indicatorChart, type ChartPoint } from './compare-svg.js';
import { DEGREE_TEXT, INDICATOR_DEGREE_TEXT, itemAnchors, matrix, planDetails, TEXTS_UP_TO } from './compare-html-plans.js';
import { CSS } from './compare-html-css.js';

/** Up to this many plans the report also has the full indicator × plan and agency × plan grids, with item links. */
export const GRIDS_UP_TO = DOT_ROWS_UP_TO;

export function renderHtml(r: CompareResult): string {
  const labels = r.plans.map((p) => p.label);
  const anchors = itemAnchors(r);
  const link = (label: string, id: string, text = id) => {
    const a = anchors.get(label)?.get(id);
    return a ? `<a href="#${esc(a)}">${esc(text)}</a>` : esc(text);
  };
  const ownerOf = (where: string, line: number) => (where === 'goals' ? `goal:${line}` : where.startsWith('task:') ? where.slice(5) : where);
  const few = labels.length <= GRIDS_UP_TO;
  const title = labels.length <= 6 ? `qplan compare: ${labels.join(' · ')}` : `qplan compare: ${labels.length} plans`;
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">', `<title>${esc(title)}</title>`, `<style>${CSS}</style></head><body>`,
    '<nav id="toc" aria-label="contents"><b>qplan compare</b> <a href="#plans">计划 Plans</a> <a href="#themes">覆盖总览 Overview</a> ' +
      '<a href="#indicators">指标 Indicators</a> <a href="#agencies">责任单位 Agencies</a> <a href="#gaps">缺口 Gaps</a> <a href="#details">详情 Plan details</a></nav>',
    `<header><h1>${esc(title)}</h1><p class="muted">${esc(r.schema)} · taxonomy: ${esc(r.taxonomy)} · ${esc(labels.length)} plans · ${esc(r.themes.length)} themes · ${esc(r.indicators.length)} indicators</p></header>`);

  // plans
  out.push(`<section id="plans"><h2>计划 Plans <span class="muted">${esc(labels.length)}</span></h2><div class="box list-box"><table><thead><tr><th>#</th><th>计划</th><th>标题</th><th>来源</th><th>任务</th><th>保障</th><th>专栏条目</th><th>目标</th></tr></thead><tbody>`);
  r.plans.forEach((p, pi) => {
    out.push(`<tr><td class="num">${pi + 1}</td><th><a href="#plan-${pi}">${esc(p.label)}</a>${p.baseline ? ' <span class="muted">(基准 baseline)</span>' : ''}</th><td>${esc(p.title ?? '—')}</td><td class="src">${esc(p.source)}</td>` +
      `<td class="num">${esc(p.counts.task)}</td><td class="num">${esc(p.counts.safeguard)}</td><td class="num">${esc(p.counts.column_items)}</td><td class="num">${esc(p.counts.targets)}</td></tr>`);
  });
  out.push('</tbody></table></div></section>');

  // overview
  out.push('<section id="themes"><h2>覆盖总览 Theme coverage</h2>',
    `<p class="muted legend">Number = items where the theme is strongest (${esc(DEGREE_TEXT.covered)}; the deeper the green, the more) · ` +
      `<span class="mentioned">○</span> = ${esc(DEGREE_TEXT.mentioned)}: its words appear only in items led by other themes · ` +
      `<span class="absent">–</span> = ${esc(DEGREE_TEXT.absent)}: no signal at all. Click a cell for the items and the deciding words.</p>`,
    matrix(r), '</section>');

  // indicators: a chart each, then (for a few plans) the grid of values
  const rows = [...r.indicators].sort((a, b) => Object.keys(b.plans).length - Object.keys(a.plans).length);
  const charted = few ? rows : rows.filter((row) => row.listed || Object.keys(row.plans).length > 1);
  out.push('<section id="indicators"><h2>指标 Indicators</h2>',
    `<p class="muted legend">One chart per indicator: ${few ? 'a dot per plan on a shared axis (not from zero: look at the axis values)' : 'how many plans set each value, median marked'}; ` +
      'plans whose unit differs from the most common one are listed under the chart. Hover for values; click a dot for the sentence.</p><div class="cards">');
  charted.forEach((row) => out.push(card(row, rows.indexOf(row))));
  out.push('</div>');
  if (charted.length < rows.length) out.push(`<p class="muted">${esc(rows.length - charted.length)} indicators named by one plan only and not in the indicator table are not charted; each plan's details list its targets.</p>`);
  if (few) {
    out.push(`<details open><summary>数值表 All values</summary><p class="muted legend"><span class="most">▲</span> most / <span class="least">▼</span> least ambitious where year and unit agree · * year taken from the plan horizon · ≈ matched by similarity (confidence) · ${esc(INDICATOR_DEGREE_TEXT.named)} = the plan names it without a value · – = ${esc(INDICATOR_DEGREE_TEXT.absent)}</p>`,
      `<div class="box"><table id="indicator-table" class="grid"><thead><tr><th>指标 Indicator</th>${labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr></thead><tbody>`);
    for (const row of rows) {
      const cells = labels.map((l) => {
        const c = row.plans[l];
        const named = row.named?.[l];
        if (!c && named) return `<td class="mentioned">${esc(INDICATOR_DEGREE_TEXT.named)}<br>${named.map((id) => link(l, id)).join(' ')}</td>`;
        if (!c) return '<td class="absent">–</td>';
        const [main, ...more] = indicatorText(c);
        return `<td class="${esc(c.ambition ?? '')}" title="${esc(`${c.quote}\n${r.plans[labels.indexOf(l)]?.source}:${c.line}`)}">${link(l, ownerOf(c.where, c.line), main ?? '')}` +
          `${more.map((m) => `<br><span class="muted">${esc(m)}</span>`).join('')}<br><span class="muted">L${esc(c.line)}</span></td>`;
      });
      out.push(`<tr><th>${esc(row.name)}${row.listed ? '' : ' <span class="muted">(未列入指标表)</span>'}</th>${cells.join('')}</tr>`);
    }
    out.push('</tbody></table></div></details>');
  }
  out.push('</section>');

  // agencies
  const loadOf = (c: { lead: string[]; responsible: string[] }) => new Set([...c.lead, ...c.responsible]).size;
  const agencies = few ? r.agencies : r.agencies.filter((a) => Object.keys(a.plans).length > 1);
  const amax = Math.max(1, ...agencies.flatMap((a) => Object.values(a.plans).map(loadOf)));
  out.push('<section id="agencies"><h2>责任单位 Agency load</h2>',
    `<p class="muted legend">Tasks per agency and plan${few ? ' (bold = lead)' : ''}; hover for the names as written.${agencies.length < r.agencies.length ? ` ${esc(r.agencies.length - agencies.length)} agencies named by one plan only are left out.` : ''}</p>`,
    `<div class="box"><table id="agency-table" class="grid"><thead><tr><th>机构 Agency</th>${labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr></thead><tbody>`);
  for (const a of agencies) {
    const cells = labels.map((l) => {
      const c = a.plans[l];
      if (!c) return '<td class="absent">–</td>';
      const n = loadOf(c);
      const ids = few ? [...new Set([...c.lead, ...c.responsible])] : [];
      if (!few) return `<td class="n">${esc(n)}</td>`;
      return `<td title="${esc(c.names.join('、'))}"><span class="bar" style="width:${Math.round((n / amax) * 40)}px"></span>${esc(n)}` +
        (ids.length ? `<br>${ids.map((id) => (c.lead.includes(id) ? `<b>${link(l, id)}</b>` : link(l, id))).join(' ')}` : '') + '</td>';
    });
    out.push(`<tr><th>${esc(a.name)}${a.known ? '' : ' <span class="muted">(未识别 unknown)</span>'}</th>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table></div></section>');

  // gaps: only what is absent
  const themeName = new Map(r.themes.map((t) => [t.id, t.name]));
  const indName = new Map(r.indicators.map((i) => [i.id, i.name]));
  out.push('<section id="gaps"><h2>缺口 Gaps</h2>',
    `<p class="muted legend">${esc(r.plans.some((p) => p.baseline) ? `Measured against the baseline ${r.plans.filter((p) => p.baseline).map((p) => p.label).join(', ')}` : 'Measured against the other plans')}: ` +
      `themes ${esc(DEGREE_TEXT.absent)} here but present elsewhere, and indicators no sentence here names.${few ? ' Hover for who has them.' : ' The overview matrix shows who has them (a corpus report names no plans per gap: the titles alone weighed megabytes).'}</p>`,
    '<div class="box list-box"><table id="gap-table"><thead><tr><th>计划</th><th>未涉及的主题 Absent themes</th><th>未提及的指标 Absent indicators</th><th>无责任单位的任务</th><th>无年份的目标</th><th>未分类</th></tr></thead><tbody>');
  const unclassified = new Map(r.unclassified.map((u) => [u.plan, u.items]));
  for (const g of r.gaps) {
    const who = (id: string) => {
      const names = r.missing[id]?.plans ?? [];
      const n = r.missing[id]?.count ?? names.length;
      return esc(`${names.join('、')}${n > names.length ? ` … (${n})` : ''}`);
    };
    const named = (id: string, name: string) => (few ? `<span title="${who(id)}">${esc(name)}</span>` : esc(name));
    out.push(`<tr><th>${esc(g.plan)}</th>` +
      `<td>${g.missing_themes.map((id) => named(id, themeName.get(id) ?? id)).join('、') || '—'}</td>` +
      `<td>${g.missing_indicators.map((id) => named(id, r.missing[id]?.name ?? indName.get(id) ?? id)).join('、') || '—'}</td>` +
      `<td>${g.tasks_without_units.map((id) => link(g.plan, id)).join(' ') || '—'}</td>` +
      `<td>${g.targets_without_year.map((t) => `${esc(t.indicator)} <span class="src">L${esc(t.line)}</span>`).join('<br>') || '—'}</td>` +
      `<td>${(unclassified.get(g.plan) ?? []).map((id) => link(g.plan, id)).join(' ') || '—'}</td></tr>`);
  }
  out.push('</tbody></table></div></section>');

  const then = labels.length <= TEXTS_UP_TO ? 'its item texts with source lines'
    : `the items' source lines (item texts are in the report up to ${TEXTS_UP_TO} plans, and always in compare --format json)`;
  out.push(`<section id="details"><h2>各计划详情 Plan details</h2><p class="muted legend">Each plan's themes with the deciding items and words, then ${esc(then)}. The matrix and the charts link here.</p>`,
    planDetails(r, anchors), '</section></body></html>', '');
  return out.join('\n');

  function card(row: IndicatorRow, index: number): string {
    // the most common unit is charted; other units cannot share its axis
    const cells = labels.map((l) => [l, row.plans[l]] as const).filter((e): e is [string, NonNullable<typeof e[1]>] => e[1] !== undefined);
    const units = new Map<string, number>();
    for (const [, c] of cells) units.set(c.unit, (units.get(c.unit) ?? 0) + 1);
    const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const points: ChartPoint[] = cells.filter(([, c]) => c.unit === unit).map(([l, c]) => {
      const a = anchors.get(l)?.get(ownerOf(c.where, c.line));
      return { label: l, value: c.value, text: indicatorText(c)[0] ?? '', href: a ? `#${a}` : `#plan-${labels.indexOf(l)}` };
    });
    const others = cells.filter(([, c]) => c.unit !== unit);
    const named = Object.keys(row.named ?? {});
    return `<figure class="card" id="ind-${index}"><figcaption><b>${esc(row.name)}</b> <span class="muted">${esc(cells.length)}/${esc(labels.length)} plans · ` +
      `${row.direction === 'lower' ? '↓ lower is better' : '↑ higher is better'}${row.listed ? '' : ' · 未列入指标表'}</span></figcaption>` +
      indicatorChart(points, unit, row.name) +
      (others.length ? `<p class="muted">other units: ${others.map(([l, c]) => esc(`${l} ${indicatorText(c)[0] ?? ''}`)).join(' · ')}</p>` : '') +
      (named.length ? `<p class="muted">${esc(INDICATOR_DEGREE_TEXT.named)}: ${esc(named.length > 12 ? `${named.length} plans` : named.join('、'))}</p>` : '') + '</figure>';
  }
}

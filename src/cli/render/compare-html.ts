/**
 * The HTML report: one self-contained page (inline CSS, no script, no fonts or images from anywhere; a CSP that
 * forbids loading anything), so it can be mailed, archived and opened offline. A theme × plan heat map (a plain
 * table with inline background colours), the indicator table, agency load and the gaps; every cell links to the
 * task texts, which are in the page too, each with its source file and line.
 */
import type { CompareItem, CompareResult } from '../../compare/types.js';
import { indicatorText } from './compare-views.js';
import { taskIndex } from '../../compare/lookup.js';

/** Escapes text for HTML content and quoted attributes; numbers and other values go through `String` first. */
const esc = (v: unknown) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Heat colour: pale (nothing) to deep green (the most in the table). */
function heat(v: number): string {
  const l = Math.round(96 - Math.min(1, Math.max(0, v)) * 52);
  return `background:hsl(140,55%,${l}%);color:${l < 60 ? '#fff' : '#123'}`;
}

const CSS = `
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#123;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccd}h3{font-size:16px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ccd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eef1f6}td.none{background:#fbecec;color:#a55;text-align:center}td.num{text-align:right}
a{color:inherit}td a{margin-right:4px}.muted{color:#778;font-size:12px}.most{font-weight:bold;color:#0a6b2b}.least{color:#a15c00}
.bar{display:inline-block;height:8px;background:#3b7;margin-right:6px;vertical-align:middle}
article{border-left:3px solid #ccd;padding:2px 10px;margin:10px 0}article:target{border-color:#3b7;background:#f3fbf5}
article h4{margin:4px 0;font-size:14px}article p{margin:4px 0;font-size:13px;line-height:1.6}
.src{font-family:monospace;font-size:12px;color:#557}
@media print{a{text-decoration:none}}`;

export function renderHtml(r: CompareResult): string {
  const labels = r.plans.map((p) => p.label);
  // anchors by position, so any item id (（三）, column:6.2) makes a valid fragment
  const anchor = new Map<string, Map<string, string>>();
  labels.forEach((l, pi) => {
    const m = new Map<string, string>();
    (r.items[l] ?? []).forEach((it, k) => {
      m.set(it.id, `p${pi}-${k}`);
      const box = /^column:([^.]+)\.1$/.exec(it.id);
      if (box) m.set(`column:${box[1]}`, `p${pi}-${k}`);
    });
    anchor.set(l, m);
  });
  const tasks = taskIndex(r);
  const titleOf = (plan: string, id: string | null) => (id === null ? '' : tasks.get(plan)?.get(id)?.title ?? '');
  const link = (label: string, id: string, text = id) => {
    const a = anchor.get(label)?.get(id);
    return a ? `<a href="#${esc(a)}">${esc(text)}</a>` : esc(text);
  };
  const ownerOf = (where: string, line: number) => (where === 'goals' ? `goal:${line}` : where.startsWith('task:') ? where.slice(5) : where);
  const sourceOf = new Map(r.plans.map((p) => [p.label, p.source]));
  const out: string[] = [];
  const title = `qplan compare: ${labels.join(' · ')}`;
  out.push('<!doctype html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">', `<title>${esc(title)}</title>`, `<style>${CSS}</style></head><body>`,
    `<h1>${esc(title)}</h1>`, `<p class="muted">${esc(r.schema)} · taxonomy: ${esc(r.taxonomy)}</p>`);

  // plans
  out.push('<section id="plans"><h2>计划 Plans</h2><table><thead><tr><th>计划</th><th>标题</th><th>来源</th><th>任务</th><th>保障</th><th>专栏条目</th><th>目标</th></tr></thead><tbody>');
  for (const p of r.plans) {
    out.push(`<tr><td>${esc(p.label)}${p.baseline ? ' <span class="muted">(基准 baseline)</span>' : ''}</td><td>${esc(p.title ?? '—')}</td><td class="src">${esc(p.source)}</td>` +
      `<td class="num">${esc(p.counts.task)}</td><td class="num">${esc(p.counts.safeguard)}</td><td class="num">${esc(p.counts.column_items)}</td><td class="num">${esc(p.counts.targets)}</td></tr>`);
  }
  out.push('</tbody></table></section>');

  // heat map
  const max = Math.max(1, ...r.themes.flatMap((t) => labels.map((l) => t.plans[l]?.items.length ?? 0)));
  out.push('<section id="themes"><h2>主题覆盖 Theme coverage</h2>',
    '<p class="muted">Each cell lists the items that carry the theme (click to read them); the deeper the green, the more items.</p>',
    `<table id="heatmap" class="heat"><thead><tr><th>主题 Theme</th>${labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr></thead><tbody>`);
  let group = '';
  const groupName = new Map(r.groups.map((g) => [g.id, g.name]));
  for (const t of r.themes) {
    if (t.group !== group) {
      group = t.group;
      out.push(`<tr><th colspan="${esc(labels.length + 1)}">${esc(groupName.get(group) ?? group)} <span class="muted">${esc(group)}</span></th></tr>`);
    }
    const cells = labels.map((l) => {
      const c = t.plans[l];
      if (!c || c.items.length === 0) return '<td class="none">—</td>';
      const why = Object.entries(c.why).map(([id, w]) => `${id}: ${[...w.title, ...w.body].join('、')}`).join('\n');
      return `<td style="${esc(heat(c.items.length / max))}" title="${esc(why)}">${c.items.map((id) => link(l, id)).join(' ')}${c.targets ? ` <span title="targets">◎${esc(c.targets)}</span>` : ''}</td>`;
    });
    out.push(`<tr><td>${esc(t.name)} <span class="muted">${esc(t.id)}</span></td>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table></section>');

  // indicators
  out.push('<section id="indicators"><h2>指标 Indicators</h2>',
    '<p class="muted"><span class="most">▲</span> most / <span class="least">▼</span> least ambitious where year and unit agree · * year taken from the plan horizon · ≈ matched by similarity (confidence)</p>',
    `<table id="indicator-table"><thead><tr><th>指标 Indicator</th>${labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr></thead><tbody>`);
  const rows = [...r.indicators].sort((a, b) => Object.keys(b.plans).length - Object.keys(a.plans).length);
  for (const row of rows) {
    const cells = labels.map((l) => {
      const c = row.plans[l];
      if (!c) return '<td class="none">—</td>';
      const cls = c.ambition ?? '';
      const [main, ...more] = indicatorText(c);
      const owner = ownerOf(c.where, c.line);
      return `<td class="${esc(cls)}" title="${esc(`${c.quote}\n${sourceOf.get(l)}:${c.line}`)}">${link(l, owner, main ?? '')}` +
        `${more.map((m) => `<br><span class="muted">${esc(m)}</span>`).join('')}<br><span class="muted">L${esc(c.line)}</span></td>`;
    });
    out.push(`<tr><td>${esc(row.name)}${row.listed ? '' : ' <span class="muted">(未列入指标表)</span>'}</td>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table></section>');

  // agencies
  const loadOf = (c: { lead: string[]; responsible: string[] }) => new Set([...c.lead, ...c.responsible]).size;
  const amax = Math.max(1, ...r.agencies.flatMap((a) => Object.values(a.plans).map(loadOf)));
  out.push('<section id="agencies"><h2>责任单位 Agency load</h2>',
    '<p class="muted">Tasks per agency and plan (bold = lead); hover for the names as written.</p>',
    `<table id="agency-table"><thead><tr><th>机构 Agency</th>${labels.map((l) => `<th>${esc(l)}</th>`).join('')}</tr></thead><tbody>`);
  for (const a of r.agencies) {
    const cells = labels.map((l) => {
      const c = a.plans[l];
      if (!c) return '<td class="none">—</td>';
      const n = loadOf(c);
      const ids = [...new Set([...c.lead, ...c.responsible])];
      return `<td title="${esc(c.names.join('、'))}"><span class="bar" style="width:${esc(Math.round((n / amax) * 60))}px"></span>${esc(n)}<br>` +
        ids.map((id) => (c.lead.includes(id) ? `<b>${link(l, id)}</b>` : link(l, id))).join(' ') + '</td>';
    });
    out.push(`<tr><td>${esc(a.name)}${a.known ? '' : ' <span class="muted">(未识别 unknown)</span>'}</td>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table></section>');

  // gaps
  const themeName = new Map(r.themes.map((t) => [t.id, t.name]));
  const indName = new Map(r.indicators.map((i) => [i.id, i.name]));
  out.push('<section id="gaps"><h2>缺口 Gaps</h2><table id="gap-table"><thead><tr><th>计划</th><th>缺少的主题</th><th>缺少的指标</th><th>无责任单位的任务</th><th>无年份的目标</th><th>未分类</th></tr></thead><tbody>');
  const unclassified = new Map(r.unclassified.map((u) => [u.plan, u.items]));
  for (const g of r.gaps) {
    const who = (id: string) => {
      const names = r.missing[id]?.plans ?? [];
      const n = r.missing[id]?.count ?? names.length;
      return esc(`${names.join('、')}${n > names.length ? ` … (${n})` : ''}`);
    };
    out.push(`<tr><td>${esc(g.plan)}</td>` +
      `<td>${g.missing_themes.map((id) => `<span title="${who(id)}">${esc(themeName.get(id) ?? id)}</span>`).join('、') || '—'}</td>` +
      `<td>${g.missing_indicators.map((id) => `<span title="${who(id)}">${esc(indName.get(id) ?? id)}</span>`).join('、') || '—'}</td>` +
      `<td>${g.tasks_without_units.map((id) => link(g.plan, id)).join(' ') || '—'}</td>` +
      `<td>${g.targets_without_year.map((t) => `${esc(t.indicator)} <span class="src">L${esc(t.line)}</span>`).join('<br>') || '—'}</td>` +
      `<td>${(unclassified.get(g.plan) ?? []).map((id) => link(g.plan, id)).join(' ') || '—'}</td></tr>`);
  }
  out.push('</tbody></table></section>');

  // the texts behind every cell
  const align = new Map(r.alignments.map((a) => [`${a.plan}\u0000${a.task}`, a]));
  out.push('<section id="texts"><h2>条目原文 Items and sources</h2>');
  labels.forEach((l) => {
    out.push(`<h3 id="plan-${esc(labels.indexOf(l))}">${esc(l)} <span class="src">${esc(sourceOf.get(l) ?? '')}</span></h3>`);
    for (const it of r.items[l] ?? []) out.push(article(l, it));
  });
  out.push('</section></body></html>', '');
  return out.join('\n');

  function article(l: string, it: CompareItem): string {
    const a = align.get(`${l}\u0000${it.id}`);
    const counterparts = a
      ? Object.entries(a.counterparts).filter(([, c]) => c.task !== null).map(([ol, c]) => `${esc(ol)} ${link(ol, c.task ?? '', `${c.task} ${titleOf(ol, c.task)}`)} (${esc(c.score.toFixed(2))})`).join(' · ')
      : '';
    const units = [it.lead.length ? `牵头: ${it.lead.join('、')}` : '', it.responsible.length ? `责任: ${it.responsible.join('、')}` : ''].filter(Boolean).join(' · ');
    return `<article id="${esc(anchor.get(l)?.get(it.id) ?? '')}"><h4>${esc(it.id)} ${esc(it.title)}</h4>` +
      (it.text && it.kind !== 'column' ? `<p>${esc(it.text)}</p>` : it.kind === 'column' ? `<p class="muted">专栏: ${esc(it.text)}</p>` : '') +
      `<p class="src">${esc(sourceOf.get(l) ?? '')}:${esc(it.line)}${units ? ` · ${esc(units)}` : ''} · ${it.themes.length ? esc(it.themes.map((t) => themeName.get(t) ?? t).join('、')) : '未分类'}</p>` +
      (counterparts ? `<p class="muted">closest: ${counterparts}</p>` : '') + '</article>';
  }
}

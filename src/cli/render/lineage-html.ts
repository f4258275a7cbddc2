/**
 * The lineage as one self-contained HTML page (inline CSS and SVG, no script, a CSP that forbids loading anything):
 * per plan, its targets against its parent's on a small dot chart, and each task taken from elsewhere beside its
 * source passage with the aligned spans marked. Every interpolated string is escaped.
 */
import type { LineagePlan, LineageResult, LineageTarget, ReuseSpan } from '../../lineage/types.js';
import { commitmentText } from './lineage-text.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#123;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccd}h3{font-size:15px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ccd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eef1f6}.muted{color:#778;font-size:12px}.num{text-align:right}
.tighter{color:#0a6b2b;font-weight:bold}.looser{color:#b3261e;font-weight:bold}.same{color:#556}.incomparable{color:#a15c00}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;border-left:3px solid #ccd;padding:4px 10px;margin:10px 0}
.pair p{margin:4px 0;font-size:13px;line-height:1.7}.pair h4{margin:2px 0;font-size:13px}
mark{background:#ffe08a}.copied{border-color:#b3261e}.adapted{border-color:#e0a100}
svg text{font-size:11px;fill:#334}`;

/** Text with the given [start, end) ranges wrapped in <mark>, everything escaped. */
export function marked(text: string, ranges: [number, number][]): string {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [a0, b] of sorted) {
    const a = Math.max(a0, at);
    if (b <= a) continue;
    out += esc(text.slice(at, a)) + `<mark>${esc(text.slice(a, b))}</mark>`;
    at = b;
  }
  return out + esc(text.slice(at));
}

/** A dot chart: one row per target the parent also has; the parent's value a grey bar, the plan's a dot. */
function chart(targets: LineageTarget[]): string {
  const rows = targets.filter((t) => t.parent_value !== null && t.relation !== 'incomparable');
  if (rows.length === 0) return '<p class="muted">No target on an indicator the parent also has.</p>';
  const W = 640, label = 260, h = 22, plot = W - label - 90;
  const colour: Record<string, string> = { tighter: '#0a6b2b', same: '#556', looser: '#b3261e' };
  const parts = rows.map((t, k) => {
    const a = t.value, b = t.parent_value as number;
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const pad = Math.max((hi - lo) * 0.5, Math.abs(hi) * 0.02, 1);
    const x = (v: number) => label + ((v - (lo - pad)) / (hi - lo + 2 * pad)) * plot;
    const y = k * h + 14;
    return `<g><text x="0" y="${y + 4}">${esc(t.indicator.slice(0, 22))}</text>` +
      `<line x1="${label}" x2="${label + plot}" y1="${y}" y2="${y}" stroke="#dde"/>` +
      `<rect x="${x(b).toFixed(1) as string}" y="${y - 7}" width="3" height="14" fill="#99a"><title>${esc(`parent ${commitmentText(b, t.parent_unit, t.parent_comparator, t.parent_year)}`)}</title></rect>` +
      `<circle cx="${x(a).toFixed(1)}" cy="${y}" r="5" fill="${colour[t.relation] ?? '#556'}"><title>${esc(commitmentText(a, t.unit, t.comparator, t.year))}</title></circle>` +
      `<text x="${label + plot + 8}" y="${y + 4}">${esc(`${commitmentText(a, t.unit, t.comparator, t.year)} / ${commitmentText(b, t.parent_unit, t.parent_comparator, t.parent_year)}`)}</text></g>`;
  });
  return `<svg width="${W + 120}" height="${rows.length * h + 8}" role="img" aria-label="targets against the parent's">${parts.join('')}</svg>` +
    '<p class="muted">dot: this plan · grey bar: the parent · green tighter, grey same, red looser</p>';
}

function planSection(p: LineagePlan, k: number): string {
  const out: string[] = [`<section id="plan-${k}"><h2>${esc(p.label)} <span class="muted">${esc(p.title ?? '')}</span></h2>`,
    `<p>上级 parent: <b>${esc(p.parent ?? '—')}</b> <span class="muted">${esc(p.parent_note)}</span></p>`,
    `<p>抄自上级 ${pct(p.copied_from_parent)} · 抄自同级 ${pct(p.copied_from_siblings)} · 抄自其他 ${pct(p.copied_from_others)} <span class="muted">(share of the task text)</span></p>`,
    '<h3>目标对照 Targets</h3>', chart(p.targets)];
  const listed = p.targets.filter((t) => t.relation !== 'none');
  if (listed.length > 0) {
    out.push('<table><thead><tr><th>指标</th><th>本级</th><th>上级</th><th>关系</th><th>说明</th><th>原文</th></tr></thead><tbody>');
    for (const t of listed) {
      out.push(`<tr><td>${esc(t.indicator)}</td><td>${esc(commitmentText(t.value, t.unit, t.comparator, t.year))}</td>` +
        `<td>${esc(commitmentText(t.parent_value, t.parent_unit, t.parent_comparator, t.parent_year))}</td><td class="${esc(t.relation)}">${esc(t.relation)}</td>` +
        `<td>${esc(t.note ?? '')}</td><td class="muted">${esc(t.quote)} (line ${t.line})<br>${esc(t.parent_quote ?? '')}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  const taken = p.tasks.filter((t) => t.status !== 'new');
  out.push(`<h3>任务来源 Tasks taken from elsewhere (${taken.length} of ${p.tasks.length})</h3>`);
  for (const t of taken) {
    const mine = t.spans.map((s: ReuseSpan): [number, number] => [s.start, s.end]);
    const theirs = t.spans.map((s: ReuseSpan): [number, number] => [s.source_start, s.source_end]);
    out.push(`<div class="pair ${esc(t.status)}"><div><h4>${esc(`${t.id} ${t.title}`)} <span class="muted">line ${t.line} · ${esc(t.status)} ${pct(t.copied_share)}</span></h4><p>${marked(t.text, mine)}</p></div>` +
      `<div><h4>${esc(`${t.source_plan ?? ''} ${t.source_task ?? ''}`)} <span class="muted">${esc(t.source_role ?? '')}${t.source_line !== null ? ` · line ${t.source_line}` : ''}</span></h4><p>${marked(t.source_text ?? '', theirs)}</p></div></div>`);
  }
  out.push('</section>');
  return out.join('\n');
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

export function renderLineageHtml(r: LineageResult): string {
  const title = `qplan lineage: ${r.plans.map((p) => p.label).join(' · ')}`;
  const out = ['<!doctype html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">', `<title>${esc(title)}</title>`, `<style>${CSS}</style></head><body>`,
    `<h1>${esc(title)}</h1>`, `<p class="muted">${esc(r.schema)} · copied ≥ ${pct(r.rule.copied_at)}, adapted ≥ ${pct(r.rule.adapted_at)} of a task's characters aligned with its source</p>`,
    '<table><thead><tr><th>计划</th><th>年份</th><th>上级</th><th>抄/改/新</th><th>严/同/宽</th></tr></thead><tbody>'];
  r.plans.forEach((p, k) => {
    out.push(`<tr><td><a href="#plan-${k}">${esc(p.label)}</a></td><td>${p.year ?? '—'}</td><td>${esc(p.parent ?? '—')}</td>` +
      `<td class="num">${p.counts.copied}/${p.counts.adapted}/${p.counts.new}</td><td class="num">${p.counts.tighter}/${p.counts.same}/${p.counts.looser}</td></tr>`);
  });
  out.push('</tbody></table>');
  if (r.references.length > 0) {
    out.push('<h2>参照文件 References</h2><ul>');
    for (const ref of r.references) out.push(`<li>${esc(ref.id)}: 《${esc(ref.document)}》 ${esc(ref.issuer ?? '')} ${ref.year} (${ref.period[0]}–${ref.period[1]})</li>`);
    out.push('</ul>');
  }
  r.plans.forEach((p, k) => out.push(planSection(p, k)));
  out.push('</body></html>', '');
  return out.join('\n');
}

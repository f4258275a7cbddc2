/**
 * Small hand-written SVG charts of one indicator's values across plans, inlined in the HTML report (no library, no
 * script, nothing loaded). Up to {@link DOT_ROWS_UP_TO} plans: one row per plan with a dot on a shared axis (a
 * Cleveland dot plot: values such as 98.2% and 98.5% differ visibly, where bars from zero would look alike). More
 * plans: a histogram of the values with the median marked, since 300 dots in rows would be a page each.
 */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

/** Escapes text for SVG/HTML content and quoted attributes (one pass; most plan text has nothing to escape). */
export const esc = (v: unknown) => {
  const s = String(v);
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(s) ? s.replace(SPECIAL, (c) => ENTITY[c] ?? c) : s;
};

export interface ChartPoint {
  /** The plan's label. */
  label: string;
  value: number;
  /** The value as the report writes it (`≥98.5% 2027`). */
  text: string;
  /** Fragment of the item that states the value. */
  href?: string;
}

/** Plans drawn one row each; beyond this, a histogram. */
export const DOT_ROWS_UP_TO = 12;

const W = 320;
const LABEL_W = 84;
const VALUE_W = 92;
const ROW_H = 18;
const AXIS_H = 16;
const BINS = 24;

/** A short number: at most 4 decimals, no trailing zeros. */
export const num = (v: number) => String(Number(v.toFixed(4)));

/** `s` cut to `n` characters with an ellipsis (the full text is in the `<title>`). */
const cut = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

function domain(values: number[]): [number, number] {
  let lo = Math.min(...values), hi = Math.max(...values);
  if (lo === hi) {
    const d = Math.abs(lo) * 0.05 || 1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

const axisText = (x: number, y: number, s: string, anchor = 'middle') =>
  `<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}" class="ax">${esc(s)}</text>`;

/** The chart for one indicator, or '' without points. `unit` is the common unit of the points. */
export function indicatorChart(points: ChartPoint[], unit: string, name: string): string {
  if (points.length === 0) return '';
  return points.length <= DOT_ROWS_UP_TO ? dotRows(points, unit, name) : histogram(points, unit, name);
}

function dotRows(points: ChartPoint[], unit: string, name: string): string {
  const [lo, hi] = domain(points.map((p) => p.value));
  const x0 = LABEL_W, x1 = W - VALUE_W;
  const x = (v: number) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);
  const h = points.length * ROW_H + AXIS_H;
  const out = [`<svg class="chart" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(`${name}: ${points.map((p) => `${p.label} ${p.text}`).join('; ')}`)}">`];
  points.forEach((p, i) => {
    const y = i * ROW_H + ROW_H / 2;
    const row = `<title>${esc(`${p.label}: ${p.text}`)}</title>` +
      `<text x="${x0 - 6}" y="${num(y + 4)}" text-anchor="end" class="lb">${esc(cut(p.label, 6))}</text>` +
      `<line x1="${x0}" x2="${x1}" y1="${num(y)}" y2="${num(y)}" class="track"/>` +
      `<circle cx="${num(x(p.value))}" cy="${num(y)}" r="4.5" class="dot"/>` +
      `<text x="${x1 + 6}" y="${num(y + 4)}" class="val">${esc(cut(p.text, 14))}</text>`;
    out.push(p.href ? `<a href="${esc(p.href)}">${row}</a>` : `<g>${row}</g>`);
  });
  const yAxis = points.length * ROW_H + 12;
  const values = points.map((p) => p.value);
  out.push(axisText(x(Math.min(...values)), yAxis, `${num(Math.min(...values))}${unit}`, points.length > 1 ? 'end' : 'middle'));
  if (Math.max(...values) !== Math.min(...values)) out.push(axisText(x(Math.max(...values)), yAxis, `${num(Math.max(...values))}${unit}`, 'start'));
  out.push('</svg>');
  return out.join('');
}

function histogram(points: ChartPoint[], unit: string, name: string): string {
  const values = points.map((p) => p.value).sort((a, b) => a - b);
  const [lo, hi] = domain(values);
  const x0 = 8, x1 = W - 8, top = 14, base = 70, h = base + AXIS_H + 4;
  const bw = (hi - lo) / BINS;
  const counts = new Array<number>(BINS).fill(0);
  for (const v of values) counts[Math.min(BINS - 1, Math.floor((v - lo) / bw))]! += 1;
  const most = Math.max(...counts);
  const x = (v: number) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);
  const median = values[Math.floor(values.length / 2)] ?? 0;
  const out = [`<svg class="chart" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(`${name}: ${points.length} plans, ${num(values[0] ?? 0)}–${num(values[values.length - 1] ?? 0)}${unit}, median ${num(median)}${unit}`)}">`];
  counts.forEach((c, i) => {
    if (c === 0) return;
    const bh = Math.max(2, (c / most) * (base - top));
    const a = lo + i * bw;
    out.push(`<rect x="${num(x(a) + 0.5)}" y="${num(base - bh)}" width="${num(x(a + bw) - x(a) - 1)}" height="${num(bh)}" class="bin">` +
      `<title>${esc(`${num(a)}–${num(a + bw)}${unit}: ${c} plans`)}</title></rect>`);
  });
  // a count over each bar when there are few, so the shape reads without hovering
  const filled = counts.filter((c) => c > 0).length;
  if (filled <= 8) {
    counts.forEach((c, i) => {
      if (c > 0) out.push(axisText(x(lo + (i + 0.5) * bw), base - Math.max(2, (c / most) * (base - top)) - 2, String(c)));
    });
  }
  const first = values[0] ?? 0, last = values[values.length - 1] ?? 0;
  out.push(`<line x1="${x0}" x2="${x1}" y1="${base}" y2="${base}" class="track"/>`,
    `<line x1="${num(x(median))}" x2="${num(x(median))}" y1="${top - 2}" y2="${base + 3}" class="median"><title>${esc(`median ${num(median)}${unit}`)}</title></line>`);
  if (first === last) out.push(axisText(x(first), base + 13, `${points.length} plans: ${num(first)}${unit}`));
  else {
    // the median's label only where it does not run into the ends' labels
    out.push(axisText(x0, base + 13, `${num(first)}${unit}`, 'start'), axisText(x1, base + 13, `${num(last)}${unit}`, 'end'));
    if (x(median) - x0 > 70 && x1 - x(median) > 70) out.push(axisText(x(median), base + 13, `中位 ${num(median)}`));
    else out.push(axisText((x0 + x1) / 2, base + 13, `中位 median ${num(median)}${unit}`));
  }
  out.push('</svg>');
  return out.join('');
}

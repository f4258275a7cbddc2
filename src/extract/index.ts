/**
 * The extraction pipeline: decode → adapt → outline → extract → assemble. Pure: bytes or text in, a plan out;
 * no filesystem, no process. Heavy adapters (HTML, Markdown, traditional script) load only when needed.
 */
import type { Block, Column, ExtractOptions, Plan, SourceFormat, Target } from '../model.js';
import { Collector } from '../diagnostics.js';
import { decode } from '../decode/decode.js';
import { LineIndex, blockOffset } from '../adapters/lines.js';
import { fromText } from '../adapters/text.js';
import { detectScript } from '../decode/script.js';
import { detectFormat } from '../adapters/detect.js';
import { outline, srcAt, type Outline, type View } from '../outline/outline.js';
import { extractMeta, orig } from './meta/index.js';
import { extractTasks } from './tasks.js';
import { cutTitle } from './titles.js';
import { findTargets, openerYear, yearMarks, type FoundTarget, type SkippedNumber, type TargetContext } from './targets.js';
import { buildTable, unitFromName, type TableOut } from './appendix.js';
import { tableTargets } from './indicator-table.js';
import { INDICATOR_TABLE } from '../lexicon/tables.js';
import { PLAN_SCHEMA_ID } from '../schema/constants.js';
import { proseViews } from './prose.js';

export interface ExtractResult {
  plan: Plan;
  /** The blocks and outline, for `--stage` debugging views. */
  blocks: Block[];
  outline: Outline;
}

// heavy adapters load on first use (cheerio ~120 ms, remark ~40 ms), then stay
let htmlAdapter: typeof import('../adapters/html.js') | undefined;
let markdownAdapter: typeof import('../adapters/markdown.js') | undefined;

/** A plan input: raw bytes (any supported encoding) or already-decoded text. */
export type PlanInput = Uint8Array | string;

export async function extractPlan(input: PlanInput, options: ExtractOptions = {}): Promise<ExtractResult> {
  const path = options.path ?? '<input>';
  const ctx = new Collector();
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const format: SourceFormat = options.from ?? detectFormat(path, bytes);
  // text given directly is already decoded: read its UTF-8 bytes back as they are
  const encoding = typeof input === 'string' ? 'utf-8' : options.encoding;
  // PDF and DOCX are adapted from their bytes (src/adapters/documents.ts); `lines` maps a PDF's lines to pages
  const doc = format === 'pdf' || format === 'docx' ? await (await import('../adapters/documents.js')).fromDocument(format, bytes, ctx) : undefined;
  const decoded = doc?.decoded ?? decode(bytes, path, ctx, { encoding, html: format === 'html' });
  const text = decoded.text;

  let blocks: Block[];
  if (doc) blocks = doc.blocks;
  else if (format === 'html') blocks = (htmlAdapter ??= await import('../adapters/html.js')).fromHtml(text, ctx);
  else if (format === 'markdown') blocks = (markdownAdapter ??= await import('../adapters/markdown.js')).fromMarkdown(text, ctx);
  else blocks = fromText(text, ctx);

  const script = detectScript(text);
  // traditional script (質量強國): every stage reads a simplified copy (same offsets); values are put back at the end
  let restore: ((plan: Plan) => void) | undefined;
  const sourceBlocks = blocks;
  if (script === 'traditional') {
    const fold = await (await import('../decode/script.js')).traditionalFold();
    const f = await import('../decode/fold.js');
    blocks = f.foldBlocks(blocks, fold);
    const back = f.restorer(sourceBlocks, blocks);
    restore = (plan) => f.restorePlan(plan, back);
    ctx.report('traditional-script', null, 'the text is in traditional characters; matched through a simplified copy');
  }

  const o = outline(blocks, ctx);
  const { meta, docYear } = extractMeta(o, ctx);
  if (script === 'traditional') meta.script = 'traditional';
  const lines = new LineIndex(text);
  const pos = (v: View, normIndex: number) => lines.position(blockOffset(v.b, srcAt(v, normIndex)));

  const tasksOut = extractTasks(o.items, ctx);
  if (tasksOut.length === 0) ctx.report('no-tasks', null, 'no numbered task was found');
  for (const t of tasksOut) {
    const p = pos(t.node.head.v, 0);
    t.task.line = p.line;
    t.task.column = p.column;
  }

  const fallbackYear = meta.horizon_years[0] ?? null;
  const targets: Target[] = [];
  const push = (found: FoundTarget[], v: View, base: number, where: string) => {
    for (const f of found) {
      const start = pos(v, base + f.qStart);
      const quote = orig(v, base + f.qStart, base + f.qEnd);
      const t: Target = {
        indicator: f.indicator, value: f.value, unit: f.unit, comparator: f.comparator, year: f.year,
        year_inferred: f.yearInferred, where, quote, line: start.line, column: start.column,
      };
      if (f.valueMax !== undefined) t.value_max = f.valueMax;
      targets.push(t);
      if (f.repair) ctx.report('target-value-repaired', start.line, `'${quote}': ${f.repair}`, undefined, start.column);
      if (f.unitInferred) ctx.report('target-unit-inferred', start.line, `'${quote}' has no measure word; read as ${f.value}${f.unit} like its list neighbours`, undefined, start.column);
      if (f.yearInferred && f.year !== null) ctx.report('target-year-inferred', start.line, `'${quote}' has no year in reach; the plan's first horizon year ${f.year} is used`, undefined, start.column);
    }
  };
  const lastView = o.views[o.views.length - 1];
  const covered = new Set<View>();
  const tctx = (year: number | null, v?: View): TargetContext => {
    const skipped: SkippedNumber[] = [];
    const c: TargetContext = { year, docYear, fallbackYear, atEnd: v !== undefined && v === lastView, skipped };
    // reported as they are found (the list is filled by findTargets)
    pending.push({ v, skipped });
    return c;
  };
  const pending: Array<{ v: View | undefined; skipped: SkippedNumber[] }> = [];

  /** Targets of an indicator table's rows; `tableYear` stands where a value column names no year. */
  const pushTable = (t: TableOut, where: string, tableYear: number | null) => {
    const inferred = tableYear === null;
    for (const r of tableTargets(t.table.columns, t.cellViews, (v) => v.norm, tableYear ?? fallbackYear, fallbackYear)) {
      const quote = orig(r.nameCell).trim();
      const unit = r.value.unit ?? r.unit ?? unitFromName(r.nameCell.norm);
      // `合格率(%)`: the unit the header cell prints in brackets is the target's unit, not part of its indicator
      const name = unit !== '' && /[)）]$/.test(quote) ? quote.replace(new RegExp(`\\s*[(（]\\s*${unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*[)）]$`), '') : quote;
      const ownYear = /\((\d{4})年\)/.exec(r.nameCell.norm);
      const p = pos(r.nameCell, 0);
      targets.push({
        indicator: name, value: r.value.value, unit, comparator: r.value.comparator,
        year: ownYear ? Number(ownYear[1]) : r.year, year_inferred: !ownYear && inferred && r.year === fallbackYear,
        where, quote, line: p.line, column: p.column,
      });
    }
  };
  // indicator tables under 专栏 heads (rows, or cells a scraper flattened one per line)
  const columnTables = new Map<Outline['columns'][number], TableOut>();
  const tableViews = new Set<View>();
  for (const c of o.columns) {
    if (c.table.length < 3) continue;
    let rebuilt = 0;
    const t = buildTable({ number: '', head: c.head, views: c.table }, ctx, { title: c.title, flattened: (_, n) => { rebuilt = n; } });
    if (!t || !(INDICATOR_TABLE.test(t.table.title) || t.table.columns.some((h) => INDICATOR_TABLE.test(h)))) continue;
    if (tableTargets(t.table.columns, t.cellViews, (v) => v.norm, null, fallbackYear).length === 0) continue;
    if (rebuilt > 0) ctx.report('column-table-flattened', c.head.b.line, `the table of 专栏${c.number} was flattened one cell per line; rebuilt ${rebuilt} rows`);
    columnTables.set(c, t);
    for (const v of c.table) tableViews.add(v);
  }

  // goals: the year opener of a block governs the blocks after it
  let goalsYear: number | null = null;
  for (const seg of o.goals) {
    if (tableViews.has(seg.v)) {
      covered.add(seg.v);
      continue;
    }
    const s = seg.v.norm.slice(seg.start);
    if (s === '') {
      // a goals heading that names its year (`一、2014年质量强市建设主要目标`) governs the goals under it
      covered.add(seg.v);
      const y = yearMarks(seg.v.norm).find((m) => docYear === null || m.year >= docYear);
      if (y) goalsYear = y.year;
      continue;
    }
    covered.add(seg.v);
    push(findTargets(s, tctx(goalsYear, seg.v)), seg.v, seg.start, 'goals');
    goalsYear = openerYear(s, docYear) ?? goalsYear;
  }
  // tasks, goal items' own text is already under goals; tasks and safeguards by id
  for (const { task, node, note } of tasksOut) {
    if (node.kind === 'goal') continue;
    let year: number | null = null;
    const parts: Array<[View, number]> = [[node.head.v, node.head.start], ...node.more.map((m): [View, number] => [m, 0])];
    for (const [v, from] of parts) {
      covered.add(v);
      let s = v.norm.slice(from);
      // the unit note is not a place for targets; blank it, keeping positions
      if (note?.v === v && note.start >= from) s = s.slice(0, note.start - from) + ' '.repeat(note.end - note.start) + s.slice(note.end - from);
      push(findTargets(s, tctx(year, v)), v, from, `task:${task.id}`);
      year = openerYear(s, docYear) ?? year;
    }
  }
  // columns
  const columns: Column[] = [];
  const idOf = new Map(tasksOut.map((t) => [t.node, t.task.id]));
  for (const c of o.columns) {
    const items: string[] = [];
    const itemLines: number[] = [];
    for (const it of c.items) {
      const rest = it.head.v.norm.slice(it.head.start);
      const cut = cutTitle(rest);
      items.push(orig(it.head.v, it.head.start, it.head.start + cut.end).trim());
      itemLines.push(pos(it.head.v, it.head.start).line);
      let year: number | null = null;
      for (const [v, from] of [[it.head.v, it.head.start] as [View, number], ...it.more.map((m): [View, number] => [m, 0])]) {
        covered.add(v);
        const s = v.norm.slice(from);
        push(findTargets(s, tctx(year, v)), v, from, `column:${c.number}`);
        year = openerYear(s, docYear) ?? year;
      }
    }
    covered.add(c.head);
    const ct = columnTables.get(c);
    if (ct) {
      for (const v of c.table) covered.add(v);
      const ys = [...c.title.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
      pushTable(ct, `column:${c.number}`, ys.length ? (ys[ys.length - 1] as number) : goalsYear);
    }
    columns.push({
      number: c.number, title: orig(c.head, c.titleStart).trim(), items, after_task: c.afterItem ? idOf.get(c.afterItem) ?? null : null,
      line: pos(c.head, 0).line, item_lines: itemLines,
    });
  }
  // running text nothing above read: a headline, a news lede, goals under a heading the outline missed
  let proseYear: number | null = null;
  const proseStart = targets.length;
  const headingOf = new Map<Target, View>();
  for (const p of proseViews(o, covered)) {
    if (p.reset) proseYear = null;
    if (p.tooLong) {
      ctx.report('prose-too-long', p.v.b.line, `a line of ${p.v.norm.length} characters is longer than any paragraph of a plan; it is not read for targets`);
      continue;
    }
    const s = p.v.norm;
    const before = targets.length;
    push(findTargets(s, tctx(proseYear, p.v)), p.v, 0, p.where);
    if (p.heading) for (const t of targets.slice(before)) headingOf.set(t, p.v);
    proseYear = openerYear(s, docYear) ?? proseYear;
  }
  dropHeadingCopies(targets, proseStart, headingOf);
  // appendix tables; indicator tables give targets
  const appendix = [];
  for (const att of o.attachments) {
    const t = buildTable(att, ctx);
    if (!t) continue;
    appendix.push(t.table);
    const isIndicatorTable = /指标/.test(t.table.title) || t.table.columns.some((c) => INDICATOR_TABLE.test(c));
    if (!isIndicatorTable) continue;
    const dataYear = t.headerYears.length ? t.headerYears[t.headerYears.length - 1] as number : null;
    const groupYear = t.headerYears.length ? t.headerYears[0] as number : fallbackYear;
    pushTable(t, 'appendix', dataYear);
    for (const g of t.groups) push(findTargets(g.v.norm, tctx(groupYear ?? null)), g.v, 0, 'appendix');
  }

  for (const { v, skipped } of pending) {
    if (!v) continue;
    for (const k of skipped) {
      // positions are relative to the scanned slice; the view's own line is precise enough for a skipped number
      const p = pos(v, Math.min(v.norm.length, v.norm.indexOf(k.text) >= 0 ? v.norm.indexOf(k.text) : 0));
      if (k.reason === 'cut') ctx.report('target-cut', p.line, `the text ends at '${k.text}' before a unit or decimal part; not read as a target`, undefined, p.column);
      else ctx.report('target-value-unreadable', p.line, `'${k.text}' is not a valid rate and has no single repaired reading; left out`, undefined, p.column);
    }
  }
  const sections = o.chapters.map((c) => ({ number: c.ord, title: orig(c.v, c.v.norm.indexOf(c.title) >= 0 ? c.v.norm.indexOf(c.title) : 0, (c.v.norm.indexOf(c.title) >= 0 ? c.v.norm.indexOf(c.title) : 0) + c.title.length).trim(), line: pos(c.v, 0).line, role: c.role }));

  const plan: Plan = {
    schema: PLAN_SCHEMA_ID,
    source: { path, format, encoding: decoded.encoding, sha256: decoded.sha256, bytes: bytes.length },
    meta,
    sections,
    tasks: tasksOut.map((t) => t.task),
    columns,
    targets,
    appendix,
    diagnostics: ctx.sorted(),
  };
  restore?.(plan);
  if (doc?.lines) (await import('../adapters/documents.js')).placeOnPages(plan, sourceBlocks, doc.lines);
  return { plan, blocks: sourceBlocks, outline: o };
}

/**
 * News summaries print a target twice: as a bold subheading and again in the paragraph under it. The subheading's
 * copy is dropped when a target with the same value, unit and year and a similar indicator follows within a few
 * blocks.
 */
function dropHeadingCopies(targets: Target[], from: number, headingOf: Map<Target, View>): void {
  for (let k = targets.length - 1; k >= from; k--) {
    const t = targets[k] as Target;
    const hv = headingOf.get(t);
    if (!hv) continue;
    const twin = targets.slice(k + 1).find((u) => !headingOf.has(u) && u.value === t.value && u.unit === t.unit && u.year === t.year
      && u.line > t.line && u.line - t.line <= 8 && similarIndicator(u.indicator, t.indicator));
    if (twin) targets.splice(k, 1);
  }
}

function similarIndicator(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
  const A = grams(a), B = grams(b);
  let n = 0;
  for (const g of A) if (B.has(g)) n++;
  return A.size + B.size > 0 && (2 * n) / (A.size + B.size) >= 0.4;
}

/**
 * Semantic checks on a plan document: what the schema cannot say. They read the raw data defensively (a
 * document with schema errors is still checked where its shape allows), so one run shows every problem.
 */
import { zhToInt } from '../lexicon/numerals.js';
import { TASK_ID_STYLES } from '../lexicon/tasks.js';
import { GROWTH_WORDS } from '../lexicon/targets.js';
import type { DataPath } from './yaml.js';
import type { ValidateCode } from './codes.js';

/** How a check reports: a code, the data path concerned and a plain sentence. */
export type Report = (code: ValidateCode, path: DataPath, message: string, focus?: 'value' | 'key') => void;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Runs the semantic checks on one plan's data (shape already checked or not). */
export function checkPlan(plan: Rec, report: Report): void {
  checkTasks(list(plan.tasks), report);
  checkTargets(list(plan.targets), isRec(plan.meta) ? plan.meta : {}, report);
  checkPlaces(plan, report);
  checkStructure(plan, report);
}

/** Tasks sit in chapters the plan lists, and tasks and sections keep the document's order (the contract). */
function checkStructure(plan: Rec, report: Report): void {
  const sections = list(plan.sections).filter(isRec);
  const numbers = new Set(sections.flatMap((s) => (typeof s.number === 'string' ? [s.number] : [])));
  list(plan.tasks).forEach((t, i) => {
    if (!isRec(t) || typeof t.chapter !== 'string' || numbers.size === 0 || numbers.has(t.chapter)) return;
    report('task-chapter-unknown', ['tasks', i, 'chapter'], `task '${String(t.id)}' is in chapter ${t.chapter}, which is not among the sections (${[...numbers].join(', ')})`);
  });
  // targets are grouped by where they were found, so only these two lists promise source order
  for (const key of ['sections', 'tasks'] as const) {
    let prev: number | null = null;
    list(plan[key]).forEach((item, i) => {
      // a line below 1 is already a schema error; comparing it would only repeat that
      if (!isRec(item) || typeof item.line !== 'number' || item.line < 1) return;
      if (prev !== null && item.line < prev) {
        report('line-order', [key, i, 'line'], `${key}[${i}] is at line ${item.line}, before ${key}[${i - 1}] at line ${prev}: ${key} keep the document's order`);
      }
      prev = item.line;
    });
  }
}

/** `where: task:<id>` and `column:<n>` must name a task and a 专栏 of this plan (hand edits break them). */
function checkPlaces(plan: Rec, report: Report): void {
  const ids = new Set(list(plan.tasks).flatMap((t) => (isRec(t) && typeof t.id === 'string' ? [t.id] : [])));
  const cols = new Set(list(plan.columns).flatMap((c) => (isRec(c) && typeof c.number === 'number' ? [String(c.number)] : [])));
  list(plan.targets).forEach((t, i) => {
    if (!isRec(t) || typeof t.where !== 'string') return;
    const m = /^(task|column):(.+)$/.exec(t.where);
    if (!m?.[2]) return;
    const known = m[1] === 'task' ? ids : cols;
    if (!known.has(m[2])) {
      report('target-where-unknown', ['targets', i, 'where'], `target is placed in ${t.where}, but the plan has no ${m[1] === 'task' ? `task with id '${m[2]}'` : `专栏 ${m[2]}`}`);
    }
  });
}

function checkTasks(tasks: unknown[], report: Report): void {
  const firstById = new Map<string, number>();
  let prev: { style: string; prefix: string; n: number; id: string } | null = null;
  const noAgencies: number[] = [];
  let plainTasks = 0;
  tasks.forEach((t, i) => {
    if (!isRec(t)) return;
    const id = typeof t.id === 'string' ? t.id : null;
    let duplicate = false;
    if (id !== null && id !== '') {
      const first = firstById.get(id);
      if (first !== undefined) {
        duplicate = true;
        report('task-id-duplicate', ['tasks', i, 'id'], `task id '${id}' is used twice (first by tasks[${first}]); ids must be unique`);
      } else firstById.set(id, i);
    }
    if (typeof t.title === 'string' && t.title.trim() === '') {
      report('task-title-missing', ['tasks', i, 'title'], `task '${id ?? i}' has an empty title`);
    }
    if (t.kind === 'task' || t.kind === undefined) {
      plainTasks++;
      if (list(t.lead).length === 0 && list(t.responsible).length === 0 && Array.isArray(t.lead) && Array.isArray(t.responsible)) noAgencies.push(i);
    }
    // numbering: consecutive items printed in the same style and under the same qualifier form one sequence
    const num = id === null ? null : parseNumber(id);
    if (num && prev && num.style === prev.style && num.prefix === prev.prefix) {
      if (num.n > prev.n + 1) {
        const missing = num.n - prev.n - 1;
        report('task-numbering-gap', ['tasks', i, 'id'], `task '${id}' follows '${prev.id}': ${missing === 1 ? '1 number is' : `${missing} numbers are`} missing`);
      } else if (num.n <= prev.n && !duplicate) {
        report('task-numbering-repeat', ['tasks', i, 'id'], `task '${id}' follows '${prev.id}': the numbering ${num.n === prev.n ? 'repeats' : 'goes back'}`);
      }
    }
    prev = num && id !== null ? { ...num, id } : null;
  });
  // a plan whose tasks never name agencies (the text has no agency notes) gets one warning, not one per task
  if (noAgencies.length > 0 && noAgencies.length === plainTasks && plainTasks > 1) {
    report('task-units-missing', ['tasks'], `none of the ${plainTasks} tasks names a lead or responsible unit`, 'key');
  } else {
    for (const i of noAgencies) {
      const t = tasks[i] as Rec;
      report('task-units-missing', ['tasks', i], `task '${String(t.id)}' names no lead or responsible unit`);
    }
  }
}

/** `三.(一).1` → prefix `三.(一)`, style arabic, n 1; `(二十九)` → paren-cn 29. */
export function parseNumber(id: string): { style: string; prefix: string; n: number } | null {
  const cut = id.lastIndexOf('.');
  const prefix = cut < 0 ? '' : id.slice(0, cut);
  const last = cut < 0 ? id : id.slice(cut + 1);
  for (const [style, re] of TASK_ID_STYLES) {
    const m = re.exec(last);
    if (!m?.[1]) continue;
    const n = style.includes('arabic') ? Number(m[1]) : zhToInt(m[1]);
    if (Number.isFinite(n) && n > 0) return { style, prefix, n };
  }
  return null;
}

function checkTargets(targets: unknown[], meta: Rec, report: Report): void {
  const horizon = list(meta.horizon_years).filter((y): y is number => typeof y === 'number');
  const last = horizon.length > 0 ? Math.max(...horizon) : null;
  const dated = [meta.signed, meta.published].find((d): d is string => typeof d === 'string' && /^\d{4}-/.test(d));
  const planYear = dated ? Number(dated.slice(0, 4)) : null;
  targets.forEach((t, i) => {
    if (!isRec(t)) return;
    const label = typeof t.quote === 'string' && t.quote ? `'${short(t.quote)}'` : `targets[${i}]`;
    if (t.unit === '%' && typeof t.value === 'number' && t.value > 100) {
      const words = `${String(t.indicator ?? '')}${String(t.quote ?? '')}`;
      // growth and increase can exceed 100% (`增长150%`); rates and shares cannot
      if (!GROWTH_WORDS.test(words)) report('target-percent-over-100', ['targets', i, 'value'], `target ${label} is ${t.value}%: a percentage over 100`);
    }
    if (t.year === null) {
      report('target-year-missing', ['targets', i, 'year'], `target ${label} has no year`);
    } else if (typeof t.year === 'number') {
      if (last !== null && t.year > last) {
        report('target-year-outside-horizon', ['targets', i, 'year'], `target ${label} is for ${t.year}, after the plan's horizon (${horizon.join(', ')})`);
      } else if (planYear !== null && t.year < planYear) {
        report('target-year-before-plan', ['targets', i, 'year'], `target ${label} is for ${t.year}, before the plan's date (${dated})`);
      }
    }
  });
}

function short(s: string): string {
  return s.length > 30 ? `${s.slice(0, 29)}…` : s;
}

/**
 * fixtures/invalid/: one small file per error kind. Each row pins the exact code, severity, message, line and
 * column that `qplan validate` prints, so a change in wording or position shows up as a diff here.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

interface Row {
  file: string;
  expect: { code: string; severity: 'error' | 'warning' | 'info'; line: number | null; column?: number; message: string }[];
}

const Q = "'到2027年,产品质量合格率达到95%以上'";
const ROWS: Row[] = [
  { file: 'file-not-utf8.plan.yaml', expect: [{ code: 'file-not-utf8', severity: 'error', line: null, message: 'the file is not valid UTF-8; plan YAML/JSON files must be UTF-8' }] },
  { file: 'yaml-syntax.plan.yaml', expect: [{ code: 'yaml-syntax', severity: 'error', line: 19, column: 1, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' }] },
  { file: 'yaml-duplicate-key.plan.yaml', expect: [{ code: 'yaml-duplicate-key', severity: 'error', line: 12, column: 3, message: "duplicate key 'jurisdiction' in a mapping" }] },
  { file: 'yaml-tag.plan.yaml', expect: [{ code: 'yaml-tag', severity: 'error', line: 48, column: 11, message: 'tag !!js/function is not allowed: plan files use plain YAML (strings, numbers, lists, maps), so the value was not read' }] },
  { file: 'yaml-alias-limit.yaml', expect: [{ code: 'yaml-alias-limit', severity: 'error', line: 2, column: 8, message: 'too many aliases: its 72 aliases expand exponentially (an "alias bomb"); qplan allows 100 alias expansions per document, so it was not read' }] },
  { file: 'yaml-empty.yaml', expect: [{ code: 'yaml-empty', severity: 'error', line: 1, column: 1, message: 'the file holds no YAML document' }] },
  { file: 'schema-version-unknown.plan.yaml', expect: [{ code: 'schema-version-unknown', severity: 'error', line: 2, column: 9, message: 'unknown schema version "qplan/plan@2"; supported: qplan/plan@1' }] },
  { file: 'schema-required.plan.yaml', expect: [{ code: 'schema-required', severity: 'error', line: 33, column: 5, message: 'tasks[1].title is required but missing' }] },
  { file: 'schema-type.plan.yaml', expect: [{ code: 'schema-type', severity: 'error', line: 42, column: 11, message: "tasks[1].line should be a number, not '第8行'" }] },
  { file: 'schema-enum.plan.yaml', expect: [{ code: 'schema-enum', severity: 'error', line: 12, column: 10, message: "meta.level is 'town'; expected one of province, city, district, county, zone" }] },
  { file: 'schema-format.plan.yaml', expect: [{ code: 'schema-format', severity: 'error', line: 16, column: 11, message: "meta.signed is '2024/03/01'; expected an ISO date YYYY-MM-DD" }] },
  { file: 'schema-range.plan.yaml', expect: [{ code: 'schema-range', severity: 'error', line: 52, column: 11, message: 'tasks[2].line is 0; must be at least 1' }] },
  { file: 'schema-unknown-key.plan.yaml', expect: [{ code: 'schema-unknown-key', severity: 'error', line: 42, column: 5, message: "unknown field tasks[1].leads (did you mean 'lead'?)" }] },
  { file: 'task-id-duplicate.plan.yaml', expect: [{ code: 'task-id-duplicate', severity: 'error', line: 43, column: 9, message: "task id '2' is used twice (first by tasks[1]); ids must be unique" }] },
  { file: 'task-numbering-gap.plan.yaml', expect: [{ code: 'task-numbering-gap', severity: 'warning', line: 43, column: 9, message: "task '5' follows '2': 2 numbers are missing" }] },
  {
    file: 'task-numbering-repeat.plan.yaml',
    expect: [
      { code: 'task-numbering-gap', severity: 'warning', line: 33, column: 9, message: "task '3' follows '1': 1 number is missing" },
      { code: 'task-numbering-repeat', severity: 'error', line: 43, column: 9, message: "task '2' follows '3': the numbering goes back" },
    ],
  },
  { file: 'task-chapter-unknown.plan.yaml', expect: [{ code: 'task-chapter-unknown', severity: 'error', line: 45, column: 14, message: "task '3' is in chapter 三, which is not among the sections (一, 二)" }] },
  { file: 'line-order.plan.yaml', expect: [{ code: 'line-order', severity: 'warning', line: 52, column: 11, message: "tasks[2] is at line 9, before tasks[1] at line 10: tasks keep the document's order" }] },
  { file: 'task-title-missing.plan.yaml', expect: [{ code: 'task-title-missing', severity: 'error', line: 47, column: 12, message: "task '3' has an empty title" }] },
  { file: 'task-units-missing.plan.yaml', expect: [{ code: 'task-units-missing', severity: 'warning', line: 43, column: 5, message: "task '3' names no lead or responsible unit" }] },
  { file: 'target-percent-over-100.plan.yaml', expect: [{ code: 'target-percent-over-100', severity: 'error', line: 56, column: 12, message: "target '到2027年,产品质量合格率达到195%以上' is 195%: a percentage over 100" }] },
  { file: 'target-where-unknown.plan.yaml', expect: [{ code: 'target-where-unknown', severity: 'error', line: 61, column: 12, message: "target is placed in task:9, but the plan has no task with id '9'" }] },
  { file: 'target-year-missing.plan.yaml', expect: [{ code: 'target-year-missing', severity: 'error', line: 59, column: 11, message: `target ${Q} has no year` }] },
  { file: 'target-year-outside-horizon.plan.yaml', expect: [{ code: 'target-year-outside-horizon', severity: 'error', line: 59, column: 11, message: `target ${Q} is for 2040, after the plan's horizon (2027, 2035)` }] },
  { file: 'target-year-before-plan.plan.yaml', expect: [{ code: 'target-year-before-plan', severity: 'error', line: 59, column: 11, message: `target ${Q} is for 2020, before the plan's date (2024-03-01)` }] },
  // raw plan files: the extractor's own diagnostics, with lines into the raw text
  { file: 'raw-date-unreadable.txt', expect: [{ code: 'date-unreadable', severity: 'warning', line: 5, message: 'date 2024111 has lost 年/月/日 and reads as 2024-01-11 or 2024-11-01; left null' }] },
  { file: 'raw-empty.txt', expect: [{ code: 'input-empty', severity: 'error', line: null, message: 'the file is empty (0 bytes)' }] },
];

async function json(args: string[]) {
  const r = await runCli(['validate', '--format', 'json', ...args]);
  return { ...r, report: JSON.parse(r.stdout) as { files: { path: string; diagnostics: Record<string, unknown>[] }[]; summary: Record<string, number> } };
}

describe('fixtures/invalid: one file per error kind', () => {
  it('every fixture has a row, and every row a fixture', () => {
    expect(readdirSync('fixtures/invalid').sort()).toEqual(ROWS.map((r) => r.file).sort());
  });

  for (const row of ROWS) {
    it(row.file, async () => {
      const path = `fixtures/invalid/${row.file}`;
      const { code, report } = await json([path]);
      const got = report.files[0]?.diagnostics.map((d) => {
        const { pointer: _p, ...rest } = d;
        return rest;
      });
      expect(got).toEqual(row.expect.map((e) => (e.column === undefined ? { severity: e.severity, code: e.code, line: e.line, message: e.message } : e)));
      const hasError = row.expect.some((e) => e.severity === 'error');
      expect(code).toBe(hasError ? 1 : 0);
      // the human line carries the same place and words
      const human = await runCli(['validate', path]);
      const first = row.expect[0]!;
      const where = first.line === null ? path : `${path}:${first.line}${first.column ? `:${first.column}` : ''}`;
      expect(human.stderr).toContain(`${where}: ${first.severity}: ${first.message} [${first.code}]`);
    });
  }

  it('the minimal valid plan passes with no diagnostics', async () => {
    const { code, report } = await json(['fixtures/valid/minimal.plan.yaml']);
    expect(report.files[0]?.diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it('--format github writes workflow annotations with file, line and col', async () => {
    const r = await runCli(['validate', '--format', 'github', 'fixtures/invalid/task-id-duplicate.plan.yaml']);
    expect(r.stdout).toBe("::error file=fixtures/invalid/task-id-duplicate.plan.yaml,line=43,col=9,title=qplan task-id-duplicate::task id '2' is used twice (first by tasks[1]); ids must be unique\n");
    expect(r.stderr).toBe('1 file checked: 1 error in 1 file\n');
    expect(r.code).toBe(1);
  });

  it('--format github escapes % and marks warnings', async () => {
    const r = await runCli(['validate', '--format', 'github', 'fixtures/invalid/target-percent-over-100.plan.yaml', 'fixtures/invalid/task-numbering-gap.plan.yaml']);
    expect(r.stdout).toContain('::error file=fixtures/invalid/target-percent-over-100.plan.yaml,line=56,col=12,title=qplan target-percent-over-100::target \'到2027年,产品质量合格率达到195%25以上\' is 195%25: a percentage over 100\n');
    expect(r.stdout).toContain('::warning file=fixtures/invalid/task-numbering-gap.plan.yaml,line=43,col=9,title=qplan task-numbering-gap::');
  });

  it('pointers name the data path of each problem', async () => {
    const { report } = await json(['fixtures/invalid/schema-required.plan.yaml', 'fixtures/invalid/schema-unknown-key.plan.yaml']);
    expect(report.files.map((f) => f.diagnostics[0]?.pointer)).toEqual(['/tasks/1/title', '/tasks/1/leads']);
  });
});

/**
 * Every command that reads plans reads every form `extract` writes: YAML (one or many documents), JSON (object or
 * array), NDJSON, stdin. `validate` checks each NDJSON line as a plan document and reports `file:line`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, SEEDS } from './helpers.js';
import { isNdjson, ndjsonLines } from '../src/source/ndjson.js';

const seeds = SEEDS.map((s) => `seeds/${s}.txt`);
const dir = mkdtempSync(join(tmpdir(), 'qplan-ndjson-'));
const forms: Record<'yaml' | 'json' | 'ndjson', string> = { yaml: '', json: '', ndjson: '' };

beforeAll(async () => {
  for (const f of ['yaml', 'json', 'ndjson'] as const) {
    const r = await runCli(['extract', '-q', '-f', f, ...seeds]);
    expect(r.code).toBe(0);
    forms[f] = r.stdout;
  }
}, 120_000);

describe('isNdjson', () => {
  const cases: [string, string, string, boolean][] = [
    ['by extension', 'a.ndjson', '{"a":1}\n', true],
    ['.jsonl', 'a.jsonl', '', true],
    ['two objects on two lines', '-', '{"a":1}\n{"b":2}\n', true],
    ['a broken second line is still NDJSON (reported on its line)', '-', '{"a":1}\ngarbage\n', true],
    ['one object on one line is JSON', 'a.json', '{"a":1}\n', false],
    ['pretty JSON opens with a lone brace', '-', '{\n  "a": 1\n}\n', false],
    ['a JSON array', '-', '[{"a":1},\n{"b":2}]\n', false],
    ['YAML', '-', 'schema: qplan/plan@1\nmeta: {}\n', false],
    ['a BOM and CRLF', '-', '\ufeff{"a":1}\r\n{"b":2}\r\n', true],
  ];
  for (const [name, path, text, want] of cases) it(name, () => expect(isNdjson(path, text)).toBe(want));

  it('keeps line numbers over blank lines and CRLF', () => {
    expect(ndjsonLines('{"a":1}\r\n\n{"b":2}\n')).toEqual([{ line: 1, text: '{"a":1}' }, { line: 3, text: '{"b":2}' }]);
  });
});

describe('compare reads every form extract writes', () => {
  for (const f of ['yaml', 'json', 'ndjson'] as const) {
    it(`${f} on stdin (extract -f ${f} … | compare -)`, async () => {
      const r = await runCli(['compare', '--view', 'themes', '-f', 'json', '-'], { stdin: forms[f] });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).plans.map((p: { source: string }) => p.source)).toEqual(seeds);
    });
    it(`${f} in a file`, async () => {
      const path = join(dir, `seeds.${f}`);
      writeFileSync(path, forms[f]);
      const r = await runCli(['compare', '--view', 'themes', '-f', 'json', path]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).plans).toHaveLength(5);
    });
  }

  it('a broken NDJSON line is named by file:line', async () => {
    const path = join(dir, 'broken.ndjson');
    writeFileSync(path, `${forms.ndjson.split('\n').slice(0, 2).join('\n')}\n{"schema": "qplan/plan@1"}\n`);
    const r = await runCli(['compare', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}:3: not a valid qplan/plan@1 document`);
  });
});

describe('validate checks each NDJSON line as a plan document', () => {
  it('passes the NDJSON of the seeds, from a file and from stdin', async () => {
    const path = join(dir, 'ok.ndjson');
    writeFileSync(path, forms.ndjson);
    for (const args of [[path], ['-']]) {
      const r = await runCli(['validate', ...args], { stdin: forms.ndjson });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/1 file checked/);
    }
  });

  it('reports file:line:col for each bad line and exits 1 (it used to read NDJSON as a raw plan and pass)', async () => {
    const path = join(dir, 'bad.ndjson');
    const first = forms.ndjson.split('\n')[0] as string;
    writeFileSync(path, `${first}\n\n{"schema":"qplan/plan@1","x":1}\nnot json at all\n${first.replace('"value":', '"value":"high",')}\n`);
    const r = await runCli(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${path}:3:1: error: .*\\[schema-required\\]`));
    expect(r.stderr).toMatch(new RegExp(`${path}:3:\\d+: error: unknown field x \\[schema-unknown-key\\]`));
    expect(r.stderr).toMatch(new RegExp(`${path}:4:1: error: .*\\[schema-type\\]`));
    expect(r.stderr).toMatch(new RegExp(`${path}:5:\\d+: error: .*\\[schema-type\\]`));
    expect(r.stderr).not.toMatch(new RegExp(`${path}:1:`));
  });

  it('a folder walk picks up .ndjson and .jsonl files', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'qplan-ndjson-walk-'));
    writeFileSync(join(sub, 'a.jsonl'), '{"schema":"qplan/plan@9"}\n{"schema":"qplan/plan@1"}\n');
    const r = await runCli(['validate', sub]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a.jsonl:1:');
    expect(r.stderr).toContain('a.jsonl:2:');
  });
});

/**
 * `qplan validate` and `qplan schema` beyond the per-kind fixtures: the committed schema equals the generated
 * one, every seed and its extraction validate (zod and, independently, ajv), YAML safety (alias bombs, tags,
 * size), globs, exit codes, colour, and the library entry points.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWithin } from './support/bounds.js';
import { runCli, SEEDS } from './helpers.js';
import { planSchema as libPlanSchema, validatePlan as libValidatePlan } from '../src/index.js';
import { validatePlan } from '../src/validate/index.js';
import { parseNumber } from '../src/validate/checks.js';

let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'qplan-validate-')); });
afterAll(() => { rmSync(tmp, { recursive: true, force: true }); });

const VALID = readFileSync('fixtures/valid/minimal.plan.yaml', 'utf8');
const codes = (src: string) => validatePlan(src).map((d) => d.code);

function ajvValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync('schema/plan.schema.json', 'utf8')));
}

describe('qplan schema', () => {
  it('prints exactly the committed schema/plan.schema.json (run `npm run schema` after changing src/schema/plan.ts)', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync('schema/plan.schema.json', 'utf8'));
  });

  it('is draft 2020-12 with the id the YAML modeline names', async () => {
    const s = JSON.parse((await runCli(['schema'])).stdout);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id).toBe('https://qplan.dev/schema/plan@1.json');
    const yaml = (await runCli(['extract', '--quiet', 'seeds/003_d34b9a5638ecd82e.txt'])).stdout;
    expect(yaml.split('\n')[0]).toBe(`# yaml-language-server: $schema=${s.$id}`);
    expect(s.required).toEqual(['schema', 'source', 'meta', 'sections', 'tasks', 'columns', 'targets', 'appendix', 'diagnostics']);
    expect(s.additionalProperties).toBe(false);
  });

  it('uses only keywords that mean the same in draft-07, so editors limited to draft-07 still check plans', () => {
    const seen = new Set<string>();
    const walk = (o: unknown, propertyNames = false): void => {
      if (Array.isArray(o)) { o.forEach((x) => walk(x)); return; }
      if (typeof o !== 'object' || o === null) return;
      for (const [k, v] of Object.entries(o)) {
        if (!propertyNames) seen.add(k);
        walk(v, k === 'properties' && !propertyNames);
      }
    };
    walk(JSON.parse(readFileSync('schema/plan.schema.json', 'utf8')));
    const draft7Compatible = ['$id', '$schema', 'additionalProperties', 'anyOf', 'const', 'description', 'enum', 'items', 'maximum', 'maxLength', 'minLength', 'minimum', 'pattern', 'properties', 'required', 'title', 'type'];
    expect([...seen].filter((k) => !draft7Compatible.includes(k))).toEqual([]);
  });

  it('ajv and zod agree on the fixtures', () => {
    const check = ajvValidator();
    expect(check(YAML.parse(VALID)), JSON.stringify(check.errors)).toBe(true);
    for (const f of readdirSync('fixtures/invalid').filter((n) => n.startsWith('schema-'))) {
      expect(check(YAML.parse(readFileSync(`fixtures/invalid/${f}`, 'utf8'))), f).toBe(false);
    }
  });
});

describe('the seeds validate', () => {
  it('qplan validate seeds/ exits 0 with no errors', async () => {
    const r = await runCli(['validate', 'seeds/']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^5 files checked: (no problems|\d+ warnings? in \d files?)$/m);
    expect(r.stderr).not.toContain(': error:');
  });

  it("every seed's extracted YAML and JSON validates (qplan validate, and ajv independently)", async () => {
    const dir = join(tmp, 'out');
    expect((await runCli(['extract', '--quiet', '-o', dir, 'seeds/'])).code).toBe(0);
    expect((await runCli(['extract', '--quiet', '--format', 'json', '-o', dir, 'seeds/'])).code).toBe(0);
    const r = await runCli(['validate', '--format', 'json', dir]);
    expect(r.code, r.stdout).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('qplan/validate@1');
    expect(report.summary).toMatchObject({ files: 10, errors: 0, ioErrors: 0 });
    const check = ajvValidator();
    for (const id of SEEDS) {
      const plan = YAML.parse(readFileSync(join(dir, `${id}.plan.yaml`), 'utf8'));
      expect(check(plan), `${id}: ${JSON.stringify(check.errors)}`).toBe(true);
      expect(check(JSON.parse(readFileSync(join(dir, `${id}.plan.json`), 'utf8'))), id).toBe(true);
    }
  });

  it('a multi-document YAML stream and a JSON array of plans are checked plan by plan', async () => {
    const two = ['seeds/000_3c93fe66f1b042f6.txt', 'seeds/003_d34b9a5638ecd82e.txt'];
    writeFileSync(join(tmp, 'two.yaml'), (await runCli(['extract', '--quiet', ...two])).stdout);
    const json = (await runCli(['extract', '--quiet', '--format', 'json', ...two])).stdout;
    writeFileSync(join(tmp, 'two.json'), json);
    expect((await runCli(['validate', join(tmp, 'two.yaml'), join(tmp, 'two.json')])).code).toBe(0);
    // a broken value in the second plan is found at its own line
    const cut = json.lastIndexOf('"year": 2025');
    const broken = `${json.slice(0, cut)}"year": 2060${json.slice(cut + 12)}`;
    const d = validatePlan(broken).filter((x) => x.severity === 'error');
    expect(d.map((x) => x.code)).toEqual(['target-year-outside-horizon']);
    expect(d[0]?.pointer).toMatch(/^\/1\/targets\/\d+\/year$/);
    expect(broken.split('\n')[(d[0]?.line ?? 0) - 1]).toMatch(/^\s*"year": 2060,$/);
  });
});

describe('YAML safety', () => {
  it('refuses an alias bomb quickly (loosely < 5 s; in practice milliseconds)', async () => {
    // 10 levels of 10 aliases: 10^10 strings if expanded
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
    const file = join(tmp, 'bomb.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const t0 = performance.now();
    const r = await runCli(['validate', file]);
    const ms = performance.now() - t0;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[yaml-alias-limit]');
    expect(r.stderr).toContain('alias bomb');
    expectWithin(ms, 5000);
  });

  it('an empty document at the end of a stream is skipped', () => {
    expect(codes(`${VALID}---\n`)).toEqual([]);
    expect(codes(`---\n${VALID}---\n${VALID.replace('schema: qplan/plan@1', 'schema: qplan/plan@0')}`)).toEqual(['schema-version-unknown']);
  });

  it('still reads a plan with a few harmless aliases', () => {
    const src = VALID.replace('    lead: [区市场监管局]', '    lead: &lead [区市场监管局]').replace('    lead: [区商务委]', '    lead: *lead');
    expect(codes(src)).toEqual([]);
    // an alias before its anchor is a plain syntax problem, not a bomb
    const early = VALID.replace('    lead: [区市场监管局]', '    lead: *later').replace('    lead: [区商务委]', '    lead: &later [区商务委]');
    expect(codes(early)).toEqual(['yaml-syntax']);
  });

  it('refuses custom and language tags, and YAML 1.1 types, without constructing anything', () => {
    expect(codes(VALID.replace('  title: 示例区质量强区建设实施方案', '  title: !foo 示例'))).toEqual(['yaml-tag']);
    expect(codes(VALID.replace('  title: 示例区质量强区建设实施方案', '  title: !!python/object:os.system ls'))).toEqual(['yaml-tag']);
    expect(codes(`%YAML 1.1\n---\n${VALID.replace('  notice_title: null', '  notice_title: !!binary aGVsbG8=')}`)).toEqual(['yaml-tag']);
    // a 1.1 date stays a string (no Date object), so the plan is still valid
    expect(codes(`%YAML 1.1\n---\n${VALID}`)).toEqual([]);
    // explicit core tags are plain YAML
    expect(codes(VALID.replace('  title: 示例区质量强区建设实施方案', '  title: !!str 示例区质量强区建设实施方案'))).toEqual([]);
  });

  it('CRLF line ends and a BOM keep the lines and columns an editor shows', () => {
    const bad = VALID.replace('  level: district', '  level: town');
    const expected = [['schema-enum', 12, 10]];
    const at = (src: string) => validatePlan(src).map((d) => [d.code, d.line, d.column]);
    expect(at(bad)).toEqual(expected);
    expect(at(bad.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(at(`\ufeff${bad}`)).toEqual(expected);
    expect(at(`\ufeff${VALID.replace('schema: qplan/plan@1', 'schema: qplan/plan@9')}`)).toEqual([['schema-version-unknown', 2, 9]]);
  });

  it('absurd nesting is a plain error, not a crash', () => {
    const d = validatePlan(`a: ${'['.repeat(100000)}${']'.repeat(100000)}\n`);
    expect(d.map((x) => [x.code, x.message])).toEqual([['yaml-syntax', 'the YAML nests too deeply to read (plan files nest a few levels)']]);
  });

  it('refuses files over the size limit before reading them', async () => {
    const r = await runCli(['validate', '--max-size', '0.001', 'fixtures/valid/minimal.plan.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fixtures/valid/minimal.plan.yaml: error: the file is 0.0 MB; qplan validates files up to 0.0 MB, so it was not read (raise the limit with --max-size) [file-too-large]');
    expect(validatePlan('x'.repeat(100), { maxBytes: 10 }).map((d) => d.code)).toEqual(['file-too-large']);
  });
});

describe('semantic checks', () => {
  it('a document without a schema field says what is supported', () => {
    const d = validatePlan(VALID.replace('schema: qplan/plan@1\n', ''));
    expect(d.map((x) => [x.code, x.message])).toEqual([['schema-version-unknown', "the document has no 'schema' field; supported: qplan/plan@1 (add 'schema: qplan/plan@1' at the top)"]]);
  });

  it('several missing fields of one mapping are one message', () => {
    const d = validatePlan('schema: qplan/plan@1\nfoo: 1\n');
    expect(d.map((x) => [x.code, x.line, x.column, x.message])).toEqual([
      ['schema-required', 1, 1, 'the document is missing the required fields source, meta, sections, tasks, columns, targets, appendix, diagnostics'],
      ['schema-unknown-key', 2, 1, 'unknown field foo'],
    ]);
  });

  it('a list that is not a list of plans is one finding', () => {
    const d = validatePlan('- input: 到2027年\n  expect: 2027\n- input: 2025年\n  expect: 2025\n');
    expect(d.map((x) => [x.code, x.line, x.column, x.message])).toEqual([
      ['schema-version-unknown', 1, 1, "the document is a list, not a qplan/plan@1 plan or a list of plans (no item has a 'schema' field)"],
    ]);
  });

  it('growth may exceed 100%; rates may not', () => {
    const growth = VALID.replace('- indicator: 产品质量合格率', '- indicator: 质量认证证书数量增长').replace('    value: 95\n', '    value: 150\n');
    expect(codes(growth)).toEqual([]);
    expect(codes(VALID.replace('    value: 95\n', '    value: 150\n'))).toEqual(['target-percent-over-100']);
  });

  it('a plan whose tasks never name units gets one warning on tasks:', () => {
    const none = VALID.replace(/    lead: \[[^\]]*\]/g, '    lead: []').replace(/    responsible: \[[^\]]*\]/g, '    responsible: []');
    const d = validatePlan(none);
    expect(d.map((x) => [x.code, x.line, x.column, x.message])).toEqual([['task-units-missing', 22, 1, 'none of the 3 tasks names a lead or responsible unit']]);
  });

  it('a target between the plan date and the first horizon year is fine (到2025年 in a 2027 plan)', () => {
    expect(codes(VALID.replace('    year: 2027\n', '    year: 2025\n'))).toEqual([]);
  });

  it('reads printed numbers in every style the extractor writes', () => {
    expect(parseNumber('12')).toEqual({ style: 'arabic', prefix: '', n: 12 });
    expect(parseNumber('(二十九)')).toEqual({ style: 'paren-cn', prefix: '', n: 29 });
    expect(parseNumber('三是')).toEqual({ style: 'cn-shi', prefix: '', n: 3 });
    expect(parseNumber('三.(一).4')).toEqual({ style: 'arabic', prefix: '三.(一)', n: 4 });
    expect(parseNumber('四.(二)')).toEqual({ style: 'paren-cn', prefix: '四', n: 2 });
    expect(parseNumber('附件')).toBeNull();
  });

  it('numbering restarting in a new group, or changing style, is not a gap', () => {
    const plan = YAML.parse(VALID);
    const t = plan.tasks[0];
    plan.tasks = ['一.(一).1', '一.(一).2', '一.(二).1', '(一)', '(二)', '一是', '二是'].map((id) => ({ ...t, id }));
    const src = YAML.stringify(plan);
    expect(codes(src)).toEqual([]);
  });
});

describe('qplan validate: paths, globs, exit codes, formats', () => {
  it('expands globs the shell did not', async () => {
    const r = await runCli(['validate', '--format', 'json', 'fixtures/invalid/schema-*.plan.yaml']);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'fixtures/invalid/schema-enum.plan.yaml', 'fixtures/invalid/schema-format.plan.yaml', 'fixtures/invalid/schema-range.plan.yaml',
      'fixtures/invalid/schema-required.plan.yaml', 'fixtures/invalid/schema-type.plan.yaml', 'fixtures/invalid/schema-unknown-key.plan.yaml',
      'fixtures/invalid/schema-version-unknown.plan.yaml',
    ]);
    const deep = await runCli(['validate', '--format', 'json', 'fixtures/**/minimal.{yaml,plan.yaml}']);
    expect(JSON.parse(deep.stdout).files.map((f: { path: string }) => f.path)).toEqual(['fixtures/valid/minimal.plan.yaml']);
  });

  it('a glob that matches directories walks them', async () => {
    const r = await runCli(['validate', '--format', 'json', 'fixtures/val*']);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['fixtures/valid/minimal.plan.yaml']);
  });

  it('validate --help matches fixtures/cli/validate-help.txt', async () => {
    await expect((await runCli(['validate', '--help'])).stdout).toMatchFileSnapshot('../fixtures/cli/validate-help.txt');
  });

  it('exit 2 for a missing path or an unmatched glob; the other paths are still checked', async () => {
    const r = await runCli(['validate', 'no/such/dir', 'fixtures/valid/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('qplan validate: no/such/dir: no such file or directory');
    expect(r.stderr).toContain('1 file checked: no problems');
    const g = await runCli(['validate', 'fixtures/nothing-*.yaml']);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('no files match fixtures/nothing-*.yaml');
  });

  it('exit 2 for usage errors', async () => {
    expect((await runCli(['validate'])).code).toBe(2);
    expect((await runCli(['validate', '--format', 'xml', 'seeds/'])).code).toBe(2);
    expect((await runCli(['validate', '--max-size', 'big', 'seeds/'])).code).toBe(2);
  });

  it('--strict turns warnings into exit 1', async () => {
    const file = 'fixtures/invalid/task-units-missing.plan.yaml';
    expect((await runCli(['validate', file])).code).toBe(0);
    expect((await runCli(['validate', '--strict', file])).code).toBe(1);
  });

  it('hides info diagnostics unless --verbose; json always has them', async () => {
    const seed = 'seeds/000_3c93fe66f1b042f6.txt';
    expect((await runCli(['validate', seed])).stderr).not.toContain(': info:');
    expect((await runCli(['validate', '-v', seed])).stderr).toContain(': info:');
    expect(JSON.parse((await runCli(['validate', '--format', 'json', seed])).stdout).summary.infos).toBeGreaterThan(0);
  });

  it('colours only on a terminal, never with NO_COLOR or --no-color, always with --color', async () => {
    const file = 'fixtures/invalid/task-id-duplicate.plan.yaml';
    const esc = '\u001b[';
    expect((await runCli(['validate', file])).stderr).not.toContain(esc);
    expect((await runCli(['validate', file], { tty: true })).stderr).toContain(esc);
    expect((await runCli(['validate', file], { tty: true, env: { NO_COLOR: '1' } })).stderr).not.toContain(esc);
    expect((await runCli(['validate', '--no-color', file], { tty: true })).stderr).not.toContain(esc);
    expect((await runCli(['validate', '--color', file])).stderr).toContain(esc);
    expect((await runCli(['validate', '--format', 'json', file], { tty: true })).stdout).not.toContain(esc);
  });

  it('human output groups by file and ends with a summary', async () => {
    const r = await runCli(['validate', 'fixtures/invalid/task-numbering-repeat.plan.yaml', 'fixtures/valid/minimal.plan.yaml', 'fixtures/invalid/task-id-duplicate.plan.yaml']);
    expect(r.stderr).toBe([
      "fixtures/invalid/task-numbering-repeat.plan.yaml:33:9: warning: task '3' follows '1': 1 number is missing [task-numbering-gap]",
      "fixtures/invalid/task-numbering-repeat.plan.yaml:43:9: error: task '2' follows '3': the numbering goes back [task-numbering-repeat]",
      '',
      "fixtures/invalid/task-id-duplicate.plan.yaml:43:9: error: task id '2' is used twice (first by tasks[1]); ids must be unique [task-id-duplicate]",
      '',
      '3 files checked: 2 errors, 1 warning in 2 files',
      '',
    ].join('\n'));
  });
});

describe('library', () => {
  it('validatePlan and planSchema are exported (and load zod lazily)', async () => {
    expect(await libValidatePlan(VALID, { path: 'x.plan.yaml' })).toEqual([]);
    const d = await libValidatePlan(VALID.replace('  level: district', '  level: town'));
    expect(d[0]).toMatchObject({ code: 'schema-enum', line: 12, column: 10, pointer: '/meta/level' });
    expect((await libPlanSchema()).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('the CLI loads zod, yaml and chalk only inside the validate/schema actions', () => {
    for (const f of ['src/cli/main.ts', 'src/cli/commands/validate.ts', 'src/cli/commands/schema.ts', 'src/cli/render/validate.ts', 'src/index.ts']) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/^import [^;]*from ['"](?:zod|yaml|chalk)['"]/m);
      expect(src, f).not.toMatch(/^import (?!type)[^;]*from ['"][./]*\/validate\/(?:index|schema)\.js['"]/m);
    }
  });
});

describe('qplan validate: stdin, symlink loops, crashes', () => {
  it('- reads a plan document from stdin', async () => {
    const ok = await runCli(['validate', '-'], { stdin: VALID });
    expect(ok.code).toBe(0);
    const bad = await runCli(['validate', '-'], { stdin: VALID.replace('  level: district', '  level: town') });
    expect(bad.stderr).toContain("<stdin>:12:10: error: meta.level is 'town'; expected one of province, city, district, county, zone [schema-enum]");
    expect(bad.code).toBe(1);
  });

  it('a symlink loop does not make ** endless', async () => {
    const { mkdirSync, symlinkSync, copyFileSync } = await import('node:fs');
    const root = join(tmp, 'loop');
    mkdirSync(join(root, 'a'), { recursive: true });
    copyFileSync('fixtures/valid/minimal.plan.yaml', join(root, 'a', 'x.plan.yaml'));
    symlinkSync('..', join(root, 'a', 'up'));
    const r = await runCli(['validate', '--format', 'json', `${root}/**/x.plan.yaml`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toContain(`${root}/a/x.plan.yaml`);
  });
});

describe('bin/qplan.js validate (subprocess)', () => {
  it('prints file:line:col and exits 1 on errors; --format github annotates', async () => {
    const { spawnSync } = await import('node:child_process');
    const file = 'fixtures/invalid/task-id-duplicate.plan.yaml';
    const r = spawnSync(process.execPath, ['bin/qplan.js', 'validate', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`${file}:43:9: error: task id '2' is used twice`);
    const g = spawnSync(process.execPath, ['bin/qplan.js', 'validate', '--format', 'github', file], { encoding: 'utf8' });
    expect(g.stdout).toMatch(/^::error file=fixtures\/invalid\/task-id-duplicate\.plan\.yaml,line=43,col=9,/);
    const s = spawnSync(process.execPath, ['bin/qplan.js', 'validate', 'seeds/'], { encoding: 'utf8' });
    expect(s.status, s.stderr).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { planStream } from '../src/cli/batch/stdout.js';
import { defaultJobs } from '../src/cli/batch/jobs.js';

// what the batch wrote before streaming: everything joined at the end
function joinedAtEnd(chunks: string[], format: 'yaml' | 'json' | 'ndjson', combine: boolean): string {
  if (chunks.length === 0) return '';
  if (format === 'json' && chunks.length > 1 && combine) return `[\n${chunks.map((c) => c.trimEnd()).join(',\n')}\n]\n`;
  if (format === 'yaml' && chunks.length > 1 && combine) return chunks.map((c) => c.replace(/^# yaml-language-server.*\n/, '')).join('---\n');
  return chunks.join('');
}

describe('plans streamed to stdout', () => {
  const yaml = (n: number) => `# yaml-language-server: $schema=x\nschema: p\nid: ${n}\n`;
  const json = (n: number) => `{\n  "id": ${n}\n}\n`;
  for (const format of ['yaml', 'json', 'ndjson'] as const) {
    for (const combine of [true, false]) {
      for (const n of [0, 1, 2, 5]) {
        it(`${format}, ${n} plan(s)${combine ? '' : ', --stage'}: the same bytes as joining at the end`, () => {
          const chunks = Array.from({ length: n }, (_, i) => (format === 'yaml' ? yaml(i) : format === 'json' ? json(i) : `{"id":${i}}\n`));
          let out = '';
          const s = planStream((t) => { out += t; }, format, combine);
          chunks.forEach((c) => s.add(c));
          s.end();
          expect(out).toBe(joinedAtEnd(chunks, format, combine));
        });
      }
    }
  }
  it('writes each plan as soon as it can (the first is held until a second comes)', () => {
    const writes: string[] = [];
    const s = planStream((t) => writes.push(t), 'ndjson', true);
    s.add('a\n');
    expect(writes).toEqual(['a\n']);
    const y = planStream((t) => writes.push(t), 'yaml', true);
    y.add('x: 1\n');
    expect(writes).toHaveLength(1);
    y.add('x: 2\n');
    expect(writes).toHaveLength(3);
  });
});

describe('default job count', () => {
  const idle = { cores: 2, load: 0.1 };
  it('one job for few files or little input', () => {
    expect(defaultJobs(3, 1e9, idle)).toBe(1);
    expect(defaultJobs(500, 4e6, idle)).toBe(1);
  });
  it('one job when no core is free', () => {
    expect(defaultJobs(2000, 63e6, { cores: 2, load: 1.6 })).toBe(1);
  });
  it('the idle cores for a large batch', () => {
    expect(defaultJobs(2000, 63e6, idle)).toBe(2);
    expect(defaultJobs(2000, 63e6, { cores: 8, load: 0 })).toBe(4);
  });
});

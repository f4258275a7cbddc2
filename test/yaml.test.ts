/** The YAML emitter round-trips: what it writes, a YAML 1.2 reader reads back as the same data. */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { stringifyYaml } from '../src/plan-io/to-yaml.js';
import { toYaml } from '../src/plan-io/serialize.js';
import { extractPlan } from '../src/pipeline.js';
import { SEEDS } from './helpers.js';

const tricky = fc.constantFrom('1', '(一)', '2023-12-01', 'yes', 'No', 'null', '~', '- a', 'a: b', 'a #b', '#x', '"q"', "'q'", ' lead', 'trail ', '',
  '3.8', '.5', '1e3', '0x1f', '[x]', '{y}', 'a,b', '质量:强', '江北府发〔2023〕32号', '98.3%', '%', '@x', '`x', '|', '>', '!tag', '*a', '&a', '? q', 'a\nb', '\t', '\u2028', '—— 项');
const scalarArb = fc.oneof(tricky, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalarArb, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.oneof(tricky, fc.string()), tie('node'), { maxKeys: 5 })),
})).node;

describe('yaml emitter', () => {
  test.prop([fc.dictionary(fc.oneof(tricky, fc.string({ minLength: 1 })), value, { maxKeys: 6 })], { seed: 7, numRuns: 1000 })('round-trips', (obj) => {
    const normal = JSON.parse(JSON.stringify(obj));
    expect(YAML.parse(stringifyYaml(obj))).toEqual(normal);
  });
  it('round-trips every seed plan', async () => {
    for (const s of SEEDS) {
      const { plan } = await extractPlan(readFileSync(`seeds/${s}.txt`), { path: `seeds/${s}.txt` });
      expect(YAML.parse(toYaml(plan))).toEqual(JSON.parse(JSON.stringify(plan)));
    }
  });
});

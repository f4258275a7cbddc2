/**
 * Bytes in more than one encoding: a UTF-8 plan with a chapter saved in GBK (fixtures/broken/mixed-utf8-gbk.txt,
 * made by scripts/make-broken.mjs) is read line by line, each line in the encoding it is valid in; a truncated or
 * CESU-8 UTF-8 file, whose bad bytes are few, is not taken for a mixed one. Big5 bytes, valid GB18030 too, are told
 * from GBK by the genre's characters they read as.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const SEED = 'seeds/003_d34b9a5638ecd82e.txt';
const codes = (p: { diagnostics: Array<{ code: string }> }) => p.diagnostics.map((d) => d.code);

describe('mixed UTF-8 and GB18030 lines', () => {
  it('a chapter in GBK inside a UTF-8 plan: the same tasks and targets as the UTF-8 text, with encoding-mixed', async () => {
    const mixed = await extract(readFileSync('fixtures/broken/mixed-utf8-gbk.txt'), { path: 'mixed.txt' });
    const plain = await extract(readFileSync(SEED), { path: 'plain.txt' });
    expect(mixed.source.encoding).toBe('utf-8');
    expect(mixed.meta).toEqual(plain.meta);
    expect(mixed.tasks).toEqual(plain.tasks);
    expect(mixed.targets).toEqual(plain.targets);
    const d = mixed.diagnostics.find((x) => x.code === 'encoding-mixed');
    expect(d?.message).toMatch(/^UTF-8 mixed with GB18030: \d+ line\(s\) decoded as GB18030 \(lines? \d/);
  });
  it('a GBK plan with one UTF-8 line', async () => {
    const text = readFileSync(SEED, 'utf8');
    const cut = text.indexOf('\n') + 1;
    const bytes = Buffer.concat([Buffer.from(text.slice(0, cut)), iconv.encode(text.slice(cut), 'gbk')]);
    const plan = await extract(bytes, { path: 'p.txt' });
    expect(codes(plan)).toContain('encoding-mixed');
    expect(plan.tasks.map((t) => t.title)).toEqual((await extract(readFileSync(SEED), { path: 'p.txt' })).tasks.map((t) => t.title));
  });
  it('a UTF-8 file cut mid-character and CESU-8 surrogates stay UTF-8 with replacements', async () => {
    for (const f of ['fixtures/broken/truncated-utf8.txt', 'fixtures/broken/cesu8-in-utf8.txt']) {
      const plan = await extract(readFileSync(f), { path: f });
      expect(codes(plan)).toContain('encoding-replacement');
      expect(codes(plan)).not.toContain('encoding-mixed');
    }
  });
  it('a GBK plan stays GB18030', async () => {
    const plan = await extract(readFileSync('fixtures/broken/gbk-undeclared.txt'), { path: 'g.txt' });
    expect(plan.source.encoding).toBe('gb18030');
    expect(codes(plan)).not.toContain('encoding-mixed');
  });
  // a traditional-script page saved as Big5 is valid GB18030 too: read so, it is nonsense with no error
  const TRAD = 'fixtures/excerpts/15_trad.txt';
  const tradText = () => readFileSync(TRAD, 'utf8').split('\n').slice(3).join('\n');
  it('a Big5 plan is read as Big5, as its UTF-8 text is', async () => {
    const plan = await extract(iconv.encode(tradText(), 'big5'), { path: 'b.txt' });
    const plain = await extract(Buffer.from(tradText()), { path: 'b.txt' });
    expect(plan.source.encoding).toBe('big5');
    expect(plan.meta).toEqual(plain.meta);
    expect(plan.targets.map((t) => t.quote)).toEqual(plain.targets.map((t) => t.quote));
    expect(plan.diagnostics.find((d) => d.code === 'encoding-fallback')?.message).toMatch(/Big5/);
  });
  it('traditional text saved as GBK stays GB18030', async () => {
    const plan = await extract(iconv.encode(tradText(), 'gbk'), { path: 'g.txt' });
    expect(plan.source.encoding).toBe('gb18030');
  });
});

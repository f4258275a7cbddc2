/** src/source/view.ts: the normalized view of a block and the way back to the document's characters, by position. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/model.js';
import { LineIndex } from '../src/source/lines.js';
import { scriptTable, withScript } from '../src/source/normalize.js';
import { makeView, orig, quote, reading, spanOf, unfold, unfoldFound, type DocumentFold } from '../src/source/view.js';

// a stand-in for OpenCC's t→cn: enough characters for these lines
const T2S: Record<string, string> = { 區: '区', 場: '场', 監: '监', 質: '质', 標: '标', 準: '准', 無: '无', 達: '达' };
const toSimplified = (c: string) => T2S[c] ?? c;
const block = (text: string, offset = 0): Block => ({ type: 'para', text, line: 1, offset });
const traditional = (texts: string[]): DocumentFold => {
  const script = scriptTable(texts, toSimplified);
  return { table: withScript(script), script };
};

describe('the view of a traditional-script block', () => {
  const text = '（責任單位：區市場監管局）質量達到９８％';
  const fold = traditional([text]);
  const v = makeView(block(text), 0, fold);

  it('reads simplified, folded text with one table, one unit to one', () => {
    expect(v.norm).toBe('(責任單位:区市场监管局)质量达到98%');
    expect(v.norm.length).toBe(text.length);
  });
  it('gives values back as printed, by position', () => {
    const at = v.norm.indexOf('区市场监管局');
    expect(orig(v, at, at + 6)).toBe('區市場監管局');
    expect(unfold(v, 0, v.norm.length)).toBe('(責任單位:區市場監管局)質量達到98%');
  });
  it('finds a value an extractor returned without its place, piece by piece when assembled', () => {
    expect(unfoldFound(v, '区市场监管局')).toBe('區市場監管局');
    expect(unfoldFound(v, '质量' + '监管局')).toBe('質量監管局');
    expect(unfoldFound(v, '个')).toBe('个');
  });
  it('reads a printed string through the script fold only, for matching (the table holds the document\'s own characters)', () => {
    expect(reading(v, '（區場）')).toBe('（区场）');
    expect(reading(makeView(block('無'), 0, traditional(['無'])), '無')).toBe('无');
  });
});

describe('a simplified block', () => {
  it('keeps the reading as it is', () => {
    const v = makeView(block('  责任单位：区市场监管局'), 0);
    expect(unfoldFound(v, '区市场监管局')).toBe('区市场监管局');
    expect(reading(v, '無')).toBe('無');
  });
  it('spans a range of the view in the decoded source, and quote reads it back', () => {
    const source = '标题\n  到2027年，合格率达到98%以上。\n';
    const b = block(source.slice(3, source.length - 1), 3);
    b.line = 2;
    const v = makeView(b, 0);
    const s = v.norm.indexOf('合格率'), e = v.norm.indexOf('以上');
    const span = spanOf(new LineIndex(source), v, s, e);
    expect(span.start).toEqual({ line: 2, column: source.indexOf('合格率') - 3 + 1, offset: source.indexOf('合格率') });
    expect(quote(source, span)).toBe(orig(v, s, e));
    expect(quote(source, span)).toBe('合格率达到98%');
  });
});

describe("OCR'd digits of a scanned notice", () => {
  const read = (text: string) => makeView(block(text), 0);
  it('reads letters inside a number as digits, and keeps the scan for quotes', () => {
    const v = read('到2O25年，合格率保持l00%，符合率达到1OO%');
    expect(v.norm).toBe('到2025年,合格率保持100%,符合率达到100%');
    expect(v.ocr).toBe(true);
    expect(orig(v, 1, 5)).toBe('2O25');
  });
  it('joins single digits OCR set apart before 年/月/日/%, mapping each back', () => {
    const v = read('2 0 2 3 年 1 1 月 2 0 日，占比达到6 0 %');
    expect(v.norm).toBe('2023 年 11 月 20 日,占比达到60 %');
    expect(orig(v, 0, 4)).toBe('2 0 2 3');
  });
  it('leaves Latin words, spaced table cells and plain numbers alone', () => {
    for (const t of ['ISO9001认证', 'O2O电商', 'CO2排放', 'IATF16949', '93.2 97.6 98', '新增5 8家', '达到95%']) {
      const v = read(t);
      expect(v.norm, t).toBe(t);
      expect(v.ocr, t).toBe(false);
    }
  });
});

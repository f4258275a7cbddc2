/**
 * Measure words and units (个, 项, 亿元, %, 万亩 …): the one list of them, in matching order, each with the roles it
 * plays beyond measuring a target's value. Read by the target reader (src/extract/targets) and by the appendix
 * (src/extract/appendix.ts, a count indicator's measure).
 */

/** What a measure word does besides measuring a value. */
export type MeasureRole =
  /** Only counts when a verb or comparator makes the number a commitment (`3次` is rarely a target). */
  | 'weak'
  /** Also counted by a Chinese numeral (`三个`, `两项`), not only by digits. */
  | 'numeral'
  /** Names a count indicator with 数 (`企业个数` → 个, `户数` → 户), as appendix tables print them. */
  | 'count-name';

export interface Measure {
  word: string;
  roles: readonly MeasureRole[];
}

const m = (word: string, ...roles: MeasureRole[]): Measure => ({ word, roles });

/** Every measure word, longest first where one starts another, so `万亩` wins over `万` and `个百分点` over `个`. */
export const MEASURES: readonly Measure[] = [
  m('微克/立方米'), m('毫克/立方米'), m('毫克/升'), m('万千瓦时'), m('亿千瓦时'), m('千瓦时'), m('万立方米'), m('立方米'), m('万公顷'), m('公顷'),
  m('万标准箱'), m('标准箱'), m('万人次'), m('亿人次'), m('个工作日', 'weak'), m('工作日', 'weak'), m('小时', 'weak'), m('分钟', 'weak'),
  m('万辆'), m('万头'), m('万株'), m('万台'), m('万套'), m('万份'), m('公斤'), m('千克'),
  m('批次/千人'), m('万元/人'), m('件/万人'), m('个/万人'), m('吨标准煤'), m('万吨标准煤'), m('万平方米'), m('平方公里'), m('平方米'),
  m('万千瓦'), m('万吨'), m('万亩'), m('万人'), m('万元'), m('亿元'), m('万户'), m('万家次'), m('万家'), m('万批次'), m('万张'), m('万条'), m('万名'), m('万件'), m('万个'), m('批次'), m('千米'),
  m('公里'), m('家次'), m('人次'), m('个百分点'), m('百分点'),
  m('%'), m('‰'),
  m('个', 'numeral', 'count-name'), m('项', 'numeral', 'count-name'), m('家', 'numeral', 'count-name'), m('件', 'numeral', 'count-name'),
  m('张', 'numeral', 'count-name'), m('条', 'numeral', 'count-name'), m('分'), m('户', 'count-name'), m('所', 'numeral', 'count-name'),
  m('座', 'numeral', 'count-name'), m('名', 'numeral', 'count-name'), m('人', 'count-name'), m('批'), m('处', 'numeral'),
  m('台', 'count-name'), m('套', 'count-name'), m('部', 'weak'), m('支', 'weak'), m('吨'), m('亩'), m('元', 'weak'), m('册', 'weak'),
  m('份', 'numeral', 'count-name'), m('辆', 'count-name'), m('艘'), m('架'), m('株'), m('头', 'weak'), m('只', 'weak'), m('篇', 'weak'),
  m('场', 'weak'), m('次', 'weak', 'count-name'), m('种', 'weak'), m('类', 'weak'), m('起', 'weak'), m('间', 'weak'), m('栋', 'weak'),
  m('级', 'weak'), m('岁', 'weak'), m('天', 'weak'), m('万', 'weak'), m('亿', 'weak'),
];

const having = (role: MeasureRole): string[] => MEASURES.filter((x) => x.roles.includes(role)).map((x) => x.word);

/** The measure words in matching order. */
export const MEASURE_WORDS: readonly string[] = MEASURES.map((x) => x.word);
/** Measure words with the role `weak`. */
export const WEAK_MEASURES: ReadonlySet<string> = new Set(having('weak'));
/** Measure words with the role `numeral` (single characters), for a character class. */
export const NUMERAL_MEASURES: string = having('numeral').join('');
/** Measure words with the role `count-name`. */
export const COUNT_NAME_MEASURES: readonly string[] = having('count-name');

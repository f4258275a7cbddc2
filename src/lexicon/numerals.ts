/** The numerals a printed number is written in, up to the thousands: task ids `(二十九)`, `三是`. */
export const ZH_NUMERALS = '〇零一二两三四五六七八九十百千';
/**
 * The numerals that count things before a measure word (`三个`, `两项`, `二十家`). 一 is left out: `一个`, `一批`
 * are articles far more often than counts, and a count below two is no target.
 */
export const ZH_COUNT_NUMERALS = '两二三四五六七八九十百千';

/**
 * Rates written out in words (`百分之九十八`, `千分之五`, `百分之九十八点五`): the word before the numerals, and the
 * unit it stands for. 点 parts the decimals.
 */
export const RATE_WORDS: ReadonlyArray<readonly [string, string]> = [['百分之', '%'], ['千分之', '‰']];
export const DECIMAL_POINT_WORD = '点';
/**
 * Shares written as tenths (`9成`, `五成以上`) and fractions (`三分之一`): read as percentages, as 百分之 is. 成 ends
 * such a number only before a comparator or a break (`9成以上`, `五成。`), not inside a word (`3成员`).
 */
export const TENTHS_WORD = '成';
export const TENTHS_AFTER = /^(?:以上|以下|以内|左右|及以上|[^\u4e00-\u9fff]|$)/;
export const FRACTION_WORD = '分之';

/** Chinese numerals: 十九 → 19, 二十八 → 28, 一百零五 → 105, 两千 → 2000, 二〇二五 → 2025. */
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The same tables by char code: a digit's value (-1: none), a small or big unit's multiplier (0: none). */
const DIGIT_AT = new Int8Array(65536).fill(-1);
for (const [k, v] of Object.entries(DIGIT)) DIGIT_AT[k.charCodeAt(0)] = v;
const codes = (table: Record<string, number>): number[] => Object.entries(table).flatMap(([k, v]) => [k.charCodeAt(0), v]);
const SMALL_AT = codes(SMALL), BIG_AT = codes(BIG);
/** The multiplier of unit `c` in a [code, value, code, value…] list, 0 when it is none. */
const unitAt = (list: number[], c: number): number => {
  for (let i = 0; i < list.length; i += 2) if (list[i] === c) return list[i + 1] as number;
  return 0;
};

/** Parse a Chinese numeral; NaN when the string is not one. Only call it on numbering or counted tokens. */
export function zhToInt(s: string): number {
  // one pass over the code units, by char code (a spread and `every`/`some` per call were a few percent of
  // extraction, then a one-character string a unit): an astral character is in no table, so a surrogate unit
  // rejects the string as a whole character would
  if (s === '') return NaN;
  let positional = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (DIGIT_AT[c] !== -1) continue;
    if (unitAt(SMALL_AT, c) === 0 && unitAt(BIG_AT, c) === 0) return NaN;
    positional = false;
  }
  // positional form (二〇二五): digits only
  if (positional) {
    let digits = '';
    for (let i = 0; i < s.length; i++) digits += DIGIT_AT[s.charCodeAt(i)];
    return Number(digits);
  }
  let total = 0, section = 0, digit = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGIT_AT[c] as number;
    const small = d === -1 ? unitAt(SMALL_AT, c) : 0;
    if (d !== -1) digit = d;
    else if (small !== 0) { section += (digit || 1) * small; digit = 0; }
    else { total += (section + digit) * unitAt(BIG_AT, c); section = 0; digit = 0; }
  }
  return total + section + digit;
}

const ZH_ONES = '一二三四五六七八九';
/** 1 → 一, 12 → 十二, 20 → 二十: the printed form of a chapter or group ordinal (below 100). */
export function intToZh(n: number): string {
  const tens = Math.floor(n / 10), ones = n % 10;
  return (tens > 1 ? ZH_ONES[tens - 1] : '') + (tens > 0 ? '十' : '') + (ones > 0 ? ZH_ONES[ones - 1] : '');
}

/** Word's Chinese number formats (DOCX automatic numbering): the digits and the tens/hundreds/thousands marks. */
export const WORD_DIGITS = '零一二三四五六七八九';
export const WORD_UNITS = ['', '十', '百', '千'];
/** The financial ("legal") forms Word prints for `chineseLegalSimplified`. */
export const WORD_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
export const WORD_LEGAL_UNITS = ['', '拾', '佰', '仟'];

/**
 * What a scanned notice's OCR prints for digits: letter O for 0 (`2O25`, `1OO%`), l or I for 1 (`l00%`). Read so
 * only inside a run of digits (src/source/ocr.ts), never in a word (`ISO`, `CO2`, `O2O`).
 */
export const OCR_DIGIT_LETTERS: Readonly<Record<string, string>> = { O: '0', o: '0', l: '1', I: '1' };
/** What may follow a number whose digits OCR set apart (`2 0 2 3 年`, `9 5 %`): the marks of a date, rate or number. */
export const OCR_SPACED_BEFORE = '%年月日号';

/**
 * How plans print dates: `2023-12-27`, `2024年3月22日`, `二〇一二年四月十三日`, and how scrapes damage them
 * (`2023121`, `2024年322日`: 年/月/日 dropped). Read by src/outline/dates.ts.
 */

/** The digits of a date written in Chinese numerals (`二〇一二年四月十三日`). */
export const ZH_DATE_DIGITS = '〇零一二三四五六七八九十';
/** `2023-12-27`, `2023/12/27`, `2023.12.27`. */
export const DATE_ISO = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
/** `2024年3月22日`. */
export const DATE_YMD = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
/** `二〇一二年四月十三日`. */
export const DATE_ZH_YMD = new RegExp(`^([${ZH_DATE_DIGITS}]{4})\\s*年\\s*([${ZH_DATE_DIGITS}]{1,3})\\s*月\\s*([${ZH_DATE_DIGITS}]{1,3})\\s*日$`);
/**
 * A date that lost some of 年/月/日: `2023121`, `2024年322日`, `20243月22日`. The year is the first four
 * digits; what 月 still separates is certain, the rest is split every valid way.
 */
export const DATE_DAMAGED = /^((?:19|20)\d{2})年?(\d{1,2}月\d{1,2}|\d{2,4})日?$/;
/**
 * What every date form above holds somewhere (an ASCII digit, or 年): a line without one is no date, and the
 * line-by-line date test stops there. A new form without either must widen this.
 */
export const DATE_HINT = /[0-9年]/;
/** A date inside a longer string (`发布时间:2024-08-30 | 来源:…`); global, so make a fresh copy per scan. */
export const DATE_IN_TEXT = `(\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?)|([${ZH_DATE_DIGITS}]{4}年[${ZH_DATE_DIGITS}]{1,3}月[${ZH_DATE_DIGITS}]{1,3}日)`;
/** A date that ends a line after a space (`某市人民政府 2023年8月10日`): group 1 is the date. */
export const DATE_AT_LINE_END = new RegExp(`\\s+(${DATE_IN_TEXT})$`);

/**
 * Words that mark what a date under a signature is (`2023年12月5日印发　2023年12月8日发布`): the day it was issued
 * (signed) or posted (published).
 */
export const DATE_MARKS: Readonly<Record<string, 'signed' | 'published'>> = { 印发: 'signed', 成文: 'signed', 签发: 'signed', 发布: 'published' };
/** A date followed by one of {@link DATE_MARKS}; group 1 the date, the last group the mark. Global: copy per scan. */
export const MARKED_DATE = `(${DATE_IN_TEXT})\\s*(${Object.keys(DATE_MARKS).join('|')})`;

/**
 * Word automatic numbering, computed the way Word shows it. Government DOCX carry 一、/（一）/1. as levels of
 * numbering.xml (`chineseCounting` with lvlText `%1、`, `（%2）`, `decimal` `%3.`), not as text, so the labels
 * must be rebuilt: abstractNum levels (start, numFmt, lvlText, lvlRestart, isLgl, suff), num instances with
 * lvlOverride/startOverride, a counter that restarts under a new parent item, and numbering reached through a
 * paragraph style (`pStyle` → styles.xml `numPr`, following `basedOn`).
 *
 * Counters belong to the abstract list, so every num that points at it continues it; a num with a
 * startOverride restarts the overridden levels where it is first used (Word's behaviour).
 */
import { kid, kids, val, type XmlElement } from './xml.js';
import { WORD_DIGITS, WORD_LEGAL_DIGITS, WORD_LEGAL_UNITS, WORD_UNITS } from '../lexicon/numerals.js';

interface Level {
  start: number;
  fmt: string;
  text: string;
  /** Restart after an item of this level (1-based) or higher; 0 = never; undefined = any higher level. */
  restart?: number;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  style?: string;
}

interface Num {
  abstract: string;
  levels: Map<number, Level>;
  starts: Map<number, number>;
}

interface StyleInfo {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

function readLevel(l: XmlElement): Level {
  const suff = val(l, 'suff');
  return {
    start: Number(val(l, 'start') ?? 1),
    fmt: val(l, 'numFmt') ?? 'decimal',
    text: val(l, 'lvlText') ?? '',
    restart: val(l, 'lvlRestart') === undefined ? undefined : Number(val(l, 'lvlRestart')),
    legal: kid(l, 'isLgl') !== undefined && val(l, 'isLgl') !== '0' && val(l, 'isLgl') !== 'false',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    style: val(l, 'pStyle'),
  };
}

/** The numbering of one document: call {@link Numbering.label} for each paragraph in order. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, Num>();
  private readonly styles = new Map<string, StyleInfo>();
  private readonly counters = new Map<string, Array<number | null>>();
  private readonly pending = new Map<string, Map<number, number>>();
  private readonly used = new Set<string>();

  constructor(numbering: XmlElement | undefined, styles: XmlElement | undefined) {
    const links = new Map<string, string>();
    for (const a of kids(numbering, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of kids(a, 'lvl')) levels.set(Number(l.attrs.ilvl ?? 0), readLevel(l));
      this.abstracts.set(a.attrs.abstractNumId ?? '', levels);
      const link = val(a, 'numStyleLink');
      if (link !== undefined) links.set(a.attrs.abstractNumId ?? '', link);
    }
    for (const n of kids(numbering, 'num')) {
      const num: Num = { abstract: val(n, 'abstractNumId') ?? '', levels: new Map(), starts: new Map() };
      for (const o of kids(n, 'lvlOverride')) {
        const i = Number(o.attrs.ilvl ?? 0);
        const so = val(o, 'startOverride');
        const lvl = kid(o, 'lvl');
        if (lvl) num.levels.set(i, readLevel(lvl));
        if (so !== undefined) num.starts.set(i, Number(so));
        else if (lvl) num.starts.set(i, readLevel(lvl).start);
      }
      this.nums.set(n.attrs.numId ?? '', num);
    }
    for (const s of kids(styles, 'style')) {
      const pr = kid(kid(s, 'pPr'), 'numPr');
      const ilvl = val(pr, 'ilvl');
      this.styles.set(s.attrs.styleId ?? '', { numId: val(pr, 'numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: val(s, 'basedOn') });
    }
    // A list made with a list style has an abstractNum with no levels, only `numStyleLink` to a numbering style;
    // that style's num points at the abstractNum that holds the levels (and says `styleLink`).
    const target = new Map<string, string>();
    for (const id of links.keys()) {
      let a: string | undefined = id;
      for (let depth = 0; a !== undefined && links.has(a) && depth < 10; depth++) a = this.nums.get(this.styles.get(links.get(a) as string)?.numId ?? '')?.abstract;
      if (a !== undefined && !links.has(a)) target.set(id, a);
    }
    for (const num of this.nums.values()) num.abstract = target.get(num.abstract) ?? num.abstract;
  }

  /** The numbering a paragraph asks for: its own numPr, else its style's (through basedOn). */
  private resolve(pPr: XmlElement | undefined): { numId: string; ilvl: number } | null {
    const own = kid(pPr, 'numPr');
    let numId = val(own, 'numId');
    let ilvl = val(own, 'ilvl') === undefined ? undefined : Number(val(own, 'ilvl'));
    let style = val(pPr, 'pStyle');
    for (let depth = 0; style && depth < 20 && (numId === undefined || ilvl === undefined); depth++) {
      const s = this.styles.get(style);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      if (ilvl === undefined && numId !== undefined) {
        // a level may name the style that selects it
        const levels = this.abstracts.get(this.nums.get(numId)?.abstract ?? '');
        for (const [i, l] of levels ?? []) if (l.style === style) ilvl = i;
      }
      style = s.basedOn;
    }
    // numId 0 switches numbering off
    if (numId === undefined || numId === '0' || !this.nums.has(numId)) return null;
    return { numId, ilvl: ilvl ?? 0 };
  }

  private level(num: Num, i: number): Level | undefined {
    return num.levels.get(i) ?? this.abstracts.get(num.abstract)?.get(i);
  }

  /** The label Word shows before this paragraph (`（三）`, `2.`), with its separator; '' when not numbered. */
  label(pPr: XmlElement | undefined): string {
    const r = this.resolve(pPr);
    if (!r) return '';
    const num = this.nums.get(r.numId) as Num;
    const lvl = this.level(num, r.ilvl);
    if (!lvl) return '';
    const key = num.abstract;
    const values = this.counters.get(key) ?? Array<number | null>(9).fill(null);
    this.counters.set(key, values);
    const pending = this.pending.get(key) ?? new Map<number, number>();
    this.pending.set(key, pending);
    if (!this.used.has(r.numId)) {
      this.used.add(r.numId);
      for (const [i, s] of num.starts) { values[i] = null; pending.set(i, s); }
    }
    const cur = values[r.ilvl];
    values[r.ilvl] = cur === null || cur === undefined ? pending.get(r.ilvl) ?? lvl.start : cur + 1;
    pending.delete(r.ilvl);
    for (let j = r.ilvl + 1; j < 9; j++) {
      const restart = this.level(num, j)?.restart;
      if (restart === undefined || (restart > 0 && restart <= r.ilvl + 1)) values[j] = null;
    }
    if (lvl.fmt === 'bullet') return bulletLabel(lvl.text);
    if (lvl.fmt === 'none') return '';
    const text = lvl.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = this.level(num, i);
      const v = values[i] ?? l?.start ?? 1;
      return formatNumber(v, lvl.legal ? 'decimal' : l?.fmt ?? 'decimal');
    });
    if (text === '') return '';
    // a tab after 一、 or （一） is layout, not text; after `1.` it reads as the space typed labels have
    return text + (lvl.suffix === 'space' || (lvl.suffix === 'tab' && /[A-Za-z0-9.]$/.test(text)) ? ' ' : '');
  }
}

/** A bullet prints as itself when it is text (`——`, `-`); symbol-font glyphs and dots are dropped. */
function bulletLabel(text: string): string {
  if (text === '' || /[\ue000-\uf8ff]/.test(text) || /^[•·▪●○■□◆◇►▶✓√]+$/.test(text)) return '';
  return text;
}


/** Chinese counting: 十一, 二十, 一百零五 (`chineseCounting`, `chineseCountingThousand`, `ideographDigital`…). */
export function chineseNumber(n: number, digits = WORD_DIGITS, units = WORD_UNITS): string {
  if (n === 0) return digits[0] as string;
  if (n >= 10000) return `${chineseNumber(Math.floor(n / 10000), digits, units)}万${n % 10000 === 0 ? '' : (n % 10000 < 1000 ? digits[0] : '') + chineseNumber(n % 10000, digits, units)}`;
  let out = '';
  let zero = false;
  const s = String(n);
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i] as string;
    if (d === 0) { zero = out !== ''; continue; }
    if (zero) { out += digits[0]; zero = false; }
    // 十一, not 一十一
    out += d === 1 && unit === units[1] && out === '' ? unit : (digits[d] as string) + unit;
  }
  return out;
}

function alpha(n: number, base: string): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(base.charCodeAt(0) + ((k - 1) % 26)) + out;
  return out;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** One counter value in a numFmt. Unknown formats fall back to decimal, as Word does. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting': case 'koreanCounting':
      return chineseNumber(n);
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => (d === '0' ? '〇' : WORD_DIGITS[Number(d)])).join('');
    case 'chineseLegalSimplified': case 'ideographLegalTraditional': case 'japaneseLegal':
      return chineseNumber(n, WORD_LEGAL_DIGITS, WORD_LEGAL_UNITS);
    case 'ideographTraditional': return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac': return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop': return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth': case 'decimalFullWidth2': return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter': return alpha(n, 'a');
    case 'upperLetter': return alpha(n, 'A');
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    default: return String(n);
  }
}

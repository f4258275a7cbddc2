/**
 * The diagnostic registry: every code qplan can report, with its default severity and a one-line description.
 * The README table of codes is generated from this list (`node scripts/gen-docs.mjs`); codes are stable ids.
 */
import type { Diagnostic, Severity } from './model.js';

export interface CodeInfo {
  severity: Severity;
  description: string;
}

export const CODES = {
  // decode / adapt
  'input-empty': { severity: 'error', description: 'the input has no bytes or only whitespace' },
  'input-binary': { severity: 'error', description: 'the input is binary (image, archive, …) or not text in any supported encoding' },
  'format-from-content': { severity: 'info', description: "the file's name says one format and its content is another (an HTML page saved as .txt, a PDF named .html); read as its content" },
  'encoding-fallback': { severity: 'info', description: 'the input is not valid UTF-8 and was decoded as GB18030 (covers GBK/GB2312), or as Big5 where only Big5 reads as Chinese of the genre' },
  'encoding-declaration-ignored': { severity: 'warning', description: "an HTML page's charset declaration does not fit its bytes (UTF-16 in ASCII bytes, GBK on valid UTF-8); another decoding was used" },
  'encoding-mixed': { severity: 'warning', description: 'the file mixes UTF-8 and GB18030 lines; each line was decoded in its own encoding' },
  'encoding-replacement': { severity: 'warning', description: 'some bytes could not be decoded and were replaced with U+FFFD' },
  'pinyin-removed': { severity: 'info', description: 'a converter left pinyin after characters (達(dá)到); it is ignored when reading and kept in quotes' },
  'ocr-digits-read': { severity: 'info', description: "a scanned notice's OCR damaged its numbers (letter O or l for a digit: 2O25, l00%; spaces between digits: 2 0 2 3 年, 9 5 %); they were read as digits, quotes keep the scan" },
  'traditional-script': { severity: 'info', description: 'the text is in traditional characters; matching used a simplified copy' },
  'html-body-guessed': { severity: 'info', description: 'the article body of an HTML page was chosen by text density' },
  'html-embedded-body': { severity: 'info', description: "the page shows no article: its markup was read from a <textarea> or a script string that writes it in" },
  'html-attributes-dropped': { severity: 'warning', description: 'an HTML element had more attributes than any page needs (256); the excess was ignored' },
  'markdown-read-as-text': { severity: 'warning', description: 'a Markdown file has far more markup than a plan (deep nesting, thousands of emphasis marks or table cells); it was read as plain text' },
  'markdown-front-matter': { severity: 'info', description: "a Markdown file opens with YAML front matter (a clipper's title, date, source); its title and dates were read as page metadata, the rest is not plan text" },
  'docx-nesting-flattened': { severity: 'warning', description: 'a DOCX part nested elements deeper than 256 levels; the excess was flattened' },
  'html-nesting-flattened': { severity: 'warning', description: 'an HTML page nested elements deeper than browsers do (512 levels); the excess was flattened' },
  'pdf-encrypted': { severity: 'error', description: 'the PDF is protected by a password and cannot be read' },
  'pdf-unreadable': { severity: 'error', description: 'the file is not a PDF that pdf.js can open (damaged or truncated)' },
  'pdf-no-text': { severity: 'error', description: 'the PDF has no text layer (scanned images); OCR it first' },
  'pdf-page-no-text': { severity: 'warning', description: 'some pages of the PDF have no text layer (scanned?) and were not read' },
  'run-on-split': { severity: 'info', description: 'a paragraph holding a whole outline on one line (a page that lost its line breaks) was cut at its chapter, group and item marks' },
  'text-unwrapped': { severity: 'info', description: 'hard-wrapped text (e.g. pdftotext output) was rejoined into paragraphs; page numbers and running headers dropped' },
  'docx-unreadable': { severity: 'error', description: 'the file is not a DOCX that can be read (encrypted, damaged, or another zip)' },
  'pdf-layout': { severity: 'info', description: 'a PDF was read: running headers, footers and page numbers dropped, wrapped lines rejoined' },
  // meta
  'glyph-loss': { severity: 'warning', description: 'a date or document number lost glyphs in the scrape and was repaired from the evidence' },
  'date-unreadable': { severity: 'warning', description: 'a damaged date could not be repaired without guessing; the field is null' },
  'doc-number-unreadable': { severity: 'warning', description: 'a damaged document number could not be repaired; the field is null' },
  'meta-conflict': { severity: 'info', description: 'two metadata sources disagree; the one used is named' },
  'place-from-text': { severity: 'info', description: 'no title or issuer names the place; it was read from how the text speaks of itself (我省, 全市) and the places it names' },
  'place-unknown': { severity: 'info', description: 'the place an issuer or title names is not in the 2023 division table; it is kept as written with the level its suffix gives' },
  'place-ambiguous': { severity: 'warning', description: 'several places share the name the plan gives and the text does not say which; the parent is left null' },
  'title-missing': { severity: 'warning', description: "the plan's own title was not found" },
  // outline / tasks
  'tasks-from-table': { severity: 'info', description: 'the text numbers no task; the tasks were read from the rows of a task table in its body (number, task, lead and responsible columns)' },
  'no-tasks': { severity: 'warning', description: 'no numbered task was found; the plan has no tasks' },
  'ids-qualified': { severity: 'info', description: 'printed numbers repeat (numbering restarts per group), so ids carry chapter and group' },
  'numbering-gap': { severity: 'warning', description: 'task numbers skip or repeat within their sequence' },
  'title-boundary-guessed': { severity: 'warning', description: "a title's closing 。 is missing; the boundary was guessed" },
  'unit-paren-lost': { severity: 'info', description: 'a unit note lost its opening parenthesis' },
  'unit-list-unclosed': { severity: 'info', description: 'a unit note lost its closing parenthesis' },
  'units-from-group': { severity: 'info', description: "a task that prints no unit note takes its agencies from the note closing its group's heading" },
  'units-from-table': { severity: 'info', description: "a task that prints no unit note takes its agencies from the appendix's task-division table (重点任务分工表)" },
  // targets
  'target-unit-inferred': { severity: 'warning', description: 'a target printed without its measure word took the unit of its list neighbours' },
  'target-value-repaired': { severity: 'warning', description: 'a target value damaged by the scrape (a lost decimal point) was repaired; the only valid reading is used' },
  'target-value-unreadable': { severity: 'warning', description: 'a target value is damaged and has no single valid reading; it is left out' },
  'target-cut': { severity: 'info', description: 'the text ends right after a number (an excerpt cut before its unit); it is left out' },
  'prose-too-long': { severity: 'warning', description: 'a line outside the outline is longer than any paragraph of a plan (200,000 characters); it is not read for targets' },
  'target-year-inferred': { severity: 'info', description: "a target with no year in reach took the plan's first horizon year" },
  // appendix
  'appendix-flattened': { severity: 'info', description: 'an appendix table flattened one cell per line was rebuilt into rows' },
  'column-table-flattened': { severity: 'info', description: 'an indicator table under a 专栏 head, flattened one cell per line, was rebuilt into rows' },
  'body-table-flattened': { severity: 'info', description: 'an indicator table in the body (under a caption such as 表1 主要指标), flattened one cell per line, was rebuilt into rows' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

// codes are ASCII kebab-case, where code-unit order is localeCompare's order; the first localeCompare of a process
// loads ICU's collator (~15 ms of every cold start)
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Collects diagnostics for one file; stages push, the CLI renders. */
export class Collector {
  readonly list: Diagnostic[] = [];

  report(code: Code, line: number | null, message: string, severity?: Severity, column?: number): void {
    const d: Diagnostic = { severity: severity ?? CODES[code].severity, code, line, message };
    if (column !== undefined) d.column = column;
    this.list.push(d);
  }

  /** Sorted by (line, column, code) and de-duplicated, as serialized. */
  sorted(): Diagnostic[] {
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    const key = (d: Diagnostic) => `${d.line ?? 0}\u0000${d.column ?? 0}\u0000${d.code}\u0000${d.message}`;
    for (const d of [...this.list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || byCode(a.code, b.code))) {
      const k = key(d);
      if (!seen.has(k)) { seen.add(k); out.push(d); }
    }
    return out;
  }
}

/**
 * Thrown for inputs that cannot be read as a plan at all (empty, binary); the CLI maps it to exit 2. The message
 * names the file when `file` is given; `reason` is the same message without it, for callers that name the file.
 */
export class InputError extends Error {
  constructor(readonly code: Code, readonly reason: string, readonly file?: string) {
    super(file === undefined ? reason : `${file}: ${reason}`);
    this.name = 'InputError';
  }
}

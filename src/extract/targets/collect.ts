/**
 * The targets of a plan as they are read, region by region: each string found by findTargets becomes a `Target`
 * with its quote and position, repairs and inferences are reported, and the numbers left unread are reported once
 * every region is done.
 */
import type { Target } from '../../model.js';
import type { Collector } from '../../diagnostics.js';
import { orig, reading, unfoldFound, type View } from '../../source/view.js';
import { findTargets, type SkippedNumber, type TargetContext } from './find.js';

/** The line and column in the source of a normalized index of a view. */
export type Locate = (v: View, normIndex: number) => { line: number; column: number };

export class TargetList {
  readonly targets: Target[] = [];
  /** The views a region has read; the prose reader takes the rest. */
  readonly covered = new Set<View>();
  private readonly pending: Array<{ v: View | null; skipped: SkippedNumber[] }> = [];

  /**
   * @param docYear the year the document was made: years before it are history
   * @param fallbackYear the plan's first horizon year, for targets with no year in reach
   * @param lastView the document's last view: a number that ends it may have been cut by the scrape
   * @param wider the level characters of the jurisdictions above the plan (`国省市`): their goals are not its own
   */
  constructor(
    readonly at: Locate, private readonly ctx: Collector, readonly docYear: number | null, readonly fallbackYear: number | null,
    private readonly lastView: View | undefined, readonly wider = '',
  ) {}

  /**
   * Reads the targets in `s`, which starts at `base` in `v`'s normalized text, under the governing `year`; returns
   * the targets added. `from` is the view whose unread numbers are reported (none for a table's group labels).
   */
  read(s: string, v: View, base: number, where: string, year: number | null, from: View | null = v): Target[] {
    const skipped: SkippedNumber[] = [];
    const tctx: TargetContext = { year, docYear: this.docYear, fallbackYear: this.fallbackYear, wider: this.wider, atEnd: from !== null && from === this.lastView, skipped };
    // reported once every region is read (the list is filled by findTargets)
    this.pending.push({ v: from, skipped });
    const added: Target[] = [];
    for (const f of findTargets(s, tctx)) {
      const start = this.at(v, base + f.qStart);
      const quote = orig(v, base + f.qStart, base + f.qEnd);
      const t: Target = {
        // indicator and measure word as printed, found where they stand near the quote
        indicator: unfoldFound(v, f.indicator, base), value: f.value, unit: unfoldFound(v, f.unit, base + f.qStart, base + f.qEnd), comparator: f.comparator, year: f.year,
        year_inferred: f.yearInferred, where, quote, line: start.line, column: start.column,
      };
      if (f.valueMax !== undefined) t.value_max = f.valueMax;
      this.targets.push(t);
      added.push(t);
      // messages quote the simplified reading, as they always have (the plan's fields keep the printed characters)
      const said = reading(v, quote);
      if (f.repair) this.ctx.report('target-value-repaired', start.line, `'${said}': ${f.repair}`, undefined, start.column);
      if (f.unitInferred) this.ctx.report('target-unit-inferred', start.line, `'${said}' has no measure word; read as ${f.value}${f.unit} like its list neighbours`, undefined, start.column);
      if (f.yearInferred && f.year !== null) this.ctx.report('target-year-inferred', start.line, `'${said}' has no year in reach; the plan's first horizon year ${f.year} is used`, undefined, start.column);
    }
    return added;
  }

  /** Reports the numbers that looked like targets but could not be read with certainty. */
  reportSkipped(): void {
    for (const { v, skipped } of this.pending) {
      if (!v) continue;
      for (const k of skipped) {
        // positions are relative to the scanned slice; the view's own line is precise enough for a skipped number
        const p = this.at(v, Math.min(v.norm.length, v.norm.indexOf(k.text) >= 0 ? v.norm.indexOf(k.text) : 0));
        if (k.reason === 'cut') this.ctx.report('target-cut', p.line, `the text ends at '${k.text}' before a unit or decimal part; not read as a target`, undefined, p.column);
        else this.ctx.report('target-value-unreadable', p.line, `'${k.text}' is not a valid rate and has no single repaired reading; left out`, undefined, p.column);
      }
    }
  }
}

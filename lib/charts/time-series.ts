// Counts over time: from grouped rows (one per month and series, as
// `GROUP BY date_trunc('month', date)` returns them) to the buckets a chart
// draws, with the granularity chosen from the date range. Pure.
//
// Vague dates. A date known only by its year (precision YEAR, stored as
// January 1st) counts in that year:
// - in year buckets, in its year like any other date of that year;
// - in month buckets, NOT in January (that would invent a January peak), but
//   in a bucket of its own, "2009, month unknown", drawn right after the last
//   month of that year in the range and marked as such in the chart, its
//   tooltip and its table. A date known to the month counts in its month.
// When every dated record is known only by its year, months would say
// nothing: year buckets are used whatever the range.
// Records with no date at all are in no bucket; the caller reports how many.
import type { DateBound } from "@/lib/lists/params";
import type { BarDatum } from "@/lib/charts/types";

export type Granularity = "month" | "year";

/** Month buckets up to this many months in the range (3 years); year buckets above. */
export const MONTH_GRANULARITY_MAX_MONTHS = 36;
/** The most buckets drawn; earlier ones are folded into one "before" bucket (see bucketTimeSeries). */
export const MAX_TIME_BUCKETS = 120;

/** One row of the SQL: the month of the date ("YYYY-MM", null when undated), whether it is known only by year, a series, a count. */
export type TimeCountRow = { month: string | null; yearOnly: boolean | null; series: string; n: number };

/** Months, inclusive, as "YYYY-MM". */
export type MonthRange = { start: string; end: string };

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2009-03" → months since year 0 (so that ranges are differences). */
export function monthIndex(month: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthFromIndex(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function monthLabel(month: string): string {
  const i = monthIndex(month);
  return `${MONTH_NAMES[i % 12]} ${Math.floor(i / 12)}`;
}

/** Number of months a range covers, both ends included ("2005-01".."2005-12" is 12). */
export function spanInMonths(range: MonthRange): number {
  return monthIndex(range.end) - monthIndex(range.start) + 1;
}

/** Month buckets for ranges of up to 3 years, year buckets above (or when no date is known to the month). */
export function chooseGranularity(range: MonthRange, options: { onlyYearPrecision?: boolean } = {}): Granularity {
  if (options.onlyYearPrecision) return "year";
  return spanInMonths(range) > MONTH_GRANULARITY_MAX_MONTHS ? "year" : "month";
}

/**
 * The range to draw: the filter's bounds where given, else the data's first
 * and last month; widened to keep every dated row (a date known to the month
 * or day always lies within the bounds it was filtered by; this is a guard).
 * Null when there is neither a bound nor a dated row.
 */
export function timeRange(rows: readonly TimeCountRow[], from: DateBound | null, to: DateBound | null): MonthRange | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (!r.month || r.n <= 0) continue;
    const i = monthIndex(r.month);
    lo = Math.min(lo, i);
    hi = Math.max(hi, i);
  }
  const hasData = lo !== Infinity;
  let start = from ? monthIndex(from.start) : hasData ? lo : null;
  let end = to ? monthIndex(to.end) : hasData ? hi : null;
  if (start === null && end === null) return null;
  start ??= end!;
  end ??= start;
  if (end < start) end = start;
  if (hasData) {
    // A year-precision row sits in January of a year that may begin before `from`: it stays in its year's bucket.
    for (const r of rows) {
      if (!r.month || r.n <= 0 || r.yearOnly) continue;
      const i = monthIndex(r.month);
      start = Math.min(start, i);
      end = Math.max(end, i);
    }
  }
  return { start: monthFromIndex(start), end: monthFromIndex(end) };
}

export type TimeSeries = {
  granularity: Granularity;
  /** The months the buckets cover (before folding); null when there is nothing to draw. */
  range: MonthRange | null;
  buckets: BarDatum[];
  /** Records with no date (in no bucket). */
  undated: number;
  /** Records known only by their year that sit in "month unknown" buckets (month granularity only). */
  monthUnknown: number;
  /** How many of the earliest buckets were folded into the first "before" bucket (0: none). */
  folded: number;
  /** Whether the range was narrowed to the data's first and last month to stay within MAX_TIME_BUCKETS. */
  clipped: boolean;
};

const monthUnknownKey = (year: number) => `${year}-unknown`;

type Category = { key: string; label: string; note?: string };

function monthCategories(range: MonthRange, yearsWithYearOnly: Set<number>): Category[] {
  const pending = new Set(yearsWithYearOnly);
  const out: Category[] = [];
  const s = monthIndex(range.start);
  const e = monthIndex(range.end);
  const unknown = (y: number): Category => ({ key: monthUnknownKey(y), label: `${y}, month unknown`, note: "known only by year" });
  // Years before the range (cannot happen after timeRange; a guard) come first.
  for (const y of [...pending].sort((a, b) => a - b)) {
    if (y * 12 + 11 < s) {
      out.push(unknown(y));
      pending.delete(y);
    }
  }
  for (let i = s; i <= e; i++) {
    const month = monthFromIndex(i);
    out.push({ key: month, label: monthLabel(month) });
    const y = Math.floor(i / 12);
    if ((i % 12 === 11 || i === e) && pending.has(y)) {
      out.push(unknown(y));
      pending.delete(y);
    }
  }
  for (const y of [...pending].sort((a, b) => a - b)) out.push(unknown(y));
  return out;
}

function yearCategories(startYear: number, endYear: number): Category[] {
  const out: Category[] = [];
  for (let y = startYear; y <= endYear; y++) out.push({ key: String(y), label: String(y) });
  return out;
}

/** The earliest buckets folded into one, so that at most `max` remain. */
export function foldEarliest(buckets: readonly BarDatum[], max: number): { buckets: BarDatum[]; folded: number } {
  if (max < 2) throw new Error("max must be at least 2");
  if (buckets.length <= max) return { buckets: [...buckets], folded: 0 };
  const cut = buckets.length - max + 1;
  const values: Record<string, number> = {};
  for (const b of buckets.slice(0, cut)) for (const [k, v] of Object.entries(b.values)) values[k] = (values[k] ?? 0) + v;
  const firstKept = buckets[cut]!;
  const before: BarDatum = { key: `before-${firstKept.key}`, label: `Before ${firstKept.label}`, values, note: `${cut} earlier periods together` };
  return { buckets: [before, ...buckets.slice(cut)], folded: cut };
}

/**
 * Buckets from grouped rows: granularity from the range, empty buckets
 * filled with zeros, year-only dates placed as described at the top of this
 * file, and at most `maxBuckets` buckets (the range is first narrowed to the
 * data's extent; what is still too early is folded into one "before" bucket).
 */
export function bucketTimeSeries(
  rows: readonly TimeCountRow[],
  from: DateBound | null,
  to: DateBound | null,
  options: {
    maxBuckets?: number;
    /** The granularity already chosen by the same rule (the SQL that grouped the rows did); else chosen here. */
    granularity?: Granularity;
  } = {},
): TimeSeries {
  const maxBuckets = options.maxBuckets ?? MAX_TIME_BUCKETS;
  let undated = 0;
  const dated: TimeCountRow[] = [];
  for (const r of rows) {
    if (r.n <= 0) continue;
    if (r.month === null) undated += r.n;
    else dated.push(r);
  }
  let range = timeRange(dated, from, to);
  if (!range || dated.length === 0) {
    const granularity = range ? chooseGranularity(range) : "year";
    return { granularity, range: null, buckets: [], undated, monthUnknown: 0, folded: 0, clipped: false };
  }
  const granularity = options.granularity ?? chooseGranularity(range, { onlyYearPrecision: dated.every((r) => r.yearOnly) });

  const countFor = (r: MonthRange) =>
    granularity === "year" ? Math.floor(monthIndex(r.end) / 12) - Math.floor(monthIndex(r.start) / 12) + 1 : spanInMonths(r);
  let clipped = false;
  if (countFor(range) > maxBuckets) {
    const extent = timeRange(dated, null, null)!;
    const start = Math.max(monthIndex(range.start), monthIndex(extent.start));
    const end = Math.min(monthIndex(range.end), monthIndex(extent.end));
    const narrowed = { start: monthFromIndex(Math.min(start, end)), end: monthFromIndex(Math.max(start, end)) };
    clipped = narrowed.start !== range.start || narrowed.end !== range.end;
    range = narrowed;
  }

  let monthUnknown = 0;
  const yearsWithYearOnly = new Set<number>();
  const counted = dated.map((r) => {
    const i = monthIndex(r.month!);
    const year = Math.floor(i / 12);
    if (granularity === "year") return { category: String(year), series: r.series, n: r.n };
    if (r.yearOnly) {
      monthUnknown += r.n;
      yearsWithYearOnly.add(year);
      return { category: monthUnknownKey(year), series: r.series, n: r.n };
    }
    return { category: r.month!.slice(0, 7), series: r.series, n: r.n };
  });
  const categories =
    granularity === "year"
      ? yearCategories(Math.floor(monthIndex(range.start) / 12), Math.floor(monthIndex(range.end) / 12))
      : monthCategories(range, yearsWithYearOnly);

  const byKey = new Map<string, BarDatum>();
  const buckets = categories.map((c) => {
    const d: BarDatum = { key: c.key, label: c.label, values: {}, ...(c.note ? { note: c.note } : {}) };
    byKey.set(c.key, d);
    return d;
  });
  for (const r of counted) {
    const d = byKey.get(r.category);
    if (d) d.values[r.series] = (d.values[r.series] ?? 0) + r.n;
  }
  const { buckets: capped, folded } = foldEarliest(buckets, maxBuckets);
  return { granularity, range, buckets: capped, undated, monthUnknown, folded, clipped };
}

// How a date range falls on calendar periods (months or years), for figures
// read from the rollups (prisma/rollups.sql), which count requests per month
// or per year of their date. The periods wholly inside the range are read
// from a rollup; the one or two periods the range covers only in part (it
// starts or ends inside them) are counted from the requests themselves, with
// the exact date rule. Pure.
import type { DateBound } from "@/lib/lists/params";

export type PeriodUnit = "month" | "year";

/** A period as the first day it contains and the first day after it (YYYY-MM-DD). */
export type Period = { start: string; end: string };

export type PeriodSplit = {
  /**
   * The periods wholly inside the range, by the first day of the first and
   * the last of them (null: unbounded on that side); null when there is none.
   */
  full: { first: string | null; last: string | null } | null;
  /** Periods the range covers only in part, at most two, in date order. */
  edges: Period[];
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function parts(day: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The period of `unit` that contains `day`. */
export function periodOf(day: string, unit: PeriodUnit): Period {
  const [y, m] = parts(day);
  if (unit === "year") return { start: `${pad(y, 4)}-01-01`, end: `${pad(y + 1, 4)}-01-01` };
  const next = m === 12 ? [y + 1, 1] : [y, m + 1];
  return { start: `${pad(y, 4)}-${pad(m)}-01`, end: `${pad(next[0]!, 4)}-${pad(next[1]!)}-01` };
}

/** The day before `day` (YYYY-MM-DD). */
function dayBefore(day: string): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * Splits the range [from.start, to.end] (either side open) into the periods
 * wholly inside it and those it covers in part.
 */
export function splitByPeriod(from: DateBound | null, to: DateBound | null, unit: PeriodUnit): PeriodSplit {
  const edges: Period[] = [];
  let first: string | null = null;
  let last: string | null = null;
  if (from) {
    const p = periodOf(from.start, unit);
    if (p.start === from.start) first = p.start;
    else {
      edges.push(p);
      first = p.end;
    }
  }
  if (to) {
    const p = periodOf(to.end, unit);
    if (dayBefore(p.end) === to.end) last = p.start;
    else {
      if (!edges.some((e) => e.start === p.start)) edges.push(p);
      last = periodOf(dayBefore(p.start), unit).start;
    }
  }
  const none = first !== null && last !== null && first > last;
  return { full: none ? null : { first, last }, edges };
}

/** The year of a period's first day. */
export function yearOf(day: string): number {
  return parts(day)[0];
}

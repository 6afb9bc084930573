// A concern's timeline: requests, inspections, transfer milestones and status
// changes in date order. Vague dates sort by the start of their period; a
// request known only by its year comes before one dated later that year.
// Undated events come last, in the order given. The concern's opening is
// dated by when the concern opened (its openedOn), not by when its record was
// created, and comes first on its date.
import type { DatePrecision } from "@/lib/generated/prisma/enums";

export type TimelineKind = "opening" | "request" | "inspection" | "transfer" | "status";

export type TimelineItem<T> = {
  key: string;
  kind: TimelineKind;
  date: Date | null;
  precision: DatePrecision | null;
  data: T;
};

const KIND_ORDER: Record<TimelineKind, number> = { opening: -1, transfer: 0, request: 1, inspection: 2, status: 3 };
const PRECISION_ORDER: Record<DatePrecision, number> = { YEAR: 0, MONTH: 1, DAY: 2 };

export function sortTimeline<T>(items: TimelineItem<T>[]): TimelineItem<T>[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const da = a.item.date?.getTime();
      const db = b.item.date?.getTime();
      if (da === undefined && db === undefined) return a.index - b.index;
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      if (da !== db) return da - db;
      const pa = PRECISION_ORDER[a.item.precision ?? "DAY"];
      const pb = PRECISION_ORDER[b.item.precision ?? "DAY"];
      if (pa !== pb) return pa - pb;
      const ka = KIND_ORDER[a.item.kind];
      const kb = KIND_ORDER[b.item.kind];
      return ka !== kb ? ka - kb : a.index - b.index;
    })
    .map(({ item }) => item);
}

/** Milestones of a transfer: its order year and each delivery year. */
export function transferMilestones(t: { orderYear: number | null; orderYearUncertain: boolean; deliveryYears: number[]; deliveryYearsUncertain: boolean }) {
  const at = (year: number) => new Date(Date.UTC(year, 0, 1));
  const out: { label: string; date: Date; uncertain: boolean }[] = [];
  if (t.orderYear !== null) out.push({ label: "Ordered", date: at(t.orderYear), uncertain: t.orderYearUncertain });
  for (const year of t.deliveryYears) out.push({ label: "Delivered", date: at(year), uncertain: t.deliveryYearsUncertain });
  return out;
}

/**
 * A timeline built from bounded lists (lib/db/records/related.ts), each the
 * first rows of one kind of event in date order: where a list stops short of
 * its total, later events of that kind are missing, so the timeline stops at
 * the date of the last row of the first such list (`until`, a Date: events
 * after it, and undated ones, are left out). A list that stops short among
 * its undated rows (every dated one read) cuts nothing but undated events.
 * `until` is null when nothing was cut.
 */
export function boundTimeline<T>(
  items: TimelineItem<T>[],
  partial: { last: Date | null }[],
): { items: TimelineItem<T>[]; until: Date | null; cut: boolean } {
  const sorted = sortTimeline(items);
  if (partial.length === 0) return { items: sorted, until: null, cut: false };
  const dated = partial.map((p) => p.last).filter((d): d is Date => d !== null);
  const until = dated.length ? new Date(Math.min(...dated.map((d) => d.getTime()))) : null;
  const kept = sorted.filter((i) => i.date !== null && (until === null || i.date.getTime() <= until.getTime()));
  return { items: kept, until, cut: true };
}

type StatusChange = { fromStatus: unknown; changedAt: Date };

/**
 * When a status change happened on the timeline: the opening ("Concern
 * opened", from no status) is dated by the concern's openedOn, with its
 * precision, when it has one; every other change by when it was made.
 */
export function statusChangeDate(
  change: StatusChange,
  concern: { openedOn: Date | null; openedOnPrecision: DatePrecision | null },
): { kind: "opening" | "status"; date: Date; precision: DatePrecision } {
  if (change.fromStatus === null && concern.openedOn) {
    return { kind: "opening", date: concern.openedOn, precision: concern.openedOnPrecision ?? "DAY" };
  }
  return { kind: "status", date: change.changedAt, precision: "DAY" };
}

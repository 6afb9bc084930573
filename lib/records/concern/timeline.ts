// A concern's timeline (lib/timeline.ts sorts and bounds it): requests and
// their answers, inspections, transfer milestones and status changes, the
// opening dated by when the concern opened.
import { isPartial } from "@/lib/db/records/related";
import { inspectionStatusLabel } from "@/lib/format/labels";
import type { ConcernDetail } from "@/lib/records/concern/queries";
import { boundTimeline, statusChangeDate, transferMilestones, type TimelineItem } from "@/lib/timeline";

type Request = ConcernDetail["requestLinks"]["rows"][number]["request"];
type Inspection = ConcernDetail["inspections"]["rows"][number];
type Transfer = ConcernDetail["transferLinks"]["rows"][number]["transfer"];
type ConcernStatusChange = ConcernDetail["statusChanges"]["rows"][number];
export type ConcernEvent =
  | { kind: "request"; request: Request }
  | { kind: "answer"; request: Request }
  | { kind: "inspection"; inspection: Inspection; what: string }
  | { kind: "transfer"; transfer: Transfer; label: string; uncertain: boolean; first: boolean }
  | { kind: "status"; change: ConcernStatusChange };

/** A concern's timeline, bounded as boundTimeline says. */
export function concernTimeline(concern: ConcernDetail) {
  const items: TimelineItem<ConcernEvent>[] = [];
  for (const { transfer } of concern.transferLinks.rows) {
    for (const [i, m] of transferMilestones(transfer).entries()) {
      items.push({ key: `t${transfer.id}-${i}`, kind: "transfer", date: m.date, precision: "YEAR", data: { kind: "transfer", transfer, label: m.label, uncertain: m.uncertain, first: i === 0 } });
    }
  }
  for (const { request } of concern.requestLinks.rows) {
    items.push({ key: `r${request.id}`, kind: "request", date: request.occurredOn, precision: request.occurredOnPrecision, data: { kind: "request", request } });
    // The answer is an event of its own, when it is dated (it may come months later).
    if (request.respondedOn) items.push({ key: `a${request.id}`, kind: "request", date: request.respondedOn, precision: request.respondedOnPrecision, data: { kind: "answer", request } });
  }
  for (const inspection of concern.inspections.rows) {
    const [date, precision, what] = inspection.conductedOn
      ? [inspection.conductedOn, inspection.conductedOnPrecision, "Inspection conducted"]
      : inspection.scheduledOn
        ? [inspection.scheduledOn, inspection.scheduledOnPrecision, "Inspection scheduled"]
        : [inspection.assertedOn, inspection.assertedOnPrecision, `Inspection: ${inspectionStatusLabel[inspection.status].toLowerCase()}`];
    items.push({ key: `i${inspection.id}`, kind: "inspection", date, precision, data: { kind: "inspection", inspection, what } });
  }
  for (const change of concern.statusChanges.rows) {
    const { kind, date, precision } = statusChangeDate(change, concern);
    items.push({ key: `s${change.id}`, kind, date, precision, data: { kind: "status", change } });
  }
  // Each kind was read in date order, its first rows only (lib/records/concern/queries.ts): the
  // timeline stops where the first kind that has more stops.
  const year = (y: number | null) => (y === null ? null : new Date(Date.UTC(y, 0, 1)));
  const { transferLinks: t, requestLinks: r, inspections: i, statusChanges: c } = concern;
  const partial = [
    isPartial(t) ? { last: t.rows.length ? year(t.rows.at(-1)!.transfer.orderYear) : null } : null,
    isPartial(r) ? { last: r.rows.at(-1)?.request.occurredOn ?? null } : null,
    isPartial(i) ? { last: i.rows.at(-1)?.assertedOn ?? null } : null,
    isPartial(c) ? { last: c.rows.at(-1)?.changedAt ?? null } : null,
  ].filter((p) => p !== null);
  return boundTimeline(items, partial);
}

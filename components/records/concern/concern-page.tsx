// A concern's page (/concerns/[id]) inside the record shell: its status and
// key facts in the header, its timeline (requests, transfers, inspections,
// status changes), its transfers and quotes.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { Citations } from "@/components/citations";
import { Quotes } from "@/components/quotes";
import { ConcernStatusForm } from "@/components/records/concern-status-form";
import { Fact, Section } from "@/components/record-parts";
import { RelatedMore } from "@/components/records/linked-records";
import { RecordLink } from "@/components/records/record-link";
import { RecordPage } from "@/components/records/record-page";
import { loadRecord } from "@/lib/pages/record-page";
import type { ConcernDetail } from "@/lib/records/concern/queries";
import { allowedTransitions } from "@/lib/records/concern/status";
import { displayName } from "@/lib/records/definitions";
import { isPartial, RELATED_LIMIT } from "@/lib/db/records/related";
import { formatUncertain, formatVagueDate, formatYears } from "@/lib/format/dates";
import {
  classificationLabel,
  concernCategoryLabel,
  concernCountryRoleLabel,
  concernStatusLabel,
  inspectionStatusLabel,
  labelOrUnknown,
  requestAskLabel,
  requestChannelLabel,
  requestResponseLabel,
  severityLabel,
  transferStatusLabel,
  weaponCategoryLabel,
} from "@/lib/format/labels";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import { boundTimeline, transferMilestones, type TimelineItem } from "@/lib/timeline";

const CLOSED: ConcernStatus[] = ["RESOLVED", "CLOSED_UNRESOLVED"];

type Request = ConcernDetail["requestLinks"]["rows"][number]["request"];
type Inspection = ConcernDetail["inspections"]["rows"][number];
type Transfer = ConcernDetail["transferLinks"]["rows"][number]["transfer"];
type StatusChange = ConcernDetail["statusChanges"]["rows"][number];
type Event =
  | { kind: "request"; request: Request }
  | { kind: "inspection"; inspection: Inspection; what: string }
  | { kind: "transfer"; transfer: Transfer; label: string; uncertain: boolean }
  | { kind: "status"; change: StatusChange };

function timeline(concern: ConcernDetail) {
  const items: TimelineItem<Event>[] = [];
  for (const { transfer } of concern.transferLinks.rows) {
    for (const [i, m] of transferMilestones(transfer).entries()) {
      items.push({ key: `t${transfer.id}-${i}`, kind: "transfer", date: m.date, precision: "YEAR", data: { kind: "transfer", transfer, label: m.label, uncertain: m.uncertain } });
    }
  }
  for (const { request } of concern.requestLinks.rows) {
    items.push({ key: `r${request.id}`, kind: "request", date: request.occurredOn, precision: request.occurredOnPrecision, data: { kind: "request", request } });
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
    items.push({ key: `s${change.id}`, kind: "status", date: change.changedAt, precision: "DAY", data: { kind: "status", change } });
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

export async function ConcernPage({ id }: { id: string }) {
  const { viewer, record: concern } = await loadRecord("concern", id);
  if (!concern) notFound();

  const today = new Date();
  const overdue = concern.nextReviewOn !== null && concern.nextReviewOn < today && !CLOSED.includes(concern.status);
  const deleted = concern.deletedAt !== null;
  const { items: events, until, cut } = timeline(concern);
  const more = [
    { list: concern.requestLinks, plural: "requests" },
    { list: concern.transferLinks, plural: "transfers" },
    { list: concern.inspections, plural: "inspections" },
    { list: concern.statusChanges, plural: "status changes (History)" },
  ].filter((m) => isPartial(m.list));

  return (
    <RecordPage
      type="concern"
      viewer={viewer}
      record={concern}
      badges={
        <>
          <Badge tone={CLOSED.includes(concern.status) ? "ok" : "neutral"}>Status: {concernStatusLabel[concern.status]}</Badge>
          <Badge tone={concern.severity === "HIGH" || concern.severity === "CRITICAL" ? "danger" : "neutral"}>
            Severity: {severityLabel[concern.severity]}
          </Badge>
          <Badge>{concernCategoryLabel[concern.category]}</Badge>
        </>
      }
      flags={overdue ? <Badge tone="warning">Overdue for review</Badge> : null}
      lead={
        <>
          {concern.summary ? <p className="max-w-3xl">{concern.summary}</p> : null}
          <dl className="grid max-w-4xl grid-cols-2 gap-3 sm:grid-cols-4">
            <Fact term="Open since">{formatVagueDate(concern.openedOn, concern.openedOnPrecision)}</Fact>
            <Fact term="Owner">{concern.owner?.name ?? "Nobody assigned"}</Fact>
            <Fact term="Next review">{concern.nextReviewOn ? formatVagueDate(concern.nextReviewOn, "DAY") : "Not set"}</Fact>
            <Fact term="Countries">
              {concern.countryLinks.map((l) => `${l.country.name} (${concernCountryRoleLabel[l.role].toLowerCase()})`).join(", ") || "None"}
            </Fact>
            {concern.resolvedOn ? <Fact term="Resolved or closed">{formatVagueDate(concern.resolvedOn, "DAY")}</Fact> : null}
            {concern.resolutionNote ? <Fact term="Resolution note">{concern.resolutionNote}</Fact> : null}
          </dl>
        </>
      }
      createLinks={[{ href: "/requests/new", label: "Log a lobbying attempt" }]}
      headerEnd={
        !deleted ? <ConcernStatusForm id={concern.id} version={concern.version} status={concern.status} allowed={allowedTransitions(concern.status, { actor: viewer, record: concern })} /> : null
      }
      citations="header"
    >

      <Section title="Timeline" id="timeline">
        {events.length === 0 && !cut ? <p className="text-sm">Nothing recorded yet.</p> : null}
        {cut ? (
          <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            This concern has more events than one page shows (the first {RELATED_LIMIT} of each kind): the timeline{" "}
            {until ? `stops at ${formatVagueDate(until, "DAY")}, after which not every event is read` : "leaves out the undated events"}.
            {" "}See all:{" "}
            {more.map((m, n) => (
              <span key={m.plural}>
                {n > 0 ? ", " : ""}
                <Link className="text-blue-700 underline dark:text-blue-400" href={m.list.href}>
                  {m.list.total.toLocaleString("en")} {m.plural}
                </Link>
              </span>
            ))}
            .
          </p>
        ) : null}
        <ol className="space-y-4 border-l-2 border-slate-300 pl-4 dark:border-slate-700">
          {events.map((e) => (
            <li key={e.key} className="relative">
              <span className="font-mono text-sm">{e.date ? formatVagueDate(e.date, e.precision) : "Date unknown"}</span>
              <TimelineEntry event={e.data} />
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Arms transfers" id="transfers">
        {concern.transferLinks.total === 0 ? <p className="text-sm">No transfer linked.</p> : null}
        {concern.transferLinks.rows.map(({ transfer: t }) => (
          <div key={t.id} className="rounded border border-slate-200 p-3 dark:border-slate-800">
            <h3 className="font-medium">
              <RecordLink type="transfer" record={t} />
              {t.weaponSystem ? ` (${weaponCategoryLabel[t.weaponSystem.category]})` : ""}
            </h3>
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-5">
              <Fact term="Status">{transferStatusLabel[t.status]}</Fact>
              <Fact term="Year of order">{formatUncertain(t.orderYear, t.orderYearUncertain)}</Fact>
              <Fact term="Number ordered">{formatUncertain(t.numberOrdered, t.numberOrderedUncertain)}</Fact>
              <Fact term="Number delivered">{formatUncertain(t.numberDelivered, t.numberDeliveredUncertain)}</Fact>
              <Fact term="Years of delivery">{formatYears(t.deliveryYears, t.deliveryYearsUncertain)}</Fact>
            </dl>
            {t.comments ? <p className="mt-2 text-sm">{t.comments}</p> : null}
            <Citations citations={t.citations} />
          </div>
        ))}
        <RelatedMore list={concern.transferLinks} plural="transfers" />
      </Section>

      {concern.quotes.total > 0 ? (
        <Section title="Quotes" id="quotes">
          <Quotes quotes={concern.quotes} />
        </Section>
      ) : null}
    </RecordPage>
  );
}

function TimelineEntry({ event }: { event: Event }) {
  switch (event.kind) {
    case "request": {
      const r = event.request;
      const requesting = r.actorLinks.rows.filter((a) => a.side === "REQUESTING");
      const target = r.actorLinks.rows.filter((a) => a.side === "TARGET");
      return (
        <div id={`request-${r.id}`} className="mt-1 rounded border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-baseline gap-2">
            <Badge>Request</Badge>
            <h3 className="font-medium">
              <RecordLink type="request" record={r} />
            </h3>
            <Badge tone={r.response === "REBUFFED" ? "danger" : r.response === "ACCEPTED" ? "ok" : "neutral"}>
              Response: {labelOrUnknown(requestResponseLabel, r.response)}
            </Badge>
            {r.verifiedAt ? null : <Badge tone="warning">Unverified</Badge>}
          </div>
          {r.followUpOf ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Follow-up of <a className="underline" href={`#request-${r.followUpOf.id}`}>{displayName("request", r.followUpOf)}</a>
            </p>
          ) : null}
          <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-5">
            <Fact term="From">
              {r.requestingCountry.name}
              {requesting.length ? `: ${requesting.map((a) => a.actor.name).join(", ")}` : ""}
            </Fact>
            <Fact term="To">
              {r.targetCountry.name}
              {target.length ? `: ${target.map((a) => `${a.actor.name}${a.actor.title ? `, ${a.actor.title}` : ""}`).join("; ")}` : ""}
            </Fact>
            <Fact term="Ask">{requestAskLabel[r.ask]}</Fact>
            <Fact term="Channel">{labelOrUnknown(requestChannelLabel, r.channel, "Not reported")}</Fact>
            <Fact term="Document classification">{labelOrUnknown(classificationLabel, r.classification)}</Fact>
          </dl>
          <RelatedMore list={r.actorLinks} plural="actors" />
          {r.askDetail ? <p className="mt-2 text-sm"><span className="font-semibold">Asked: </span>{r.askDetail}</p> : null}
          {r.responseSummary ? <p className="mt-1 text-sm"><span className="font-semibold">Answer: </span>{r.responseSummary}</p> : null}
          <Quotes quotes={r.quotes} />
          <Citations citations={r.citations} />
        </div>
      );
    }
    case "inspection": {
      const i = event.inspection;
      return (
        <div className="mt-1 rounded border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-baseline gap-2">
            <Badge>Inspection</Badge>
            <h3 className="font-medium">
              {event.what}: <RecordLink type="inspection" record={i} />
            </h3>
            <Badge tone={i.status === "CONDUCTED" ? "ok" : "warning"}>{inspectionStatusLabel[i.status]}</Badge>
            {i.status !== "CONDUCTED" && !i.conductedOn ? <Badge tone="warning">Never conducted</Badge> : null}
          </div>
          {i.basis ? <p className="mt-1 text-sm"><span className="font-semibold">Basis: </span>{i.basis}</p> : null}
          <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Fact term="Asserted or promised">{formatVagueDate(i.assertedOn, i.assertedOnPrecision)}</Fact>
            <Fact term="Scheduled">{i.scheduledOn ? formatVagueDate(i.scheduledOn, i.scheduledOnPrecision) : "Not scheduled"}</Fact>
            <Fact term="Conducted">{i.conductedOn ? formatVagueDate(i.conductedOn, i.conductedOnPrecision) : "Not conducted"}</Fact>
          </dl>
          {i.findings ? <p className="mt-2 text-sm"><span className="font-semibold">Findings: </span>{i.findings}</p> : null}
          <Quotes quotes={i.quotes} />
          <Citations citations={i.citations} />
        </div>
      );
    }
    case "transfer": {
      const t = event.transfer;
      return (
        <div className="mt-1 rounded border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-baseline gap-2">
            <Badge>Transfer</Badge>
            <span className="font-medium">
              {event.label}{event.uncertain ? " (estimated year)" : ""}:{" "}
              <RecordLink type="transfer" record={t} />
            </span>
          </div>
          <Citations citations={t.citations} />
        </div>
      );
    }
    case "status": {
      const s = event.change;
      return (
        <div className="mt-1 text-sm">
          <Badge>Status</Badge>{" "}
          {s.fromStatus ? `${concernStatusLabel[s.fromStatus]} → ` : ""}
          <strong>{concernStatusLabel[s.toStatus]}</strong>
          {s.changedBy ? ` by ${s.changedBy.name}` : ""}: {s.note}
        </div>
      );
    }
  }
}

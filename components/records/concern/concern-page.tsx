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
import { canEdit } from "@/lib/permissions";
import { quoted } from "@/lib/format/quotes";
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
import { concernTimeline, type ConcernEvent } from "@/lib/records/concern/timeline";
import { transferMilestones } from "@/lib/timeline";
import { ConcernSources } from "@/components/records/concern/concern-sources";
import { answerWait } from "@/lib/format/answer-wait";

const CLOSED: ConcernStatus[] = ["RESOLVED", "CLOSED_UNRESOLVED"];

type Refs = ConcernDetail["sources"]["refs"];

export async function ConcernPage({ id }: { id: string }) {
  const { viewer, record: concern } = await loadRecord("concern", id);
  if (!concern) notFound();

  const today = new Date();
  const overdue = concern.nextReviewOn !== null && concern.nextReviewOn < today && !CLOSED.includes(concern.status);
  const deleted = concern.deletedAt !== null;
  const { items: events, until, cut } = concernTimeline(concern);
  const refs = concern.sources.refs;
  const shownInTimeline = new Set(
    events.flatMap((e) => (e.data.kind === "request" ? e.data.request.quotes.rows : e.data.kind === "inspection" ? e.data.inspection.quotes.rows : []).map((q) => q.id)),
  );
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
      // The concern's own citations are listed with every other on the page, by source (Sources, below).
      record={{ ...concern, citations: undefined }}
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
          <dl className="flex flex-wrap gap-x-8 gap-y-2">
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
    >

      {/* Wide screens: the events on the left, the evidence (sources, each once, and quotes) beside them. */}
      <div className="grid gap-x-8 gap-y-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="min-w-0 space-y-6">
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
              <TimelineEntry event={e.data} refs={refs} />
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Arms transfers" id="transfers">
        {concern.transferLinks.total === 0 ? <p className="text-sm">No transfer linked.</p> : null}
        {/* A transfer with a year is described at its first milestone in the timeline; one without, here. */}
        <ul className="space-y-2">
          {concern.transferLinks.rows.map(({ transfer: t }) => {
            const first = transferMilestones(t)[0];
            return (
              <li key={t.id} className={first ? "text-sm" : "rounded border border-slate-200 p-3 dark:border-slate-800"}>
                {first ? (
                  <>
                    <RecordLink type="transfer" record={t} />
                    {t.weaponSystem ? ` (${weaponCategoryLabel[t.weaponSystem.category]})` : ""}: {transferStatusLabel[t.status].toLowerCase()};{" "}
                    <a className="text-blue-700 underline dark:text-blue-400" href={`#transfer-${t.id}`}>in the timeline, {formatVagueDate(first.date, "YEAR")}</a>
                  </>
                ) : (
                  <TransferDetails transfer={t} refs={refs} />
                )}
              </li>
            );
          })}
        </ul>
        <RelatedMore list={concern.transferLinks} plural="transfers" />
      </Section>

      </div>
      <div className="min-w-0 space-y-6">
        <ConcernSources concern={concern} canCite={!deleted && canEdit(viewer, concern)} />
        {concern.quotes.total > 0 ? (
          <Section title="Quotes" id="quotes">
            {/* A quote the timeline already shows in full is not repeated. */}
            <Quotes
              quotes={{
                ...concern.quotes,
                rows: concern.quotes.rows.filter((q) => !shownInTimeline.has(q.id)),
                total: concern.quotes.total - concern.quotes.rows.filter((q) => shownInTimeline.has(q.id)).length,
              }}
              refs={refs}
            />
            {concern.quotes.rows.some((q) => shownInTimeline.has(q.id)) ? (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                Also about this concern, shown in the timeline:{" "}
                {concern.quotes.rows.filter((q) => shownInTimeline.has(q.id)).map((q, n) => (
                  <span key={q.id}>{n > 0 ? "; " : ""}<Link className="text-blue-700 underline dark:text-blue-400" href={`/quotes/${q.id}`}>{quoted(q.text.length > 50 ? `${q.text.slice(0, 50)}…` : q.text)}</Link></span>
                ))}
              </p>
            ) : null}
          </Section>
        ) : null}

      </div>
      </div>
    </RecordPage>
  );
}

function TimelineEntry({ event, refs }: { event: ConcernEvent; refs: Refs }) {
  switch (event.kind) {
    case "request": {
      const r = event.request;
      const requesting = r.actorLinks.rows.filter((a) => a.side === "REQUESTING");
      const target = r.actorLinks.rows.filter((a) => a.side === "TARGET");
      return (
        <div id={`request-${r.id}`} className="mt-1 rounded border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-baseline gap-2">
            <h3 className="font-medium">
              <Badge>Request</Badge> <RecordLink type="request" record={r} />
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
          <dl className="mt-2 flex flex-wrap gap-x-8 gap-y-2">
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
          {r.responseSummary && !r.respondedOn ? <p className="mt-1 text-sm"><span className="font-semibold">Answer: </span>{r.responseSummary}</p> : null}
          <Quotes quotes={r.quotes} refs={refs} columns />
          <Citations citations={r.citations} refs={refs} />
        </div>
      );
    }
    case "answer": {
      const r = event.request;
      const wait = answerWait({ date: r.occurredOn, precision: r.occurredOnPrecision }, { date: r.respondedOn, precision: r.respondedOnPrecision });
      return (
        <div id={`answer-${r.id}`} className="mt-1 rounded border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-baseline gap-2">
            <Badge>Answer</Badge>
            <h3 className="font-medium">
              {labelOrUnknown(requestResponseLabel, r.response)}: answer to <a className="underline" href={`#request-${r.id}`}>{displayName("request", r)}</a>
            </h3>
            {wait ? <span className="text-sm text-slate-600 dark:text-slate-400">{wait}</span> : null}
          </div>
          {r.responseSummary ? <p className="mt-1 text-sm">{r.responseSummary}</p> : null}
        </div>
      );
    }
    case "inspection": {
      const i = event.inspection;
      return (
        <div className="mt-1 rounded border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-baseline gap-2">
            <h3 className="font-medium">
              <Badge>Inspection</Badge> {event.what}: <RecordLink type="inspection" record={i} />
            </h3>
            <Badge tone={i.status === "CONDUCTED" ? "ok" : "warning"}>{inspectionStatusLabel[i.status]}</Badge>
            {i.status !== "CONDUCTED" && !i.conductedOn ? <Badge tone="warning">Never conducted</Badge> : null}
          </div>
          {i.basis ? <p className="mt-1 text-sm"><span className="font-semibold">Basis: </span>{i.basis}</p> : null}
          <dl className="mt-2 flex flex-wrap gap-x-8 gap-y-2">
            <Fact term="Asserted or promised">{formatVagueDate(i.assertedOn, i.assertedOnPrecision)}</Fact>
            <Fact term="Scheduled">{i.scheduledOn ? formatVagueDate(i.scheduledOn, i.scheduledOnPrecision) : "Not scheduled"}</Fact>
            <Fact term="Conducted">{i.conductedOn ? formatVagueDate(i.conductedOn, i.conductedOnPrecision) : "Not conducted"}</Fact>
          </dl>
          {i.findings ? <p className="mt-2 text-sm"><span className="font-semibold">Findings: </span>{i.findings}</p> : null}
          <Quotes quotes={i.quotes} refs={refs} />
          <Citations citations={i.citations} refs={refs} />
        </div>
      );
    }
    case "transfer": {
      const t = event.transfer;
      return (
        <div id={event.first ? `transfer-${t.id}` : undefined} className="mt-1 rounded border border-slate-200 p-3 dark:border-slate-800">
          <div className="flex flex-wrap items-baseline gap-2">
            <Badge>Transfer</Badge>
            <span className="font-medium">
              {event.label}{event.uncertain ? " (estimated year)" : ""}:{" "}
              <RecordLink type="transfer" record={t} />
            </span>
          </div>
          {event.first ? <TransferDetails transfer={t} refs={refs} facts /> : null}
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

/** A transfer's facts and sources, once: at its first milestone in the timeline, or in the list of transfers. */
function TransferDetails({ transfer: t, refs, facts = false }: { transfer: Extract<ConcernEvent, { kind: "transfer" }>["transfer"]; refs: Refs; facts?: boolean }) {
  return (
    <>
      {facts ? null : (
        <h3 className="font-medium">
          <RecordLink type="transfer" record={t} />
          {t.weaponSystem ? ` (${weaponCategoryLabel[t.weaponSystem.category]})` : ""}
        </h3>
      )}
      <dl className="mt-2 flex flex-wrap gap-x-8 gap-y-2">
        {t.weaponSystem ? <Fact term="Weapon category">{weaponCategoryLabel[t.weaponSystem.category]}</Fact> : null}
        <Fact term="Status">{transferStatusLabel[t.status]}</Fact>
        <Fact term="Year of order">{formatUncertain(t.orderYear, t.orderYearUncertain)}</Fact>
        <Fact term="Number ordered">{formatUncertain(t.numberOrdered, t.numberOrderedUncertain)}</Fact>
        <Fact term="Number delivered">{formatUncertain(t.numberDelivered, t.numberDeliveredUncertain)}</Fact>
        <Fact term="Years of delivery">{formatYears(t.deliveryYears, t.deliveryYearsUncertain)}</Fact>
      </dl>
      {t.comments ? <p className="mt-2 text-sm">{t.comments}</p> : null}
      <Citations citations={t.citations} refs={refs} />
    </>
  );
}

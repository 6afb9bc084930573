import "server-only";
import { getDb } from "@/lib/db/client";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NESTED_LIMIT, related, relatedArgs, withRelated } from "@/lib/db/records/related";
import { citationArgs, citationsOfRecordHref, quotesHref, quotesWithCitations, relatedCitations, type CitationRow } from "@/lib/db/records/sources";
import { readableBy, redactInvisible, visibilityFields, visibleTo, type Viewer } from "@/lib/db/visibility";

/** "Unresolved" is the dashboard's main question. */
export const UNRESOLVED_STATUSES: ConcernStatus[] = ["OPEN", "MONITORING"];

const countrySelect = { id: true, name: true, alpha2: true, alpha3: true } satisfies Prisma.CountrySelect;

export async function listUnresolvedConcerns(viewer: Viewer) {
  const readable = readableBy(viewer);
  const rows = await getDb().concern.findMany({
    where: { ...readable, status: { in: UNRESOLVED_STATUSES } },
    orderBy: [{ openedOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      category: true,
      severity: true,
      status: true,
      openedOn: true,
      openedOnPrecision: true,
      nextReviewOn: true,
      ...visibilityFields,
      countryLinks: { select: { role: true, country: { select: countrySelect } } },
      _count: { select: { requestLinks: { where: { request: readable } } } },
    },
  });
  return redactInvisible(viewer, rows);
}

/**
 * A concern's page: the concern, its timeline (requests and answers,
 * inspections, transfer milestones, status changes), its transfers, quotes
 * and sources. Every list is bounded (lib/db/records/related.ts): the first
 * RELATED_LIMIT of each kind of event in date order (lib/timeline.ts cuts
 * the timeline where the first bounded kind ends, so that what it shows is
 * complete up to that date), and NESTED_LIMIT of the quotes, sources and
 * actors within each event, each with its total and the list of all of them.
 */
export async function getConcern(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const db = getDb();
  const readable = readableBy(viewer);
  // Deleted concerns are shown (for restoring) only when asked for.
  const visibleOnly = visibleTo(viewer);
  const citations = relatedCitations(readable, "concern", id);
  const quotes = quotesWithCitations(readable);
  const nestedQuotes = quotesWithCitations(readable, NESTED_LIMIT);
  const nestedCitations = relatedArgs(citationArgs(readable), NESTED_LIMIT);
  const statusChanges = relatedArgs({
    where: {},
    orderBy: [{ changedAt: "asc" as const }, { id: "asc" as const }],
    select: { id: true, fromStatus: true, toStatus: true, note: true, changedAt: true, changedBy: { select: { name: true } } },
  });
  const transfers = relatedArgs({
    where: { transfer: readable },
    orderBy: [{ transfer: { orderYear: { sort: "asc" as const, nulls: "last" as const } } }, { transferId: "asc" as const }],
    select: {
      transfer: {
        select: {
          id: true,
          status: true,
          numberOrdered: true,
          numberOrderedUncertain: true,
          numberDelivered: true,
          numberDeliveredUncertain: true,
          orderYear: true,
          orderYearUncertain: true,
          deliveryYears: true,
          deliveryYearsUncertain: true,
          comments: true,
          supplier: { select: countrySelect },
          recipient: { select: countrySelect },
          weaponSystem: { select: { id: true, name: true, designation: true, category: true, ...visibilityFields } },
          citations: nestedCitations.rows,
          _count: { select: { citations: nestedCitations.count } },
          ...visibilityFields,
        },
      },
    },
  });
  const actors = relatedArgs(
    {
      where: { actor: readable },
      orderBy: [{ side: "asc" as const }, { actorId: "asc" as const }],
      select: { side: true, actor: { select: { id: true, name: true, title: true, ...visibilityFields } } },
    },
    NESTED_LIMIT,
  );
  const requests = relatedArgs({
    where: { request: readable },
    orderBy: [{ request: { occurredOn: { sort: "asc" as const, nulls: "last" as const } } }, { requestId: "asc" as const }],
    select: {
      request: {
        select: {
          id: true,
          title: true,
          occurredOn: true,
          occurredOnPrecision: true,
          verifiedAt: true,
          channel: true,
          ask: true,
          askDetail: true,
          response: true,
          responseSummary: true,
          classification: true,
          requestingCountry: { select: countrySelect },
          targetCountry: { select: countrySelect },
          followUpOf: { select: { id: true, title: true, deletedAt: true, ...visibilityFields } },
          actorLinks: actors.rows,
          quotes: nestedQuotes.rows,
          citations: nestedCitations.rows,
          _count: { select: { actorLinks: actors.count, quotes: nestedQuotes.count, citations: nestedCitations.count } },
          ...visibilityFields,
        },
      },
    },
  });
  const concern = await db.concern.findFirst({
    where: { id, ...(options.includeDeleted ? visibleOnly : readable) },
    select: {
      id: true,
      title: true,
      summary: true,
      category: true,
      severity: true,
      status: true,
      openedOn: true,
      openedOnPrecision: true,
      resolvedOn: true,
      resolutionNote: true,
      nextReviewOn: true,
      ...visibilityFields,
      version: true,
      deletedAt: true,
      verifiedAt: true,
      verifiedBy: { select: { name: true } },
      createdBy: { select: { name: true } },
      owner: { select: { id: true, name: true } },
      countryLinks: { select: { role: true, country: { select: countrySelect } } },
      citations: citations.rows,
      quotes: quotes.rows,
      statusChanges: statusChanges.rows,
      transferLinks: transfers.rows,
      requestLinks: requests.rows,
      _count: {
        select: {
          citations: citations.count, quotes: quotes.count, statusChanges: statusChanges.count,
          transferLinks: transfers.count, requestLinks: requests.count,
        },
      },
    },
  });
  if (!concern) return null;

  // Inspections are linked to the concern through its transfers (those the viewer may read).
  const inspections = relatedArgs({
    where: { ...readable, transfer: { ...readable, concernLinks: { some: { concernId: id } } } },
    orderBy: [{ assertedOn: { sort: "asc" as const, nulls: "last" as const } }, { id: "asc" as const }],
    select: {
      id: true,
      status: true,
      basis: true,
      findings: true,
      inspectingParty: true,
      assertedOn: true,
      assertedOnPrecision: true,
      scheduledOn: true,
      scheduledOnPrecision: true,
      conductedOn: true,
      conductedOnPrecision: true,
      hostCountry: { select: countrySelect },
      inspectingCountry: { select: countrySelect },
      weaponSystem: { select: { id: true, name: true, ...visibilityFields } },
      quotes: nestedQuotes.rows,
      citations: nestedCitations.rows,
      _count: { select: { quotes: nestedQuotes.count, citations: nestedCitations.count } },
      ...visibilityFields,
    },
  });
  const [inspectionRows, inspectionCount] = await Promise.all([db.inspection.findMany(inspections.rows), db.inspection.count(inspections.count)]);

  const c = redactInvisible(viewer, concern);
  const nestedHref = (type: "transfer" | "request" | "inspection", recordId: number) => citationsOfRecordHref(type, recordId);
  const result = withRelated(
    {
      ...c,
      quotes: quotes.bound(c.quotes),
      transferLinks: c.transferLinks.map((l) => ({ ...l, transfer: withRelated(l.transfer, { citations: nestedHref("transfer", l.transfer.id) }) })),
      requestLinks: c.requestLinks.map((l) => {
        const r = l.request;
        // A deleted request is gone for its follow-ups too.
        const followUpOf = r.followUpOf?.deletedAt ? null : r.followUpOf;
        const bounded = withRelated({ ...r, followUpOf, quotes: nestedQuotes.bound(r.quotes) }, {
          actorLinks: `/actors?request=${r.id}`,
          quotes: quotesHref("request", r.id),
          citations: nestedHref("request", r.id),
        });
        return { ...l, request: bounded };
      }),
    },
    {
      citations: citations.href,
      quotes: quotesHref("concern", id),
      statusChanges: `/history/concern/${id}`,
      transferLinks: `/transfers?concern=${id}&sort=year&dir=asc`,
      requestLinks: `/requests?concern=${id}&sort=date&dir=asc`,
    },
  );
  const inspectionList = related(
    redactInvisible(viewer, inspectionRows).map((i) =>
      withRelated({ ...i, quotes: nestedQuotes.bound(i.quotes) }, { quotes: quotesHref("inspection", i.id), citations: nestedHref("inspection", i.id) }),
    ),
    inspectionCount,
    `/inspections?concern=${id}`,
  );
  return { ...result, inspections: inspectionList };
}

export type ConcernDetail = NonNullable<Awaited<ReturnType<typeof getConcern>>>;
export type ConcernCitation = CitationRow;

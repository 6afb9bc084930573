import "server-only";
import { getDb } from "@/lib/db/client";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { NESTED_LIMIT } from "@/lib/db/records/related";
import { relatedOf, relatedPerParent } from "@/lib/db/records/related-db";
import { citationsOf, citationsOfRecordHref, hideDeletedLinks, citationsSpec, fetchCitations, quotesWithCitations, type CitationRow } from "@/lib/records/source/queries";
import { actorsOfRequests } from "@/lib/records/request/queries";
import { readableBy, readableSql, redactInvisible, visibilityFields, visibleTo, type Viewer } from "@/lib/db/visibility";
import { inspectionNameSelect, transferNameSelect } from "@/lib/db/records/names";
import { passageKey } from "@/lib/format/quotes";
import type { Related } from "@/lib/db/records/related";

/** "Unresolved" is the dashboard's main question. */
export const UNRESOLVED_STATUSES: ConcernStatus[] = ["OPEN", "MONITORING"];

const { sql } = Prisma;

const countrySelect = { id: true, name: true, alpha2: true, alpha3: true } satisfies Prisma.CountrySelect;

/** The oldest unresolved concerns, at most `limit` of them (every list is bounded). */
export async function listUnresolvedConcerns(viewer: Viewer, limit = 100) {
  const readable = readableBy(viewer);
  const rows = await getDb().concern.findMany({
    where: { ...readable, status: { in: UNRESOLVED_STATUSES } },
    orderBy: [{ openedOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: Math.min(Math.max(1, limit), 500),
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
 * and sources. Every list is bounded (lib/db/records/related.ts), its first
 * rows read on their own (lib/db/records/related-db.ts): the first
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
    },
  });
  if (!concern) return null;

  const citationsPer = (target: "transfer" | "request" | "inspection", ids: number[]) =>
    relatedPerParent(citationsSpec(viewer, target), ids, NESTED_LIMIT, fetchCitations(viewer), (recordId) => citationsOfRecordHref(target, recordId));

  const [citations, quotes, statusChanges, transfers, requests, inspections] = await Promise.all([
    citationsOf(viewer, "concern", id),
    quotesWithCitations(viewer, "concernId", [id]).then((m) => m.get(id)!),
    relatedOf(
      { from: sql`"ConcernStatusChange" x`, parent: `x."concernId"`, id: "x.id", where: sql`TRUE`, order: `x."changedAt" ASC, x.id ASC` },
      id,
      (ids) =>
        db.concernStatusChange.findMany({
          where: { id: { in: ids } },
          select: { id: true, fromStatus: true, toStatus: true, note: true, changedAt: true, changedBy: { select: { name: true } } },
        }),
      `/history/concern/${id}`,
    ),
    relatedOf(
      {
        from: sql`"ConcernTransfer" l JOIN "ArmsTransfer" x ON x.id = l."transferId"`,
        parent: `l."concernId"`,
        id: "x.id",
        where: readableSql(viewer, "x"),
        order: `x."orderYear" ASC NULLS LAST, x.id ASC`,
      },
      id,
      (ids) =>
        db.armsTransfer.findMany({
          where: { id: { in: ids } },
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
            ...transferNameSelect,
            weaponSystem: { select: { id: true, name: true, designation: true, category: true, deletedAt: true, ...visibilityFields } },
            ...visibilityFields,
          },
        }),
      `/transfers?concern=${id}&sort=year&dir=asc`,
    ),
    relatedOf(
      {
        from: sql`"RequestConcern" l JOIN "DiplomaticRequest" x ON x.id = l."requestId"`,
        parent: `l."concernId"`,
        id: "x.id",
        where: readableSql(viewer, "x"),
        order: `x."occurredOn" ASC NULLS LAST, x.id ASC`,
      },
      id,
      (ids) =>
        db.diplomaticRequest.findMany({
          where: { id: { in: ids } },
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
            respondedOn: true,
            respondedOnPrecision: true,
            classification: true,
            requestingCountry: { select: countrySelect },
            targetCountry: { select: countrySelect },
            followUpOf: { select: { id: true, title: true, deletedAt: true, ...visibilityFields } },
            ...visibilityFields,
          },
        }),
      `/requests?concern=${id}&sort=date&dir=asc`,
    ),
    // Inspections are linked to the concern through its transfers (those the viewer may read).
    relatedOf(
      {
        from: sql`"Inspection" x JOIN "ArmsTransfer" t ON t.id = x."transferId" JOIN "ConcernTransfer" l ON l."transferId" = t.id`,
        parent: `l."concernId"`,
        id: "x.id",
        where: sql`${readableSql(viewer, "x")} AND ${readableSql(viewer, "t")}`,
        order: `x."assertedOn" ASC NULLS LAST, x.id ASC`,
      },
      id,
      (ids) =>
        db.inspection.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            status: true,
            basis: true,
            findings: true,
            ...inspectionNameSelect,
            assertedOn: true,
            assertedOnPrecision: true,
            scheduledOn: true,
            scheduledOnPrecision: true,
            conductedOn: true,
            conductedOnPrecision: true,
            ...visibilityFields,
          },
        }),
      `/inspections?concern=${id}`,
    ),
  ]);

  // What each event holds: its first sources, quotes (with theirs) and actors.
  const transferIds = transfers.rows.map((t) => t.id);
  const requestIds = requests.rows.map((r) => r.id);
  const inspectionIds = inspections.rows.map((i) => i.id);
  const [transferCitations, requestCitations, requestQuotes, requestActors, inspectionCitations, inspectionQuotes] = await Promise.all([
    citationsPer("transfer", transferIds),
    citationsPer("request", requestIds),
    quotesWithCitations(viewer, "requestId", requestIds, NESTED_LIMIT),
    actorsOfRequests(viewer, requestIds, NESTED_LIMIT),
    citationsPer("inspection", inspectionIds),
    quotesWithCitations(viewer, "inspectionId", inspectionIds, NESTED_LIMIT),
  ]);

  // Deleted links nulled (a deleted weapon system of a transfer is "not shown", as in the pickers).
  const detail = hideDeletedLinks(redactInvisible(viewer, {
    ...concern,
    citations,
    quotes,
    statusChanges,
    transferLinks: { ...transfers, rows: transfers.rows.map((t) => ({ transfer: { ...t, citations: transferCitations.get(t.id)! } })) },
    requestLinks: {
      ...requests,
      rows: requests.rows.map((r) => ({
        request: {
          ...r,
          // A deleted request is gone for its follow-ups too.
          followUpOf: r.followUpOf?.deletedAt ? null : r.followUpOf,
          actorLinks: requestActors.get(r.id)!,
          quotes: requestQuotes.get(r.id)!,
          citations: requestCitations.get(r.id)!,
        },
      })),
    },
    inspections: {
      ...inspections,
      rows: inspections.rows.map((i) => ({ ...i, quotes: inspectionQuotes.get(i.id)!, citations: inspectionCitations.get(i.id)! })),
    },
  }));
  return { ...detail, sources: groupCitations(detail) };
}

/** What cites a passage on the concern's page: the concern itself, or one record of its timeline. */
export type Citer =
  | { type: "concern"; id: number }
  | { type: "request" | "transfer" | "inspection"; id: number; record: { id: number } }
  | { type: "quote"; id: number; text: string };

/** One source the page cites, once, with each distinct passage once and what cites it. */
export type SourceGroup = {
  source: CitationRow["source"];
  passages: { n: number; anchor: string; passage: string | null; citedBy: { citer: Citer; citation: CitationRow }[] }[];
};

/** Where the compact reference to a citation points: its source's group and passage number. */
export type CitationRef = { sourceId: number; n: number; anchor: string };

type Grouped = { groups: SourceGroup[]; refs: Record<number, CitationRef> };

type Citing = {
  citations: Related<CitationRow>;
  requestLinks: { rows: { request: { id: number; citations: Related<CitationRow>; quotes: Related<{ id: number; text: string; citations: Related<CitationRow> }> } }[] };
  transferLinks: { rows: { transfer: { id: number; citations: Related<CitationRow> } }[] };
  inspections: { rows: { id: number; citations: Related<CitationRow>; quotes: Related<{ id: number; text: string; citations: Related<CitationRow> }> }[] };
  quotes: Related<{ id: number; text: string; citations: Related<CitationRow> }>;
};

/**
 * Every citation the concern's page shows, grouped by source (in the order
 * first cited) and, within a source, by passage (the same words, whatever
 * quotation marks they were stored with, are one passage, numbered from 1):
 * the page shows each passage once, with what cites it, and the timeline
 * refers to it by number.
 */
export function groupCitations(c: { id: number } & Citing): Grouped {
  const groups = new Map<number, SourceGroup & { keys: Map<string, number> }>();
  const refs: Record<number, CitationRef> = {};
  const add = (citer: Citer, list: Related<CitationRow>) => {
    for (const citation of list.rows) {
      const s = citation.source;
      let g = groups.get(s.id);
      if (!g) groups.set(s.id, (g = { source: s, passages: [], keys: new Map() }));
      const key = citation.passage?.trim() ? passageKey(citation.passage) : "";
      let n = g.keys.get(key);
      if (n === undefined) {
        n = g.passages.length + 1;
        g.keys.set(key, n);
        g.passages.push({ n, anchor: `source-${s.id}-passage-${n}`, passage: key ? citation.passage : null, citedBy: [] });
      }
      const p = g.passages[n - 1]!;
      if (!p.citedBy.some((x) => x.citation.id === citation.id)) p.citedBy.push({ citer, citation });
      refs[citation.id] = { sourceId: s.id, n, anchor: p.anchor };
    }
  };
  const quote = (q: { id: number; text: string; citations: Related<CitationRow> }) => add({ type: "quote", id: q.id, text: q.text }, q.citations);
  add({ type: "concern", id: c.id }, c.citations);
  for (const { request: r } of c.requestLinks.rows) {
    add({ type: "request", id: r.id, record: r }, r.citations);
    r.quotes.rows.forEach(quote);
  }
  for (const { transfer: t } of c.transferLinks.rows) add({ type: "transfer", id: t.id, record: t }, t.citations);
  for (const i of c.inspections.rows) {
    add({ type: "inspection", id: i.id, record: i }, i.citations);
    i.quotes.rows.forEach(quote);
  }
  c.quotes.rows.forEach(quote);
  return { groups: [...groups.values()].map((g) => ({ source: g.source, passages: g.passages })), refs };
}

export type ConcernDetail = NonNullable<Awaited<ReturnType<typeof getConcern>>>;
export type ConcernCitation = CitationRow;

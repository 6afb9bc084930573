import "server-only";
import { getDb } from "@/lib/db/client";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readableBy, redactInvisible, visibilityFields, visibleTo, type Viewer } from "@/lib/db/visibility";

/** "Unresolved" is the dashboard's main question. */
export const UNRESOLVED_STATUSES: ConcernStatus[] = ["OPEN", "MONITORING"];

const countrySelect = { id: true, name: true, alpha2: true, alpha3: true } satisfies Prisma.CountrySelect;

const citationSelectBase = {
  id: true,
  passage: true,
  note: true,
  credibility: true,
  source: {
    select: {
      id: true,
      kind: true,
      title: true,
      author: true,
      publishedOn: true,
      publishedOnPrecision: true,
      classification: true,
      reliability: true,
      url: true,
      ...visibilityFields,
    },
  },
} satisfies Prisma.CitationSelect;

/** Selects and filters that depend on who is looking. */
function selects(viewer: Viewer) {
  const readable = readableBy(viewer);
  const citations = {
    where: { source: readable },
    select: citationSelectBase,
    orderBy: { id: "asc" },
  } satisfies Prisma.Concern$citationsArgs;
  const quotes = {
    where: readable,
    orderBy: { id: "asc" },
    select: {
      id: true,
      text: true,
      speakerLabel: true,
      saidOn: true,
      saidOnPrecision: true,
      context: true,
      ...visibilityFields,
      speaker: { select: { id: true, name: true, title: true, ...visibilityFields } },
      citations,
    },
  } satisfies Prisma.Concern$quotesArgs;
  return { readable, citations, quotes };
}

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

export async function getConcern(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const db = getDb();
  const { readable, citations, quotes } = selects(viewer);
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
      citations,
      quotes,
      statusChanges: {
        orderBy: { changedAt: "asc" },
        select: { id: true, fromStatus: true, toStatus: true, note: true, changedAt: true, changedBy: { select: { name: true } } },
      },
      transferLinks: {
        where: { transfer: readable },
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
              citations,
              ...visibilityFields,
            },
          },
        },
      },
      requestLinks: {
        where: { request: readable },
        orderBy: { request: { occurredOn: "asc" } },
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
              actorLinks: {
                where: { actor: readable },
                select: { side: true, actor: { select: { id: true, name: true, title: true, ...visibilityFields } } },
              },
              quotes,
              citations,
              ...visibilityFields,
            },
          },
        },
      },
    },
  });
  if (!concern) return null;

  // Inspections are linked to the concern through its transfers.
  const transferIds = concern.transferLinks.map((l) => l.transfer.id);
  const inspections = transferIds.length
    ? await db.inspection.findMany({
        where: { ...readable, transferId: { in: transferIds } },
        orderBy: { id: "asc" },
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
          quotes: { where: readable, select: quotes.select, orderBy: { id: "asc" } },
          citations: { where: citations.where, select: citations.select, orderBy: { id: "asc" } },
          ...visibilityFields,
        },
      })
    : [];

  const result = redactInvisible(viewer, { ...concern, inspections });
  // A deleted request is gone for its follow-ups too.
  for (const link of result.requestLinks) {
    if (link.request.followUpOf?.deletedAt) link.request.followUpOf = null;
  }
  return result;
}

export type ConcernDetail = NonNullable<Awaited<ReturnType<typeof getConcern>>>;
export type ConcernCitation = ConcernDetail["citations"][number];

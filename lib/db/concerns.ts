import "server-only";
import { getDb } from "@/lib/db/client";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

/** "Unresolved" is the dashboard's main question. */
export const UNRESOLVED_STATUSES: ConcernStatus[] = ["OPEN", "MONITORING"];

const live = { deletedAt: null } as const;

const countrySelect = { id: true, name: true, alpha2: true, alpha3: true } satisfies Prisma.CountrySelect;

const citationSelect = {
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
    },
  },
} satisfies Prisma.CitationSelect;

const quoteSelect = {
  id: true,
  text: true,
  speakerLabel: true,
  saidOn: true,
  saidOnPrecision: true,
  context: true,
  speaker: { select: { id: true, name: true, title: true } },
  citations: { select: citationSelect, orderBy: { id: "asc" } },
} satisfies Prisma.QuoteSelect;

export async function listUnresolvedConcerns() {
  return getDb().concern.findMany({
    where: { ...live, status: { in: UNRESOLVED_STATUSES } },
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
      countryLinks: { select: { role: true, country: { select: countrySelect } } },
      _count: { select: { requestLinks: { where: { request: live } } } },
    },
  });
}

export async function getConcern(id: number) {
  const db = getDb();
  const concern = await db.concern.findFirst({
    where: { id, ...live },
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
      owner: { select: { id: true, name: true } },
      countryLinks: { select: { role: true, country: { select: countrySelect } } },
      citations: { select: citationSelect, orderBy: { id: "asc" } },
      quotes: { where: live, select: quoteSelect, orderBy: { id: "asc" } },
      statusChanges: {
        orderBy: { changedAt: "asc" },
        select: { id: true, fromStatus: true, toStatus: true, note: true, changedAt: true, changedBy: { select: { name: true } } },
      },
      transferLinks: {
        where: { transfer: live },
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
              weaponSystem: { select: { id: true, name: true, designation: true, category: true } },
              citations: { select: citationSelect, orderBy: { id: "asc" } },
            },
          },
        },
      },
      requestLinks: {
        where: { request: live },
        orderBy: { request: { occurredOn: "asc" } },
        select: {
          request: {
            select: {
              id: true,
              title: true,
              occurredOn: true,
              occurredOnPrecision: true,
              channel: true,
              ask: true,
              askDetail: true,
              response: true,
              responseSummary: true,
              classification: true,
              requestingCountry: { select: countrySelect },
              targetCountry: { select: countrySelect },
              followUpOf: { select: { id: true, title: true } },
              actorLinks: { select: { side: true, actor: { select: { id: true, name: true, title: true } } } },
              quotes: { where: live, select: quoteSelect, orderBy: { id: "asc" } },
              citations: { select: citationSelect, orderBy: { id: "asc" } },
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
        where: { ...live, transferId: { in: transferIds } },
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
          weaponSystem: { select: { id: true, name: true } },
          quotes: { where: live, select: quoteSelect, orderBy: { id: "asc" } },
          citations: { select: citationSelect, orderBy: { id: "asc" } },
        },
      })
    : [];

  return { ...concern, inspections };
}

export type ConcernDetail = NonNullable<Awaited<ReturnType<typeof getConcern>>>;
export type ConcernCitation = ConcernDetail["citations"][number];

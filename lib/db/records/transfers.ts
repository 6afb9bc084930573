import "server-only";
// A transfer's page: the deal, and the concerns, requests, inspections and
// quotes linked to it, with its sources; each list bounded
// (lib/db/records/related.ts).
import { getDb } from "@/lib/db/client";
import { relatedArgs, withRelated } from "@/lib/db/records/related";
import { countrySelect, hideDeletedLinks, quoteArgs, quotesHref, recordMetaSelect, recordWhere, relatedCitations } from "@/lib/db/records/sources";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";

export async function getTransfer(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const concerns = relatedArgs({
    where: { concern: readable },
    orderBy: { concernId: "asc" as const },
    select: { concern: { select: { id: true, title: true, status: true, severity: true, ...visibilityFields } } },
  });
  const requests = relatedArgs({
    where: { request: readable },
    orderBy: [{ request: { occurredOn: { sort: "asc" as const, nulls: "last" as const } } }, { requestId: "asc" as const }],
    select: {
      request: {
        select: {
          id: true, title: true, occurredOn: true, occurredOnPrecision: true, ask: true, response: true, ...visibilityFields,
          requestingCountry: { select: countrySelect }, targetCountry: { select: countrySelect },
        },
      },
    },
  });
  const inspections = relatedArgs({
    where: readable,
    orderBy: { id: "asc" as const },
    select: {
      id: true, status: true, inspectingParty: true, ...visibilityFields,
      hostCountry: { select: countrySelect }, inspectingCountry: { select: countrySelect },
      assertedOn: true, assertedOnPrecision: true, scheduledOn: true, scheduledOnPrecision: true,
      conductedOn: true, conductedOnPrecision: true,
    },
  });
  const quotes = relatedArgs(quoteArgs(readable));
  const citations = relatedCitations(readable, "transfer", id);
  const t = await getDb().armsTransfer.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      status: true,
      numberOrdered: true, numberOrderedUncertain: true,
      numberDelivered: true, numberDeliveredUncertain: true,
      orderYear: true, orderYearUncertain: true,
      deliveryYears: true, deliveryYearsUncertain: true,
      comments: true,
      supplier: { select: countrySelect },
      recipient: { select: countrySelect },
      weaponSystem: { select: { id: true, name: true, designation: true, category: true, deletedAt: true, ...visibilityFields } },
      concernLinks: concerns.rows,
      requestLinks: requests.rows,
      inspections: inspections.rows,
      quotes: quotes.rows,
      citations: citations.rows,
      _count: {
        select: {
          concernLinks: concerns.count, requestLinks: requests.count, inspections: inspections.count,
          quotes: quotes.count, citations: citations.count,
        },
      },
    },
  });
  if (!t) return null;
  return withRelated(hideDeletedLinks(redactInvisible(viewer, t)), {
    concernLinks: `/concerns?transfer=${id}`,
    requestLinks: `/requests?transfer=${id}&sort=date&dir=asc`,
    inspections: `/inspections?transfer=${id}`,
    quotes: quotesHref("transfer", id),
    citations: citations.href,
  });
}

export type TransferDetail = NonNullable<Awaited<ReturnType<typeof getTransfer>>>;

/** "Russia to Venezuela: Igla-S", the name of a transfer in titles and links. */
export function transferTitle(t: { supplier: { name: string }; recipient: { name: string }; weaponSystem?: { name: string } | null }): string {
  return `${t.supplier.name} to ${t.recipient.name}: ${t.weaponSystem?.name ?? "weapon system unknown"}`;
}

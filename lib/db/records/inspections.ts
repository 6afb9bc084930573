import "server-only";
// An inspection's page: the inspection, the transfer and weapon system it
// verifies (and the concerns about that transfer), quotes and sources.
import { getDb } from "@/lib/db/client";
import { relatedArgs, withRelated } from "@/lib/db/records/related";
import { countrySelect, hideDeletedLinks, quoteArgs, quotesHref, recordMetaSelect, recordWhere, relatedCitations } from "@/lib/db/records/sources";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";

export async function getInspection(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const concerns = relatedArgs({
    where: { concern: readable },
    orderBy: { concernId: "asc" as const },
    select: { concern: { select: { id: true, title: true, status: true, ...visibilityFields } } },
  });
  const quotes = relatedArgs(quoteArgs(readable));
  const citations = relatedCitations(readable, "inspection", id);
  const i = await getDb().inspection.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      status: true, inspectingParty: true, basis: true, findings: true,
      assertedOn: true, assertedOnPrecision: true,
      scheduledOn: true, scheduledOnPrecision: true,
      conductedOn: true, conductedOnPrecision: true,
      hostCountry: { select: countrySelect },
      inspectingCountry: { select: countrySelect },
      transfer: {
        select: {
          id: true, status: true, deletedAt: true, ...visibilityFields,
          supplier: { select: countrySelect }, recipient: { select: countrySelect },
          weaponSystem: { select: { id: true, name: true, deletedAt: true, ...visibilityFields } },
          concernLinks: concerns.rows,
          _count: { select: { concernLinks: concerns.count } },
        },
      },
      weaponSystem: { select: { id: true, name: true, designation: true, category: true, deletedAt: true, ...visibilityFields } },
      quotes: quotes.rows,
      citations: citations.rows,
      _count: { select: { quotes: quotes.count, citations: citations.count } },
    },
  });
  if (!i) return null;
  const { transfer, ...rest } = withRelated(hideDeletedLinks(redactInvisible(viewer, i)), { quotes: quotesHref("inspection", id), citations: citations.href });
  return { ...rest, transfer: transfer ? withRelated(transfer, { concernLinks: `/concerns?transfer=${transfer.id}` }) : null };
}

export type InspectionDetail = NonNullable<Awaited<ReturnType<typeof getInspection>>>;

/** "Inspection in Venezuela by Russia", the name of an inspection in titles and links. */
export function inspectionTitle(i: { hostCountry: { name: string }; inspectingCountry?: { name: string } | null; inspectingParty?: string | null }): string {
  const by = i.inspectingCountry?.name ?? i.inspectingParty;
  return `Inspection in ${i.hostCountry.name}${by ? ` by ${by}` : ""}`;
}


import "server-only";
// An inspection's page: the inspection, the transfer and weapon system it
// verifies (and the concerns about that transfer), quotes and sources.
import { getDb } from "@/lib/db/client";
import { citationArgs, countrySelect, hideDeletedLinks, quoteArgs, recordMetaSelect, recordWhere } from "@/lib/db/records/sources";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";

export async function getInspection(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
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
          concernLinks: {
            where: { concern: readable },
            orderBy: { concernId: "asc" },
            select: { concern: { select: { id: true, title: true, status: true, ...visibilityFields } } },
          },
        },
      },
      weaponSystem: { select: { id: true, name: true, designation: true, category: true, deletedAt: true, ...visibilityFields } },
      quotes: quoteArgs(readable),
      citations: citationArgs(readable),
    },
  });
  if (!i) return null;
  return hideDeletedLinks(redactInvisible(viewer, i));
}

export type InspectionDetail = NonNullable<Awaited<ReturnType<typeof getInspection>>>;

/** "Inspection in Venezuela by Russia", the name of an inspection in titles and links. */
export function inspectionTitle(i: { hostCountry: { name: string }; inspectingCountry?: { name: string } | null; inspectingParty?: string | null }): string {
  const by = i.inspectingCountry?.name ?? i.inspectingParty;
  return `Inspection in ${i.hostCountry.name}${by ? ` by ${by}` : ""}`;
}


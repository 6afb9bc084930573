import "server-only";
// A transfer's page: the deal, and the concerns, requests, inspections and
// quotes linked to it, with its sources.
import { getDb } from "@/lib/db/client";
import { citationArgs, countrySelect, hideDeletedLinks, quoteArgs, recordMetaSelect, recordWhere } from "@/lib/db/records/sources";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";

export async function getTransfer(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
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
      concernLinks: {
        where: { concern: readable },
        orderBy: { concernId: "asc" },
        select: { concern: { select: { id: true, title: true, status: true, severity: true, ...visibilityFields } } },
      },
      requestLinks: {
        where: { request: readable },
        orderBy: [{ request: { occurredOn: { sort: "asc", nulls: "last" } } }, { requestId: "asc" }],
        select: {
          request: {
            select: {
              id: true, title: true, occurredOn: true, occurredOnPrecision: true, ask: true, response: true, ...visibilityFields,
              requestingCountry: { select: countrySelect }, targetCountry: { select: countrySelect },
            },
          },
        },
      },
      inspections: {
        where: readable,
        orderBy: { id: "asc" },
        select: {
          id: true, status: true, inspectingParty: true, ...visibilityFields,
          hostCountry: { select: countrySelect }, inspectingCountry: { select: countrySelect },
          assertedOn: true, assertedOnPrecision: true, scheduledOn: true, scheduledOnPrecision: true,
          conductedOn: true, conductedOnPrecision: true,
        },
      },
      quotes: quoteArgs(readable),
      citations: citationArgs(readable),
    },
  });
  if (!t) return null;
  return hideDeletedLinks(redactInvisible(viewer, t));
}

export type TransferDetail = NonNullable<Awaited<ReturnType<typeof getTransfer>>>;

/** "Russia to Venezuela: Igla-S", the name of a transfer in titles and links. */
export function transferTitle(t: { supplier: { name: string }; recipient: { name: string }; weaponSystem?: { name: string } | null }): string {
  return `${t.supplier.name} to ${t.recipient.name}: ${t.weaponSystem?.name ?? "weapon system unknown"}`;
}

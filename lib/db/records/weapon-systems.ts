import "server-only";
// A weapon system's page: the system, the transfers of it, the inspections
// of it (directly or through one of its transfers), and the sources.
import { getDb } from "@/lib/db/client";
import { citationArgs, countrySelect, hideDeletedLinks, recordMetaSelect, recordWhere } from "@/lib/db/records/sources";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";

export async function getWeaponSystem(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const db = getDb();
  const w = await db.weaponSystem.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      name: true, designation: true, category: true, description: true,
      originCountry: { select: countrySelect },
      transfers: {
        where: readable,
        orderBy: [{ orderYear: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        select: {
          id: true, status: true, ...visibilityFields,
          numberOrdered: true, numberOrderedUncertain: true,
          numberDelivered: true, numberDeliveredUncertain: true,
          orderYear: true, orderYearUncertain: true,
          deliveryYears: true, deliveryYearsUncertain: true,
          supplier: { select: countrySelect }, recipient: { select: countrySelect },
        },
      },
      citations: citationArgs(readable),
    },
  });
  if (!w) return null;
  // One more query (not one per row): inspections of the system itself or of a transfer of it.
  const inspections = await db.inspection.findMany({
    where: { ...readable, OR: [{ weaponSystemId: id }, { transfer: { weaponSystemId: id } }] },
    orderBy: { id: "asc" },
    select: {
      id: true, status: true, inspectingParty: true, ...visibilityFields,
      hostCountry: { select: countrySelect }, inspectingCountry: { select: countrySelect },
      assertedOn: true, assertedOnPrecision: true, scheduledOn: true, scheduledOnPrecision: true,
      conductedOn: true, conductedOnPrecision: true,
    },
  });
  return hideDeletedLinks(redactInvisible(viewer, { ...w, inspections }));
}

export type WeaponSystemDetail = NonNullable<Awaited<ReturnType<typeof getWeaponSystem>>>;

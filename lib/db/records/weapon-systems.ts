import "server-only";
// A weapon system's page: the system, the transfers of it, the inspections
// of it (directly or through one of its transfers), and the sources. Each
// list bounded (lib/db/records/related.ts).
import { getDb } from "@/lib/db/client";
import { related, relatedArgs, withRelated } from "@/lib/db/records/related";
import { countrySelect, hideDeletedLinks, recordMetaSelect, recordWhere, relatedCitations } from "@/lib/db/records/sources";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";

export async function getWeaponSystem(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const db = getDb();
  const transfers = relatedArgs({
    where: readable,
    orderBy: [{ orderYear: { sort: "asc" as const, nulls: "last" as const } }, { id: "asc" as const }],
    select: {
      id: true, status: true, ...visibilityFields,
      numberOrdered: true, numberOrderedUncertain: true,
      numberDelivered: true, numberDeliveredUncertain: true,
      orderYear: true, orderYearUncertain: true,
      deliveryYears: true, deliveryYearsUncertain: true,
      supplier: { select: countrySelect }, recipient: { select: countrySelect },
    },
  });
  const citations = relatedCitations(readable, "weaponSystem", id);
  const w = await db.weaponSystem.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      name: true, designation: true, category: true, description: true,
      originCountry: { select: countrySelect },
      transfers: transfers.rows,
      citations: citations.rows,
      _count: { select: { transfers: transfers.count, citations: citations.count } },
    },
  });
  if (!w) return null;
  // Inspections of the system itself or of a transfer of it (one the viewer may read).
  const inspectionsWhere = { ...readable, OR: [{ weaponSystemId: id }, { transfer: { weaponSystemId: id, ...readable } }] };
  const inspections = relatedArgs({
    where: inspectionsWhere,
    orderBy: { id: "asc" as const },
    select: {
      id: true, status: true, inspectingParty: true, ...visibilityFields,
      hostCountry: { select: countrySelect }, inspectingCountry: { select: countrySelect },
      assertedOn: true, assertedOnPrecision: true, scheduledOn: true, scheduledOnPrecision: true,
      conductedOn: true, conductedOnPrecision: true,
    },
  });
  const [inspectionRows, inspectionCount] = await Promise.all([db.inspection.findMany(inspections.rows), db.inspection.count(inspections.count)]);
  const record = withRelated(hideDeletedLinks(redactInvisible(viewer, w)), {
    // In the section's order: year of order, unknown last, then id.
    transfers: `/transfers?weaponSystem=${id}&sort=year&dir=asc`,
    citations: citations.href,
  });
  return { ...record, inspections: related(redactInvisible(viewer, inspectionRows), inspectionCount, `/inspections?weaponSystem=${id}`) };
}

export type WeaponSystemDetail = NonNullable<Awaited<ReturnType<typeof getWeaponSystem>>>;

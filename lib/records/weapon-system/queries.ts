import "server-only";
// A weapon system's page: the system, the transfers of it, the inspections
// of it (directly or through one of its transfers), and the sources. Each
// list bounded (lib/db/records/related.ts): its first rows read on their own.
import { getDb } from "@/lib/db/client";
import { relatedOf } from "@/lib/db/records/related-db";
import { citationsOf, countrySelect, hideDeletedLinks, recordMetaSelect, recordWhere } from "@/lib/records/source/queries";
import { readableSql, redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { inspectionNameSelect, transferNameSelect } from "@/lib/db/records/names";

const { sql } = Prisma;

export async function getWeaponSystem(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { where } = recordWhere(viewer, id, options.includeDeleted);
  const db = getDb();
  const w = await db.weaponSystem.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      name: true, designation: true, category: true, description: true,
      originCountry: { select: countrySelect },
    },
  });
  if (!w) return null;
  const [transfers, inspections, citations] = await Promise.all([
    relatedOf(
      { from: sql`"ArmsTransfer" x`, parent: `x."weaponSystemId"`, id: "x.id", where: readableSql(viewer, "x"), order: `x."orderYear" ASC NULLS LAST, x.id ASC` },
      id,
      (ids) =>
        db.armsTransfer.findMany({
          where: { id: { in: ids } },
          select: {
            id: true, status: true, ...visibilityFields,
            numberOrdered: true, numberOrderedUncertain: true,
            numberDelivered: true, numberDeliveredUncertain: true,
            orderYear: true, orderYearUncertain: true,
            deliveryYears: true, deliveryYearsUncertain: true,
            ...transferNameSelect,
          },
        }),
      // In the section's order: year of order, unknown last, then id.
      `/transfers?weaponSystem=${id}&sort=year&dir=asc`,
    ),
    // Of the system itself, or of a transfer of it that the viewer may read.
    relatedOf(
      {
        from: sql`"Inspection" x LEFT JOIN "ArmsTransfer" t ON t.id = x."transferId" AND t."weaponSystemId" = ${id} AND ${readableSql(viewer, "t")}`,
        parent: `${id}`,
        id: "x.id",
        where: sql`${readableSql(viewer, "x")} AND (x."weaponSystemId" = ${id} OR t.id IS NOT NULL)`,
        order: "x.id",
      },
      id,
      (ids) =>
        db.inspection.findMany({
          where: { id: { in: ids } },
          select: {
            id: true, status: true, ...visibilityFields, ...inspectionNameSelect,
            assertedOn: true, assertedOnPrecision: true, scheduledOn: true, scheduledOnPrecision: true,
            conductedOn: true, conductedOnPrecision: true,
          },
        }),
      `/inspections?weaponSystem=${id}`,
    ),
    citationsOf(viewer, "weaponSystem", id),
  ]);
  return hideDeletedLinks(redactInvisible(viewer, { ...w, transfers, inspections, citations }));
}

export type WeaponSystemDetail = NonNullable<Awaited<ReturnType<typeof getWeaponSystem>>>;

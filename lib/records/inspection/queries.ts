import "server-only";
// An inspection's page: the inspection, the transfer and weapon system it
// verifies (and the concerns about that transfer), quotes and sources.
import { getDb } from "@/lib/db/client";
import { relatedOf } from "@/lib/db/records/related-db";
import { citationsOf, countrySelect, hideDeletedLinks, quoteArgs, quotesHref, quotesSpec, recordMetaSelect, recordWhere } from "@/lib/records/source/queries";
import { readableSql, redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { transferNameSelect } from "@/lib/db/records/names";

const { sql } = Prisma;

export async function getInspection(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const db = getDb();
  const i = await db.inspection.findFirst({
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
          id: true, status: true, deletedAt: true, ...visibilityFields, ...transferNameSelect,
        },
      },
      weaponSystemId: true,
      weaponSystem: { select: { id: true, name: true, designation: true, category: true, deletedAt: true, ...visibilityFields } },
    },
  });
  if (!i) return null;
  const record = hideDeletedLinks(redactInvisible(viewer, i));
  const transfer = record.transfer;
  const [concerns, quotes, citations] = await Promise.all([
    // The concerns about the transfer inspected, when the viewer may see it.
    transfer
      ? relatedOf(
          { from: sql`"ConcernTransfer" l JOIN "Concern" x ON x.id = l."concernId"`, parent: `l."transferId"`, id: "x.id", where: readableSql(viewer, "x"), order: "x.id" },
          transfer.id,
          (ids) => db.concern.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, status: true, ...visibilityFields } }),
          `/concerns?transfer=${transfer.id}`,
        )
      : null,
    relatedOf(quotesSpec(viewer, "inspectionId"), id, (ids) => db.quote.findMany({ where: { id: { in: ids } }, select: quoteArgs(readable).select }), quotesHref("inspection", id)),
    citationsOf(viewer, "inspection", id),
  ]);
  return hideDeletedLinks(
    redactInvisible(viewer, {
      ...record,
      transfer: transfer && concerns ? { ...transfer, concernLinks: { ...concerns, rows: concerns.rows.map((concern) => ({ concern })) } } : null,
      quotes,
      citations,
    }),
  );
}

export type InspectionDetail = NonNullable<Awaited<ReturnType<typeof getInspection>>>;

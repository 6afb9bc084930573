import "server-only";
// A transfer's page: the deal, and the concerns, requests, inspections and
// quotes linked to it, with its sources; each list bounded
// (lib/db/records/related.ts).
import { getDb } from "@/lib/db/client";
import { relatedOf } from "@/lib/db/records/related-db";
import { citationsOf, countrySelect, hideDeletedLinks, quoteArgs, quotesHref, quotesSpec, recordMetaSelect, recordWhere } from "@/lib/records/source/queries";
import { readableSql, redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { inspectionNameSelect } from "@/lib/db/records/names";

const { sql } = Prisma;

export async function getTransfer(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const db = getDb();
  const t = await db.armsTransfer.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      status: true,
      numberOrdered: true, numberOrderedUncertain: true,
      numberDelivered: true, numberDeliveredUncertain: true,
      orderYear: true, orderYearUncertain: true,
      deliveryYears: true, deliveryYearsUncertain: true,
      comments: true,
      weaponSystemId: true,
      supplier: { select: countrySelect },
      recipient: { select: countrySelect },
      weaponSystem: { select: { id: true, name: true, designation: true, category: true, deletedAt: true, ...visibilityFields } },
    },
  });
  if (!t) return null;
  const [concerns, requests, inspections, quotes, citations] = await Promise.all([
    relatedOf(
      { from: sql`"ConcernTransfer" l JOIN "Concern" x ON x.id = l."concernId"`, parent: `l."transferId"`, id: "x.id", where: readableSql(viewer, "x"), order: "x.id" },
      id,
      (ids) => db.concern.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, status: true, severity: true, ...visibilityFields } }),
      `/concerns?transfer=${id}`,
    ),
    relatedOf(
      {
        from: sql`"RequestTransfer" l JOIN "DiplomaticRequest" x ON x.id = l."requestId"`,
        parent: `l."transferId"`,
        id: "x.id",
        where: readableSql(viewer, "x"),
        order: `x."occurredOn" ASC NULLS LAST, x.id ASC`,
      },
      id,
      (ids) =>
        db.diplomaticRequest.findMany({
          where: { id: { in: ids } },
          select: {
            id: true, title: true, occurredOn: true, occurredOnPrecision: true, ask: true, response: true, ...visibilityFields,
            requestingCountry: { select: countrySelect }, targetCountry: { select: countrySelect },
          },
        }),
      `/requests?transfer=${id}&sort=date&dir=asc`,
    ),
    relatedOf(
      { from: sql`"Inspection" x`, parent: `x."transferId"`, id: "x.id", where: readableSql(viewer, "x"), order: "x.id" },
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
      `/inspections?transfer=${id}`,
    ),
    relatedOf(quotesSpec(viewer, "transferId"), id, (ids) => db.quote.findMany({ where: { id: { in: ids } }, select: quoteArgs(readable).select }), quotesHref("transfer", id)),
    citationsOf(viewer, "transfer", id),
  ]);
  // The rows as the page shows them: each concern and request in its link (as before the lists were bounded).
  return hideDeletedLinks(
    redactInvisible(viewer, {
      ...t,
      concernLinks: { ...concerns, rows: concerns.rows.map((concern) => ({ concern })) },
      requestLinks: { ...requests, rows: requests.rows.map((request) => ({ request })) },
      inspections,
      quotes,
      citations,
    }),
  );
}

export type TransferDetail = NonNullable<Awaited<ReturnType<typeof getTransfer>>>;

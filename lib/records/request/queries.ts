import "server-only";
import { getDb } from "@/lib/db/client";
import { RELATED_LIMIT, type Related } from "@/lib/db/records/related";
import { relatedOf, relatedPerParent } from "@/lib/db/records/related-db";
import { citationsOf, hideDeletedLinks, quotesWithCitations } from "@/lib/records/source/queries";
import { readableBy, readableSql, redactInvisible, visibilityFields, visibleTo, type Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestActorSide } from "@/lib/generated/prisma/enums";
import { transferNameSelect } from "@/lib/db/records/names";

const { sql } = Prisma;

const countrySelect = { id: true, name: true, alpha2: true } as const;

export async function getRequest(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const readable = readableBy(viewer);
  // Deleted requests are shown (for restoring) only when asked for.
  const visibleOnly = visibleTo(viewer);
  const where = { id, ...(options.includeDeleted ? visibleOnly : readable) };
  const db = getDb();
  const r = await db.diplomaticRequest.findFirst({
    where,
    select: {
      id: true, title: true, occurredOn: true, occurredOnPrecision: true, channel: true, ask: true, askDetail: true,
      response: true, responseSummary: true, respondedOn: true, respondedOnPrecision: true, classification: true, version: true, deletedAt: true,
      verifiedAt: true, createdAt: true, updatedAt: true,
      ...visibilityFields,
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      verifiedBy: { select: { name: true } },
      requestingCountry: { select: countrySelect },
      targetCountry: { select: countrySelect },
      followUpOf: { select: { id: true, title: true, deletedAt: true, ...visibilityFields } },
    },
  });
  if (!r) return null;
  // Each list bounded (lib/db/records/related.ts), its first rows read on their own.
  const [followUps, actorLinks, concernLinks, transferLinks, quotes, citations] = await Promise.all([
    relatedOf(
      { from: sql`"DiplomaticRequest" x`, parent: `x."followUpOfId"`, id: "x.id", where: readableSql(viewer, "x"), order: `x."occurredOn" ASC NULLS LAST, x.id ASC` },
      id,
      (ids) => db.diplomaticRequest.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, occurredOn: true, occurredOnPrecision: true } }),
      `/requests?followUpOf=${id}&sort=date&dir=asc`,
    ),
    actorsOfRequests(viewer, [id], RELATED_LIMIT).then((m) => m.get(id)!),
    relatedOf(
      { from: sql`"RequestConcern" l JOIN "Concern" x ON x.id = l."concernId"`, parent: `l."requestId"`, id: "x.id", where: readableSql(viewer, "x"), order: "x.id" },
      id,
      (ids) => db.concern.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, status: true, ...visibilityFields } }),
      `/concerns?request=${id}`,
    ).then((list) => ({ ...list, rows: list.rows.map((concern) => ({ concern })) })),
    relatedOf(
      { from: sql`"RequestTransfer" l JOIN "ArmsTransfer" x ON x.id = l."transferId"`, parent: `l."requestId"`, id: "x.id", where: readableSql(viewer, "x"), order: "x.id" },
      id,
      (ids) =>
        db.armsTransfer.findMany({
          where: { id: { in: ids } },
          select: {
            id: true, ...visibilityFields, ...transferNameSelect,
          },
        }),
      `/transfers?request=${id}`,
    ).then((list) => ({ ...list, rows: list.rows.map((transfer) => ({ transfer })) })),
    quotesWithCitations(viewer, "requestId", [id]).then((m) => m.get(id)!),
    citationsOf(viewer, "request", id),
  ]);
  // Deleted links nulled (a deleted weapon system of a transfer is "not shown", as in the pickers).
  const result = hideDeletedLinks(redactInvisible(viewer, { ...r, followUps, actorLinks, concernLinks, transferLinks, quotes, citations }));
  if (result.followUpOf?.deletedAt) result.followUpOf = null;
  return result;
}

/**
 * The actors of each request (the first `limit`, requesting side first), as
 * links with their side: the request page and the requests on a concern's
 * timeline. An actor on both sides counts once in the total.
 */
export async function actorsOfRequests(viewer: Viewer, requestIds: number[], limit: number) {
  const db = getDb();
  const lists = await relatedPerParent(
    {
      from: sql`"RequestActor" l JOIN "Actor" x ON x.id = l."actorId"`,
      parent: `l."requestId"`,
      id: "x.id",
      // One row per actor: an actor on both sides by their requesting row.
      where: sql`${readableSql(viewer, "x")} AND NOT (l.side = 'TARGET' AND EXISTS (
        SELECT 1 FROM "RequestActor" l2 WHERE l2."requestId" = l."requestId" AND l2."actorId" = l."actorId" AND l2.side = 'REQUESTING'))`,
      order: "l.side, x.id",
    },
    requestIds,
    limit,
    (ids) => db.actor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, title: true, ...visibilityFields } }),
    (requestId) => `/actors?request=${requestId}`,
  );
  // The side of each (request, actor): both rows when an actor was on both.
  const sides = await db.requestActor.findMany({
    where: { requestId: { in: requestIds }, actorId: { in: [...new Set([...lists.values()].flatMap((l) => l.rows.map((a) => a.id)))] } },
    select: { requestId: true, actorId: true, side: true },
    orderBy: [{ side: "asc" }, { actorId: "asc" }],
  });
  const out = new Map<number, Related<{ side: RequestActorSide; actor: (typeof lists extends Map<number, Related<infer A>> ? A : never) }>>();
  for (const [requestId, list] of lists) {
    const byId = new Map(list.rows.map((a) => [a.id, a]));
    const rows = sides.filter((s) => s.requestId === requestId && byId.has(s.actorId)).map((s) => ({ side: s.side, actor: byId.get(s.actorId)! }));
    out.set(requestId, { ...list, rows });
  }
  return out;
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

/** Countries for the forms' selects, by name. */
export async function countryOptions() {
  const rows = await getDb().country.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  return rows.map((c) => ({ value: String(c.id), label: c.name }));
}

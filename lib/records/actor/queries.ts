import "server-only";
// An actor's page: who they are, the requests they made or received, what
// they said, and the sources; each list bounded (lib/db/records/related.ts),
// its first rows read on their own.
import { getDb } from "@/lib/db/client";
import { relatedOf } from "@/lib/db/records/related-db";
import { citationsOf, countrySelect, hideDeletedLinks, quotesHref, quotesSpec, recordMetaSelect, recordWhere } from "@/lib/records/source/queries";
import { readableSql, redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestActorSide } from "@/lib/generated/prisma/enums";
import { inspectionNameSelect, transferNameSelect } from "@/lib/db/records/names";

const { sql } = Prisma;

export async function getActor(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { where } = recordWhere(viewer, id, options.includeDeleted);
  const db = getDb();
  const a = await db.actor.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      name: true, kind: true, title: true, affiliation: true, notes: true,
      country: { select: countrySelect },
    },
  });
  if (!a) return null;
  // The requests of each side, each its own list.
  const side = (s: RequestActorSide, param: string) =>
    relatedOf(
      {
        from: sql`"RequestActor" l JOIN "DiplomaticRequest" x ON x.id = l."requestId"`,
        parent: `l."actorId"`,
        id: "x.id",
        where: sql`l.side = ${s}::"RequestActorSide" AND ${readableSql(viewer, "x")}`,
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
      `/requests?${param}=${id}&sort=date&dir=asc`,
    ).then((list) => ({ ...list, rows: list.rows.map((request) => ({ side: s, request })) }));
  const link = { deletedAt: true, ...visibilityFields } as const;
  const [requestsMade, requestsReceived, quotes, citations] = await Promise.all([
    side("REQUESTING", "requestingActor"),
    side("TARGET", "targetActor"),
    relatedOf(
      quotesSpec(viewer, "speakerId"),
      id,
      (ids) =>
        db.quote.findMany({
          where: { id: { in: ids } },
          select: {
            id: true, text: true, saidOn: true, saidOnPrecision: true, context: true, ...visibilityFields,
            request: { select: { id: true, title: true, ...link } },
            concern: { select: { id: true, title: true, ...link } },
            inspection: { select: { id: true, ...link, ...inspectionNameSelect } },
            transfer: { select: { id: true, ...link, ...transferNameSelect } },
          },
        }),
      quotesHref("speaker", id),
    ),
    citationsOf(viewer, "actor", id),
  ]);
  return hideDeletedLinks(redactInvisible(viewer, { ...a, requestsMade, requestsReceived, quotes, citations }));
}

export type ActorDetail = NonNullable<Awaited<ReturnType<typeof getActor>>>;

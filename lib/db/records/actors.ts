import "server-only";
// An actor's page: who they are, the requests they made or received, what
// they said, and the sources; each list bounded (lib/db/records/related.ts).
import { getDb } from "@/lib/db/client";
import { related, relatedArgs, withRelated } from "@/lib/db/records/related";
import { countrySelect, hideDeletedLinks, quotesHref, recordMetaSelect, recordWhere, relatedCitations } from "@/lib/db/records/sources";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";
import type { RequestActorSide } from "@/lib/generated/prisma/enums";

export async function getActor(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const db = getDb();
  const quotes = relatedArgs({
    where: readable,
    orderBy: { id: "asc" as const },
    select: {
      id: true, text: true, saidOn: true, saidOnPrecision: true, context: true, ...visibilityFields,
      request: { select: { id: true, title: true, deletedAt: true, ...visibilityFields } },
      concern: { select: { id: true, title: true, deletedAt: true, ...visibilityFields } },
      inspection: { select: { id: true, deletedAt: true, ...visibilityFields, hostCountry: { select: countrySelect } } },
      transfer: {
        select: {
          id: true, deletedAt: true, ...visibilityFields,
          supplier: { select: countrySelect }, recipient: { select: countrySelect },
          weaponSystem: { select: { id: true, name: true, deletedAt: true, ...visibilityFields } },
        },
      },
    },
  });
  const citations = relatedCitations(readable, "actor", id);
  const a = await db.actor.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      name: true, kind: true, title: true, affiliation: true, notes: true,
      country: { select: countrySelect },
      quotes: quotes.rows,
      citations: citations.rows,
      _count: { select: { quotes: quotes.count, citations: citations.count } },
    },
  });
  if (!a) return null;
  // The requests of each side, each its own bounded list (one relation cannot be selected twice).
  const side = async (s: RequestActorSide, param: string) => {
    const links = relatedArgs({
      where: { actorId: id, side: s, request: readable },
      orderBy: [{ request: { occurredOn: { sort: "asc" as const, nulls: "last" as const } } }, { requestId: "asc" as const }],
      select: {
        side: true,
        request: {
          select: {
            id: true, title: true, occurredOn: true, occurredOnPrecision: true, ask: true, response: true, ...visibilityFields,
            requestingCountry: { select: countrySelect }, targetCountry: { select: countrySelect },
          },
        },
      },
    });
    const [rows, total] = await Promise.all([db.requestActor.findMany(links.rows), db.requestActor.count(links.count)]);
    return related(redactInvisible(viewer, rows), total, `/requests?${param}=${id}&sort=date&dir=asc`);
  };
  const [requestsMade, requestsReceived] = await Promise.all([side("REQUESTING", "requestingActor"), side("TARGET", "targetActor")]);
  const record = withRelated(hideDeletedLinks(redactInvisible(viewer, a)), { quotes: quotesHref("speaker", id), citations: citations.href });
  return { ...record, requestsMade, requestsReceived };
}

export type ActorDetail = NonNullable<Awaited<ReturnType<typeof getActor>>>;

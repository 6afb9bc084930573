import "server-only";
// An actor's page: who they are, the requests they made or received, what
// they said, and the sources.
import { getDb } from "@/lib/db/client";
import { citationArgs, countrySelect, hideDeletedLinks, recordMetaSelect, recordWhere } from "@/lib/db/records/sources";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";

export async function getActor(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const a = await getDb().actor.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      name: true, kind: true, title: true, affiliation: true, notes: true,
      country: { select: countrySelect },
      requestLinks: {
        where: { request: readable },
        orderBy: [{ request: { occurredOn: { sort: "asc", nulls: "last" } } }, { requestId: "asc" }],
        select: {
          side: true,
          request: {
            select: {
              id: true, title: true, occurredOn: true, occurredOnPrecision: true, ask: true, response: true, ...visibilityFields,
              requestingCountry: { select: countrySelect }, targetCountry: { select: countrySelect },
            },
          },
        },
      },
      quotes: {
        where: readable,
        orderBy: { id: "asc" },
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
      },
      citations: citationArgs(readable),
    },
  });
  if (!a) return null;
  return hideDeletedLinks(redactInvisible(viewer, a));
}

export type ActorDetail = NonNullable<Awaited<ReturnType<typeof getActor>>>;

import "server-only";
import { getDb } from "@/lib/db/client";
import { readableBy, redactInvisible, visibilityFields, visibleTo, type Viewer } from "@/lib/db/visibility";

const countrySelect = { id: true, name: true, alpha2: true } as const;

export async function getRequest(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const readable = readableBy(viewer);
  // Deleted requests are shown (for restoring) only when asked for.
  const visibleOnly = visibleTo(viewer);
  const where = { id, ...(options.includeDeleted ? visibleOnly : readable) };
  const citations = {
    where: { source: readable },
    orderBy: { id: "asc" as const },
    select: {
      id: true,
      passage: true,
      note: true,
      credibility: true,
      source: {
        select: {
          id: true, kind: true, title: true, author: true, publishedOn: true, publishedOnPrecision: true,
          classification: true, reliability: true, url: true, ...visibilityFields,
        },
      },
    },
  };
  const r = await getDb().diplomaticRequest.findFirst({
    where,
    select: {
      id: true, title: true, occurredOn: true, occurredOnPrecision: true, channel: true, ask: true, askDetail: true,
      response: true, responseSummary: true, classification: true, version: true, deletedAt: true,
      verifiedAt: true, createdAt: true, updatedAt: true,
      ...visibilityFields,
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      verifiedBy: { select: { name: true } },
      requestingCountry: { select: countrySelect },
      targetCountry: { select: countrySelect },
      followUpOf: { select: { id: true, title: true, deletedAt: true, ...visibilityFields } },
      followUps: { where: readable, select: { id: true, title: true, occurredOn: true, occurredOnPrecision: true } },
      actorLinks: {
        where: { actor: readable },
        select: { side: true, actor: { select: { id: true, name: true, title: true, ...visibilityFields } } },
      },
      concernLinks: { where: { concern: readable }, select: { concern: { select: { id: true, title: true, status: true, ...visibilityFields } } } },
      transferLinks: {
        where: { transfer: readable },
        select: {
          transfer: {
            select: {
              id: true, ...visibilityFields,
              supplier: { select: countrySelect }, recipient: { select: countrySelect },
              weaponSystem: { select: { id: true, name: true, ...visibilityFields } },
            },
          },
        },
      },
      quotes: {
        where: readable,
        orderBy: { id: "asc" },
        select: {
          id: true, text: true, speakerLabel: true, saidOn: true, saidOnPrecision: true, context: true, ...visibilityFields,
          speaker: { select: { id: true, name: true, title: true, ...visibilityFields } },
          citations,
        },
      },
      citations,
    },
  });
  if (!r) return null;
  const result = redactInvisible(viewer, r);
  if (result.followUpOf?.deletedAt) result.followUpOf = null;
  return result;
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

/** Countries for the forms' selects, by name. */
export async function countryOptions() {
  const rows = await getDb().country.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  return rows.map((c) => ({ value: String(c.id), label: c.name }));
}

import "server-only";
import { getDb } from "@/lib/db/client";
import { relatedArgs, withRelated } from "@/lib/db/records/related";
import { quotesHref, quotesWithCitations, relatedCitations } from "@/lib/db/records/sources";
import { readableBy, redactInvisible, visibilityFields, visibleTo, type Viewer } from "@/lib/db/visibility";

const countrySelect = { id: true, name: true, alpha2: true } as const;

export async function getRequest(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const readable = readableBy(viewer);
  // Deleted requests are shown (for restoring) only when asked for.
  const visibleOnly = visibleTo(viewer);
  const where = { id, ...(options.includeDeleted ? visibleOnly : readable) };
  // Each list bounded (lib/db/records/related.ts).
  const followUps = relatedArgs({
    where: readable,
    orderBy: [{ occurredOn: { sort: "asc" as const, nulls: "last" as const } }, { id: "asc" as const }],
    select: { id: true, title: true, occurredOn: true, occurredOnPrecision: true },
  });
  const actors = relatedArgs({
    where: { actor: readable },
    orderBy: [{ side: "asc" as const }, { actorId: "asc" as const }],
    select: { side: true, actor: { select: { id: true, name: true, title: true, ...visibilityFields } } },
  });
  const concerns = relatedArgs({
    where: { concern: readable },
    orderBy: { concernId: "asc" as const },
    select: { concern: { select: { id: true, title: true, status: true, ...visibilityFields } } },
  });
  const transfers = relatedArgs({
    where: { transfer: readable },
    orderBy: { transferId: "asc" as const },
    select: {
      transfer: {
        select: {
          id: true, ...visibilityFields,
          supplier: { select: countrySelect }, recipient: { select: countrySelect },
          weaponSystem: { select: { id: true, name: true, ...visibilityFields } },
        },
      },
    },
  });
  const quotes = quotesWithCitations(readable);
  const citations = relatedCitations(readable, "request", id);
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
      followUps: followUps.rows,
      actorLinks: actors.rows,
      concernLinks: concerns.rows,
      transferLinks: transfers.rows,
      quotes: quotes.rows,
      citations: citations.rows,
      _count: {
        select: {
          followUps: followUps.count, actorLinks: actors.count, concernLinks: concerns.count, transferLinks: transfers.count,
          quotes: quotes.count, citations: citations.count,
        },
      },
    },
  });
  if (!r) return null;
  const redacted = redactInvisible(viewer, r);
  const result = withRelated({ ...redacted, quotes: quotes.bound(redacted.quotes) }, {
    followUps: `/requests?followUpOf=${id}&sort=date&dir=asc`,
    actorLinks: `/actors?request=${id}`,
    concernLinks: `/concerns?request=${id}`,
    transferLinks: `/transfers?request=${id}`,
    quotes: quotesHref("request", id),
    citations: citations.href,
  });
  if (result.followUpOf?.deletedAt) result.followUpOf = null;
  return result;
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

/** Countries for the forms' selects, by name. */
export async function countryOptions() {
  const rows = await getDb().country.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  return rows.map((c) => ({ value: String(c.id), label: c.name }));
}

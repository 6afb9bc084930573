import "server-only";
// A quote's page: what was said, by whom, when, what it is about, and the
// sources.
import { getDb } from "@/lib/db/client";
import { citationsOf, countrySelect, hideDeletedLinks, recordMetaSelect, recordWhere } from "@/lib/records/source/queries";
import { redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";
import { inspectionNameSelect, transferNameSelect } from "@/lib/db/records/names";

export async function getQuote(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { where } = recordWhere(viewer, id, options.includeDeleted);
  const q = await getDb().quote.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      text: true, speakerLabel: true, saidOn: true, saidOnPrecision: true, context: true,
      speaker: {
        select: {
          id: true, name: true, title: true, affiliation: true, deletedAt: true, ...visibilityFields,
          country: { select: countrySelect },
        },
      },
      request: {
        select: {
          id: true, title: true, occurredOn: true, occurredOnPrecision: true, deletedAt: true, ...visibilityFields,
        },
      },
      concern: { select: { id: true, title: true, status: true, deletedAt: true, ...visibilityFields } },
      transfer: {
        select: {
          id: true, status: true, deletedAt: true, ...visibilityFields,
          ...transferNameSelect,
        },
      },
      inspection: { select: { id: true, status: true, deletedAt: true, ...visibilityFields, ...inspectionNameSelect } },
    },
  });
  if (!q) return null;
  const citations = await citationsOf(viewer, "quote", id);
  return hideDeletedLinks(redactInvisible(viewer, { ...q, citations }));
}

export type QuoteDetail = NonNullable<Awaited<ReturnType<typeof getQuote>>>;

import "server-only";
// Sources for the generic record service. A deleted source keeps its
// citations: they come back with it when it is restored.
import type { RecordConfig } from "@/lib/records/types";
import { sourceSchema, type SourceData } from "@/lib/records/source/schema";
import { vagueDateInput } from "@/lib/vague-date";

export const sourceRecord: RecordConfig<SourceData> = {
  entityType: "SOURCE",
  table: "Source",
  label: "Source",
  plural: "sources",
  href: (id) => `/sources/${id}`,
  delegate: (tx) => tx.source as never,
  schema: sourceSchema,

  columns: (d) => ({
    kind: d.kind,
    title: d.title,
    reference: d.reference,
    author: d.author,
    publisher: d.publisher,
    publishedOn: d.publishedOn?.date ?? null,
    publishedOnPrecision: d.publishedOn?.precision ?? null,
    classification: d.classification,
    url: d.url,
    excerpt: d.excerpt,
    reliability: d.reliability,
    visibility: d.visibility,
  }),

  async formValues(tx, id) {
    const s = await tx.source.findUnique({ where: { id } });
    if (!s) return null;
    return {
      kind: s.kind,
      title: s.title,
      reference: s.reference,
      author: s.author,
      publisher: s.publisher,
      publishedOn: vagueDateInput(s.publishedOn, s.publishedOnPrecision),
      classification: s.classification,
      url: s.url,
      excerpt: s.excerpt,
      reliability: s.reliability,
      visibility: s.visibility,
    };
  },
};

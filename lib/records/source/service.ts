import "server-only";
// Sources for the generic record service. A deleted source keeps its
// citations: they come back with it when it is restored.
import { defineRecordService } from "@/lib/records/types";
import { sourceDefinition } from "@/lib/records/source/definition";
import { vagueDateInput } from "@/lib/vague-date";

export const sourceRecord = defineRecordService(sourceDefinition, {
  delegate: (tx) => tx.source as never,

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
});

import "server-only";
// Quotes for the generic record service. Their sources are their citations.
import { assertUsable } from "@/lib/records/references";
import type { RecordConfig } from "@/lib/records/types";
import { quoteSchema, type QuoteData } from "@/lib/records/quote/schema";
import { vagueDateInput } from "@/lib/vague-date";

export const quoteRecord: RecordConfig<QuoteData> = {
  entityType: "QUOTE",
  table: "Quote",
  label: "Quote",
  plural: "quotes",
  href: (id) => `/quotes/${id}`,
  delegate: (tx) => tx.quote as never,
  schema: quoteSchema,

  columns: (d) => ({
    text: d.text,
    speakerId: d.speakerId,
    speakerLabel: d.speakerLabel,
    saidOn: d.saidOn?.date ?? null,
    saidOnPrecision: d.saidOn?.precision ?? null,
    context: d.context,
    requestId: d.requestId,
    concernId: d.concernId,
    transferId: d.transferId,
    inspectionId: d.inspectionId,
    visibility: d.visibility,
  }),

  async formValues(tx, id) {
    const q = await tx.quote.findUnique({ where: { id } });
    if (!q) return null;
    return {
      text: q.text,
      speakerId: q.speakerId,
      speakerLabel: q.speakerLabel,
      saidOn: vagueDateInput(q.saidOn, q.saidOnPrecision),
      context: q.context,
      requestId: q.requestId,
      concernId: q.concernId,
      transferId: q.transferId,
      inspectionId: q.inspectionId,
      visibility: q.visibility,
    };
  },

  async checkReferences(tx, actor, d) {
    const refs = [
      ["Actor", d.speakerId, "speakerId", "Choose the speaker from the list."],
      ["DiplomaticRequest", d.requestId, "requestId", "Choose a request from the list."],
      ["Concern", d.concernId, "concernId", "Choose a concern from the list."],
      ["ArmsTransfer", d.transferId, "transferId", "Choose a transfer from the list."],
      ["Inspection", d.inspectionId, "inspectionId", "Choose an inspection from the list."],
    ] as const;
    for (const [table, ref, field, message] of refs) {
      if (ref !== null) await assertUsable(tx, actor, table, [ref], field, message);
    }
  },
};

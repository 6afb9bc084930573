import "server-only";
// Quotes for the generic record service. Their sources are their citations.
import { assertUsable } from "@/lib/records/references";
import { defineRecordService } from "@/lib/records/types";
import { quoteDefinition } from "@/lib/records/quote/definition";

export const quoteRecord = defineRecordService(quoteDefinition, {
  delegate: (tx) => tx.quote as never,

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
});

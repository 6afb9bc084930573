import "server-only";
// Actors for the generic record service.
import { assertCountries, stillUsed } from "@/lib/records/references";
import { defineRecordService } from "@/lib/records/types";
import { actorDefinition } from "@/lib/records/actor/definition";

export const actorRecord = defineRecordService(actorDefinition, {
  delegate: (tx) => tx.actor as never,

  async checkReferences(tx, _actor, d) {
    await assertCountries(tx, [d.countryId], "countryId");
  },

  async inUse(tx, actor, id) {
    return stillUsed(actor, "actor", [
      { one: "request", many: "requests", count: (where) => tx.diplomaticRequest.count({ where: { ...where, actorLinks: { some: { actorId: id } } } }) },
      { one: "quote", many: "quotes", count: (where) => tx.quote.count({ where: { ...where, speakerId: id } }) },
    ]);
  },
});

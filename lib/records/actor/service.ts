import "server-only";
// Actors for the generic record service.
import { assertCountries, stillUsed } from "@/lib/records/references";
import type { RecordConfig } from "@/lib/records/types";
import { actorSchema, type ActorData } from "@/lib/records/actor/schema";

export const actorRecord: RecordConfig<ActorData> = {
  entityType: "ACTOR",
  table: "Actor",
  label: "Actor",
  plural: "actors",
  href: (id) => `/actors/${id}`,
  delegate: (tx) => tx.actor as never,
  schema: actorSchema,

  columns: (d) => ({
    name: d.name,
    kind: d.kind,
    title: d.title,
    affiliation: d.affiliation,
    countryId: d.countryId,
    notes: d.notes,
    visibility: d.visibility,
  }),

  async formValues(tx, id) {
    const a = await tx.actor.findUnique({ where: { id } });
    if (!a) return null;
    return {
      name: a.name,
      kind: a.kind,
      title: a.title,
      affiliation: a.affiliation,
      countryId: a.countryId,
      notes: a.notes,
      visibility: a.visibility,
    };
  },

  async checkReferences(tx, _actor, d) {
    await assertCountries(tx, [d.countryId], "countryId");
  },

  async inUse(tx, actor, id) {
    return stillUsed(actor, "actor", [
      { one: "request", many: "requests", count: (where) => tx.diplomaticRequest.count({ where: { ...where, actorLinks: { some: { actorId: id } } } }) },
      { one: "quote", many: "quotes", count: (where) => tx.quote.count({ where: { ...where, speakerId: id } }) },
    ]);
  },
};

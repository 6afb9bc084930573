import "server-only";
// Diplomatic requests for the generic record service.
import { ValidationError } from "@/lib/errors";
import { assertCountries, assertUsable } from "@/lib/records/references";
import type { RecordConfig } from "@/lib/records/types";
import { requestSchema, type RequestData } from "@/lib/records/request/schema";
import { vagueDateInput } from "@/lib/vague-date";

export const requestRecord: RecordConfig<RequestData> = {
  entityType: "DIPLOMATIC_REQUEST",
  table: "DiplomaticRequest",
  label: "Diplomatic request",
  plural: "diplomatic requests",
  href: (id) => `/requests/${id}`,
  delegate: (tx) => tx.diplomaticRequest as never,
  schema: requestSchema,

  columns: (d) => ({
    title: d.title,
    occurredOn: d.occurredOn?.date ?? null,
    occurredOnPrecision: d.occurredOn?.precision ?? null,
    requestingCountryId: d.requestingCountryId,
    targetCountryId: d.targetCountryId,
    channel: d.channel,
    ask: d.ask,
    askDetail: d.askDetail,
    response: d.response,
    responseSummary: d.responseSummary,
    classification: d.classification,
    visibility: d.visibility,
    followUpOfId: d.followUpOfId,
  }),

  async writeLinks(tx, id, d) {
    await tx.requestActor.deleteMany({ where: { requestId: id } });
    await tx.requestConcern.deleteMany({ where: { requestId: id } });
    await tx.requestTransfer.deleteMany({ where: { requestId: id } });
    await tx.requestActor.createMany({
      data: [
        ...d.requestingActorIds.map((actorId) => ({ requestId: id, actorId, side: "REQUESTING" as const })),
        ...d.targetActorIds.map((actorId) => ({ requestId: id, actorId, side: "TARGET" as const })),
      ],
      skipDuplicates: true,
    });
    await tx.requestConcern.createMany({ data: d.concernIds.map((concernId) => ({ requestId: id, concernId })) });
    await tx.requestTransfer.createMany({ data: d.transferIds.map((transferId) => ({ requestId: id, transferId })) });
  },

  async formValues(tx, id) {
    const r = await tx.diplomaticRequest.findUnique({
      where: { id },
      include: {
        actorLinks: { orderBy: { actorId: "asc" } },
        concernLinks: { orderBy: { concernId: "asc" } },
        transferLinks: { orderBy: { transferId: "asc" } },
      },
    });
    if (!r) return null;
    return {
      title: r.title,
      occurredOn: vagueDateInput(r.occurredOn, r.occurredOnPrecision),
      requestingCountryId: r.requestingCountryId,
      targetCountryId: r.targetCountryId,
      channel: r.channel,
      ask: r.ask,
      askDetail: r.askDetail,
      response: r.response,
      responseSummary: r.responseSummary,
      classification: r.classification,
      visibility: r.visibility,
      followUpOfId: r.followUpOfId,
      requestingActorIds: r.actorLinks.filter((a) => a.side === "REQUESTING").map((a) => a.actorId),
      targetActorIds: r.actorLinks.filter((a) => a.side === "TARGET").map((a) => a.actorId),
      concernIds: r.concernLinks.map((l) => l.concernId),
      transferIds: r.transferLinks.map((l) => l.transferId),
    };
  },

  async checkReferences(tx, actor, d, id) {
    await assertCountries(tx, [d.requestingCountryId], "requestingCountryId");
    await assertCountries(tx, [d.targetCountryId], "targetCountryId");
    await assertUsable(tx, actor, "Actor", d.requestingActorIds, "requestingActorIds", "Choose requesting actors from the list.");
    await assertUsable(tx, actor, "Actor", d.targetActorIds, "targetActorIds", "Choose target actors from the list.");
    await assertUsable(tx, actor, "Concern", d.concernIds, "concernIds", "Choose concerns from the list.");
    await assertUsable(tx, actor, "ArmsTransfer", d.transferIds, "transferIds", "Choose transfers from the list.");
    if (d.followUpOfId !== null) {
      if (d.followUpOfId === id) {
        throw new ValidationError("Some fields need attention.", { followUpOfId: ["A request cannot follow up on itself."] });
      }
      await assertUsable(tx, actor, "DiplomaticRequest", [d.followUpOfId], "followUpOfId", "Choose the earlier request from the list.");
    }
  },
};

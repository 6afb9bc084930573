import "server-only";
// Diplomatic requests for the generic record service.
import { ValidationError } from "@/lib/errors";
import { assertCountries, assertUsable } from "@/lib/records/references";
import { defineRecordService } from "@/lib/records/types";
import { requestDefinition } from "@/lib/records/request/definition";

export const requestRecord = defineRecordService(requestDefinition, {
  delegate: (tx) => tx.diplomaticRequest as never,

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

  async linkValues(tx, id) {
    const r = await tx.diplomaticRequest.findUnique({
      where: { id },
      select: {
        actorLinks: { orderBy: { actorId: "asc" } },
        concernLinks: { orderBy: { concernId: "asc" } },
        transferLinks: { orderBy: { transferId: "asc" } },
      },
    });
    if (!r) return {};
    return {
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
});

import "server-only";
// Arms transfers for the generic record service.
import { assertCountries, assertUsable, stillUsed } from "@/lib/records/references";
import { defineRecordService } from "@/lib/records/types";
import { transferDefinition } from "@/lib/records/transfer/definition";

export const transferRecord = defineRecordService(transferDefinition, {
  delegate: (tx) => tx.armsTransfer as never,

  async checkReferences(tx, actor, d) {
    await assertCountries(tx, [d.supplierId], "supplierId");
    await assertCountries(tx, [d.recipientId], "recipientId");
    if (d.weaponSystemId !== null) {
      await assertUsable(tx, actor, "WeaponSystem", [d.weaponSystemId], "weaponSystemId", "Choose a weapon system from the list.");
    }
  },

  async inUse(tx, actor, id) {
    return stillUsed(actor, "transfer", [
      { one: "concern", many: "concerns", count: (where) => tx.concern.count({ where: { ...where, transferLinks: { some: { transferId: id } } } }) },
      { one: "request", many: "requests", count: (where) => tx.diplomaticRequest.count({ where: { ...where, transferLinks: { some: { transferId: id } } } }) },
      { one: "inspection", many: "inspections", count: (where) => tx.inspection.count({ where: { ...where, transferId: id } }) },
    ]);
  },
});

import "server-only";
// Weapon systems for the generic record service.
import { assertCountries, stillUsed } from "@/lib/records/references";
import { defineRecordService } from "@/lib/records/types";
import { weaponSystemDefinition } from "@/lib/records/weapon-system/definition";

export const weaponSystemRecord = defineRecordService(weaponSystemDefinition, {
  delegate: (tx) => tx.weaponSystem as never,

  async checkReferences(tx, _actor, d) {
    await assertCountries(tx, [d.originCountryId], "originCountryId");
  },

  async inUse(tx, actor, id) {
    return stillUsed(actor, "weapon system", [
      { one: "transfer", many: "transfers", count: (where) => tx.armsTransfer.count({ where: { ...where, weaponSystemId: id } }) },
      { one: "inspection", many: "inspections", count: (where) => tx.inspection.count({ where: { ...where, weaponSystemId: id } }) },
    ]);
  },
});

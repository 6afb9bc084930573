import "server-only";
// Inspections (verification of end use) for the generic record service.
import { assertCountries, assertUsable } from "@/lib/records/references";
import { defineRecordService } from "@/lib/records/types";
import { inspectionDefinition } from "@/lib/records/inspection/definition";

export const inspectionRecord = defineRecordService(inspectionDefinition, {
  delegate: (tx) => tx.inspection as never,

  async checkReferences(tx, actor, d) {
    await assertCountries(tx, [d.hostCountryId], "hostCountryId");
    await assertCountries(tx, [d.inspectingCountryId], "inspectingCountryId");
    if (d.transferId !== null) {
      await assertUsable(tx, actor, "ArmsTransfer", [d.transferId], "transferId", "Choose a transfer from the list.");
    }
    if (d.weaponSystemId !== null) {
      await assertUsable(tx, actor, "WeaponSystem", [d.weaponSystemId], "weaponSystemId", "Choose a weapon system from the list.");
    }
  },
});

import "server-only";
// Inspections (verification of end use) for the generic record service.
import { assertCountries, assertUsable } from "@/lib/records/references";
import type { RecordConfig } from "@/lib/records/types";
import { inspectionSchema, type InspectionData } from "@/lib/records/inspection/schema";
import { vagueDateInput } from "@/lib/vague-date";

export const inspectionRecord: RecordConfig<InspectionData> = {
  entityType: "INSPECTION",
  table: "Inspection",
  label: "Inspection",
  plural: "inspections",
  href: (id) => `/inspections/${id}`,
  delegate: (tx) => tx.inspection as never,
  schema: inspectionSchema,

  columns: (d) => ({
    transferId: d.transferId,
    weaponSystemId: d.weaponSystemId,
    hostCountryId: d.hostCountryId,
    inspectingCountryId: d.inspectingCountryId,
    inspectingParty: d.inspectingParty,
    basis: d.basis,
    status: d.status,
    assertedOn: d.assertedOn?.date ?? null,
    assertedOnPrecision: d.assertedOn?.precision ?? null,
    scheduledOn: d.scheduledOn?.date ?? null,
    scheduledOnPrecision: d.scheduledOn?.precision ?? null,
    conductedOn: d.conductedOn?.date ?? null,
    conductedOnPrecision: d.conductedOn?.precision ?? null,
    findings: d.findings,
    visibility: d.visibility,
  }),

  async formValues(tx, id) {
    const i = await tx.inspection.findUnique({ where: { id } });
    if (!i) return null;
    return {
      transferId: i.transferId,
      weaponSystemId: i.weaponSystemId,
      hostCountryId: i.hostCountryId,
      inspectingCountryId: i.inspectingCountryId,
      inspectingParty: i.inspectingParty,
      basis: i.basis,
      status: i.status,
      assertedOn: vagueDateInput(i.assertedOn, i.assertedOnPrecision),
      scheduledOn: vagueDateInput(i.scheduledOn, i.scheduledOnPrecision),
      conductedOn: vagueDateInput(i.conductedOn, i.conductedOnPrecision),
      findings: i.findings,
      visibility: i.visibility,
    };
  },

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
};

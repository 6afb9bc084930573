import "server-only";
// Weapon systems for the generic record service.
import { assertCountries } from "@/lib/records/references";
import { stillUsedMessage } from "@/lib/records/transfers";
import type { RecordConfig } from "@/lib/records/types";
import { weaponSystemSchema, type WeaponSystemData } from "@/lib/validation/weapon-systems";

export const weaponSystemRecord: RecordConfig<WeaponSystemData> = {
  entityType: "WEAPON_SYSTEM",
  table: "WeaponSystem",
  label: "Weapon system",
  plural: "weapon systems",
  href: (id) => `/weapon-systems/${id}`,
  delegate: (tx) => tx.weaponSystem as never,
  schema: weaponSystemSchema,

  columns: (d) => ({
    name: d.name,
    designation: d.designation,
    category: d.category,
    description: d.description,
    originCountryId: d.originCountryId,
    visibility: d.visibility,
  }),

  async formValues(tx, id) {
    const w = await tx.weaponSystem.findUnique({ where: { id } });
    if (!w) return null;
    return {
      name: w.name,
      designation: w.designation,
      category: w.category,
      description: w.description,
      originCountryId: w.originCountryId,
      visibility: w.visibility,
    };
  },

  async checkReferences(tx, _actor, d) {
    await assertCountries(tx, [d.originCountryId], "originCountryId");
  },

  async inUse(tx, id) {
    const [transfers, inspections] = await Promise.all([
      tx.armsTransfer.count({ where: { deletedAt: null, weaponSystemId: id } }),
      tx.inspection.count({ where: { deletedAt: null, weaponSystemId: id } }),
    ]);
    return stillUsedMessage("weapon system", [
      [transfers, "transfer", "transfers"],
      [inspections, "inspection", "inspections"],
    ]);
  },
};

import "server-only";
// Weapon systems for the generic record service.
import { assertCountries, stillUsed } from "@/lib/records/references";
import type { RecordConfig } from "@/lib/records/types";
import { weaponSystemSchema, type WeaponSystemData } from "@/lib/records/weapon-system/schema";

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

  async inUse(tx, actor, id) {
    return stillUsed(actor, "weapon system", [
      { one: "transfer", many: "transfers", count: (where) => tx.armsTransfer.count({ where: { ...where, weaponSystemId: id } }) },
      { one: "inspection", many: "inspections", count: (where) => tx.inspection.count({ where: { ...where, weaponSystemId: id } }) },
    ]);
  },
};

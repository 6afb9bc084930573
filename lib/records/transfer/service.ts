import "server-only";
// Arms transfers for the generic record service.
import { assertCountries, assertUsable, stillUsed } from "@/lib/records/references";
import type { RecordConfig } from "@/lib/records/types";
import { transferSchema, type TransferData } from "@/lib/records/transfer/schema";

export const transferRecord: RecordConfig<TransferData> = {
  entityType: "ARMS_TRANSFER",
  table: "ArmsTransfer",
  label: "Transfer",
  plural: "transfers",
  href: (id) => `/transfers/${id}`,
  delegate: (tx) => tx.armsTransfer as never,
  schema: transferSchema,

  columns: (d) => ({
    supplierId: d.supplierId,
    recipientId: d.recipientId,
    weaponSystemId: d.weaponSystemId,
    status: d.status,
    numberOrdered: d.numberOrdered,
    numberOrderedUncertain: d.numberOrderedUncertain,
    numberDelivered: d.numberDelivered,
    numberDeliveredUncertain: d.numberDeliveredUncertain,
    orderYear: d.orderYear,
    orderYearUncertain: d.orderYearUncertain,
    deliveryYears: d.deliveryYears,
    deliveryYearsUncertain: d.deliveryYearsUncertain,
    comments: d.comments,
    visibility: d.visibility,
  }),

  async formValues(tx, id) {
    const t = await tx.armsTransfer.findUnique({ where: { id } });
    if (!t) return null;
    return {
      supplierId: t.supplierId,
      recipientId: t.recipientId,
      weaponSystemId: t.weaponSystemId,
      status: t.status,
      numberOrdered: t.numberOrdered,
      numberOrderedUncertain: t.numberOrderedUncertain,
      numberDelivered: t.numberDelivered,
      numberDeliveredUncertain: t.numberDeliveredUncertain,
      orderYear: t.orderYear,
      orderYearUncertain: t.orderYearUncertain,
      deliveryYears: [...t.deliveryYears],
      deliveryYearsUncertain: t.deliveryYearsUncertain,
      comments: t.comments,
      visibility: t.visibility,
    };
  },

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
};

import "server-only";
// Arms transfers for the generic record service.
import { assertCountries, assertUsable } from "@/lib/records/references";
import type { RecordConfig } from "@/lib/records/types";
import { transferSchema, type TransferData } from "@/lib/validation/transfers";

/**
 * Why a record may not be deleted yet, naming what still uses it: "This actor
 * is still used by 2 requests and 1 quote; remove those links first." Null
 * when nothing does. Each use is [count, singular noun, plural noun].
 */
export function stillUsedMessage(label: string, uses: readonly (readonly [number, string, string])[]): string | null {
  const parts = uses.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  const total = uses.reduce((sum, [n]) => sum + n, 0);
  return `This ${label} is still used by ${list}; remove ${total === 1 ? "that link" : "those links"} first.`;
}

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

  async inUse(tx, id) {
    const [concerns, requests, inspections] = await Promise.all([
      tx.concern.count({ where: { deletedAt: null, transferLinks: { some: { transferId: id } } } }),
      tx.diplomaticRequest.count({ where: { deletedAt: null, transferLinks: { some: { transferId: id } } } }),
      tx.inspection.count({ where: { deletedAt: null, transferId: id } }),
    ]);
    return stillUsedMessage("transfer", [
      [concerns, "concern", "concerns"],
      [requests, "request", "requests"],
      [inspections, "inspection", "inspections"],
    ]);
  },
};

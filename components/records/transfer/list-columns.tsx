// The columns of the transfers list: what each row shows, and which
// columns sort (by the list spec's sort keys). components/lists/record-list-page.tsx
// renders them with the filters the type's definition describes.
import Link from "next/link";
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { formatUncertain, formatYears } from "@/lib/format/dates";
import { transferStatusLabel, weaponCategoryLabel } from "@/lib/format/labels";
import { RecordLink, listRowParts } from "@/components/records/record-link";
import type { Column } from "@/components/lists/list-table";
import type { TransferListRow } from "@/lib/records/transfer/list";

export const transferListColumns: Column<TransferListRow>[] = [
  {
    key: "transfer",
    header: "Transfer",
    cell: (t) => (
      <>
        <RecordLink type="transfer" record={listRowParts.transfer(t)} className="font-medium text-blue-700 underline dark:text-blue-400" />
        <RecordStateBadges visibility={t.visibility} deletedAt={t.deletedAt} />
      </>
    ),
  },
  {
    key: "weapon",
    hideBelow: "sm",
    header: "Weapon system",
    cell: (t) =>
      t.weaponSystemId !== null ? (
        <>
          <Link href={`/weapon-systems/${t.weaponSystemId}`} className="text-blue-700 underline dark:text-blue-400">
            {t.weaponSystem}
          </Link>
          {t.weaponCategory ? <div className="text-xs text-slate-600 dark:text-slate-400">{weaponCategoryLabel[t.weaponCategory]}</div> : null}
        </>
      ) : t.weaponSystemHidden ? (
        "Not shown"
      ) : (
        "Unknown"
      ),
  },
  { key: "status", header: "Status", sort: "status", cell: (t) => transferStatusLabel[t.status] },
  { key: "ordered", hideBelow: "md", header: "Ordered", align: "right", cell: (t) => formatUncertain(t.numberOrdered, t.numberOrderedUncertain) },
  { key: "delivered", hideBelow: "md", header: "Delivered", align: "right", cell: (t) => formatUncertain(t.numberDelivered, t.numberDeliveredUncertain) },
  { key: "year", hideBelow: "md", header: "Year of order", sort: "year", cell: (t) => formatUncertain(t.orderYear, t.orderYearUncertain) },
  { key: "deliveries", hideBelow: "lg", header: "Deliveries", cell: (t) => formatYears(t.deliveryYears, t.deliveryYearsUncertain) },
  { key: "verified", hideBelow: "lg", header: "Verification", cell: (t) => <VerifiedBadge verified={t.verified} /> },
];

// The columns of the weaponSystems list: what each row shows, and which
// columns sort (by the list spec's sort keys). components/lists/record-list-page.tsx
// renders them with the filters the type's definition describes.
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { weaponCategoryLabel } from "@/lib/format/labels";
import { RecordLink } from "@/components/records/record-link";
import type { Column } from "@/components/lists/list-table";
import type { WeaponSystemListRow } from "@/lib/records/weapon-system/list";

export const weaponSystemListColumns: Column<WeaponSystemListRow>[] = [
  {
    key: "name",
    header: "Weapon system",
    sort: "name",
    cell: (w) => (
      <>
        <RecordLink type="weaponSystem" record={w} className="font-medium text-blue-700 underline dark:text-blue-400" />
        <RecordStateBadges visibility={w.visibility} deletedAt={w.deletedAt} />
        {w.designation ? <div className="text-xs text-slate-600 dark:text-slate-400">{w.designation}</div> : null}
      </>
    ),
  },
  { key: "category", header: "Category", sort: "category", cell: (w) => weaponCategoryLabel[w.category] },
  { key: "origin", hideBelow: "sm", header: "Origin", cell: (w) => w.originCountry ?? "Unknown" },
  { key: "transfers", hideBelow: "sm", header: "Transfers", align: "right", cell: (w) => w.transfers },
  { key: "verified", hideBelow: "md", header: "Verification", cell: (w) => <VerifiedBadge verified={w.verified} /> },
];

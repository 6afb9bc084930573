import type { Metadata } from "next";
import { connection } from "next/server";
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { countryFilter, deletedFilter, enumFilter, searchFilter, verifiedFilter } from "@/components/lists/filters";
import { ListView } from "@/components/lists/list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCountryOptions } from "@/lib/db/lists/countries";
import { listWeaponSystems } from "@/lib/records/weapon-system/list";
import { weaponCategoryLabel } from "@/lib/format/labels";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { can } from "@/lib/permissions";
import { RecordLink } from "@/components/records/record-link";

export const metadata: Metadata = { title: "Weapon systems" };

export default async function WeaponSystemsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/weapon-systems");
  const { params, messages } = parseListParams("weaponSystems", await searchParams);
  const [page, countries] = await Promise.all([listWeaponSystems(viewer, params), listCountryOptions(viewer)]);
  return (
    <ListView
      title="Weapon systems"
      intro="Weapon systems by register category, MANPADS on their own, with their country of origin."
      plural="weapon systems"
      params={params}
      messages={messages}
      page={page}
      filters={[
        searchFilter(params, "Search weapon systems", "Name, designation and description."),
        countryFilter(params, countries, "Country of origin"),
        enumFilter(params, "weapon", "Category", weaponCategoryLabel, "Any category"),
        verifiedFilter(params),
        ...deletedFilter(params, can(viewer.role, "record:restore")),
      ]}
      columns={[
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
        { key: "origin", header: "Origin", cell: (w) => w.originCountry ?? "Unknown" },
        { key: "transfers", header: "Transfers", align: "right", cell: (w) => w.transfers },
        { key: "verified", header: "Verification", cell: (w) => <VerifiedBadge verified={w.verified} /> },
      ]}
    />
  );
}

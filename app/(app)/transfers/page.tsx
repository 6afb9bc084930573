import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { countryFilter, dateFilters, deletedFilter, enumFilter, searchFilter, verifiedFilter } from "@/components/lists/filters";
import { ListView } from "@/components/lists/list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCountryOptions } from "@/lib/db/lists/countries";
import { listTransfers } from "@/lib/records/transfer/list";
import { formatUncertain, formatYears } from "@/lib/format/dates";
import { transferStatusLabel, weaponCategoryLabel } from "@/lib/format/labels";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { can } from "@/lib/permissions";
import { RecordLink, listRowParts } from "@/components/records/record-link";

export const metadata: Metadata = { title: "Arms transfers" };

export default async function TransfersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/transfers");
  const { params, messages } = parseListParams("transfers", await searchParams);
  const [page, countries] = await Promise.all([listTransfers(viewer, params), listCountryOptions(viewer)]);
  return (
    <ListView
      title="Arms transfers"
      intro={
        <>
          Deals as arms-transfer registers record them: supplier, recipient, weapon system, numbers and years (estimates marked).
          {can(viewer.role, "record:create") ? (
            <>
              {" "}
              <Link href="/import?kind=transfers" className="text-blue-700 underline dark:text-blue-400">
                Import transfers from a CSV register
              </Link>
            </>
          ) : null}
        </>
      }
      plural="arms transfers"
      params={params}
      messages={messages}
      page={page}
      filters={[
        searchFilter(params, "Search transfers", "The transfers’ comments."),
        countryFilter(params, countries, "Country (supplier or recipient)"),
        enumFilter(params, "status", "Status", transferStatusLabel, "Any status"),
        enumFilter(params, "weapon", "Weapon category", weaponCategoryLabel, "Any weapon category"),
        ...dateFilters(params, "Year of order"),
        verifiedFilter(params),
        ...deletedFilter(params, can(viewer.role, "record:restore")),
      ]}
      columns={[
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
          header: "Weapon system",
          cell: (t) =>
            t.weaponSystemId !== null ? (
              <>
                <Link href={`/weapon-systems/${t.weaponSystemId}`} className="text-blue-700 underline dark:text-blue-400">
                  {t.weaponSystem}
                </Link>
                {t.weaponCategory ? <div className="text-xs text-slate-600 dark:text-slate-400">{weaponCategoryLabel[t.weaponCategory]}</div> : null}
              </>
            ) : (
              "Unknown"
            ),
        },
        { key: "status", header: "Status", sort: "status", cell: (t) => transferStatusLabel[t.status] },
        { key: "ordered", header: "Ordered", align: "right", cell: (t) => formatUncertain(t.numberOrdered, t.numberOrderedUncertain) },
        { key: "delivered", header: "Delivered", align: "right", cell: (t) => formatUncertain(t.numberDelivered, t.numberDeliveredUncertain) },
        { key: "year", header: "Year of order", sort: "year", cell: (t) => formatUncertain(t.orderYear, t.orderYearUncertain) },
        { key: "deliveries", header: "Deliveries", cell: (t) => formatYears(t.deliveryYears, t.deliveryYearsUncertain) },
        { key: "verified", header: "Verification", cell: (t) => <VerifiedBadge verified={t.verified} /> },
      ]}
    />
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CountryPair, RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { countryFilter, dateFilters, deletedFilter, enumFilter, searchFilter, verifiedFilter } from "@/components/lists/filters";
import { ListView } from "@/components/lists/list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCountryOptions } from "@/lib/db/lists/countries";
import { listRequests } from "@/lib/records/request/list";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, labelOrUnknown, requestAskLabel, requestResponseLabel, weaponCategoryLabel } from "@/lib/format/labels";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { can } from "@/lib/permissions";
import { RecordLink } from "@/components/records/record-link";

export const metadata: Metadata = { title: "Diplomatic requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/requests");
  const { params, messages } = parseListParams("requests", await searchParams);
  const [page, countries] = await Promise.all([listRequests(viewer, params), listCountryOptions(viewer)]);
  return (
    <ListView
      title="Diplomatic requests"
      intro={
        <>
          Every lobbying attempt (démarche) about an arms sale: who asked whom, for what, and the answer.
          {can(viewer.role, "record:create") ? (
            <>
              {" "}
              <Link href="/import?kind=requests" className="text-blue-700 underline dark:text-blue-400">
                Import requests from CSV
              </Link>
            </>
          ) : null}
        </>
      }
      plural="diplomatic requests"
      params={params}
      messages={messages}
      page={page}
      filters={[
        searchFilter(params, "Search requests", "Titles, asks and answers, and the quotes and cited passages of each request."),
        countryFilter(params, countries, "Country (requesting or target)"),
        enumFilter(params, "response", "Response", requestResponseLabel, "Any response"),
        enumFilter(params, "weapon", "Weapon category (of the transfers)", weaponCategoryLabel, "Any weapon category"),
        ...dateFilters(params, "Date"),
        verifiedFilter(params),
        ...deletedFilter(params, can(viewer.role, "record:restore")),
      ]}
      columns={[
        {
          key: "title",
          header: "Request",
          sort: "title",
          cell: (r) => (
            <>
              <RecordLink type="request" record={r} className="font-medium text-blue-700 underline dark:text-blue-400" />
              <RecordStateBadges visibility={r.visibility} deletedAt={r.deletedAt} />
              {r.classification ? (
                <div className="text-xs text-slate-600 dark:text-slate-400">Document: {classificationLabel[r.classification]}</div>
              ) : null}
            </>
          ),
        },
        { key: "date", header: "Date", sort: "date", cell: (r) => formatVagueDate(r.occurredOn, r.occurredOnPrecision) },
        {
          key: "countries",
          header: "From → to",
          cell: (r) => <CountryPair from={r.requestingCountry} to={r.targetCountry} />,
        },
        { key: "ask", header: "Ask", sort: "ask", cell: (r) => requestAskLabel[r.ask] },
        { key: "response", header: "Response", sort: "response", cell: (r) => labelOrUnknown(requestResponseLabel, r.response) },
        { key: "verified", header: "Verification", cell: (r) => <VerifiedBadge verified={r.verified} /> },
      ]}
    />
  );
}

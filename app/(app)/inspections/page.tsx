import type { Metadata } from "next";
import { connection } from "next/server";
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { countryFilter, dateFilters, deletedFilter, enumFilter, searchFilter, verifiedFilter } from "@/components/lists/filters";
import { ListView } from "@/components/lists/list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCountryOptions } from "@/lib/db/lists/countries";
import { listInspections } from "@/lib/records/inspection/list";
import { formatVagueDate } from "@/lib/format/dates";
import { inspectionStatusLabel } from "@/lib/format/labels";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { can } from "@/lib/permissions";
import { RecordLink, listRowParts } from "@/components/records/record-link";

export const metadata: Metadata = { title: "Inspections" };

const dateOrDash = (date: Date | null, precision: Parameters<typeof formatVagueDate>[1]) => (date ? formatVagueDate(date, precision) : "—");

export default async function InspectionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/inspections");
  const { params, messages } = parseListParams("inspections", await searchParams);
  const [page, countries] = await Promise.all([listInspections(viewer, params), listCountryOptions(viewer)]);
  return (
    <ListView
      title="Inspections"
      intro="Verification of end use: which inspections were claimed, promised, scheduled, done or refused."
      plural="inspections"
      params={params}
      messages={messages}
      page={page}
      filters={[
        searchFilter(params, "Search inspections", "Basis, findings and inspecting party."),
        countryFilter(params, countries, "Country (host or inspecting)"),
        enumFilter(params, "status", "Status", inspectionStatusLabel, "Any status"),
        ...dateFilters(params, "Asserted or scheduled"),
        verifiedFilter(params),
        ...deletedFilter(params, can(viewer.role, "record:restore")),
      ]}
      columns={[
        {
          key: "inspection",
          header: "Inspection",
          cell: (i) => (
            <>
              <RecordLink type="inspection" record={listRowParts.inspection(i)} className="font-medium text-blue-700 underline dark:text-blue-400" />
              <RecordStateBadges visibility={i.visibility} deletedAt={i.deletedAt} />
              {i.basis ? <div className="max-w-md text-xs text-slate-600 dark:text-slate-400">{i.basis}</div> : null}
            </>
          ),
        },
        {
          key: "inspecting",
          header: "Inspecting",
          cell: (i) => [i.inspectingCountry, i.inspectingParty].filter(Boolean).join("; ") || "Unknown",
        },
        { key: "status", header: "Status", sort: "status", cell: (i) => inspectionStatusLabel[i.status] },
        { key: "asserted", header: "Asserted", sort: "asserted", cell: (i) => dateOrDash(i.assertedOn, i.assertedOnPrecision) },
        { key: "scheduled", header: "Scheduled", sort: "scheduled", cell: (i) => dateOrDash(i.scheduledOn, i.scheduledOnPrecision) },
        { key: "conducted", header: "Conducted", cell: (i) => dateOrDash(i.conductedOn, i.conductedOnPrecision) },
        { key: "verified", header: "Verification", cell: (i) => <VerifiedBadge verified={i.verified} /> },
      ]}
    />
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import { Badge } from "@/components/badge";
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { countryFilter, dateFilters, deletedFilter, enumFilter, searchFilter, verifiedFilter } from "@/components/lists/filters";
import { ListView } from "@/components/lists/list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listConcerns } from "@/lib/records/concern/list";
import { listCountryOptions } from "@/lib/db/lists/countries";
import { formatVagueDate } from "@/lib/format/dates";
import { concernCategoryLabel, concernStatusLabel, severityLabel } from "@/lib/format/labels";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { can } from "@/lib/permissions";
import { RecordLink } from "@/components/records/record-link";

export const metadata: Metadata = { title: "Concerns" };

export default async function ConcernsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/concerns");
  const { params, messages } = parseListParams("concerns", await searchParams);
  const [page, countries] = await Promise.all([listConcerns(viewer, params), listCountryOptions(viewer)]);
  const today = new Date();
  return (
    <ListView
      title="Concerns"
      intro="What worries the monitors about arms transfers, from opening to resolution."
      plural="concerns"
      params={params}
      messages={messages}
      page={page}
      filters={[
        searchFilter(params, "Search concerns", "Titles, summaries and resolution notes, the concerns’ quotes and cited passages, and the quotes of their requests."),
        countryFilter(params, countries),
        enumFilter(params, "status", "Status", concernStatusLabel, "Any status", [{ value: "OPEN,MONITORING", label: "Unresolved (open or monitoring)" }]),
        enumFilter(params, "severity", "Severity", severityLabel, "Any severity"),
        enumFilter(params, "category", "Category", concernCategoryLabel, "Any category"),
        ...dateFilters(params, "Opened"),
        verifiedFilter(params),
        ...deletedFilter(params, can(viewer.role, "record:restore")),
      ]}
      columns={[
        {
          key: "title",
          header: "Concern",
          sort: "title",
          cell: (c) => (
            <>
              <RecordLink type="concern" record={c} className="font-medium text-blue-700 underline dark:text-blue-400" />
              <RecordStateBadges visibility={c.visibility} deletedAt={c.deletedAt} />
              <div className="text-xs text-slate-600 dark:text-slate-400">{concernCategoryLabel[c.category]}</div>
            </>
          ),
        },
        {
          key: "severity",
          header: "Severity",
          sort: "severity",
          cell: (c) => (
            <Badge tone={c.severity === "HIGH" || c.severity === "CRITICAL" ? "danger" : "neutral"}>{severityLabel[c.severity]}</Badge>
          ),
        },
        { key: "status", header: "Status", sort: "status", cell: (c) => concernStatusLabel[c.status] },
        { key: "countries", header: "Countries", cell: (c) => c.countryNames.join(", ") || "—" },
        { key: "opened", header: "Opened", sort: "opened", cell: (c) => formatVagueDate(c.openedOn, c.openedOnPrecision) },
        {
          key: "review",
          header: "Next review",
          sort: "review",
          cell: (c) =>
            c.nextReviewOn ? (
              <>
                {formatVagueDate(c.nextReviewOn, "DAY")}
                {c.nextReviewOn < today && (c.status === "OPEN" || c.status === "MONITORING") ? (
                  <div>
                    <Badge tone="warning">Overdue</Badge>
                  </div>
                ) : null}
              </>
            ) : (
              "Not set"
            ),
        },
        { key: "owner", header: "Owner", cell: (c) => c.owner ?? "No owner" },
        { key: "requests", header: "Requests", align: "right", cell: (c) => c.requests },
        { key: "verified", header: "Verification", cell: (c) => <VerifiedBadge verified={c.verified} /> },
      ]}
    />
  );
}

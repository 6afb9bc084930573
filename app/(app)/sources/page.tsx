import type { Metadata } from "next";
import { connection } from "next/server";
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { dateFilters, deletedFilter, enumFilter, searchFilter, verifiedFilter } from "@/components/lists/filters";
import { ListView } from "@/components/lists/list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listSources } from "@/lib/records/source/list";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, labelOrUnknown, sourceKindLabel } from "@/lib/format/labels";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { can } from "@/lib/permissions";
import { RecordLink } from "@/components/records/record-link";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/sources");
  const { params, messages } = parseListParams("sources", await searchParams);
  const page = await listSources(viewer, params);
  return (
    <ListView
      title="Sources"
      intro="The evidence: cables, articles, reports, statements and events, with their grading."
      plural="sources"
      params={params}
      messages={messages}
      page={page}
      filters={[
        searchFilter(params, "Search sources", "Title, reference, author, publisher and excerpt."),
        enumFilter(params, "kind", "Kind", sourceKindLabel, "Any kind"),
        ...dateFilters(params, "Published"),
        verifiedFilter(params),
        ...deletedFilter(params, can(viewer.role, "record:restore")),
      ]}
      columns={[
        {
          key: "title",
          header: "Source",
          sort: "title",
          cell: (s) => (
            <>
              <RecordLink type="source" record={s} className="font-medium text-blue-700 underline dark:text-blue-400" />
              <RecordStateBadges visibility={s.visibility} deletedAt={s.deletedAt} />
              {s.reference ? <div className="text-xs text-slate-600 dark:text-slate-400">{s.reference}</div> : null}
            </>
          ),
        },
        { key: "kind", header: "Kind", sort: "kind", cell: (s) => sourceKindLabel[s.kind] },
        { key: "by", header: "Author, publisher", cell: (s) => [s.author, s.publisher].filter(Boolean).join(", ") || "Unknown" },
        { key: "published", header: "Published", sort: "published", cell: (s) => formatVagueDate(s.publishedOn, s.publishedOnPrecision) },
        { key: "classification", header: "Classification", cell: (s) => labelOrUnknown(classificationLabel, s.classification) },
        { key: "reliability", header: "Reliability", cell: (s) => s.reliability ?? "Not graded" },
        { key: "verified", header: "Verification", cell: (s) => <VerifiedBadge verified={s.verified} /> },
      ]}
    />
  );
}

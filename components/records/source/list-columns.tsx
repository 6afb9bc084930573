// The columns of the sources list: what each row shows, and which
// columns sort (by the list spec's sort keys). components/lists/record-list-page.tsx
// renders them with the filters the type's definition describes.
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, labelOrUnknown, sourceKindLabel } from "@/lib/format/labels";
import { RecordLink } from "@/components/records/record-link";
import type { Column } from "@/components/lists/list-table";
import type { SourceListRow } from "@/lib/records/source/list";

export const sourceListColumns: Column<SourceListRow>[] = [
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
  { key: "by", hideBelow: "md", header: "Author, publisher", cell: (s) => [s.author, s.publisher].filter(Boolean).join(", ") || "Unknown" },
  { key: "published", hideBelow: "sm", header: "Published", sort: "published", cell: (s) => formatVagueDate(s.publishedOn, s.publishedOnPrecision) },
  { key: "classification", hideBelow: "lg", header: "Classification", cell: (s) => labelOrUnknown(classificationLabel, s.classification) },
  { key: "reliability", hideBelow: "lg", header: "Reliability", cell: (s) => s.reliability ?? "Not graded" },
  { key: "verified", hideBelow: "lg", header: "Verification", cell: (s) => <VerifiedBadge verified={s.verified} /> },
];

// The columns of the concerns list: what each row shows, and which
// columns sort (by the list spec's sort keys). components/lists/record-list-page.tsx
// renders them with the filters the type's definition describes.
import { Badge } from "@/components/badge";
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { formatVagueDate } from "@/lib/format/dates";
import { concernCategoryLabel, concernStatusLabel, severityLabel } from "@/lib/format/labels";
import { RecordLink } from "@/components/records/record-link";
import type { Column } from "@/components/lists/list-table";
import type { ConcernListRow } from "@/lib/records/concern/list";

export const concernListColumns: Column<ConcernListRow>[] = [
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
    hideBelow: "sm",
    header: "Severity",
    sort: "severity",
    cell: (c) => (
      <Badge tone={c.severity === "HIGH" || c.severity === "CRITICAL" ? "danger" : "neutral"}>{severityLabel[c.severity]}</Badge>
    ),
  },
  { key: "status", header: "Status", sort: "status", cell: (c) => concernStatusLabel[c.status] },
  { key: "countries", hideBelow: "md", header: "Countries", cell: (c) => c.countryNames.join(", ") || "—" },
  { key: "opened", hideBelow: "md", header: "Opened", sort: "opened", cell: (c) => formatVagueDate(c.openedOn, c.openedOnPrecision) },
  {
    key: "review",
    hideBelow: "lg",
    header: "Next review",
    sort: "review",
    cell: (c) =>
      c.nextReviewOn ? (
        <>
          {formatVagueDate(c.nextReviewOn, "DAY")}
          {c.nextReviewOn < new Date() && (c.status === "OPEN" || c.status === "MONITORING") ? (
            <div>
              <Badge tone="warning">Overdue</Badge>
            </div>
          ) : null}
        </>
      ) : (
        "Not set"
      ),
  },
  { key: "owner", hideBelow: "lg", header: "Owner", cell: (c) => c.owner ?? "No owner" },
  { key: "requests", hideBelow: "lg", header: "Requests", align: "right", cell: (c) => c.requests },
  { key: "verified", hideBelow: "lg", header: "Verification", cell: (c) => <VerifiedBadge verified={c.verified} /> },
];

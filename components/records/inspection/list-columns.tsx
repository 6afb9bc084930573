// The columns of the inspections list: what each row shows, and which
// columns sort (by the list spec's sort keys). components/lists/record-list-page.tsx
// renders them with the filters the type's definition describes.
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { inspectionStatusLabel } from "@/lib/format/labels";
import { RecordLink, listRowParts } from "@/components/records/record-link";
import { formatVagueDate } from "@/lib/format/dates";
import type { Column } from "@/components/lists/list-table";
import type { InspectionListRow } from "@/lib/records/inspection/list";

const dateOrDash = (date: Date | null, precision: Parameters<typeof formatVagueDate>[1]) => (date ? formatVagueDate(date, precision) : "—");

export const inspectionListColumns: Column<InspectionListRow>[] = [
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
    hideBelow: "sm",
    header: "Inspecting",
    cell: (i) => [i.inspectingCountry, i.inspectingParty].filter(Boolean).join("; ") || "Unknown",
  },
  { key: "status", header: "Status", sort: "status", cell: (i) => inspectionStatusLabel[i.status] },
  { key: "asserted", hideBelow: "md", header: "Asserted", sort: "asserted", cell: (i) => dateOrDash(i.assertedOn, i.assertedOnPrecision) },
  { key: "scheduled", hideBelow: "md", header: "Scheduled", sort: "scheduled", cell: (i) => dateOrDash(i.scheduledOn, i.scheduledOnPrecision) },
  { key: "conducted", hideBelow: "lg", header: "Conducted", cell: (i) => dateOrDash(i.conductedOn, i.conductedOnPrecision) },
  { key: "verified", hideBelow: "lg", header: "Verification", cell: (i) => <VerifiedBadge verified={i.verified} /> },
];

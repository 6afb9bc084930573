// The columns of the requests list: what each row shows, and which
// columns sort (by the list spec's sort keys). components/lists/record-list-page.tsx
// renders them with the filters the type's definition describes.
import { CountryPair, RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, labelOrUnknown, requestAskLabel, requestResponseLabel } from "@/lib/format/labels";
import { RecordLink } from "@/components/records/record-link";
import type { Column } from "@/components/lists/list-table";
import type { RequestListRow } from "@/lib/records/request/list";

export const requestListColumns: Column<RequestListRow>[] = [
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
    hideBelow: "sm",
    header: "From → to",
    cell: (r) => <CountryPair from={r.requestingCountry} to={r.targetCountry} />,
  },
  { key: "ask", hideBelow: "md", header: "Ask", sort: "ask", cell: (r) => requestAskLabel[r.ask] },
  { key: "response", hideBelow: "md", header: "Response", sort: "response", cell: (r) => labelOrUnknown(requestResponseLabel, r.response) },
  { key: "verified", hideBelow: "lg", header: "Verification", cell: (r) => <VerifiedBadge verified={r.verified} /> },
];

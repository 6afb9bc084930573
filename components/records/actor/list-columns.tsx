// The columns of the actors list: what each row shows, and which
// columns sort (by the list spec's sort keys). components/lists/record-list-page.tsx
// renders them with the filters the type's definition describes.
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { actorKindLabel } from "@/lib/format/labels";
import { RecordLink } from "@/components/records/record-link";
import type { Column } from "@/components/lists/list-table";
import type { ActorListRow } from "@/lib/records/actor/list";

export const actorListColumns: Column<ActorListRow>[] = [
  {
    key: "name",
    header: "Actor",
    sort: "name",
    cell: (a) => (
      <>
        <RecordLink type="actor" record={a} className="font-medium text-blue-700 underline dark:text-blue-400" />
        <RecordStateBadges visibility={a.visibility} deletedAt={a.deletedAt} />
        {a.title || a.affiliation ? (
          <div className="text-xs text-slate-600 dark:text-slate-400">{[a.title, a.affiliation].filter(Boolean).join(", ")}</div>
        ) : null}
      </>
    ),
  },
  { key: "kind", header: "Kind", sort: "kind", cell: (a) => actorKindLabel[a.kind] },
  { key: "country", hideBelow: "sm", header: "Country", cell: (a) => a.country ?? "Unknown" },
  { key: "verified", hideBelow: "md", header: "Verification", cell: (a) => <VerifiedBadge verified={a.verified} /> },
];

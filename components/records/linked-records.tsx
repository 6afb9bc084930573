// Lists of records linked to the one a page shows, shared by the record
// pages. Every such list is a Related list (lib/db/records/related.ts): its
// first rows, their total and a link to all of them, which RelatedList
// shows; no record page renders a related list in any other way.
import Link from "next/link";
import type { ReactNode } from "react";
import { isPartial, type Related } from "@/lib/db/records/related";
import { formatVagueDate } from "@/lib/format/dates";
import { inspectionStatusLabel } from "@/lib/format/labels";
import type { DatePrecision, InspectionStatus } from "@/lib/generated/prisma/enums";
import type { inspectionName } from "@/lib/records/inspection/definition";
import { RecordLink } from "@/components/records/record-link";

const link = "text-blue-700 underline dark:text-blue-400";

/**
 * A related list: `empty` when there is none, else its rows (rendered by
 * `children`) and, when they are only the first ones, how many there are and
 * a link to all of them.
 */
export function RelatedList<T>({
  list,
  plural,
  empty,
  children,
}: {
  list: Related<T>;
  /** What the rows are, in the plural ("transfers of this system"). */
  plural: string;
  empty: ReactNode;
  children: (rows: T[]) => ReactNode;
}) {
  if (list.total === 0) return typeof empty === "string" ? <p className="text-sm">{empty}</p> : <>{empty}</>;
  return (
    <>
      {children(list.rows)}
      <RelatedMore list={list} plural={plural} />
    </>
  );
}

/** "The first 25 of 3,000 transfers are shown. See all 3,000 transfers": nothing when every row is shown. */
export function RelatedMore({ list, plural }: { list: Related<unknown>; plural: string }) {
  if (!isPartial(list)) return null;
  const total = list.total.toLocaleString("en");
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {list.rows.length === 0 ? `${total} ${plural}. ` : `The first ${list.rows.length.toLocaleString("en")} of ${total} ${plural} are shown. `}
      <Link className={`font-medium ${link}`} href={list.href}>
        See all {total} {plural}
      </Link>
    </p>
  );
}

type QuoteLink = {
  id: number;
  text: string;
  speakerLabel: string | null;
  saidOn: Date | null;
  saidOnPrecision: DatePrecision | null;
  speaker?: { name: string } | null;
};

/** A record's quotes, each by its name (its speaker and its opening words) and when it was said. */
export function QuoteLinks({ quotes }: { quotes: Related<QuoteLink> }) {
  return (
    <RelatedList list={quotes} plural="quotes" empty="No quote recorded.">
      {(rows) => (
    <ul className="space-y-2 text-sm">
      {rows.map((q) => (
        <li key={q.id}>
          <RecordLink type="quote" record={q} />
          {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
        </li>
      ))}
    </ul>
      )}
    </RelatedList>
  );
}

type InspectionLink = Parameters<typeof inspectionName>[0] & {
  id: number;
  status: InspectionStatus;
  conductedOn: Date | null;
  conductedOnPrecision: DatePrecision | null;
  scheduledOn: Date | null;
  scheduledOnPrecision: DatePrecision | null;
};

/** Inspections, each by its name, with its status and when it was done or is due. */
export function InspectionLinks<T extends InspectionLink>({ inspections, empty }: { inspections: Related<T>; empty: string }) {
  return (
    <RelatedList list={inspections} plural="inspections" empty={empty}>
      {(rows) => (
    <ul className="list-disc pl-5 text-sm">
      {rows.map((i) => (
        <li key={i.id}>
          <RecordLink type="inspection" record={i} />: {inspectionStatusLabel[i.status]}
          {i.conductedOn
            ? `, conducted ${formatVagueDate(i.conductedOn, i.conductedOnPrecision)}`
            : i.scheduledOn
              ? `, scheduled for ${formatVagueDate(i.scheduledOn, i.scheduledOnPrecision)}`
              : ""}
        </li>
      ))}
    </ul>
      )}
    </RelatedList>
  );
}

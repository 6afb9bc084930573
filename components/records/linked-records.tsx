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

export function QuoteLinks({ quotes }: { quotes: Related<QuoteLink> }) {
  return (
    <RelatedList list={quotes} plural="quotes" empty="No quote recorded.">
      {(rows) => (
    <ul className="space-y-2 text-sm">
      {rows.map((q) => (
        <li key={q.id}>
          <Link className={link} href={`/quotes/${q.id}`}>“{q.text}”</Link>
          {" — "}{q.speaker?.name ?? q.speakerLabel ?? "Speaker unknown"}
          {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
        </li>
      ))}
    </ul>
      )}
    </RelatedList>
  );
}

type InspectionLink = {
  id: number;
  status: InspectionStatus;
  conductedOn: Date | null;
  conductedOnPrecision: DatePrecision | null;
  scheduledOn: Date | null;
  scheduledOnPrecision: DatePrecision | null;
};

export function InspectionLinks<T extends InspectionLink>({ inspections, title, empty }: { inspections: Related<T>; title: (i: T) => string; empty: string }) {
  return (
    <RelatedList list={inspections} plural="inspections" empty={empty}>
      {(rows) => (
    <ul className="list-disc pl-5 text-sm">
      {rows.map((i) => (
        <li key={i.id}>
          <Link className={link} href={`/inspections/${i.id}`}>{title(i)}</Link>: {inspectionStatusLabel[i.status]}
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

// Short lists of records linked to the one a page shows, shared by the
// record pages.
import Link from "next/link";
import { formatVagueDate } from "@/lib/format/dates";
import { inspectionStatusLabel } from "@/lib/format/labels";
import type { DatePrecision, InspectionStatus } from "@/lib/generated/prisma/enums";

const link = "text-blue-700 underline dark:text-blue-400";

type QuoteLink = {
  id: number;
  text: string;
  speakerLabel: string | null;
  saidOn: Date | null;
  saidOnPrecision: DatePrecision | null;
  speaker?: { name: string } | null;
};

export function QuoteLinks({ quotes }: { quotes: QuoteLink[] }) {
  if (quotes.length === 0) return <p className="text-sm">No quote recorded.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {quotes.map((q) => (
        <li key={q.id}>
          <Link className={link} href={`/quotes/${q.id}`}>“{q.text}”</Link>
          {" — "}{q.speaker?.name ?? q.speakerLabel ?? "Speaker unknown"}
          {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
        </li>
      ))}
    </ul>
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

export function InspectionLinks<T extends InspectionLink>({ inspections, title, empty }: { inspections: T[]; title: (i: T) => string; empty: string }) {
  if (inspections.length === 0) return <p className="text-sm">{empty}</p>;
  return (
    <ul className="list-disc pl-5 text-sm">
      {inspections.map((i) => (
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
  );
}

// A link to a record, labelled with its one display name (displayName in
// lib/records/definitions.ts): every page, list and related list links a
// record this way, so that it has the same name everywhere.
import Link from "next/link";
import { displayName, recordHref, type DefinitionOf, type RecordType } from "@/lib/records/definitions";

export { listRowParts } from "@/lib/pages/display-names";

const link = "text-blue-700 underline dark:text-blue-400";

type Parts<T extends RecordType> = Parameters<DefinitionOf<T>["displayName"]>[0];

export function RecordLink<T extends RecordType>({ type, record, className = link }: { type: T; record: Parts<T> & { id: number }; className?: string }) {
  return <Link className={className} href={recordHref(type, record.id)}>{displayName(type, record)}</Link>;
}

type QuoteAboutParts = {
  request?: (Parts<"request"> & { id: number }) | null;
  concern?: (Parts<"concern"> & { id: number }) | null;
  transfer?: (Parts<"transfer"> & { id: number }) | null;
  inspection?: (Parts<"inspection"> & { id: number }) | null;
};

/** "About: <request>; <transfer>": the records a quote is about, each by its name (nothing when none). */
export function QuoteAbout({ quote: q }: { quote: QuoteAboutParts }) {
  const about = [
    q.request ? <RecordLink key="request" type="request" record={q.request} /> : null,
    q.concern ? <RecordLink key="concern" type="concern" record={q.concern} /> : null,
    q.transfer ? <RecordLink key="transfer" type="transfer" record={q.transfer} /> : null,
    q.inspection ? <RecordLink key="inspection" type="inspection" record={q.inspection} /> : null,
  ].filter((x) => x !== null);
  if (about.length === 0) return null;
  return (
    <span className="block text-slate-600 dark:text-slate-400">
      About:{" "}
      {about.map((x, n) => (
        <span key={x.key}>
          {n > 0 ? "; " : ""}
          {x}
        </span>
      ))}
    </span>
  );
}


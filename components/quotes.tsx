import { Citations } from "@/components/citations";
import { RelatedMore } from "@/components/records/linked-records";
import type { Related } from "@/lib/db/records/related";
import type { QuoteWithCitations } from "@/lib/records/source/queries";
import { formatVagueDate } from "@/lib/format/dates";

/** Quotes in full, each with its sources; nothing when there is none. */
export function Quotes({ quotes }: { quotes: Related<QuoteWithCitations> }) {
  if (quotes.total === 0) return null;
  return (
    <>
    <ul className="mt-3 space-y-3">
      {quotes.rows.map((q) => (
        <li key={q.id}>
          <figure className="rounded border border-slate-200 p-3 dark:border-slate-800">
            <blockquote className="text-base">“{q.text}”</blockquote>
            <figcaption className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              — {q.speaker ? `${q.speaker.name}${q.speaker.title ? `, ${q.speaker.title}` : ""}` : (q.speakerLabel ?? "Speaker unknown")}
              {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
              {q.context ? <span className="block text-slate-600 dark:text-slate-400">{q.context}</span> : null}
            </figcaption>
            <Citations citations={q.citations} />
          </figure>
        </li>
      ))}
    </ul>
    <RelatedMore list={quotes} plural="quotes" />
    </>
  );
}

import { Citations } from "@/components/citations";
import { RelatedMore } from "@/components/records/linked-records";
import type { Related } from "@/lib/db/records/related";
import type { QuoteWithCitations } from "@/lib/records/source/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { quoted } from "@/lib/format/quotes";
import type { CitationRef } from "@/lib/records/concern/queries";

/** Quotes in full, each with its sources (as references when given `refs`, see Citations); nothing when there is none. */
export function Quotes({ quotes, refs, columns = false }: { quotes: Related<QuoteWithCitations>; refs?: Record<number, CitationRef>; columns?: boolean }) {
  if (quotes.total === 0 || quotes.rows.length === 0) return quotes.total > quotes.rows.length ? <RelatedMore list={quotes} plural="quotes" /> : null;
  return (
    <>
    <ul className={columns ? "mt-3 grid gap-3 lg:grid-cols-2" : "mt-3 space-y-3"}>
      {quotes.rows.map((q) => (
        <li key={q.id}>
          <figure className={`rounded border border-slate-200 dark:border-slate-800 ${refs ? "p-2" : "p-3"}`}>
            <blockquote className="text-base">{quoted(q.text)}</blockquote>
            <figcaption className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              — {q.speaker ? `${q.speaker.name}${q.speaker.title ? `, ${q.speaker.title}` : ""}` : (q.speakerLabel ?? "Speaker unknown")}
              {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
              {q.context ? <span className="block text-slate-600 dark:text-slate-400">{q.context}</span> : null}
            </figcaption>
            <Citations citations={q.citations} refs={refs} />
          </figure>
        </li>
      ))}
    </ul>
    <RelatedMore list={quotes} plural="quotes" />
    </>
  );
}

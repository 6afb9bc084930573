import type { ConcernDetail } from "@/lib/db/concerns";
import { formatVagueDate } from "@/lib/format/dates";
import { Citations } from "@/components/citations";

type Quote = ConcernDetail["quotes"][number];

export function Quotes({ quotes }: { quotes: Quote[] }) {
  if (quotes.length === 0) return null;
  return (
    <ul className="mt-3 space-y-3">
      {quotes.map((q) => (
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
  );
}

import { RelatedMore } from "@/components/records/linked-records";
import type { Related } from "@/lib/db/records/related";
import type { CitationRow } from "@/lib/records/source/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, sourceKindLabel } from "@/lib/format/labels";

/** The sources a record cites, each with the passage that supports it. */
export function Citations({ citations, label = "Sources" }: { citations: Related<CitationRow>; label?: string }) {
  if (citations.total === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No source cited.</p>;
  }
  return (
    <div className="mt-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</h4>
      <ul className="mt-1 space-y-2">
        {citations.rows.map((c) => (
          <li key={c.id} className="border-l-2 border-slate-300 pl-3 text-sm dark:border-slate-700">
            <div>
              <span className="font-medium">{c.source.title}</span>{" "}
              <span className="text-slate-600 dark:text-slate-400">
                ({sourceKindLabel[c.source.kind]}
                {c.source.publishedOn ? `, ${formatVagueDate(c.source.publishedOn, c.source.publishedOnPrecision)}` : ""}
                {c.source.classification ? `, ${classificationLabel[c.source.classification]}` : ""})
              </span>
            </div>
            {c.passage ? <blockquote className="mt-1 italic text-slate-700 dark:text-slate-300">“{c.passage}”</blockquote> : null}
            {c.note ? <p className="mt-1 text-slate-600 dark:text-slate-400">{c.note}</p> : null}
          </li>
        ))}
      </ul>
      <RelatedMore list={citations} plural="sources cited" />
    </div>
  );
}

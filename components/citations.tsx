import { RelatedMore } from "@/components/records/linked-records";
import type { Related } from "@/lib/db/records/related";
import type { CitationRow } from "@/lib/records/source/queries";
import type { CitationRef } from "@/lib/records/concern/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, sourceKindLabel } from "@/lib/format/labels";
import { quoted } from "@/lib/format/quotes";

/**
 * The sources a record cites, each with the passage that supports it; or,
 * given `refs` (a page that lists its sources once, as the concern's does),
 * a one-line reference per source: "Sources: <title>, passages 1, 3".
 */
export function Citations({ citations, label = "Sources", refs }: { citations: Related<CitationRow>; label?: string; refs?: Record<number, CitationRef> }) {
  if (citations.total === 0) {
    return refs ? null : <p className="text-sm text-slate-600 dark:text-slate-400">No source cited.</p>;
  }
  if (refs) return <CitationRefs citations={citations} refs={refs} />;
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
            {c.passage ? <blockquote className="mt-1 italic text-slate-700 dark:text-slate-300">{quoted(c.passage)}</blockquote> : null}
            {c.note ? <p className="mt-1 text-slate-600 dark:text-slate-400">{c.note}</p> : null}
          </li>
        ))}
      </ul>
      <RelatedMore list={citations} plural="sources cited" />
    </div>
  );
}

const refLink = "text-blue-700 underline dark:text-blue-400";

/** "Sources: <title> (passages 1, 3); <title> (passage 1)", each linking to the page's list of sources. */
function CitationRefs({ citations, refs }: { citations: Related<CitationRow>; refs: Record<number, CitationRef> }) {
  const bySource = new Map<number, { title: string; refs: CitationRef[] }>();
  for (const c of citations.rows) {
    const ref = refs[c.id] ?? { sourceId: c.source.id, n: 0, anchor: `source-${c.source.id}` };
    const entry = bySource.get(c.source.id) ?? { title: c.source.title, refs: [] };
    if (!entry.refs.some((r) => r.n === ref.n)) entry.refs.push(ref);
    bySource.set(c.source.id, entry);
  }
  return (
    <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
      <span className="font-semibold">{bySource.size === 1 ? "Source" : "Sources"}: </span>
      {[...bySource].map(([sourceId, s], i) => {
        const numbered = s.refs.filter((r) => r.n > 0).sort((a, b) => a.n - b.n);
        return (
          <span key={sourceId}>
            {i > 0 ? "; " : ""}
            <a className={refLink} href={`#source-${sourceId}`} title={s.title}>{s.title.length > 34 ? `${s.title.slice(0, 32).trimEnd()}…` : s.title}</a>
            {numbered.length ? (
              <>
                , {numbered.length === 1 ? "passage" : "passages"}{" "}
                {numbered.map((r, j) => (
                  <span key={r.n}>
                    {j > 0 ? ", " : ""}
                    <a className={refLink} href={`#${r.anchor}`} aria-label={`passage ${r.n} of ${s.title}`}>{r.n}</a>
                  </span>
                ))}
              </>
            ) : null}
          </span>
        );
      })}
      <RelatedMore list={citations} plural="sources cited" />
    </p>
  );
}

// The concern page's sources, each once: one entry per source (what it is,
// its reliability), each distinct passage once, numbered (the timeline refers
// to "passage 2"), with what cites it and the credibility it gave the
// information. The concern's own citations can be removed here, and a source
// cited, by those who may edit the concern.
import Link from "next/link";
import { Section } from "@/components/record-parts";
import { CiteSourceForm, RemoveCitationButton } from "@/components/records/cite-source";
import { RecordLink } from "@/components/records/record-link";
import type { ConcernDetail } from "@/lib/records/concern/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, sourceKindLabel } from "@/lib/format/labels";
import { quoted } from "@/lib/format/quotes";
import { credibilityLabel, reliabilityLabel } from "@/lib/records/source/definition";

type Group = ConcernDetail["sources"]["groups"][number];
type CitedBy = Group["passages"][number]["citedBy"][number];

const link = "text-blue-700 underline dark:text-blue-400";

export function ConcernSources({ concern, canCite }: { concern: ConcernDetail; canCite: boolean }) {
  const { groups } = concern.sources;
  return (
    <Section title="Sources" id="sources">
      {groups.length === 0 ? <p className="text-sm">No source cited.</p> : null}
      <ol className="space-y-3">
        {groups.map((g) => (
          <SourceEntry key={g.source.id} group={g} canRemove={canCite} />
        ))}
      </ol>
      <p className="mt-2 text-sm">
        <Link className={link} href={concern.citations.href}>Every citation by this concern</Link>
      </p>
      {canCite ? <div className="mt-2"><CiteSourceForm targetType="concern" targetId={concern.id} /></div> : null}
    </Section>
  );
}

function SourceEntry({ group: { source: s, passages }, canRemove }: { group: Group; canRemove: boolean }) {
  const facts = [
    sourceKindLabel[s.kind],
    s.author ? `by ${s.author}` : null,
    s.publishedOn ? formatVagueDate(s.publishedOn, s.publishedOnPrecision) : null,
    s.classification ? classificationLabel[s.classification] : null,
    `reliability ${s.reliability ? reliabilityLabel[s.reliability] : "not graded"}`,
  ].filter(Boolean);
  return (
    <li id={`source-${s.id}`} className="scroll-mt-20 rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
      <div>
        <Link href={`/sources/${s.id}`} className={`font-medium ${link}`}>{s.title}</Link>{" "}
        <span className="text-slate-600 dark:text-slate-400">({facts.join(", ")})</span>
      </div>
      <ol className="mt-2 space-y-2">
        {passages.map((p) => (
          <li key={p.n} id={p.anchor} className="scroll-mt-20 flex gap-2 target:bg-amber-50 dark:target:bg-amber-950">
            <span className="font-mono text-xs text-slate-600 dark:text-slate-400" aria-label={`passage ${p.n}`}>{p.n}.</span>
            <div>
              {p.passage ? (
                // Long passages open on demand (the first lines always show): the column stays beside the timeline.
                <details className="group">
                  <summary className="cursor-pointer list-none">
                    <span data-passage className="italic text-slate-700 line-clamp-2 group-open:line-clamp-none print:line-clamp-none dark:text-slate-300">{quoted(p.passage)}</span>
                  </summary>
                </details>
              ) : (
                <p className="text-slate-600 dark:text-slate-400">No passage quoted.</p>
              )}
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Cited by{" "}
                {p.citedBy.map((c, i) => (
                  <span key={c.citation.id}>
                    {i > 0 ? "; " : ""}
                    <Citer citedBy={c} />
                    {c.citation.credibility ? ` (credibility ${credibilityLabel[c.citation.credibility] ?? c.citation.credibility})` : ""}
                    {c.citation.note ? `: ${c.citation.note}` : ""}
                    {canRemove && c.citer.type === "concern" ? <> <RemoveCitationButton citation={c.citation} className="ml-1" /></> : null}
                  </span>
                ))}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </li>
  );
}

function Citer({ citedBy: { citer } }: { citedBy: CitedBy }) {
  switch (citer.type) {
    case "concern":
      return <>this concern</>;
    case "quote":
      return <Link className={link} href={`/quotes/${citer.id}`}>the quote {quoted(citer.text.length > 30 ? `${citer.text.slice(0, 30).trimEnd()}…` : citer.text)}</Link>;
    default:
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the record is the one the timeline shows, with its name's parts
      return <RecordLink type={citer.type} record={citer.record as any} />;
  }
}

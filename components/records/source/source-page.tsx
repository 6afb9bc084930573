// A source's page (/sources/[id]) inside the record shell: what it is, its
// excerpt, and the records that cite it.
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { CitingRecords } from "@/components/records/citing-records";
import { RelatedList } from "@/components/records/linked-records";
import { linkClass as link, RecordPage } from "@/components/records/record-page";
import { Fact, Section } from "@/components/record-parts";
import { loadRecord } from "@/lib/pages/record-page";
import { isPartial } from "@/lib/db/records/related";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, labelOrUnknown, sourceKindLabel } from "@/lib/format/labels";
import { reliabilityLabel } from "@/lib/records/source/definition";

export async function SourcePage({ id }: { id: string }) {
  const { viewer, record: s } = await loadRecord("source", id);
  if (!s) notFound();
  const records = new Set(s.citedBy.rows.map((c) => `${c.type}:${c.id}`)).size;
  // A short excerpt is shown open; a whole article is folded away.
  const longExcerpt = (s.excerpt?.length ?? 0) > 800;

  return (
    <RecordPage
      type="source"
      viewer={viewer}
      record={s}
      badges={
        <>
          <Badge>{sourceKindLabel[s.kind]}</Badge>
          {s.classification ? <Badge tone={s.classification === "UNCLASSIFIED" ? "neutral" : "warning"}>{classificationLabel[s.classification]}</Badge> : null}
          <Badge>Reliability: {s.reliability ? reliabilityLabel[s.reliability] : "not graded"}</Badge>
        </>
      }
    >

      <dl className="grid max-w-4xl grid-cols-2 gap-4 sm:grid-cols-3">
        <Fact term="Kind">{sourceKindLabel[s.kind]}</Fact>
        <Fact term="Date">{s.publishedOn ? formatVagueDate(s.publishedOn, s.publishedOnPrecision) : "Unknown"}</Fact>
        <Fact term="Classification">{labelOrUnknown(classificationLabel, s.classification)}</Fact>
        <Fact term="Author">{s.author ?? "Unknown"}</Fact>
        <Fact term="Publisher">{s.publisher ?? "Unknown"}</Fact>
        <Fact term="Reference">{s.reference ?? "None"}</Fact>
        <Fact term="Source reliability">{s.reliability ? reliabilityLabel[s.reliability] : "Not graded"}</Fact>
        <Fact term="Web address">
          {s.url ? (
            <a className={`${link} break-all`} href={s.url} rel="noopener noreferrer nofollow" target="_blank">
              {s.url}<span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : "None"}
        </Fact>
        <Fact term="Logged">
          {s.createdBy?.name ?? "Demo data"} · {s.createdAt.toISOString().slice(0, 10)}
        </Fact>
      </dl>

      {s.excerpt ? (
        <Section title="Excerpt" id="excerpt">
          {longExcerpt ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium">Show the excerpt ({s.excerpt.length.toLocaleString("en-US")} characters)</summary>
              <blockquote className="mt-2 max-w-3xl whitespace-pre-line border-l-2 border-slate-300 pl-3 text-sm dark:border-slate-700">{s.excerpt}</blockquote>
            </details>
          ) : (
            <blockquote className="max-w-3xl whitespace-pre-line border-l-2 border-slate-300 pl-3 text-sm dark:border-slate-700">{s.excerpt}</blockquote>
          )}
        </Section>
      ) : null}

      <Section title="Cited by" id="cited-by">
        {s.citedBy.total === 0 ? (
          <p className="text-sm">No record cites this source.</p>
        ) : isPartial(s.citedBy) ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{s.citedBy.total.toLocaleString("en")} citations.</p>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {s.citedBy.total} {s.citedBy.total === 1 ? "citation" : "citations"} by {records} {records === 1 ? "record" : "records"}.
          </p>
        )}
        <RelatedList list={s.citedBy} plural="citations of this source" empty={null}>
          {(citedBy) => <CitingRecords citedBy={citedBy} />}
        </RelatedList>
      </Section>
    </RecordPage>
  );
}

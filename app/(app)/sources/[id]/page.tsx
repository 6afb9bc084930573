import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadRecordPage } from "@/lib/pages/record-page";
import { Badge } from "@/components/badge";
import { RecordActions } from "@/components/records/record-actions";
import { Fact, Section, VerificationBadge } from "@/components/record-parts";
import { CitingRecords } from "@/components/records/citing-records";
import { RelatedList } from "@/components/records/linked-records";
import { isPartial } from "@/lib/db/records/related";
import { getSource } from "@/lib/records/source/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { classificationLabel, labelOrUnknown, sourceKindLabel } from "@/lib/format/labels";
import { reliabilityLabel } from "@/lib/records/source/definition";
import { can, canDelete, canEdit } from "@/lib/permissions";

type Props = { params: Promise<{ id: string }> };

const link = "text-blue-700 underline dark:text-blue-400";

const load = cache(async (raw: string) => {
  const { viewer, record: source } = await loadRecordPage("/sources", raw, getSource);
  return { viewer, source };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { source } = await load((await params).id);
  return { title: source?.title ?? "Source not found" };
}

export default async function SourcePage({ params }: Props) {
  const { viewer, source: s } = await load((await params).id);
  if (!s) notFound();
  const deleted = s.deletedAt !== null;
  const records = new Set(s.citedBy.rows.map((c) => `${c.type}:${c.id}`)).size;
  // A short excerpt is shown open; a whole article is folded away.
  const longExcerpt = (s.excerpt?.length ?? 0) > 800;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/sources" className={link}>Sources</Link>
        </p>
        <h1 className="text-2xl font-semibold">{s.title}</h1>
        <div className="flex flex-wrap gap-2">
          <Badge>{sourceKindLabel[s.kind]}</Badge>
          {s.classification ? <Badge tone={s.classification === "UNCLASSIFIED" ? "neutral" : "warning"}>{classificationLabel[s.classification]}</Badge> : null}
          <Badge>Reliability: {s.reliability ? reliabilityLabel[s.reliability] : "not graded"}</Badge>
          <VerificationBadge verifiedAt={s.verifiedAt} by={s.verifiedBy?.name} />
          {s.visibility === "RESTRICTED" ? <Badge tone="warning">Restricted</Badge> : null}
          {deleted ? <Badge tone="danger">Deleted</Badge> : null}
        </div>
        <RecordActions
          type="source"
          id={s.id}
          version={s.version}
          label="Source"
          editHref={canEdit(viewer, s) ? `/sources/${s.id}/edit` : undefined}
          historyHref={`/history/source/${s.id}`}
          canVerify={can(viewer.role, "record:verify") && s.verifiedAt === null}
          canDelete={canDelete(viewer, s)}
          canRestore={can(viewer.role, "record:restore")}
          deleted={deleted}
          afterDeleteHref="/sources"
        />
      </header>

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
    </article>
  );
}

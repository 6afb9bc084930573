import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadRecordPage } from "@/lib/pages/record-page";
import { Badge } from "@/components/badge";
import { RecordActions } from "@/components/records/record-actions";
import { RecordCitations } from "@/components/records/cite-source";
import { Fact, Section, VerificationBadge } from "@/components/record-parts";
import { inspectionTitle } from "@/lib/records/inspection/queries";
import { getQuote, type QuoteDetail } from "@/lib/records/quote/queries";
import { transferTitle } from "@/lib/records/transfer/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { concernStatusLabel, inspectionStatusLabel, transferStatusLabel } from "@/lib/format/labels";
import { can, canDelete, canEdit } from "@/lib/permissions";

type Props = { params: Promise<{ id: string }> };

const link = "text-blue-700 underline dark:text-blue-400";

const load = cache(async (raw: string) => {
  const { viewer, record: quote } = await loadRecordPage("/quotes", raw, getQuote);
  return { viewer, quote };
});

function speakerName(q: QuoteDetail): string {
  return q.speaker?.name ?? q.speakerLabel ?? "Speaker unknown";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { quote } = await load((await params).id);
  return { title: quote ? `Quote: ${speakerName(quote)}` : "Quote not found" };
}

/** Where the quote's page leads back to: the first record it is about. */
function backLink(q: QuoteDetail): { href: string; label: string } {
  if (q.concern) return { href: `/concerns/${q.concern.id}`, label: "The concern" };
  if (q.request) return { href: `/requests/${q.request.id}`, label: "The diplomatic request" };
  if (q.transfer) return { href: `/transfers/${q.transfer.id}`, label: "The transfer" };
  if (q.inspection) return { href: `/inspections/${q.inspection.id}`, label: "The inspection" };
  if (q.speaker) return { href: `/actors/${q.speaker.id}`, label: "The speaker" };
  return { href: "/", label: "Home" };
}

export default async function QuotePage({ params }: Props) {
  const { viewer, quote: q } = await load((await params).id);
  if (!q) notFound();
  const deleted = q.deletedAt !== null;
  const back = backLink(q);
  const nothing = !q.request && !q.concern && !q.transfer && !q.inspection;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href={back.href} className={link}>{back.label}</Link>
        </p>
        <h1 className="text-2xl font-semibold">Quote: {speakerName(q)}</h1>
        <figure className="max-w-3xl rounded border border-slate-200 p-4 dark:border-slate-800">
          <blockquote className="text-lg">“{q.text}”</blockquote>
          <figcaption className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            — {q.speaker ? (
              <Link className={link} href={`/actors/${q.speaker.id}`}>
                {q.speaker.name}
              </Link>
            ) : (q.speakerLabel ?? "Speaker unknown")}
            {q.speaker?.title ? `, ${q.speaker.title}` : ""}
            {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
          </figcaption>
        </figure>
        <div className="flex flex-wrap gap-2">
          <VerificationBadge verifiedAt={q.verifiedAt} by={q.verifiedBy?.name} />
          {q.visibility === "RESTRICTED" ? <Badge tone="warning">Restricted</Badge> : null}
          {deleted ? <Badge tone="danger">Deleted</Badge> : null}
        </div>
        <RecordActions
          type="quote"
          id={q.id}
          version={q.version}
          label="Quote"
          editHref={canEdit(viewer, q) ? `/quotes/${q.id}/edit` : undefined}
          historyHref={`/history/quote/${q.id}`}
          canVerify={can(viewer.role, "record:verify") && q.verifiedAt === null}
          canDelete={canDelete(viewer, q)}
          canRestore={can(viewer.role, "record:restore")}
          deleted={deleted}
          afterDeleteHref={back.href}
        />
      </header>

      <dl className="grid max-w-4xl grid-cols-2 gap-4 sm:grid-cols-3">
        <Fact term="Speaker">
          {q.speaker ? <Link className={link} href={`/actors/${q.speaker.id}`}>{q.speaker.name}</Link> : (q.speakerLabel ?? "Unknown")}
        </Fact>
        {q.speaker ? <Fact term="Title or position">{[q.speaker.title, q.speaker.affiliation].filter(Boolean).join(", ") || "Unknown"}</Fact> : null}
        {q.speaker ? (
          <Fact term="Speaker's country">
            {q.speaker.country ? <Link className={link} href={`/countries/${q.speaker.country.alpha2}`}>{q.speaker.country.name}</Link> : "Unknown"}
          </Fact>
        ) : null}
        <Fact term="Said on">{q.saidOn ? formatVagueDate(q.saidOn, q.saidOnPrecision) : "Unknown"}</Fact>
        <Fact term="Logged">
          {q.createdBy?.name ?? "Demo data"} · {q.createdAt.toISOString().slice(0, 10)}
        </Fact>
      </dl>
      {q.context ? <p className="max-w-3xl whitespace-pre-line"><span className="font-semibold">Context: </span>{q.context}</p> : null}

      <Section title="What it is about" id="about">
        <ul className="list-disc pl-5 text-sm">
          {q.concern ? (
            <li>Concern: <Link className={link} href={`/concerns/${q.concern.id}`}>{q.concern.title}</Link> ({concernStatusLabel[q.concern.status]})</li>
          ) : null}
          {q.request ? (
            <li>
              Diplomatic request: <Link className={link} href={`/requests/${q.request.id}`}>{q.request.title}</Link>
              {" "}({formatVagueDate(q.request.occurredOn, q.request.occurredOnPrecision)})
            </li>
          ) : null}
          {q.transfer ? (
            <li>Transfer: <Link className={link} href={`/transfers/${q.transfer.id}`}>{transferTitle(q.transfer)}</Link> ({transferStatusLabel[q.transfer.status]})</li>
          ) : null}
          {q.inspection ? (
            <li>Inspection: <Link className={link} href={`/inspections/${q.inspection.id}`}>{inspectionTitle(q.inspection)}</Link> ({inspectionStatusLabel[q.inspection.status]})</li>
          ) : null}
          {nothing ? <li>Not linked to a record.</li> : null}
        </ul>
      </Section>

      <Section title="Sources" id="sources">
        <RecordCitations targetType="quote" targetId={q.id} citations={q.citations} canCite={canEdit(viewer, q) && !deleted} />
      </Section>
    </article>
  );
}

// A quote's page (/quotes/[id]) inside the record shell: what was said, by
// whom, when, and what it is about. A quote has no list of its own: its
// page leads back to the first record it is about.
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordLink } from "@/components/records/record-link";
import { linkClass as link, RecordPage } from "@/components/records/record-page";
import { Fact, Section } from "@/components/record-parts";
import { loadRecord } from "@/lib/pages/record-page";
import type { QuoteDetail } from "@/lib/records/quote/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { concernStatusLabel, inspectionStatusLabel, transferStatusLabel } from "@/lib/format/labels";
import { quoted } from "@/lib/format/quotes";

/** Where the quote's page leads back to: the first record it is about. */
function backLink(q: QuoteDetail): { href: string; label: string } {
  if (q.concern) return { href: `/concerns/${q.concern.id}`, label: "The concern" };
  if (q.request) return { href: `/requests/${q.request.id}`, label: "The diplomatic request" };
  if (q.transfer) return { href: `/transfers/${q.transfer.id}`, label: "The transfer" };
  if (q.inspection) return { href: `/inspections/${q.inspection.id}`, label: "The inspection" };
  if (q.speaker) return { href: `/actors/${q.speaker.id}`, label: "The speaker" };
  return { href: "/", label: "Home" };
}

export async function QuotePage({ id }: { id: string }) {
  const { viewer, record: q } = await loadRecord("quote", id);
  if (!q) notFound();
  const back = backLink(q);
  const nothing = !q.request && !q.concern && !q.transfer && !q.inspection;

  return (
    <RecordPage
      type="quote"
      viewer={viewer}
      record={q}
      back={back}
      intro={
        <figure className="max-w-3xl rounded border border-slate-200 p-4 dark:border-slate-800">
          <blockquote className="text-lg">{quoted(q.text)}</blockquote>
          <figcaption className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            — {q.speaker ? <RecordLink type="actor" record={q.speaker} /> : (q.speakerLabel ?? "Speaker unknown")}
            {q.speaker?.title ? `, ${q.speaker.title}` : ""}
            {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
          </figcaption>
        </figure>
      }
    >

      <dl className="grid max-w-4xl grid-cols-2 gap-4 sm:grid-cols-3">
        <Fact term="Speaker">
          {q.speaker ? <RecordLink type="actor" record={q.speaker} /> : (q.speakerLabel ?? "Unknown")}
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
            <li>Concern: <RecordLink type="concern" record={q.concern} /> ({concernStatusLabel[q.concern.status]})</li>
          ) : null}
          {q.request ? (
            <li>
              Diplomatic request: <RecordLink type="request" record={q.request} />
              {" "}({formatVagueDate(q.request.occurredOn, q.request.occurredOnPrecision)})
            </li>
          ) : null}
          {q.transfer ? (
            <li>Transfer: <RecordLink type="transfer" record={q.transfer} /> ({transferStatusLabel[q.transfer.status]})</li>
          ) : null}
          {q.inspection ? (
            <li>Inspection: <RecordLink type="inspection" record={q.inspection} /> ({inspectionStatusLabel[q.inspection.status]})</li>
          ) : null}
          {nothing ? <li>Not linked to a record.</li> : null}
        </ul>
      </Section>
    </RecordPage>
  );
}

// A diplomatic request's page (/requests/[id]) inside the record shell: who
// asked whom for what, the answer, what it is about, its follow-ups and quotes.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { Quotes } from "@/components/quotes";
import { RelatedMore } from "@/components/records/linked-records";
import { RecordLink } from "@/components/records/record-link";
import { RecordPage } from "@/components/records/record-page";
import { Fact, Section } from "@/components/record-parts";
import { loadRecord } from "@/lib/pages/record-page";
import { formatVagueDate } from "@/lib/format/dates";
import { answerWait } from "@/lib/format/answer-wait";
import {
  classificationLabel,
  concernStatusLabel,
  labelOrUnknown,
  requestAskLabel,
  requestChannelLabel,
  requestResponseLabel,
} from "@/lib/format/labels";
import { can } from "@/lib/permissions";

export async function RequestPage({ id }: { id: string }) {
  const { viewer, record: r } = await loadRecord("request", id);
  if (!r) notFound();
  const requesting = r.actorLinks.rows.filter((a) => a.side === "REQUESTING");
  const target = r.actorLinks.rows.filter((a) => a.side === "TARGET");
  const deleted = r.deletedAt !== null;
  const wait = answerWait({ date: r.occurredOn, precision: r.occurredOnPrecision }, { date: r.respondedOn, precision: r.respondedOnPrecision });

  return (
    <RecordPage
      type="request"
      viewer={viewer}
      record={r}
      badges={
        <>
          <Badge>{formatVagueDate(r.occurredOn, r.occurredOnPrecision)}</Badge>
          <Badge tone={r.response === "REBUFFED" ? "danger" : r.response === "ACCEPTED" ? "ok" : "neutral"}>
            Response: {labelOrUnknown(requestResponseLabel, r.response)}
          </Badge>
        </>
      }
      createLinks={[{ href: `/requests/new?followUp=${r.id}`, label: "Log a follow-up" }]}
    >

      <dl className="grid max-w-4xl grid-cols-2 gap-4 sm:grid-cols-3">
        <Fact term="From">
          {r.requestingCountry.name}
          {requesting.length ? `: ${requesting.map((a) => a.actor.name).join(", ")}` : ""}
        </Fact>
        <Fact term="To">
          {r.targetCountry.name}
          {target.length ? `: ${target.map((a) => `${a.actor.name}${a.actor.title ? `, ${a.actor.title}` : ""}`).join("; ")}` : ""}
        </Fact>
        <Fact term="Ask">{requestAskLabel[r.ask]}</Fact>
        <Fact term="Answered on">
          {r.respondedOn ? formatVagueDate(r.respondedOn, r.respondedOnPrecision) : "Not known"}
          {wait ? <span className="block text-sm text-slate-600 dark:text-slate-400">{wait}</span> : null}
        </Fact>
        <Fact term="Channel">{labelOrUnknown(requestChannelLabel, r.channel, "Not reported")}</Fact>
        <Fact term="Document classification">{labelOrUnknown(classificationLabel, r.classification)}</Fact>
        <Fact term="Logged">
          {r.createdBy?.name ?? "Demo data"} · {r.createdAt.toISOString().slice(0, 10)}
        </Fact>
      </dl>
      <RelatedMore list={r.actorLinks} plural="actors" />
      {r.askDetail ? <p className="max-w-3xl"><span className="font-semibold">Asked: </span>{r.askDetail}</p> : null}
      {r.responseSummary ? <p className="max-w-3xl"><span className="font-semibold">Answer: </span>{r.responseSummary}</p> : null}

      <Section title="Concerns and transfers" id="links">
        <ul className="list-disc pl-5 text-sm">
          {r.concernLinks.rows.map(({ concern }) => (
            <li key={`c${concern.id}`}>
              Concern: <RecordLink type="concern" record={concern} />{" "}
              ({concernStatusLabel[concern.status]})
            </li>
          ))}
          {r.transferLinks.rows.map(({ transfer: t }) => (
            <li key={`t${t.id}`}>
              Transfer: <RecordLink type="transfer" record={t} />
            </li>
          ))}
          {r.followUpOf ? (
            <li>Follows up: <RecordLink type="request" record={r.followUpOf} /></li>
          ) : null}
          {r.followUps.rows.map((f) => (
            <li key={`f${f.id}`}>
              Followed up by: <RecordLink type="request" record={f} />{" "}
              ({formatVagueDate(f.occurredOn, f.occurredOnPrecision)})
            </li>
          ))}
          {r.concernLinks.total + r.transferLinks.total === 0 && !r.followUpOf && r.followUps.total === 0 ? <li>None.</li> : null}
        </ul>
        <RelatedMore list={r.concernLinks} plural="concerns" />
        <RelatedMore list={r.transferLinks} plural="transfers" />
        <RelatedMore list={r.followUps} plural="follow-ups" />
      </Section>

      <Section title="Quotes" id="quotes">
        {r.quotes.total === 0 ? <p className="text-sm">No quote recorded.</p> : <Quotes quotes={r.quotes} />}
        {can(viewer.role, "record:create") && !deleted ? (
          <Link href={`/quotes/new?requestId=${r.id}`} className="text-sm text-blue-700 underline dark:text-blue-400">Add a quote</Link>
        ) : null}
      </Section>
    </RecordPage>
  );
}

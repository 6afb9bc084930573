// An actor's page (/actors/[id]) inside the record shell: who they are,
// the requests they made and received, what they said.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { RelatedList } from "@/components/records/linked-records";
import { QuoteAbout, RecordLink } from "@/components/records/record-link";
import { linkClass as link, RecordPage } from "@/components/records/record-page";
import { Fact, Section } from "@/components/record-parts";
import { loadRecord } from "@/lib/pages/record-page";
import type { ActorDetail } from "@/lib/records/actor/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { actorKindLabel, labelOrUnknown, requestAskLabel, requestResponseLabel } from "@/lib/format/labels";

function Requests({ links, none, plural }: { links: ActorDetail["requestsMade"]; none: string; plural: string }) {
  return (
    <RelatedList list={links} plural={plural} empty={none}>
      {(rows) => (
    <ul className="list-disc pl-5 text-sm">
      {rows.map(({ request: r }) => (
        <li key={r.id}>
          {formatVagueDate(r.occurredOn, r.occurredOnPrecision)}: <RecordLink type="request" record={r} />
          {" "}({r.requestingCountry.name} to {r.targetCountry.name}; asked: {requestAskLabel[r.ask].toLowerCase()}; response: {labelOrUnknown(requestResponseLabel, r.response).toLowerCase()})
        </li>
      ))}
    </ul>
      )}
    </RelatedList>
  );
}

export async function ActorPage({ id }: { id: string }) {
  const { viewer, record: a } = await loadRecord("actor", id);
  if (!a) notFound();

  return (
    <RecordPage
      type="actor"
      viewer={viewer}
      record={a}
      intro={a.title || a.affiliation ? <p>{[a.title, a.affiliation].filter(Boolean).join(", ")}</p> : null}
      badges={<Badge>{actorKindLabel[a.kind]}</Badge>}
      createLinks={[{ href: `/quotes/new?speakerId=${a.id}`, label: "Add a quote by this actor" }]}
    >

      <dl className="grid max-w-4xl grid-cols-2 gap-4 sm:grid-cols-3">
        <Fact term="Kind">{actorKindLabel[a.kind]}</Fact>
        <Fact term="Title or position">{a.title ?? "Unknown"}</Fact>
        <Fact term="Affiliation">{a.affiliation ?? "Unknown"}</Fact>
        <Fact term="Country">
          {a.country ? <Link className={link} href={`/countries/${a.country.alpha2}`}>{a.country.name}</Link> : "Unknown"}
        </Fact>
        <Fact term="Logged">
          {a.createdBy?.name ?? "Demo data"} · {a.createdAt.toISOString().slice(0, 10)}
        </Fact>
      </dl>
      {a.notes ? <p className="max-w-3xl whitespace-pre-line"><span className="font-semibold">Notes: </span>{a.notes}</p> : null}

      <Section title="Diplomatic requests" id="requests">
        <h3 className="font-semibold">Made ({a.requestsMade.total.toLocaleString("en")})</h3>
        <Requests links={a.requestsMade} none="None recorded." plural="requests made" />
        <h3 className="font-semibold">Received ({a.requestsReceived.total.toLocaleString("en")})</h3>
        <Requests links={a.requestsReceived} none="None recorded." plural="requests received" />
      </Section>

      <Section title="What they said" id="quotes">
        <RelatedList list={a.quotes} plural="quotes by this actor" empty="No quote recorded.">
          {(quotes) => (
          <ul className="space-y-3 text-sm">
            {quotes.map((q) => (
              <li key={q.id}>
                <RecordLink type="quote" record={{ ...q, speaker: { name: a.name } }} />
                {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
                <QuoteAbout quote={q} />
              </li>
            ))}
          </ul>
          )}
        </RelatedList>
      </Section>
    </RecordPage>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadRecordPage } from "@/lib/pages/record-page";
import { Badge } from "@/components/badge";
import { RelatedList } from "@/components/records/linked-records";
import { RecordActions } from "@/components/records/record-actions";
import { RecordCitations } from "@/components/records/cite-source";
import { Fact, Section, VerificationBadge } from "@/components/record-parts";
import { getActor, type ActorDetail } from "@/lib/records/actor/queries";
import { transferTitle } from "@/lib/records/transfer/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { actorKindLabel, labelOrUnknown, requestAskLabel, requestResponseLabel } from "@/lib/format/labels";
import { can, canDelete, canEdit } from "@/lib/permissions";

type Props = { params: Promise<{ id: string }> };

const link = "text-blue-700 underline dark:text-blue-400";

const load = cache(async (raw: string) => {
  const { viewer, record: actor } = await loadRecordPage("/actors", raw, getActor);
  return { viewer, actor };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { actor } = await load((await params).id);
  return { title: actor?.name ?? "Actor not found" };
}

function Requests({ links, none, plural }: { links: ActorDetail["requestsMade"]; none: string; plural: string }) {
  return (
    <RelatedList list={links} plural={plural} empty={none}>
      {(rows) => (
    <ul className="list-disc pl-5 text-sm">
      {rows.map(({ request: r }) => (
        <li key={r.id}>
          {formatVagueDate(r.occurredOn, r.occurredOnPrecision)}: <Link className={link} href={`/requests/${r.id}`}>{r.title}</Link>
          {" "}({r.requestingCountry.name} to {r.targetCountry.name}; asked: {requestAskLabel[r.ask].toLowerCase()}; response: {labelOrUnknown(requestResponseLabel, r.response).toLowerCase()})
        </li>
      ))}
    </ul>
      )}
    </RelatedList>
  );
}

export default async function ActorPage({ params }: Props) {
  const { viewer, actor: a } = await load((await params).id);
  if (!a) notFound();
  const deleted = a.deletedAt !== null;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/actors" className={link}>Actors</Link>
        </p>
        <h1 className="text-2xl font-semibold">{a.name}</h1>
        {a.title || a.affiliation ? <p>{[a.title, a.affiliation].filter(Boolean).join(", ")}</p> : null}
        <div className="flex flex-wrap gap-2">
          <Badge>{actorKindLabel[a.kind]}</Badge>
          <VerificationBadge verifiedAt={a.verifiedAt} by={a.verifiedBy?.name} />
          {a.visibility === "RESTRICTED" ? <Badge tone="warning">Restricted</Badge> : null}
          {deleted ? <Badge tone="danger">Deleted</Badge> : null}
        </div>
        <RecordActions
          type="actor"
          id={a.id}
          version={a.version}
          label="Actor"
          editHref={canEdit(viewer, a) ? `/actors/${a.id}/edit` : undefined}
          extraLinks={can(viewer.role, "record:create") && !deleted ? [{ href: `/quotes/new?speakerId=${a.id}`, label: "Add a quote by this actor" }] : []}
          historyHref={`/history/actor/${a.id}`}
          canVerify={can(viewer.role, "record:verify") && a.verifiedAt === null}
          canDelete={canDelete(viewer, a)}
          canRestore={can(viewer.role, "record:restore")}
          deleted={deleted}
          afterDeleteHref="/actors"
        />
      </header>

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
            {quotes.map((q) => {
              const about = [
                q.request ? { href: `/requests/${q.request.id}`, label: q.request.title } : null,
                q.concern ? { href: `/concerns/${q.concern.id}`, label: q.concern.title } : null,
                q.transfer ? { href: `/transfers/${q.transfer.id}`, label: transferTitle(q.transfer) } : null,
                q.inspection ? { href: `/inspections/${q.inspection.id}`, label: `Inspection in ${q.inspection.hostCountry.name}` } : null,
              ].filter((x) => x !== null);
              return (
                <li key={q.id}>
                  <Link className={link} href={`/quotes/${q.id}`}>“{q.text}”</Link>
                  {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
                  {about.length ? (
                    <span className="block text-slate-600 dark:text-slate-400">
                      About:{" "}
                      {about.map((x, n) => (
                        <span key={x.href}>
                          {n > 0 ? "; " : ""}
                          <Link className={link} href={x.href}>{x.label}</Link>
                        </span>
                      ))}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          )}
        </RelatedList>
      </Section>

      <Section title="Sources" id="sources">
        <RecordCitations targetType="actor" targetId={a.id} citations={a.citations} canCite={canEdit(viewer, a) && !deleted} />
      </Section>
    </article>
  );
}

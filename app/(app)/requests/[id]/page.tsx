import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadRecordPage } from "@/lib/pages/record-page";
import { Badge } from "@/components/badge";
import { Quotes } from "@/components/quotes";
import { RecordCitations } from "@/components/records/cite-source";
import { RelatedMore } from "@/components/records/linked-records";
import { RecordActions } from "@/components/records/record-actions";
import { Fact, Section, VerificationBadge } from "@/components/record-parts";
import { getRequest } from "@/lib/records/request/queries";
import { formatVagueDate } from "@/lib/format/dates";
import {
  classificationLabel,
  concernStatusLabel,
  labelOrUnknown,
  requestAskLabel,
  requestChannelLabel,
  requestResponseLabel,
} from "@/lib/format/labels";
import { can, canDelete, canEdit } from "@/lib/permissions";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (raw: string) => {
  const { viewer, record: request } = await loadRecordPage("/requests", raw, getRequest);
  return { viewer, request };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { request } = await load((await params).id);
  return { title: request?.title ?? "Request not found" };
}

export default async function RequestPage({ params }: Props) {
  const { viewer, request: r } = await load((await params).id);
  if (!r) notFound();
  const requesting = r.actorLinks.rows.filter((a) => a.side === "REQUESTING");
  const target = r.actorLinks.rows.filter((a) => a.side === "TARGET");
  const deleted = r.deletedAt !== null;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/requests" className="text-blue-700 underline dark:text-blue-400">Diplomatic requests</Link>
        </p>
        <h1 className="text-2xl font-semibold">{r.title}</h1>
        <div className="flex flex-wrap gap-2">
          <Badge>{formatVagueDate(r.occurredOn, r.occurredOnPrecision)}</Badge>
          <Badge tone={r.response === "REBUFFED" ? "danger" : r.response === "ACCEPTED" ? "ok" : "neutral"}>
            Response: {labelOrUnknown(requestResponseLabel, r.response)}
          </Badge>
          <VerificationBadge verifiedAt={r.verifiedAt} by={r.verifiedBy?.name} />
          {r.visibility === "RESTRICTED" ? <Badge tone="warning">Restricted</Badge> : null}
          {deleted ? <Badge tone="danger">Deleted</Badge> : null}
        </div>
        <RecordActions
          type="request"
          id={r.id}
          version={r.version}
          label="Diplomatic request"
          editHref={canEdit(viewer, r) ? `/requests/${r.id}/edit` : undefined}
          extraLinks={can(viewer.role, "record:create") && !deleted ? [{ href: `/requests/new?followUp=${r.id}`, label: "Log a follow-up" }] : []}
          historyHref={`/history/request/${r.id}`}
          canVerify={can(viewer.role, "record:verify") && r.verifiedAt === null}
          canDelete={canDelete(viewer, r)}
          canRestore={can(viewer.role, "record:restore")}
          deleted={deleted}
          afterDeleteHref="/requests"
        />
      </header>

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
              Concern: <Link className="text-blue-700 underline dark:text-blue-400" href={`/concerns/${concern.id}`}>{concern.title}</Link>{" "}
              ({concernStatusLabel[concern.status]})
            </li>
          ))}
          {r.transferLinks.rows.map(({ transfer: t }) => (
            <li key={`t${t.id}`}>
              Transfer: <Link className="text-blue-700 underline dark:text-blue-400" href={`/transfers/${t.id}`}>
                {t.supplier.name} to {t.recipient.name}: {t.weaponSystem?.name ?? "weapon system unknown"}
              </Link>
            </li>
          ))}
          {r.followUpOf ? (
            <li>Follows up: <Link className="text-blue-700 underline dark:text-blue-400" href={`/requests/${r.followUpOf.id}`}>{r.followUpOf.title}</Link></li>
          ) : null}
          {r.followUps.rows.map((f) => (
            <li key={`f${f.id}`}>
              Followed up by: <Link className="text-blue-700 underline dark:text-blue-400" href={`/requests/${f.id}`}>{f.title}</Link>{" "}
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

      <Section title="Sources" id="sources">
        <RecordCitations targetType="request" targetId={r.id} citations={r.citations} canCite={canEdit(viewer, r) && !deleted} />
      </Section>
    </article>
  );
}

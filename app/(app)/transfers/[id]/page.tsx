import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadRecordPage } from "@/lib/pages/record-page";
import { Badge } from "@/components/badge";
import { InspectionLinks, QuoteLinks, RelatedList } from "@/components/records/linked-records";
import { RecordActions } from "@/components/records/record-actions";
import { RecordCitations } from "@/components/records/cite-source";
import { Fact, Section, VerificationBadge } from "@/components/record-parts";
import { getTransfer, transferTitle } from "@/lib/records/transfer/queries";
import { inspectionTitle } from "@/lib/records/inspection/queries";
import { formatUncertain, formatVagueDate, formatYears } from "@/lib/format/dates";
import {
  concernStatusLabel,
  labelOrUnknown,
  requestAskLabel,
  requestResponseLabel,
  severityLabel,
  transferStatusLabel,
  weaponCategoryLabel,
} from "@/lib/format/labels";
import { can, canDelete, canEdit } from "@/lib/permissions";

type Props = { params: Promise<{ id: string }> };

const link = "text-blue-700 underline dark:text-blue-400";

const load = cache(async (raw: string) => {
  const { viewer, record: transfer } = await loadRecordPage("/transfers", raw, getTransfer);
  return { viewer, transfer };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { transfer } = await load((await params).id);
  return { title: transfer ? transferTitle(transfer) : "Transfer not found" };
}

function CountryLink({ country }: { country: { name: string; alpha2: string } }) {
  return <Link className={link} href={`/countries/${country.alpha2}`}>{country.name}</Link>;
}

export default async function TransferPage({ params }: Props) {
  const { viewer, transfer: t } = await load((await params).id);
  if (!t) notFound();
  const deleted = t.deletedAt !== null;
  const mayCreate = can(viewer.role, "record:create") && !deleted;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/transfers" className={link}>Arms transfers</Link>
        </p>
        <h1 className="text-2xl font-semibold">{transferTitle(t)}</h1>
        <div className="flex flex-wrap gap-2">
          <Badge>Status: {transferStatusLabel[t.status]}</Badge>
          {t.weaponSystem ? <Badge>{weaponCategoryLabel[t.weaponSystem.category]}</Badge> : null}
          <VerificationBadge verifiedAt={t.verifiedAt} by={t.verifiedBy?.name} />
          {t.visibility === "RESTRICTED" ? <Badge tone="warning">Restricted</Badge> : null}
          {deleted ? <Badge tone="danger">Deleted</Badge> : null}
        </div>
        <RecordActions
          type="transfer"
          id={t.id}
          version={t.version}
          label="Transfer"
          editHref={canEdit(viewer, t) ? `/transfers/${t.id}/edit` : undefined}
          extraLinks={
            mayCreate
              ? [
                  { href: `/quotes/new?transferId=${t.id}`, label: "Add a quote" },
                  { href: `/inspections/new?transferId=${t.id}`, label: "Add an inspection" },
                ]
              : []
          }
          historyHref={`/history/transfer/${t.id}`}
          canVerify={can(viewer.role, "record:verify") && t.verifiedAt === null}
          canDelete={canDelete(viewer, t)}
          canRestore={can(viewer.role, "record:restore")}
          deleted={deleted}
          afterDeleteHref="/transfers"
        />
      </header>

      <dl className="grid max-w-4xl grid-cols-2 gap-4 sm:grid-cols-3">
        <Fact term="Supplier"><CountryLink country={t.supplier} /></Fact>
        <Fact term="Recipient"><CountryLink country={t.recipient} /></Fact>
        <Fact term="Weapon system">
          {t.weaponSystem ? (
            <Link className={link} href={`/weapon-systems/${t.weaponSystem.id}`}>
              {t.weaponSystem.name}
              {t.weaponSystem.designation ? ` (${t.weaponSystem.designation})` : ""}
            </Link>
          ) : "Unknown"}
        </Fact>
        <Fact term="Number ordered">{formatUncertain(t.numberOrdered, t.numberOrderedUncertain)}</Fact>
        <Fact term="Number delivered">{formatUncertain(t.numberDelivered, t.numberDeliveredUncertain)}</Fact>
        <Fact term="Year of order">{formatUncertain(t.orderYear, t.orderYearUncertain)}</Fact>
        <Fact term="Years of delivery">{formatYears(t.deliveryYears, t.deliveryYearsUncertain)}</Fact>
        <Fact term="Logged">
          {t.createdBy?.name ?? "Demo data"} · {t.createdAt.toISOString().slice(0, 10)}
        </Fact>
      </dl>
      {t.comments ? <p className="max-w-3xl whitespace-pre-line"><span className="font-semibold">Comments: </span>{t.comments}</p> : null}

      <Section title="Concerns" id="concerns">
        <RelatedList list={t.concernLinks} plural="concerns about this transfer" empty="No concern about this transfer.">
          {(links) => (
          <ul className="list-disc pl-5 text-sm">
            {links.map(({ concern: c }) => (
              <li key={c.id}>
                <Link className={link} href={`/concerns/${c.id}`}>{c.title}</Link> ({concernStatusLabel[c.status]}, severity {severityLabel[c.severity].toLowerCase()})
              </li>
            ))}
          </ul>
          )}
        </RelatedList>
      </Section>

      <Section title="Diplomatic requests" id="requests">
        <RelatedList list={t.requestLinks} plural="requests about this transfer" empty="No request about this transfer.">
          {(links) => (
          <ul className="list-disc pl-5 text-sm">
            {links.map(({ request: r }) => (
              <li key={r.id}>
                {formatVagueDate(r.occurredOn, r.occurredOnPrecision)}: <Link className={link} href={`/requests/${r.id}`}>{r.title}</Link>
                {" "}({r.requestingCountry.name} to {r.targetCountry.name}; asked: {requestAskLabel[r.ask].toLowerCase()}; response: {labelOrUnknown(requestResponseLabel, r.response).toLowerCase()})
              </li>
            ))}
          </ul>
          )}
        </RelatedList>
      </Section>

      <Section title="Inspections" id="inspections">
        <InspectionLinks inspections={t.inspections} title={inspectionTitle} empty="No inspection of this transfer recorded." />
      </Section>

      <Section title="Quotes" id="quotes">
        <QuoteLinks quotes={t.quotes} />
      </Section>

      <Section title="Sources" id="sources">
        <RecordCitations targetType="transfer" targetId={t.id} citations={t.citations} canCite={canEdit(viewer, t) && !deleted} />
      </Section>
    </article>
  );
}

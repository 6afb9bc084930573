// A transfer's page (/transfers/[id]) inside the record shell: the deal, and
// the concerns, requests, inspections and quotes linked to it.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { InspectionLinks, QuoteLinks, RelatedList } from "@/components/records/linked-records";
import { RecordLink } from "@/components/records/record-link";
import { linkClass as link, RecordPage } from "@/components/records/record-page";
import { Fact, Section } from "@/components/record-parts";
import { loadRecord } from "@/lib/pages/record-page";
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

function CountryLink({ country }: { country: { name: string; alpha2: string } }) {
  return <Link className={link} href={`/countries/${country.alpha2}`}>{country.name}</Link>;
}

export async function TransferPage({ id }: { id: string }) {
  const { viewer, record: t } = await loadRecord("transfer", id);
  if (!t) notFound();

  return (
    <RecordPage
      type="transfer"
      viewer={viewer}
      record={t}
      badges={
        <>
          <Badge>Status: {transferStatusLabel[t.status]}</Badge>
          {t.weaponSystem ? <Badge>{weaponCategoryLabel[t.weaponSystem.category]}</Badge> : null}
        </>
      }
      createLinks={[
        { href: `/quotes/new?transferId=${t.id}`, label: "Add a quote" },
        { href: `/inspections/new?transferId=${t.id}`, label: "Add an inspection" },
      ]}
    >

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
                <RecordLink type="concern" record={c} /> ({concernStatusLabel[c.status]}, severity {severityLabel[c.severity].toLowerCase()})
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
                {formatVagueDate(r.occurredOn, r.occurredOnPrecision)}: <RecordLink type="request" record={r} />
                {" "}({r.requestingCountry.name} to {r.targetCountry.name}; asked: {requestAskLabel[r.ask].toLowerCase()}; response: {labelOrUnknown(requestResponseLabel, r.response).toLowerCase()})
              </li>
            ))}
          </ul>
          )}
        </RelatedList>
      </Section>

      <Section title="Inspections" id="inspections">
        <InspectionLinks inspections={t.inspections} empty="No inspection of this transfer recorded." />
      </Section>

      <Section title="Quotes" id="quotes">
        <QuoteLinks quotes={t.quotes} />
      </Section>
    </RecordPage>
  );
}

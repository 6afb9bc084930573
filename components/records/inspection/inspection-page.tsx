// An inspection's page (/inspections/[id]) inside the record shell: where,
// by whom, when, and what it inspects.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { QuoteLinks, RelatedMore } from "@/components/records/linked-records";
import { RecordLink } from "@/components/records/record-link";
import { linkClass as link, RecordPage } from "@/components/records/record-page";
import { Fact, Section } from "@/components/record-parts";
import { loadRecord } from "@/lib/pages/record-page";
import { formatVagueDate } from "@/lib/format/dates";
import { concernStatusLabel, inspectionStatusLabel, transferStatusLabel, weaponCategoryLabel } from "@/lib/format/labels";
import type { DatePrecision } from "@/lib/generated/prisma/enums";

function CountryLink({ country }: { country: { name: string; alpha2: string } }) {
  return <Link className={link} href={`/countries/${country.alpha2}`}>{country.name}</Link>;
}

function date(value: Date | null, precision: DatePrecision | null, none = "Unknown") {
  return value ? formatVagueDate(value, precision) : none;
}

/** Promised and not (yet) done: the question these records answer. */
const NOT_DONE = new Set(["RIGHT_ASSERTED", "SCHEDULED", "REFUSED", "OVERDUE"]);

export async function InspectionPage({ id }: { id: string }) {
  const { viewer, record: i } = await loadRecord("inspection", id);
  if (!i) notFound();
  const concerns = i.transfer?.concernLinks ?? null;

  return (
    <RecordPage
      type="inspection"
      viewer={viewer}
      record={i}
      badges={
        <>
          <Badge tone={NOT_DONE.has(i.status) ? "warning" : i.status === "CONDUCTED" ? "ok" : "neutral"}>
            Status: {inspectionStatusLabel[i.status]}
          </Badge>
          {i.status !== "CONDUCTED" ? <Badge>Not conducted</Badge> : null}
        </>
      }
      createLinks={[{ href: `/quotes/new?inspectionId=${i.id}`, label: "Add a quote" }]}
    >

      <dl className="grid max-w-4xl grid-cols-2 gap-4 sm:grid-cols-3">
        <Fact term="Host country"><CountryLink country={i.hostCountry} /></Fact>
        <Fact term="Inspecting country">{i.inspectingCountry ? <CountryLink country={i.inspectingCountry} /> : "Unknown"}</Fact>
        <Fact term="Inspecting party">{i.inspectingParty ?? "Not given"}</Fact>
        <Fact term="Right asserted on">{date(i.assertedOn, i.assertedOnPrecision)}</Fact>
        <Fact term="Scheduled for">{date(i.scheduledOn, i.scheduledOnPrecision)}</Fact>
        <Fact term="Conducted on">{date(i.conductedOn, i.conductedOnPrecision, i.status === "CONDUCTED" ? "Unknown" : "Not conducted")}</Fact>
        <Fact term="Logged">
          {i.createdBy?.name ?? "Demo data"} · {i.createdAt.toISOString().slice(0, 10)}
        </Fact>
      </dl>
      {i.basis ? <p className="max-w-3xl whitespace-pre-line"><span className="font-semibold">Basis: </span>{i.basis}</p> : null}
      <p className="max-w-3xl whitespace-pre-line"><span className="font-semibold">Findings: </span>{i.findings ?? "None recorded."}</p>

      <Section title="What is inspected" id="links">
        <ul className="list-disc pl-5 text-sm">
          {i.transfer ? (
            <li>
              Transfer: <RecordLink type="transfer" record={i.transfer} /> ({transferStatusLabel[i.transfer.status]})
            </li>
          ) : <li>Transfer: not linked</li>}
          {i.weaponSystem ? (
            <li>
              Weapon system: <RecordLink type="weaponSystem" record={i.weaponSystem} /> ({weaponCategoryLabel[i.weaponSystem.category]})
            </li>
          ) : <li>Weapon system: not linked</li>}
          {concerns?.rows.map(({ concern: c }) => (
            <li key={c.id}>
              Concern about the transfer: <RecordLink type="concern" record={c} /> ({concernStatusLabel[c.status]})
            </li>
          ))}
        </ul>
        {concerns ? <RelatedMore list={concerns} plural="concerns about the transfer" /> : null}
      </Section>

      <Section title="Quotes" id="quotes">
        <QuoteLinks quotes={i.quotes} />
      </Section>
    </RecordPage>
  );
}

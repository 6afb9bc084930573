import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadRecordPage } from "@/lib/pages/record-page";
import { Badge } from "@/components/badge";
import { QuoteLinks, RelatedMore } from "@/components/records/linked-records";
import { RecordActions } from "@/components/records/record-actions";
import { RecordCitations } from "@/components/records/cite-source";
import { Fact, Section, VerificationBadge } from "@/components/record-parts";
import { getInspection, inspectionTitle } from "@/lib/records/inspection/queries";
import { transferTitle } from "@/lib/records/transfer/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { concernStatusLabel, inspectionStatusLabel, transferStatusLabel, weaponCategoryLabel } from "@/lib/format/labels";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import { can, canDelete, canEdit } from "@/lib/permissions";

type Props = { params: Promise<{ id: string }> };

const link = "text-blue-700 underline dark:text-blue-400";

const load = cache(async (raw: string) => {
  const { viewer, record: inspection } = await loadRecordPage("/inspections", raw, getInspection);
  return { viewer, inspection };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { inspection } = await load((await params).id);
  return { title: inspection ? inspectionTitle(inspection) : "Inspection not found" };
}

function CountryLink({ country }: { country: { name: string; alpha2: string } }) {
  return <Link className={link} href={`/countries/${country.alpha2}`}>{country.name}</Link>;
}

function date(value: Date | null, precision: DatePrecision | null, none = "Unknown") {
  return value ? formatVagueDate(value, precision) : none;
}

/** Promised and not (yet) done: the question these records answer. */
const NOT_DONE = new Set(["RIGHT_ASSERTED", "SCHEDULED", "REFUSED", "OVERDUE"]);

export default async function InspectionPage({ params }: Props) {
  const { viewer, inspection: i } = await load((await params).id);
  if (!i) notFound();
  const deleted = i.deletedAt !== null;
  const concerns = i.transfer?.concernLinks ?? null;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/inspections" className={link}>Inspections</Link>
        </p>
        <h1 className="text-2xl font-semibold">{inspectionTitle(i)}</h1>
        <div className="flex flex-wrap gap-2">
          <Badge tone={NOT_DONE.has(i.status) ? "warning" : i.status === "CONDUCTED" ? "ok" : "neutral"}>
            Status: {inspectionStatusLabel[i.status]}
          </Badge>
          {i.status !== "CONDUCTED" ? <Badge>Not conducted</Badge> : null}
          <VerificationBadge verifiedAt={i.verifiedAt} by={i.verifiedBy?.name} />
          {i.visibility === "RESTRICTED" ? <Badge tone="warning">Restricted</Badge> : null}
          {deleted ? <Badge tone="danger">Deleted</Badge> : null}
        </div>
        <RecordActions
          type="inspection"
          id={i.id}
          version={i.version}
          label="Inspection"
          editHref={canEdit(viewer, i) ? `/inspections/${i.id}/edit` : undefined}
          extraLinks={can(viewer.role, "record:create") && !deleted ? [{ href: `/quotes/new?inspectionId=${i.id}`, label: "Add a quote" }] : []}
          historyHref={`/history/inspection/${i.id}`}
          canVerify={can(viewer.role, "record:verify") && i.verifiedAt === null}
          canDelete={canDelete(viewer, i)}
          canRestore={can(viewer.role, "record:restore")}
          deleted={deleted}
          afterDeleteHref="/inspections"
        />
      </header>

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
              Transfer: <Link className={link} href={`/transfers/${i.transfer.id}`}>{transferTitle(i.transfer)}</Link> ({transferStatusLabel[i.transfer.status]})
            </li>
          ) : <li>Transfer: not linked</li>}
          {i.weaponSystem ? (
            <li>
              Weapon system: <Link className={link} href={`/weapon-systems/${i.weaponSystem.id}`}>{i.weaponSystem.name}</Link> ({weaponCategoryLabel[i.weaponSystem.category]})
            </li>
          ) : <li>Weapon system: not linked</li>}
          {concerns?.rows.map(({ concern: c }) => (
            <li key={c.id}>
              Concern about the transfer: <Link className={link} href={`/concerns/${c.id}`}>{c.title}</Link> ({concernStatusLabel[c.status]})
            </li>
          ))}
        </ul>
        {concerns ? <RelatedMore list={concerns} plural="concerns about the transfer" /> : null}
      </Section>

      <Section title="Quotes" id="quotes">
        <QuoteLinks quotes={i.quotes} />
      </Section>

      <Section title="Sources" id="sources">
        <RecordCitations targetType="inspection" targetId={i.id} citations={i.citations} canCite={canEdit(viewer, i) && !deleted} />
      </Section>
    </article>
  );
}

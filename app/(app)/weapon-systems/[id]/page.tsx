import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadRecordPage } from "@/lib/pages/record-page";
import { Badge } from "@/components/badge";
import { InspectionLinks, RelatedList } from "@/components/records/linked-records";
import { RecordActions } from "@/components/records/record-actions";
import { RecordCitations } from "@/components/records/cite-source";
import { Fact, Section, VerificationBadge } from "@/components/record-parts";
import { inspectionTitle } from "@/lib/records/inspection/queries";
import { getWeaponSystem } from "@/lib/records/weapon-system/queries";
import { formatUncertain, formatYears } from "@/lib/format/dates";
import { transferStatusLabel, weaponCategoryLabel } from "@/lib/format/labels";
import { can, canDelete, canEdit } from "@/lib/permissions";

type Props = { params: Promise<{ id: string }> };

const link = "text-blue-700 underline dark:text-blue-400";

const load = cache(async (raw: string) => {
  const { viewer, record: weaponSystem } = await loadRecordPage("/weapon-systems", raw, getWeaponSystem);
  return { viewer, weaponSystem };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { weaponSystem } = await load((await params).id);
  return { title: weaponSystem?.name ?? "Weapon system not found" };
}

export default async function WeaponSystemPage({ params }: Props) {
  const { viewer, weaponSystem: w } = await load((await params).id);
  if (!w) notFound();
  const deleted = w.deletedAt !== null;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/weapon-systems" className={link}>Weapon systems</Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {w.name}
          {w.designation ? <span className="font-normal text-slate-600 dark:text-slate-400"> ({w.designation})</span> : null}
        </h1>
        <div className="flex flex-wrap gap-2">
          <Badge tone={w.category === "MANPADS" ? "warning" : "neutral"}>{weaponCategoryLabel[w.category]}</Badge>
          <VerificationBadge verifiedAt={w.verifiedAt} by={w.verifiedBy?.name} />
          {w.visibility === "RESTRICTED" ? <Badge tone="warning">Restricted</Badge> : null}
          {deleted ? <Badge tone="danger">Deleted</Badge> : null}
        </div>
        <RecordActions
          type="weaponSystem"
          id={w.id}
          version={w.version}
          label="Weapon system"
          editHref={canEdit(viewer, w) ? `/weapon-systems/${w.id}/edit` : undefined}
          historyHref={`/history/weaponSystem/${w.id}`}
          canVerify={can(viewer.role, "record:verify") && w.verifiedAt === null}
          canDelete={canDelete(viewer, w)}
          canRestore={can(viewer.role, "record:restore")}
          deleted={deleted}
          afterDeleteHref="/weapon-systems"
        />
      </header>

      <dl className="grid max-w-4xl grid-cols-2 gap-4 sm:grid-cols-3">
        <Fact term="Category">{weaponCategoryLabel[w.category]}</Fact>
        <Fact term="Designation">{w.designation ?? "None recorded"}</Fact>
        <Fact term="Country of origin">
          {w.originCountry ? <Link className={link} href={`/countries/${w.originCountry.alpha2}`}>{w.originCountry.name}</Link> : "Unknown"}
        </Fact>
        <Fact term="Logged">
          {w.createdBy?.name ?? "Demo data"} · {w.createdAt.toISOString().slice(0, 10)}
        </Fact>
      </dl>
      {w.description ? <p className="max-w-3xl whitespace-pre-line">{w.description}</p> : null}

      <Section title="Arms transfers" id="transfers">
        <RelatedList list={w.transfers} plural="transfers of this system" empty="No transfer of this system recorded.">
          {(transfers) => (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Transfers of {w.name}</caption>
              <thead>
                <tr className="border-b border-slate-300 dark:border-slate-700">
                  <th scope="col" className="py-2 pr-3">Transfer</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 pr-3">Year of order</th>
                  <th scope="col" className="py-2 pr-3">Ordered</th>
                  <th scope="col" className="py-2 pr-3">Delivered</th>
                  <th scope="col" className="py-2 pr-3">Years of delivery</th>
                </tr>
              </thead>
              <tbody>
                {transfers.map((t) => (
                  <tr key={t.id} className="border-b border-slate-200 dark:border-slate-800">
                    <th scope="row" className="py-1.5 pr-3 font-normal">
                      <Link className={link} href={`/transfers/${t.id}`}>{t.supplier.name} to {t.recipient.name}</Link>
                    </th>
                    <td className="py-1.5 pr-3">{transferStatusLabel[t.status]}</td>
                    <td className="py-1.5 pr-3">{formatUncertain(t.orderYear, t.orderYearUncertain)}</td>
                    <td className="py-1.5 pr-3">{formatUncertain(t.numberOrdered, t.numberOrderedUncertain)}</td>
                    <td className="py-1.5 pr-3">{formatUncertain(t.numberDelivered, t.numberDeliveredUncertain)}</td>
                    <td className="py-1.5 pr-3">{formatYears(t.deliveryYears, t.deliveryYearsUncertain)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          )}
        </RelatedList>
      </Section>

      <Section title="Inspections" id="inspections">
        <InspectionLinks inspections={w.inspections} title={inspectionTitle} empty="No inspection of this system recorded." />
      </Section>

      <Section title="Sources" id="sources">
        <RecordCitations targetType="weaponSystem" targetId={w.id} citations={w.citations} canCite={canEdit(viewer, w) && !deleted} />
      </Section>
    </article>
  );
}

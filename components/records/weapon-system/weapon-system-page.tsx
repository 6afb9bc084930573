// A weapon system's page (/weapon-systems/[id]) inside the record shell: what
// it is, its transfers and the inspections of it.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { InspectionLinks, RelatedList } from "@/components/records/linked-records";
import { RecordLink } from "@/components/records/record-link";
import { linkClass as link, RecordPage } from "@/components/records/record-page";
import { Fact, Section } from "@/components/record-parts";
import { loadRecord } from "@/lib/pages/record-page";
import { formatUncertain, formatYears } from "@/lib/format/dates";
import { transferStatusLabel, weaponCategoryLabel } from "@/lib/format/labels";

export async function WeaponSystemPage({ id }: { id: string }) {
  const { viewer, record: w } = await loadRecord("weaponSystem", id);
  if (!w) notFound();

  return (
    <RecordPage
      type="weaponSystem"
      viewer={viewer}
      record={w}
      headingDetail={w.designation}
      badges={<Badge tone={w.category === "MANPADS" ? "warning" : "neutral"}>{weaponCategoryLabel[w.category]}</Badge>}
    >

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
                      <RecordLink type="transfer" record={{ ...t, weaponSystem: w }} />
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
        <InspectionLinks inspections={w.inspections} empty="No inspection of this system recorded." />
      </Section>
    </RecordPage>
  );
}

// Inspections by status, and those promised or asserted but never conducted.
import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ListBox, linkClass, mutedClass, plural, vagueDay } from "@/components/dashboard/parts";
import { INSPECTION_SERIES } from "@/lib/charts/palette";
import { splitTotals } from "@/lib/charts/series";
import type { InspectionsByStatus, UnfulfilledInspections } from "@/lib/dashboard/queries";
import { inspectionStatusLabel } from "@/lib/format/labels";
import { countPhrase } from "@/lib/format/plural";

export function InspectionsSection({
  byStatus,
  unfulfilled,
  filtered,
}: {
  byStatus: InspectionsByStatus;
  unfulfilled: UnfulfilledInspections;
  filtered: boolean;
}) {
  const data = splitTotals(
    byStatus.rows.map((r) => ({ key: r.status, label: inspectionStatusLabel[r.status], part: r.neverConducted, total: r.n })),
    "neverConducted",
    "other",
  );
  const none = filtered ? "No inspections match these filters." : "There are no inspections yet.";
  return (
    <section aria-labelledby="inspections-title" className="space-y-3">
      <h2 id="inspections-title" className="text-xl font-semibold">
        Inspections
      </h2>
      <p className={`text-sm ${mutedClass}`}>
        {filtered ? countPhrase(byStatus.total, { one: "inspection" }, { one: "matches", many: "match" }, "these filters") : `${plural(byStatus.total, "inspection")} in all`}; {byStatus.neverConducted.toLocaleString("en")} promised, asserted or due and never
        conducted.
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <ChartFigure
          id="inspections-by-status"
          title="Inspections by status"
          description="“Never conducted”: a right asserted, an inspection scheduled, refused, overdue or without a right, and no date of conduct."
          data={data}
          series={INSPECTION_SERIES}
          categoryLabel="Status"
          valueLabel="Inspections"
          emptyMessage={none}
          orientation="rows"
          height={Math.max(160, 44 + data.length * 34)}
          showTotals
          categoryWidth={120}
        />
        <ListBox
          id="never-conducted"
          title="Promised or asserted, never conducted"
          summary={`A right asserted, an inspection scheduled, refused, overdue or without a right, and no date of conduct; oldest promise first.${
            unfulfilled.total > unfulfilled.rows.length ? ` The first ${unfulfilled.rows.length} of ${unfulfilled.total.toLocaleString("en")}.` : ""
          }`}
          empty={unfulfilled.rows.length ? null : filtered ? "No inspection matching these filters is pending." : "No inspection is pending."}
        >
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {unfulfilled.rows.map((i) => {
              const when = i.scheduledOn
                ? `scheduled ${vagueDay(i.scheduledOn, i.scheduledOnPrecision)}`
                : i.assertedOn
                  ? `asserted ${vagueDay(i.assertedOn, i.assertedOnPrecision)}`
                  : "date unknown";
              return (
                <li key={i.id} className="py-1.5">
                  <Link href={`/inspections/${i.id}`} className={linkClass}>
                    {i.name}
                  </Link>
                  <div className={mutedClass}>
                    {inspectionStatusLabel[i.status]} · {when}
                    {i.basis ? ` · ${i.basis}` : ""}
                  </div>
                </li>
              );
            })}
          </ul>
        </ListBox>
      </div>
    </section>
  );
}

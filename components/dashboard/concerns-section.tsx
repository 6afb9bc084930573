// Unresolved concerns: how many by severity and status, the longest open, and
// those past their review date.
import Link from "next/link";
import { Badge } from "@/components/badge";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ListBox, Stat, linkClass, mutedClass, plural, vagueDay } from "@/components/dashboard/parts";
import { CONCERN_STATUS_SERIES } from "@/lib/charts/palette";
import { stackRows } from "@/lib/charts/series";
import type { ConcernList, UnresolvedConcernCounts } from "@/lib/dashboard/queries";
import { concernStatusLabel, severityLabel } from "@/lib/format/labels";
import type { Severity } from "@/lib/generated/prisma/enums";

const SEVERITIES: Severity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={severity === "HIGH" || severity === "CRITICAL" ? "danger" : "neutral"}>{severityLabel[severity]}</Badge>;
}

export function ConcernsSection({
  counts,
  oldest,
  overdue,
  filtered,
  hrefs,
}: {
  counts: UnresolvedConcernCounts;
  oldest: ConcernList;
  overdue: ConcernList;
  filtered: boolean;
  /** The concerns lists each tile counts (same filters). */
  hrefs: { unresolved: string; open: string; monitoring: string };
}) {
  const data = stackRows(
    counts.cells.map((c) => ({ category: c.severity, series: c.status, n: c.n })),
    SEVERITIES.map((s) => ({ key: s, label: severityLabel[s] })),
  );
  const none = filtered ? "No unresolved concerns match these filters." : "There are no unresolved concerns.";
  return (
    <section aria-labelledby="unresolved-title" className="space-y-3">
      <h2 id="unresolved-title" className="text-xl font-semibold">
        Unresolved concerns
      </h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat value={counts.total} label="unresolved (open or monitoring)" href={hrefs.unresolved} />
        <Stat value={counts.byStatus.OPEN ?? 0} label="open" href={hrefs.open} />
        <Stat value={counts.byStatus.MONITORING ?? 0} label="under monitoring" href={hrefs.monitoring} />
        {/* The concerns list has no "overdue" filter: this tile leads to the list of them below. */}
        <Stat value={overdue.total} label="overdue for review" tone="alert" href="#overdue-title" />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <ChartFigure
          id="concerns-by-severity"
          title="By severity and status"
          description="Open and monitored concerns of each severity."
          data={data}
          series={CONCERN_STATUS_SERIES}
          categoryLabel="Severity"
          valueLabel="Concerns"
          emptyMessage={none}
          height={220}
          showTotals
        />
        <ListBox
          id="overdue"
          title="Overdue for review"
          summary={overdue.total > overdue.rows.length ? `The ${overdue.rows.length} most overdue of ${overdue.total.toLocaleString("en")}.` : undefined}
          empty={overdue.rows.length ? null : filtered ? "No unresolved concern matching these filters is past its review date." : "No concern is past its review date."}
        >
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {overdue.rows.map((c) => (
              <li key={c.id} className="py-1.5">
                <Link href={`/concerns/${c.id}`} className={linkClass}>
                  {c.title}
                </Link>
                <div className={mutedClass}>
                  Review was due {vagueDay(c.nextReviewOn, "DAY")} ({plural(c.daysOverdue ?? 0, "day")} ago) · <SeverityBadge severity={c.severity} /> ·{" "}
                  {c.owner ? `owner ${c.owner}` : "no owner"}
                </div>
              </li>
            ))}
          </ul>
        </ListBox>
      </div>
      <ListBox
        id="oldest"
        title="Longest unresolved"
        summary={`Oldest first, by the date each was opened; concerns with no known opening date last.${
          oldest.total > oldest.rows.length ? ` The first ${oldest.rows.length} of ${oldest.total.toLocaleString("en")}.` : ""
        }`}
        empty={oldest.rows.length ? null : none}
        more={
          <Link href={hrefs.unresolved} className={linkClass}>
            All unresolved concerns
          </Link>
        }
      >
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Longest unresolved concerns</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3">Concern</th>
                <th scope="col" className="py-2 pr-3">Severity</th>
                <th scope="col" className="hidden py-2 pr-3 sm:table-cell">Status</th>
                <th scope="col" className="py-2 pr-3">Open since</th>
                <th scope="col" className="hidden py-2 pr-3 sm:table-cell">Owner</th>
                <th scope="col" className="hidden py-2 pr-3 sm:table-cell">Next review</th>
              </tr>
            </thead>
            <tbody>
              {oldest.rows.map((c) => (
                <tr key={c.id} className="border-b border-slate-200 align-top dark:border-slate-800">
                  <th scope="row" className="min-w-[12rem] py-2 pr-3 text-left font-normal">
                    <Link href={`/concerns/${c.id}`} className={linkClass}>
                      {c.title}
                    </Link>
                  </th>
                  <td className="py-2 pr-3">
                    <SeverityBadge severity={c.severity} />
                  </td>
                  <td className="hidden py-2 pr-3 sm:table-cell">{concernStatusLabel[c.status]}</td>
                  <td className="py-2 pr-3">{c.openedOn ? vagueDay(c.openedOn, c.openedOnPrecision) : "Unknown"}</td>
                  <td className="hidden py-2 pr-3 sm:table-cell">{c.owner ?? <span className={mutedClass}>No owner</span>}</td>
                  <td className="hidden py-2 pr-3 sm:table-cell">
                    {c.nextReviewOn ? vagueDay(c.nextReviewOn, "DAY") : <span className={mutedClass}>Not set</span>}
                    {c.overdue ? (
                      <>
                        {" "}
                        <Badge tone="warning">Overdue for review</Badge>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListBox>
    </section>
  );
}

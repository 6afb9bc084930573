// The home dashboard: unresolved concerns, diplomatic requests over time and
// their answers, inspections never conducted, recent activity. One filter
// (in the URL) applies to every figure; every figure is computed in
// PostgreSQL (lib/dashboard/) for what this user may see.
import type { Metadata } from "next";
import { connection } from "next/server";
import { ActivitySection } from "@/components/dashboard/activity-section";
import { ConcernsSection } from "@/components/dashboard/concerns-section";
import { ClearDashboardFilters, DashboardFilterBar } from "@/components/dashboard/filters";
import { InspectionsSection } from "@/components/dashboard/inspections-section";
import { RequestsSection } from "@/components/dashboard/requests-section";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { loadDashboard } from "@/lib/dashboard/data";
import { concernsListHref } from "@/lib/dashboard/links";
import { hasDashboardFilter, parseDashboardFilter } from "@/lib/dashboard/filter";
import { listCountryOptions } from "@/lib/db/lists/countries";
import type { RawSearchParams } from "@/lib/lists/params";

export const metadata: Metadata = { title: "Dashboard" };

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/");
  const { filter, messages } = parseDashboardFilter(await searchParams);
  const [d, countries] = await Promise.all([loadDashboard(viewer, filter), listCountryOptions(viewer)]);
  const filtered = hasDashboardFilter(filter);
  // A well-formed code of no country is kept (nothing matches it), and said.
  const notes =
    filter.country && !countries.some((c) => c.alpha2 === filter.country)
      ? [...messages, `There is no country with the code ${filter.country}; nothing matches it.`]
      : messages;

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <PageHeader
          title="Dashboard"
          description="What is unresolved, what was asked of whom and how they answered, and which inspections never happened."
        />
        {notes.length ? (
          <div
            role="status"
            className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            <p className="font-medium">Some of this address’s parameters were not used:</p>
            <ul className="ml-5 list-disc">
              {notes.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <DashboardFilterBar filter={filter} countries={countries} />
        <ClearDashboardFilters shown={filtered} />
      </div>
      <ConcernsSection
        counts={d.concernCounts}
        oldest={d.oldest}
        overdue={d.overdue}
        filtered={filtered}
        hrefs={{
          unresolved: concernsListHref(filter),
          open: concernsListHref(filter, ["OPEN"]),
          monitoring: concernsListHref(filter, ["MONITORING"]),
        }}
      />
      <RequestsSection overTime={d.overTime} byCountry={d.byCountry} rebuffed={d.rebuffed} filtered={filtered} />
      <InspectionsSection byStatus={d.inspections} unfulfilled={d.unfulfilled} filtered={filtered} />
      <ActivitySection requests={d.latestRequests} changes={d.latestChanges} filtered={filtered} />
    </div>
  );
}

// The dashboard's one filter bar: a GET form on "/", so that every view is a
// URL. Its values apply to every chart and list on the page at once.
// Compact: a one-line bar saying which filters are active, with a "Filters"
// toggle (a native <details>, keyboard and screen-reader accessible without
// script) that opens the full form. Closed by default, filtered or not: the bar
// already names the active filters and offers to clear them, so the first
// screen (on a phone too) shows figures rather than a form.
import Link from "next/link";
import { FilterBar, type FilterField } from "@/components/lists/filter-bar";
import type { DashboardFilter } from "@/lib/dashboard/filter";
import { severityLabel, weaponCategoryLabel } from "@/lib/format/labels";

export function DashboardFilterBar({ filter, countries }: { filter: DashboardFilter; countries: { alpha2: string; name: string }[] }) {
  const fields: FilterField[] = [
    {
      kind: "select",
      name: "country",
      label: "Country",
      value: filter.country ?? "",
      anyLabel: "Any country",
      options: countries.map((c) => ({ value: c.alpha2, label: `${c.name} (${c.alpha2})` })),
    },
    {
      kind: "select",
      name: "weapon",
      label: "Weapon category",
      value: filter.weapon.join(","),
      anyLabel: "Any weapon category",
      options: Object.entries(weaponCategoryLabel).map(([value, label]) => ({ value, label })),
    },
    {
      kind: "select",
      name: "severity",
      label: "Concern severity",
      value: filter.severity.join(","),
      anyLabel: "Any severity",
      options: [
        { value: "HIGH,CRITICAL", label: "High or critical" },
        ...Object.entries(severityLabel).map(([value, label]) => ({ value, label })),
      ],
    },
    {
      kind: "select",
      name: "verified",
      label: "Verification",
      value: filter.verified ?? "",
      anyLabel: "Verified or not",
      options: [
        { value: "yes", label: "Verified only" },
        { value: "no", label: "Unverified only" },
      ],
    },
    { kind: "date", name: "from", label: "From", value: filter.from?.input ?? "" },
    { kind: "date", name: "to", label: "To", value: filter.to?.input ?? "" },
  ];
  // What each active filter is, in words ("Country: France (FR)").
  const active: string[] = [];
  for (const f of fields) {
    if (f.kind !== "select" && f.kind !== "date") continue;
    if (!f.value) continue;
    const shown = f.kind === "select" ? (f.options.find((o) => o.value === f.value)?.label ?? f.value.split(",").join(" or ")) : f.value;
    active.push(`${f.label}: ${shown}`);
  }
  return (
    <details id="dashboard-filter-panel" className="group rounded border border-slate-200 dark:border-slate-800">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm [&::-webkit-details-marker]:hidden">
        <span className="inline-flex items-center gap-1 rounded border border-slate-400 px-2 py-0.5 font-medium dark:border-slate-600">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          Filters{active.length ? ` (${active.length})` : ""}
        </span>
        <span data-filter-summary="" className="min-w-0 text-slate-700 dark:text-slate-300">
          {active.length ? active.join(" · ") : "None: every record you may see."}
        </span>
      </summary>
      <div className="space-y-2 border-t border-slate-200 p-3 dark:border-slate-800">
        <FilterBar id="dashboard-filters" label="Filter the dashboard" action="/" fields={fields} clearHref="/" />
        <FilterScope />
      </div>
    </details>
  );
}

/** The bar's "Clear" link, outside the toggle (a link inside <summary> would toggle it). */
export function ClearDashboardFilters({ shown }: { shown: boolean }) {
  return shown ? (
    <Link href="/" className="text-sm font-medium text-blue-700 underline dark:text-blue-400">
      Clear filters
    </Link>
  ) : null;
}

/** What each filter means for each kind of record, in words (under the filter bar). */
export function FilterScope() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 underline dark:text-slate-300">How the filters apply</summary>
      <ul className="ml-5 mt-1 list-disc space-y-0.5 text-slate-600 dark:text-slate-400">
        <li>Dates: requests by their date, concerns by the date they were opened, inspections by any of their dates (asserted, scheduled, conducted), status changes by when they happened. A record with no known date is left out once a date is set.</li>
        <li>Country: requests made by or to it; concerns involving it; inspections it hosts or carries out.</li>
        <li>Weapon category: through the weapon systems of the transfers a request or concern is about; an inspection’s own weapon system or its transfer’s.</li>
        <li>Concern severity: concerns of that severity; requests linked to such a concern; inspections of a transfer such a concern is about.</li>
        <li>Verification: requests, concerns and inspections verified (or not yet verified) by an editor; status changes through their concern.</li>
      </ul>
    </details>
  );
}

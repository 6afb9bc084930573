// The country page's chart rows and links, shaped from the grouped rows that
// PostgreSQL counted (lib/db/country-page.ts): no counting here, only layout.
import type { CountryChartRow, CountryChartSeries } from "@/lib/charts/types";
import type { TimelineYear, TransferCategoryGroup } from "@/lib/db/country-page";
import type { WeaponCategory } from "@/lib/generated/prisma/enums";
import { weaponCategoryLabel } from "@/lib/format/labels";

/** At most this many bars in a chart. */
export const MAX_POINTS = 1_000;

/** Mid-tone colours that read on white and on near-black (Okabe–Ito and Tableau hues). */
export const CATEGORY_COLORS: Record<WeaponCategory, string> = {
  AIRCRAFT: "#0072B2",
  AIR_DEFENCE_SYSTEMS: "#E69F00",
  MANPADS: "#D55E00",
  ARMOURED_VEHICLES: "#009E73",
  ARTILLERY: "#CC79A7",
  MISSILES: "#56B4E9",
  SHIPS: "#8C564B",
  SMALL_ARMS_LIGHT_WEAPONS: "#9467BD",
  SENSORS: "#BCBD22",
  OTHER: "#17BECF",
};
export const UNKNOWN_CATEGORY_COLOR = "#7F7F7F";

export const TIMELINE_SERIES: CountryChartSeries[] = [
  { key: "requestsMade", label: "Requests made", color: "#0072B2" },
  { key: "requestsReceived", label: "Requests received", color: "#E69F00" },
  { key: "requestsConcerning", label: "Requests concerning it", color: "#CC79A7" },
  { key: "transfersOrdered", label: "Transfers ordered", color: "#009E73" },
  { key: "transfersDelivered", label: "Transfers delivered", color: "#D55E00" },
];

export function categoryLabel(category: WeaponCategory | null): string {
  return category ? weaponCategoryLabel[category] : "Weapon category unknown";
}

/**
 * Every year from the first to the last (gaps as zeros, so that the bars keep
 * their distance in time), keeping the latest years when there are more than
 * `maxYears`.
 */
export function yearSpan(years: readonly number[], maxYears: number): number[] {
  if (years.length === 0) return [];
  const last = Math.max(...years);
  const first = Math.max(Math.min(...years), last - Math.max(1, maxYears) + 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Deliveries per year, one series per weapon category. */
export function deliveriesChart(categories: readonly TransferCategoryGroup[]): { rows: CountryChartRow[]; series: CountryChartSeries[] } {
  const series: CountryChartSeries[] = categories
    .filter((c) => c.years.some((y) => y.delivered > 0))
    .map((c) => ({ key: c.category ?? "UNKNOWN", label: categoryLabel(c.category), color: c.category ? CATEGORY_COLORS[c.category] : UNKNOWN_CATEGORY_COLOR }));
  const dated = categories.flatMap((c) => c.years.filter((y) => y.year !== null && y.delivered > 0).map((y) => y.year!));
  const span = yearSpan(dated, Math.floor(MAX_POINTS / Math.max(1, series.length)));
  const index = new Map<number, CountryChartRow>(span.map((y) => [y, { x: String(y) }]));
  for (const c of categories) {
    for (const y of c.years) {
      const row = y.year !== null ? index.get(y.year) : undefined;
      if (row && y.delivered > 0) row[c.category ?? "UNKNOWN"] = y.delivered;
    }
  }
  return { rows: [...index.values()], series };
}

/** Requests and transfers per year (the year-unknown row stays in the table only). */
export function timelineChart(years: readonly TimelineYear[]): CountryChartRow[] {
  const dated = years.filter((y) => y.year !== null);
  const span = yearSpan(dated.map((y) => y.year!), Math.floor(MAX_POINTS / TIMELINE_SERIES.length));
  const byYear = new Map(dated.map((y) => [y.year!, y]));
  return span.map((year) => {
    const y = byYear.get(year);
    return {
      x: String(year),
      requestsMade: y?.requestsMade ?? 0,
      requestsReceived: y?.requestsReceived ?? 0,
      requestsConcerning: y?.requestsConcerning ?? 0,
      transfersOrdered: y?.transfersOrdered ?? 0,
      transfersDelivered: y?.transfersDelivered ?? 0,
    };
  });
}

/** A list's address with these parameters (empty values left out). */
export function listHref(path: string, params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The record itself when a figure is one record, else the list that holds them. */
export function figureHref(count: number, firstId: number | null, recordPath: string, list: string): string {
  return count === 1 && firstId !== null ? `${recordPath}/${firstId}` : list;
}

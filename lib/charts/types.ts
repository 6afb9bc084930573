// The data the chart components (components/charts/) draw. Plain,
// serialisable objects: a server component shapes them (lib/charts/*) and
// passes them to a client chart.

/** How a series is filled besides its colour, so that colour never carries meaning alone. */
export type PatternKind = "solid" | "stripes" | "dots" | "crosshatch" | "stripes-reverse" | "horizontal" | "vertical";

/** One series of a (stacked) bar chart: one stack segment per category. */
export type ChartSeries = {
  /** Key into BarDatum.values; letters, digits and _ only. */
  key: string;
  label: string;
  /** A CSS colour readable on both the light and the dark background (see palette.ts). */
  color: string;
  pattern: PatternKind;
};

/** One category (a bar, or a stack of segments) of a bar chart. */
export type BarDatum = {
  key: string;
  label: string;
  /** Series key → value; a missing key is 0. */
  values: Record<string, number>;
  /** A note shown with the category in the table (e.g. "month unknown"). */
  note?: string;
};

export function datumTotal(d: BarDatum): number {
  let total = 0;
  for (const v of Object.values(d.values)) total += v;
  return total;
}

/** How many bar segments a chart draws (categories × series): the charts keep it near 1,000 at most. */
export function pointCount(data: readonly BarDatum[], series: readonly ChartSeries[]): number {
  return data.length * series.length;
}

/** The most segments a chart should draw; shaping functions cap categories and series to stay below. */
export const MAX_POINTS = 1_000;

/** One series of the country page's bar charts (components/charts/country-bar-chart.tsx). */
export type CountryChartSeries = { key: string; label: string; color: string };
/** One bar (a year, a category) of the country page's charts: the x label and a value per series key. */
export type CountryChartRow = { x: string } & Record<string, string | number>;

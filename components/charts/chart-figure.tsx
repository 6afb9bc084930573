// A chart with everything around it, for any page (server component):
//
//   <ChartFigure id="requests-by-year" title="Requests per year" data={...} series={...}
//     categoryLabel="Year" valueLabel="Requests" emptyMessage="No requests match these filters." />
//
// - a title (a heading) and an optional description;
// - a legend naming each series with its colour and pattern (always, even for one series:
//   a reader must not have to guess what a colour stands for);
// - the chart itself (./lazy-bar-chart.tsx: recharts, loaded after the page), labelled for
//   screen readers, with axis titles and a tooltip;
// - its figures as a table (<details>, closed by default, in the accessibility tree once opened),
//   every category a row, every series a column, with totals;
// - or, when there is nothing to draw, a sentence saying so instead of an empty chart.
// Shape the data with lib/charts/ (bucketing, top categories, series order) and keep
// categories × series near lib/charts/types.ts MAX_POINTS at most.
import type { ReactNode } from "react";
import { LazyBarChart } from "@/components/charts/lazy-bar-chart";
import { ChartLegend } from "@/components/charts/legend";
import { DataTable } from "@/components/charts/data-table";
import { hasData } from "@/lib/charts/series";
import type { BarDatum, ChartSeries } from "@/lib/charts/types";

export type ChartFigureProps = {
  /** Unique on the page (ids of the heading, patterns and legend derive from it). */
  id: string;
  title: string;
  description?: ReactNode;
  data: BarDatum[];
  series: ChartSeries[];
  categoryLabel: string;
  valueLabel: string;
  /** Said instead of the chart when there is nothing to draw ("No requests match these filters."). */
  emptyMessage: ReactNode;
  orientation?: "columns" | "rows";
  height?: number;
  showTotals?: boolean;
  categoryWidth?: number;
  /** Shown under the chart (what is left out, how vague dates are placed...). */
  notes?: ReactNode;
  headingLevel?: 2 | 3;
};

export function ChartFigure(props: ChartFigureProps) {
  const { id, title, description, data, series, categoryLabel, valueLabel, emptyMessage, notes, headingLevel = 3 } = props;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${id}-title`;
  const empty = !hasData(data) || series.length === 0;
  const seriesNames = series.length > 1 ? `, stacked by ${series.map((s) => s.label).join(", ")}` : "";
  return (
    <figure aria-labelledby={headingId} className="min-w-0 space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800">
      <Heading id={headingId} className="font-semibold">
        {title}
      </Heading>
      {description ? <div className="text-sm text-slate-600 dark:text-slate-400">{description}</div> : null}
      {empty ? (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">{emptyMessage}</p>
      ) : (
        <>
          <ChartLegend id={id} series={series} />
          <LazyBarChart
            id={id}
            data={data}
            series={series}
            categoryLabel={categoryLabel}
            valueLabel={valueLabel}
            orientation={props.orientation}
            height={props.height}
            showTotals={props.showTotals}
            categoryWidth={props.categoryWidth}
            ariaLabel={`${title}: bar chart of ${valueLabel.toLowerCase()} by ${categoryLabel.toLowerCase()}${seriesNames}. The figures are in the table “${title}: figures” below.`}
          />
          {notes ? <div className="text-sm text-slate-600 dark:text-slate-400">{notes}</div> : null}
          <details className="text-sm">
            <summary className="cursor-pointer text-blue-700 underline dark:text-blue-400">Show the figures as a table</summary>
            <DataTable caption={`${title}: figures`} data={data} series={series} categoryLabel={categoryLabel} />
          </details>
        </>
      )}
    </figure>
  );
}

"use client";
// A bar chart of yearly counts for the country page (recharts, drawn in the
// browser). Bars per series, stacked or side by side; a title, labelled axes,
// a tooltip, a legend above the drawing when there are several series, colours that read on
// light and dark backgrounds (text and axes take the current text colour),
// and "no data" when there is nothing to draw. The figures are also in a
// table: under the chart, at its full width, in a disclosure ("Show the
// figures as a table", `table`), or elsewhere on the page (`tableHref`), for
// screen readers and for everyone.
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { CountryChartRow, CountryChartSeries } from "@/lib/charts/types";

export type { CountryChartRow, CountryChartSeries };

type TooltipEntry = { dataKey?: unknown; name?: unknown; value?: unknown; color?: string };

function ChartTooltip({ active, label, payload }: { active?: boolean; label?: unknown; payload?: readonly TooltipEntry[] }) {
  if (!active || !payload?.length) return null;
  const shown = payload.filter((p) => typeof p.value === "number" && p.value > 0);
  return (
    <div className="rounded border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
      <p className="font-semibold">{String(label)}</p>
      {shown.length === 0 ? (
        <p>None</p>
      ) : (
        <ul>
          {shown.map((p) => (
            <li key={String(p.dataKey)} className="flex items-center gap-2">
              <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: p.color }} />
              {String(p.name)}: <span className="tabular-nums">{String(p.value)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CountryBarChart({
  id,
  title,
  xLabel,
  yLabel,
  rows,
  series,
  stacked = false,
  emptyText = "No data to chart.",
  tableHref,
  table,
  note,
}: {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  rows: CountryChartRow[];
  series: CountryChartSeries[];
  stacked?: boolean;
  emptyText?: string;
  /** Where the same figures are as a table. */
  tableHref?: string;
  /** The same figures as a table, shown on demand under the chart (closed by default). */
  table?: ReactNode;
  note?: string;
}) {
  const empty = rows.length === 0 || rows.every((r) => series.every((s) => !r[s.key]));
  return (
    <figure aria-labelledby={`${id}-title`} className="min-w-0 space-y-2">
      <figcaption id={`${id}-title`} className="text-sm font-semibold">
        {title}
      </figcaption>
      {empty ? (
        <p className="rounded border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No data: {emptyText}
        </p>
      ) : (
        <>
        {series.length > 1 ? (
          // In the page's flow rather than inside the drawing: it wraps on a phone instead of covering the bars.
          <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800 dark:text-slate-200">
            {series.map((s) => (
              <li key={s.key} className="inline-flex items-center gap-1.5">
                <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} />
                {s.label}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="h-72 w-full text-slate-700 dark:text-slate-300">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 28, left: 8 }} accessibilityLayer>
              <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
              <XAxis
                dataKey="x"
                stroke="currentColor"
                tick={{ fill: "currentColor", fontSize: 12 }}
                label={{ value: xLabel, position: "insideBottom", offset: -18, fill: "currentColor", fontSize: 12 }}
              />
              <YAxis
                allowDecimals={false}
                domain={[0, (dataMax: number) => Math.max(1, Math.ceil(dataMax))]}
                stroke="currentColor"
                width={48}
                tick={{ fill: "currentColor", fontSize: 12 }}
                label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 12, fill: "currentColor", fontSize: 12, style: { textAnchor: "middle" } }}
              />
              <Tooltip content={<ChartTooltip />} cursor={{ fill: "currentColor", fillOpacity: 0.08 }} />
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "all" : undefined} maxBarSize={48} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        </>
      )}
      {note || tableHref ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {note}
          {note && tableHref ? " " : null}
          {tableHref ? <a href={tableHref} className="text-blue-700 underline dark:text-blue-400">The figures as a table</a> : null}
        </p>
      ) : null}
      {table ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-blue-700 underline dark:text-blue-400">Show the figures as a table</summary>
          <div className="pt-2">{table}</div>
        </details>
      ) : null}
    </figure>
  );
}

"use client";
// A bar chart (one bar per category, optionally stacked by series), drawn
// with recharts. Loaded only through ./lazy-bar-chart.tsx, so that recharts
// stays out of every page's first JavaScript; use <ChartFigure> (server) for
// the title, legend, empty state and table around it.
//
// Readable in both themes without knowing which one is on: text and grid use
// currentColor, the tooltip uses Tailwind's dark: classes, and the series
// colours (lib/charts/palette.ts) contrast with both backgrounds. Each series
// is filled with its colour and a pattern of its own; segments are separated
// by a thin line of the page's background colour.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SeriesPattern, patternId } from "@/components/charts/patterns";
import type { BarDatum, ChartSeries } from "@/lib/charts/types";

export type BarChartProps = {
  /** Unique on the page: prefixes the patterns' ids. */
  id: string;
  data: BarDatum[];
  /** Stack order, bottom (or left) first. */
  series: ChartSeries[];
  /** The category axis' title ("Year", "Target country"). */
  categoryLabel: string;
  /** The value axis' title ("Requests"). */
  valueLabel: string;
  /** "columns": categories along the bottom; "rows": one horizontal bar per category (long labels). */
  orientation?: "columns" | "rows";
  height?: number;
  /** Write each bar's total at its end (only when there are few bars). */
  showTotals?: boolean;
  /** Width of the category labels in "rows" orientation. */
  categoryWidth?: number;
};

type Row = { __key: string; __label: string; __total: number; __note: string } & Record<string, number | string>;

type Box = { x?: number; y?: number; width?: number; height?: number };

/** The box recharts gives a label (a bar segment's, or an axis'). */
function box(viewBox: unknown): Required<Box> {
  const b = (viewBox ?? {}) as Box;
  return { x: Number(b.x ?? 0), y: Number(b.y ?? 0), width: Number(b.width ?? 0), height: Number(b.height ?? 0) };
}

type TooltipEntry = { dataKey?: unknown; name?: unknown; value?: unknown; payload?: Row };

function ChartTooltip({ active, payload, series }: { active?: boolean; payload?: readonly TooltipEntry[]; series: ChartSeries[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
      <p className="font-medium">{row.__label}</p>
      {row.__note ? <p className="text-xs text-slate-600 dark:text-slate-400">{row.__note}</p> : null}
      <ul className="mt-1 space-y-0.5">
        {series
          .filter((s) => Number(row[s.key] ?? 0) > 0)
          .reverse()
          .map((s) => (
            <li key={s.key} className="flex justify-between gap-4">
              <span>{s.label}</span>
              <span className="tabular-nums">{Number(row[s.key]).toLocaleString("en")}</span>
            </li>
          ))}
      </ul>
      {series.length > 1 ? (
        <p className="mt-1 flex justify-between gap-4 border-t border-slate-200 pt-1 font-medium dark:border-slate-700">
          <span>Total</span>
          <span className="tabular-nums">{row.__total.toLocaleString("en")}</span>
        </p>
      ) : null}
    </div>
  );
}

export default function StackedBarChart({
  id,
  data,
  series,
  categoryLabel,
  valueLabel,
  orientation = "columns",
  height = 280,
  showTotals = false,
  categoryWidth = 150,
}: BarChartProps) {
  const rows: Row[] = data.map((d) => {
    const row: Row = { __key: d.key, __label: d.label, __total: 0, __note: d.note ?? "" } as Row;
    let total = 0;
    for (const s of series) {
      const v = d.values[s.key] ?? 0;
      row[s.key] = v;
      total += v;
    }
    row.__total = total;
    return row;
  });
  const rowsLayout = orientation === "rows";
  const tick = { fill: "currentColor", fontSize: 12 };
  const axisLine = { stroke: "currentColor", strokeOpacity: 0.5 };
  // A bar's total is written at the end of its last non-empty segment.
  const topSeries = rows.map((r) => series.reduce((top, s, i) => (Number(r[s.key]) > 0 ? i : top), -1));
  const totalLabel = (seriesIndex: number) =>
    function TotalLabel(p: { index?: number; viewBox?: unknown }) {
      const index = p.index ?? -1;
      if (topSeries[index] !== seriesIndex) return null;
      const b = box(p.viewBox);
      const text = rows[index]!.__total.toLocaleString("en");
      return rowsLayout ? (
        <text x={b.x + b.width + 6} y={b.y + b.height / 2} dominantBaseline="central" fill="currentColor" fontSize={12}>
          {text}
        </text>
      ) : (
        <text x={b.x + b.width / 2} y={b.y - 6} textAnchor="middle" fill="currentColor" fontSize={12}>
          {text}
        </text>
      );
    };
  const categoryAxis = {
    dataKey: "__label",
    type: "category" as const,
    tick,
    axisLine,
    tickLine: axisLine,
    interval: "preserveStartEnd" as const,
    minTickGap: 8,
  };
  const valueAxis = { type: "number" as const, allowDecimals: false, tick, axisLine, tickLine: axisLine };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={rows}
        layout={rowsLayout ? "vertical" : "horizontal"}
        margin={rowsLayout ? { top: 24, right: 36, bottom: 28, left: 8 } : { top: showTotals ? 20 : 8, right: 12, bottom: 28, left: 8 }}
        accessibilityLayer={false}
        barCategoryGap="20%"
      >
        <defs>
          {series.map((s) => (
            <SeriesPattern key={s.key} id={patternId(id, s.key)} color={s.color} kind={s.pattern} />
          ))}
        </defs>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={!rowsLayout} vertical={rowsLayout} />
        {rowsLayout ? (
          <>
            <XAxis {...valueAxis} label={{ value: valueLabel, position: "insideBottom", offset: -18, fill: "currentColor", fontSize: 12 }} />
            <YAxis
              {...categoryAxis}
              width={categoryWidth}
              interval={0}
              // Above the category names, left-aligned: a rotated title would collide with long names.
              label={(p: { viewBox?: unknown }) => (
                <text x={box(p.viewBox).x} y={box(p.viewBox).y - 10} fill="currentColor" fontSize={12}>
                  {categoryLabel}
                </text>
              )}
            />
          </>
        ) : (
          <>
            <XAxis {...categoryAxis} label={{ value: categoryLabel, position: "insideBottom", offset: -18, fill: "currentColor", fontSize: 12 }} />
            <YAxis
              {...valueAxis}
              width={48}
              label={{ value: valueLabel, angle: -90, position: "insideLeft", offset: 8, fill: "currentColor", fontSize: 12, dy: 30 }}
            />
          </>
        )}
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08, stroke: "none" }}
          content={(props) => <ChartTooltip active={props.active} payload={props.payload as readonly TooltipEntry[] | undefined} series={series} />}
        />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="stack"
            fill={`url(#${patternId(id, s.key)})`}
            stroke="var(--chart-separator, #fff)"
            strokeWidth={series.length > 1 ? 1 : 0}
            isAnimationActive={false}
            maxBarSize={rowsLayout ? 28 : 56}
          >
            {showTotals ? <LabelList dataKey="__total" content={totalLabel(i)} /> : null}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

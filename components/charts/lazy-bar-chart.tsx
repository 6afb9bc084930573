"use client";
// The bar chart, loaded after the page (next/dynamic, no server rendering):
// recharts is fetched only by pages that draw a chart, and only once the page
// is shown. Until then a box of the chart's height holds its place, so that
// nothing moves when it arrives.
import dynamic from "next/dynamic";
import type { BarChartProps } from "@/components/charts/bar-chart";

const Chart = dynamic(() => import("@/components/charts/bar-chart"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading the chart…</p>,
});

export function LazyBarChart(props: BarChartProps & { ariaLabel: string }) {
  const { ariaLabel, ...chart } = props;
  return (
    <div
      role="img"
      aria-label={ariaLabel}
      style={{ height: chart.height ?? 280 }}
      className="w-full text-slate-700 [--chart-separator:#ffffff] dark:text-slate-300 dark:[--chart-separator:#020618]"
    >
      <Chart {...chart} />
    </div>
  );
}

// A chart's figures as a table: one row per category, one column per series,
// and the totals. The text alternative of every chart (see ChartFigure).
import type { BarDatum, ChartSeries } from "@/lib/charts/types";

export function DataTable({
  caption,
  data,
  series,
  categoryLabel,
}: {
  caption: string;
  data: BarDatum[];
  series: ChartSeries[];
  categoryLabel: string;
}) {
  const fmt = (n: number) => n.toLocaleString("en");
  const several = series.length > 1;
  const totals = series.map((s) => data.reduce((a, d) => a + (d.values[s.key] ?? 0), 0));
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-1 pr-3">
              {categoryLabel}
            </th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="py-1 pr-3 text-right">
                {s.label}
              </th>
            ))}
            {several ? (
              <th scope="col" className="py-1 pr-3 text-right">
                Total
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.key} className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1 pr-3 font-normal">
                {d.label}
                {d.note ? <span className="text-slate-600 dark:text-slate-400"> ({d.note})</span> : null}
              </th>
              {series.map((s) => (
                <td key={s.key} className="py-1 pr-3 text-right tabular-nums">
                  {fmt(d.values[s.key] ?? 0)}
                </td>
              ))}
              {several ? <td className="py-1 pr-3 text-right font-medium tabular-nums">{fmt(series.reduce((a, s) => a + (d.values[s.key] ?? 0), 0))}</td> : null}
            </tr>
          ))}
        </tbody>
        {several && data.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row" className="py-1 pr-3 text-left">
                Total
              </th>
              {totals.map((t, i) => (
                <td key={series[i]!.key} className="py-1 pr-3 text-right font-medium tabular-nums">
                  {fmt(t)}
                </td>
              ))}
              <td className="py-1 pr-3 text-right font-medium tabular-nums">{fmt(totals.reduce((a, b) => a + b, 0))}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

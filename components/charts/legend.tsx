// The legend of a chart: each series' swatch (colour and pattern) and its name.
import { Swatch, patternId } from "@/components/charts/patterns";
import type { ChartSeries } from "@/lib/charts/types";

export function ChartLegend({ id, series }: { id: string; series: ChartSeries[] }) {
  return (
    <ul aria-label="Legend" data-legend="" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {series.map((s) => (
        <li key={s.key} className="inline-flex items-center gap-1.5">
          <Swatch id={patternId(`${id}-legend`, s.key)} color={s.color} kind={s.pattern} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

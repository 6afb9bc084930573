// Shaping grouped counts (rows of category × series × n, as GROUP BY returns
// them) into chart data: ordering stacks, keeping the largest categories and
// folding the rest into "Other", leaving out series that are empty. Pure.
import type { BarDatum, ChartSeries } from "@/lib/charts/types";

export type CountRow = { category: string; series: string; n: number };

/** The series that have a non-zero total in `data`, in their given order. */
export function activeSeries(data: readonly BarDatum[], series: readonly ChartSeries[]): ChartSeries[] {
  return series.filter((s) => data.some((d) => (d.values[s.key] ?? 0) > 0));
}

/**
 * Bars from grouped rows. Categories come in `categories` order (each with
 * its label); rows of unknown categories are ignored, categories without rows
 * are kept with zeros (an empty bucket is a fact).
 */
export function stackRows(rows: readonly CountRow[], categories: readonly { key: string; label: string; note?: string }[]): BarDatum[] {
  const byKey = new Map<string, BarDatum>();
  const out = categories.map((c) => {
    const d: BarDatum = { key: c.key, label: c.label, values: {}, ...(c.note ? { note: c.note } : {}) };
    byKey.set(c.key, d);
    return d;
  });
  for (const r of rows) {
    const d = byKey.get(r.category);
    if (d) d.values[r.series] = (d.values[r.series] ?? 0) + r.n;
  }
  return out;
}

/**
 * The `max` categories with the largest totals (ties: first seen first), and
 * the others summed into one "other" category when there are any. Keeps a
 * chart readable and its point count bounded.
 */
export function topCategories(data: readonly BarDatum[], max: number, other: { key: string; label: string } = { key: "__other", label: "Other" }): BarDatum[] {
  if (max < 1) throw new Error("max must be at least 1");
  if (data.length <= max) return [...data];
  const ranked = data
    .map((d, i) => ({ d, i, total: Object.values(d.values).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.i - b.i);
  const kept = ranked.slice(0, max).sort((a, b) => a.i - b.i).map((x) => x.d);
  const rest = ranked.slice(max);
  const values: Record<string, number> = {};
  for (const { d } of rest) for (const [k, v] of Object.entries(d.values)) values[k] = (values[k] ?? 0) + v;
  return [...kept, { key: other.key, label: `${other.label} (${rest.length})`, values }];
}

/** Sum of each series over all bars. */
export function seriesTotals(data: readonly BarDatum[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of data) for (const [k, v] of Object.entries(d.values)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** Whether a chart has anything to draw. */
export function hasData(data: readonly BarDatum[]): boolean {
  return data.some((d) => Object.values(d.values).some((v) => v > 0));
}

/**
 * Bars that split a whole into a part and the rest ("rebuffed" out of
 * "asked"; "never conducted" out of all inspections), in the given order.
 */
export function splitTotals(
  items: readonly { key: string; label: string; part: number; total: number }[],
  partKey: string,
  restKey: string,
): BarDatum[] {
  return items.map((i) => ({ key: i.key, label: i.label, values: { [partKey]: i.part, [restKey]: Math.max(0, i.total - i.part) } }));
}

// Colours and patterns of the chart series. Each colour has a contrast of at
// least 3:1 (WCAG 1.4.11, graphical objects) against both backgrounds of the
// app: white (light theme) and Tailwind's slate-950 (dark theme), so that a
// chart needs no theme switch. Within one chart every series also has its own
// pattern, and the legend, the tooltip and the table name it: colour is never
// the only carrier of meaning.
import type { InspectionStatus, RequestResponse } from "@/lib/generated/prisma/enums";
import type { ChartSeries, PatternKind } from "@/lib/charts/types";

export const LIGHT_BACKGROUND = "#ffffff";
/** Tailwind v4 slate-950, the dark theme's page background. */
export const DARK_BACKGROUND = "#020618";

export const COLORS = {
  red: "#dc2626",
  amber: "#b45309",
  slate: "#64748b",
  violet: "#8b5cf6",
  sky: "#0284c7",
  emerald: "#059669",
  stone: "#78716c",
  blue: "#2563eb",
  pink: "#db2777",
  teal: "#0d9488",
} as const;

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const v = parseInt(h, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The responses in stack order, bottom up: refusals first, so that "rebuffed again and again" is the base. */
export const RESPONSE_ORDER = ["REBUFFED", "DEFLECTED", "NO_RESPONSE", "PENDING", "PARTIALLY_ACCEPTED", "ACCEPTED", "UNKNOWN"] as const;
export type ResponseKey = RequestResponse | "UNKNOWN";

const RESPONSE_STYLE: Record<ResponseKey, { color: string; pattern: PatternKind }> = {
  REBUFFED: { color: COLORS.red, pattern: "solid" },
  DEFLECTED: { color: COLORS.amber, pattern: "stripes" },
  NO_RESPONSE: { color: COLORS.slate, pattern: "dots" },
  PENDING: { color: COLORS.violet, pattern: "crosshatch" },
  PARTIALLY_ACCEPTED: { color: COLORS.sky, pattern: "stripes-reverse" },
  ACCEPTED: { color: COLORS.emerald, pattern: "horizontal" },
  UNKNOWN: { color: COLORS.stone, pattern: "vertical" },
};

const RESPONSE_LABEL: Record<ResponseKey, string> = {
  PENDING: "Pending",
  REBUFFED: "Rebuffed",
  DEFLECTED: "Deflected",
  PARTIALLY_ACCEPTED: "Partially accepted",
  ACCEPTED: "Accepted",
  NO_RESPONSE: "No response",
  UNKNOWN: "Response unknown",
};

/** A request's response as a series key: unknown (null) is a series of its own. */
export function responseKey(response: string | null): ResponseKey {
  return (response ?? "UNKNOWN") as ResponseKey;
}

/** The response series, in stack order, limited to `keys` when given. */
export function responseSeries(keys?: Iterable<string>): ChartSeries[] {
  const wanted = keys ? new Set(keys) : null;
  return RESPONSE_ORDER.filter((k) => !wanted || wanted.has(k)).map((k) => ({ key: k, label: RESPONSE_LABEL[k], ...RESPONSE_STYLE[k] }));
}

export const CONCERN_STATUS_SERIES: ChartSeries[] = [
  { key: "OPEN", label: "Open", color: COLORS.red, pattern: "solid" },
  { key: "MONITORING", label: "Monitoring", color: COLORS.amber, pattern: "stripes" },
];

/** Inspections: promised or asserted but never conducted, against the rest. */
export const INSPECTION_SERIES: ChartSeries[] = [
  { key: "neverConducted", label: "Never conducted", color: COLORS.red, pattern: "stripes" },
  { key: "other", label: "Conducted, or nothing pending", color: COLORS.sky, pattern: "solid" },
];

/** The statuses whose inspection was promised, asserted or due, and that count as never conducted without a date. */
export const UNFULFILLED_INSPECTION_STATUSES: InspectionStatus[] = ["RIGHT_ASSERTED", "SCHEDULED", "REFUSED", "OVERDUE", "NO_RIGHT"];

export const REBUFF_SERIES: ChartSeries[] = [
  { key: "rebuffed", label: "Rebuffed", color: COLORS.red, pattern: "solid" },
  { key: "other", label: "Any other answer", color: COLORS.slate, pattern: "dots" },
];

/** Every series style the charts use (for the contrast test). */
export const ALL_SERIES: ChartSeries[][] = [responseSeries(), CONCERN_STATUS_SERIES, INSPECTION_SERIES, REBUFF_SERIES];

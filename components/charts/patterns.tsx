// SVG fills for chart series: the series colour plus a pattern of its own
// (stripes, dots...), so that series differ by more than colour. Plain SVG:
// usable in server components (legend swatches) and in the client charts.
import type { PatternKind } from "@/lib/charts/types";

/** The lines of a pattern, drawn over the series colour in a translucent white that shows on any of the palette's colours. */
function marks(kind: PatternKind) {
  const ink = { stroke: "rgba(255,255,255,0.75)", strokeWidth: 1.5 };
  switch (kind) {
    case "solid":
      return null;
    case "stripes":
      return <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" {...ink} />;
    case "stripes-reverse":
      return <path d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" {...ink} />;
    case "crosshatch":
      return <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2 M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" {...ink} strokeWidth={1} />;
    case "dots":
      return <circle cx={3} cy={3} r={1.3} fill="rgba(255,255,255,0.85)" />;
    case "horizontal":
      return <path d="M0,3 h6" {...ink} />;
    case "vertical":
      return <path d="M3,0 v6" {...ink} />;
  }
}

/** A <pattern> to reference as fill="url(#id)". Put it inside an <svg>'s <defs>. */
export function SeriesPattern({ id, color, kind }: { id: string; color: string; kind: PatternKind }) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse">
      <rect width={6} height={6} fill={color} />
      {marks(kind)}
    </pattern>
  );
}

/** A legend's sample of a series: a small square with its colour and pattern. */
export function Swatch({ id, color, kind, size = 14 }: { id: string; color: string; kind: PatternKind; size?: number }) {
  return (
    <svg width={size} height={size} aria-hidden="true" focusable="false" className="inline-block shrink-0">
      <defs>
        <SeriesPattern id={id} color={color} kind={kind} />
      </defs>
      <rect width={size} height={size} fill={`url(#${id})`} rx={2} />
    </svg>
  );
}

/** Ids are used in url(#...): letters, digits, - and _ only. */
export function patternId(prefix: string, key: string): string {
  return `${prefix}-${key}`.replace(/[^\w-]/g, "_");
}

// The world map as server-rendered SVG: no client JavaScript, nothing fetched.
// Each country is a plain link to its page with a <title> (its name and
// figure); areas of the atlas without an ISO code are hatched and unlinked.
// The shades come from one small stylesheet (light and dark palettes, chosen
// by prefers-color-scheme like the rest of the app) so that each path carries
// only a short class name; the legend gives every shade its words.
import { SHADES } from "@/lib/map/buckets";

export type MapShapeView = {
  key: string;
  d: string;
  /** The country page; null for areas without an ISO code. */
  href: string | null;
  /** Name and figure, the link's tooltip and accessible name. */
  title: string;
  /** Palette shade 0 (none) to SHADES; null: no ISO code, hatched. */
  shade: number | null;
};

export type LegendEntry = { label: string; shade: number | null };

// Light: slate-200, then blue-200 … blue-950. Dark: slate-800, then blue-800 …
// blue-100 (more is lighter on a dark page). Sequential, one hue, so that the
// order reads by lightness alone; each step is also a labelled legend entry.
const LIGHT = ["#e2e8f0", "#bedbff", "#51a2ff", "#155dfc", "#193cb8", "#162456"];
const DARK = ["#1d293d", "#193cb8", "#155dfc", "#51a2ff", "#8ec5ff", "#dbeafe"];

const css = `
.wm .sea{fill:#f8fafc;stroke:#cbd5e1}
.wm .b{stroke:#fff;stroke-width:.5;stroke-linejoin:round}
.wm .nx{fill:url(#wm-hatch)}
.wm .hatch{stroke:#94a3b8}
${LIGHT.slice(0, SHADES + 1).map((c, i) => `.wm .s${i}{fill:${c}}`).join("")}
.wm a:hover path{opacity:.75}
.wm a:focus{outline:none}
.wm a:focus-visible path{stroke:#f59e0b;stroke-width:2}
@media (prefers-color-scheme:dark){
.wm .sea{fill:#0f172b;stroke:#314158}
.wm .b{stroke:#020618}
.wm .hatch{stroke:#62748e}
${DARK.slice(0, SHADES + 1).map((c, i) => `.wm .s${i}{fill:${c}}`).join("")}
}`;

function Swatch({ shade }: { shade: number | null }) {
  return (
    <svg width="18" height="12" aria-hidden="true" className="shrink-0">
      <rect x=".5" y=".5" width="17" height="11" className={shade === null ? "nx" : `s${shade}`} stroke="#64748b" strokeWidth="1" />
    </svg>
  );
}

export function WorldMapFigure({
  width,
  height,
  sphere,
  shapes,
  legend,
  title,
  description,
}: {
  width: number;
  height: number;
  sphere: string;
  shapes: MapShapeView[];
  legend: LegendEntry[];
  title: string;
  description: string;
}) {
  return (
    <figure className="wm space-y-3">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" aria-labelledby="wm-title wm-desc">
        <title id="wm-title">{title}</title>
        <desc id="wm-desc">{description}</desc>
        <style>{css}</style>
        <defs>
          <pattern id="wm-hatch" patternUnits="userSpaceOnUse" width="4" height="4">
            <path d="M0,4l4-4" className="hatch" strokeWidth=".8" />
          </pattern>
        </defs>
        <path d={sphere} className="sea" />
        <g className="b">
          {shapes.map((s) =>
            s.href ? (
              <a key={s.key} href={s.href}>
                <title>{s.title}</title>
                <path className={`s${s.shade ?? 0}`} d={s.d} />
              </a>
            ) : (
              <path key={s.key} className="nx" d={s.d}>
                <title>{s.title}</title>
              </path>
            ),
          )}
        </g>
      </svg>
      <figcaption>
        <p className="sr-only">Legend</p>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label="Legend">
          {legend.map((l) => (
            <li key={l.label} className="flex items-center gap-2">
              <Swatch shade={l.shade} />
              {l.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

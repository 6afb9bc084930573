// The world map's country outlines, projected once into SVG path strings: the
// offline world-atlas package (Natural Earth 1:110m, TopoJSON), d3-geo's
// Natural Earth projection, coordinates rounded to one decimal. Pure: no
// database, nothing fetched; the result depends only on the atlas and the
// size, so it is computed once per process.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlasJson from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;

export type MapShape = {
  /** ISO 3166-1 numeric ("862"), or null for the atlas's areas without one (Kosovo, N. Cyprus, Somaliland). */
  numeric: string | null;
  /** The atlas's own name ("United States of America"), for areas without an ISO code. */
  atlasName: string;
  /** SVG path data, coordinates rounded to one decimal. */
  d: string;
};

export type WorldMap = {
  width: number;
  height: number;
  /** The outline of the globe, drawn behind the countries. */
  sphere: string;
  shapes: MapShape[];
};

type CountryProps = { name: string };
type Atlas = Topology<{ countries: GeometryCollection<CountryProps>; land: GeometryCollection }>;

const atlas = atlasJson as unknown as Atlas;

/** Projects the atlas's countries to fit `width` (the height follows the projection's shape). */
export function projectWorld(width = MAP_WIDTH): WorldMap {
  const countries = feature(atlas, atlas.objects.countries) as FeatureCollection<Geometry, CountryProps>;
  const sphere = { type: "Sphere" } as const;
  const projection = geoNaturalEarth1();
  // Fit the whole globe into the width, then size the height to it.
  projection.fitWidth(width, sphere);
  const path = geoPath(projection).digits(1);
  const [[, y0], [, y1]] = path.bounds(sphere);
  const height = Math.ceil(y1 - y0);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);
  const shapes: MapShape[] = [];
  for (const f of countries.features as Feature<Geometry, CountryProps>[]) {
    const raw = path(f);
    const d = raw ? compactPath(raw) : "";
    if (!d) continue;
    const id = f.id === undefined || f.id === null ? null : String(f.id);
    shapes.push({ numeric: id && /^\d{3}$/.test(id) ? id : null, atlasName: f.properties?.name ?? "Unknown area", d });
  }
  return { width, height, sphere: compactPath(path(sphere) ?? ""), shapes };
}

/** A number of tenths as SVG writes it shortest: 12 → "1.2", -5 → "-.5", 30 → "3". */
function tenths(n: number): string {
  const neg = n < 0;
  const a = Math.abs(n);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  const text = frac === 0 ? String(whole) : whole === 0 ? `.${frac}` : `${whole}.${frac}`;
  return neg ? `-${text}` : text;
}

/**
 * Numbers joined as SVG path data allows: no separator before a minus sign,
 * nor before ".5" when the previous number already has a decimal point
 * ("1.2.5" is 1.2 then .5); a comma otherwise.
 */
export function joinNumbers(values: readonly string[]): string {
  let out = "";
  let prev = "";
  for (const v of values) {
    if (out === "" || v.startsWith("-") || (v.startsWith(".") && prev.includes("."))) out += v;
    else out += `,${v}`;
    prev = v;
  }
  return out;
}

/** Smallest distance (in tenths of a unit) between two kept points of a ring. */
const MIN_STEP = 5;

/**
 * Shortens a path of polygons (M…L…Z, as geoPath writes them): relative
 * moves, repeated and nearly repeated points (closer than half a unit) left
 * out, rings that shrink to nothing dropped; every feature keeps at least its
 * largest ring, so that a small island country stays on the map.
 */
export function compactPath(d: string): string {
  if (!/^[MLZ\d.,\s-]*$/.test(d)) return d; // not polygons: leave as it is
  const rings: [number, number][][] = [];
  for (const part of d.split("M").filter(Boolean)) {
    const body = part.replace(/Z\s*$/, "");
    const pts = body.split("L").map((pair) => {
      const [x, y] = pair.split(",").map((n) => Math.round(Number(n) * 10));
      return [x ?? 0, y ?? 0] as [number, number];
    });
    const kept: [number, number][] = [];
    for (const p of pts) {
      const last = kept[kept.length - 1];
      if (last && Math.abs(p[0] - last[0]) < MIN_STEP && Math.abs(p[1] - last[1]) < MIN_STEP) continue;
      kept.push(p);
    }
    rings.push(kept);
  }
  const area = (r: [number, number][]) => {
    let a = 0;
    for (let i = 0; i < r.length; i++) {
      const [x1, y1] = r[i]!;
      const [x2, y2] = r[(i + 1) % r.length]!;
      a += x1 * y2 - x2 * y1;
    }
    return Math.abs(a) / 2;
  };
  let largest = -1;
  let largestArea = -1;
  rings.forEach((r, i) => {
    const a = area(r);
    if (a > largestArea) {
      largestArea = a;
      largest = i;
    }
  });
  let out = "";
  let cx = 0;
  let cy = 0;
  rings.forEach((r, i) => {
    if (r.length < 3 && i !== largest) return;
    const [x0, y0] = r[0]!;
    out += `${out === "" ? "M" : "m"}${joinNumbers(out === "" ? [tenths(x0), tenths(y0)] : [tenths(x0 - cx), tenths(y0 - cy)])}`;
    let px = x0;
    let py = y0;
    const steps: string[] = [];
    for (const [x, y] of r.slice(1)) {
      steps.push(tenths(x - px), tenths(y - py));
      px = x;
      py = y;
    }
    if (steps.length) out += `l${joinNumbers(steps)}`;
    out += "z";
    // After z the current point is the ring's first point.
    cx = x0;
    cy = y0;
  });
  return out;
}

let cached: WorldMap | null = null;

/** The map at its standard width, computed on first use. */
export function worldMap(): WorldMap {
  cached ??= projectWorld();
  return cached;
}

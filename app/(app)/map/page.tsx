import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { WorldMapFigure, type LegendEntry, type MapShapeView } from "@/components/map/world-map";
import { requirePageUser } from "@/lib/auth/current-user";
import { getMapFigures, type MapFigure } from "@/lib/db/map";
import { bucketOf, bucketsFor, shadeOf } from "@/lib/map/buckets";
import { figureText, MEASURES, parseMapSort, parseMeasure, type Measure, type MapSort } from "@/lib/map/measure";
import { worldMap } from "@/lib/map/projection";

export const metadata: Metadata = { title: "World map" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const link = "text-blue-700 underline dark:text-blue-400";

function mapHref(measure: Measure, sort: MapSort): string {
  const q = new URLSearchParams({ measure });
  if (sort !== "figure") q.set("sort", sort);
  return `/map?${q}`;
}

/** The records behind a country's figure. */
function recordsHref(measure: Measure, c: MapFigure): string {
  return measure === "concerns" ? `/concerns?country=${c.alpha2}&status=OPEN,MONITORING` : `/countries/${c.alpha2}#requests-received`;
}

export default async function MapPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const viewer = await requirePageUser("/map");
  const sp = await searchParams;
  const measure = parseMeasure(sp.measure);
  const sort = parseMapSort(sp.sort);
  const figures = await getMapFigures(viewer, measure);
  const map = worldMap();
  const buckets = bucketsFor(figures.max);
  const shaded = buckets.length - 1;
  const byNumeric = new Map(figures.countries.map((c) => [c.numeric, c]));
  const drawn = new Set(map.shapes.map((s) => s.numeric));

  const shapes: MapShapeView[] = map.shapes.map((s, i) => {
    const c = s.numeric ? byNumeric.get(s.numeric) : undefined;
    if (!c) return { key: `x${i}`, d: s.d, href: null, title: `${s.atlasName}: no ISO 3166 code, no figures`, shade: null };
    return {
      key: c.alpha2,
      d: s.d,
      href: `/countries/${c.alpha2}`,
      title: `${c.name}: ${figureText(measure, c.value)}`,
      shade: shadeOf(bucketOf(c.value, buckets).index, shaded),
    };
  });
  const legend: LegendEntry[] = [
    ...buckets.map((b) => ({ label: b.index === 0 ? "None" : `${b.label} ${b.max === 1 ? MEASURES[measure].one : MEASURES[measure].many}`, shade: shadeOf(b.index, shaded) })),
    { label: "No ISO code (Kosovo, N. Cyprus, Somaliland): no figures", shade: null },
  ];

  const withFigure = figures.countries.filter((c) => c.value > 0);
  const rows =
    sort === "name"
      ? withFigure
      : [...withFigure].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, "en"));
  const m = MEASURES[measure];
  const others = figures.countries.length - withFigure.length;

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">World map</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Countries shaded by {m.label.toLowerCase()}. {m.description} Each country links to its page; the figures are also in the{" "}
          <a className={link} href="#map-table">table below the map</a>.
        </p>
      </div>

      <nav aria-label="Shade countries by" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">Shade by:</span>
        {(Object.keys(MEASURES) as Measure[]).map((key) => (
          <Link
            key={key}
            href={mapHref(key, sort)}
            aria-current={key === measure ? "page" : undefined}
            className={
              key === measure
                ? "rounded bg-slate-900 px-3 py-1 font-medium text-white dark:bg-slate-100 dark:text-slate-900"
                : "rounded px-3 py-1 text-blue-700 underline ring-1 ring-slate-300 dark:text-blue-400 dark:ring-slate-700"
            }
          >
            {MEASURES[key].label}
          </Link>
        ))}
      </nav>

      <WorldMapFigure
        width={map.width}
        height={map.height}
        sphere={map.sphere}
        shapes={shapes}
        legend={legend}
        title={`World map: ${m.label.toLowerCase()} per country`}
        description={`${withFigure.length} countries have ${m.many}; the largest figure is ${figures.max}. The same figures are in the table below the map.`}
      />

      <section aria-labelledby="map-table-title" className="space-y-2">
        <h2 id="map-table-title" className="text-lg font-semibold">
          {m.label}, by country
        </h2>
        {rows.length === 0 ? (
          <p className="text-sm">No country has any {m.many}.</p>
        ) : (
          <div className="overflow-x-auto">
            <table id="map-table" className="w-full max-w-3xl border-collapse text-left text-sm">
              <caption className="sr-only">
                {m.label} per country, sorted by {sort === "name" ? "name" : "figure, largest first"}
              </caption>
              <thead>
                <tr className="border-b border-slate-300 dark:border-slate-700">
                  <th scope="col" className="py-2 pr-3" aria-sort={sort === "name" ? "ascending" : undefined}>
                    <Link className={link} href={`${mapHref(measure, "name")}#map-table`}>Country</Link>
                    {sort === "name" ? <span aria-hidden> ▲</span> : null}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right" aria-sort={sort === "figure" ? "descending" : undefined}>
                    <Link className={link} href={`${mapHref(measure, "figure")}#map-table`}>{m.label}</Link>
                    {sort === "figure" ? <span aria-hidden> ▼</span> : null}
                  </th>
                  <th scope="col" className="py-2 pr-3">Legend bucket</th>
                  <th scope="col" className="py-2 pr-3">On the map</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.alpha2} className="border-b border-slate-200 dark:border-slate-800">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link className={link} href={`/countries/${c.alpha2}`}>{c.name}</Link>
                    </th>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      <Link className={link} href={recordsHref(measure, c)} aria-label={`${c.name}: ${figureText(measure, c.value)}`}>
                        {c.value.toLocaleString("en")}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{bucketOf(c.value, buckets).label}</td>
                    <td className="py-2 pr-3">{drawn.has(c.numeric) ? "Yes" : "No: too small at this scale"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The other {others.toLocaleString("en")} countries have none. All countries, with requests made and received and unresolved concerns:{" "}
          <Link className={link} href="/countries">the list of countries</Link>.
        </p>
      </section>
    </div>
  );
}

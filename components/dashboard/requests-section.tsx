// Diplomatic requests: over time stacked by response, answers by target
// country, and the asks rebuffed most.
import { ChartFigure } from "@/components/charts/chart-figure";
import { mutedClass, plural } from "@/components/dashboard/parts";
import { REBUFF_SERIES } from "@/lib/charts/palette";
import { splitTotals } from "@/lib/charts/series";
import { MONTH_GRANULARITY_MAX_MONTHS } from "@/lib/charts/time-series";
import { TOP_COUNTRIES, type RebuffedAskRow, type RequestsOverTime, type ResponsesByCountry } from "@/lib/dashboard/queries";
import { requestAskLabel } from "@/lib/format/labels";
import { countPhrase, inflect } from "@/lib/format/plural";

const MATCH = { one: "matches", many: "match" };

export function RequestsSection({
  overTime,
  byCountry,
  rebuffed,
  filtered,
}: {
  overTime: RequestsOverTime;
  byCountry: ResponsesByCountry;
  rebuffed: RebuffedAskRow[];
  filtered: boolean;
}) {
  const none = filtered ? "No diplomatic requests match these filters." : "There are no diplomatic requests yet.";
  const perYear = overTime.granularity === "year";
  const notes: string[] = [];
  if (overTime.monthUnknown) {
    notes.push(
      `${plural(overTime.monthUnknown, "request")} known only by ${inflect(overTime.monthUnknown, "its", "their")} year ${inflect(
        overTime.monthUnknown,
        "is",
        "are",
      )} shown in a bar of ${inflect(overTime.monthUnknown, "its", "their")} own, “month unknown”, after that year’s last month (not in January).`,
    );
  }
  if (overTime.undated) notes.push(`${plural(overTime.undated, "request")} with no known date ${inflect(overTime.undated, "is", "are")} not in the chart.`);
  if (overTime.clipped) notes.push("Only the years that have requests are shown.");
  if (overTime.folded) notes.push(`The first bar sums the ${overTime.folded} earliest years.`);

  const asks = splitTotals(
    rebuffed.map((r) => ({ key: `${r.ask}-${r.alpha2}`, label: `${requestAskLabel[r.ask]} (${r.name})`, part: r.rebuffed, total: r.asked })),
    "rebuffed",
    "other",
  );
  return (
    <section aria-labelledby="requests-title" className="space-y-3">
      <h2 id="requests-title" className="text-xl font-semibold">
        Diplomatic requests
      </h2>
      <p className={`text-sm ${mutedClass}`}>
        {filtered ? countPhrase(overTime.total, { one: "request" }, MATCH, "these filters") : `${plural(overTime.total, "request")} in all`}.
      </p>
      <ChartFigure
        id="requests-over-time"
        title={perYear ? "Requests per year, by response" : "Requests per month, by response"}
        description={
          overTime.buckets.length === 0
            ? undefined
            : perYear
            ? `Per year because the period spans more than ${MONTH_GRANULARITY_MAX_MONTHS / 12} years, or no date is known to the month. Refusals are at the base of each bar.`
            : `Per month because the period spans ${MONTH_GRANULARITY_MAX_MONTHS / 12} years or less. Refusals are at the base of each bar.`
        }
        data={overTime.buckets}
        series={overTime.series}
        categoryLabel={perYear ? "Year" : "Month"}
        valueLabel="Requests"
        emptyMessage={
          overTime.total === 1 ? "The one request has no known date." : overTime.total > 1 ? `None of the ${plural(overTime.total, "request")} has a known date.` : none
        }
        height={300}
        showTotals={overTime.buckets.length <= 24}
        notes={notes.length ? notes.map((n) => <p key={n}>{n}</p>) : undefined}
      />
      <div className="grid gap-3 lg:grid-cols-2">
        <ChartFigure
          id="responses-by-country"
          title="Answers by target country"
          description={`How each country that was asked answered, most asked first${
            byCountry.countryCount > TOP_COUNTRIES
              ? `; the other ${countPhrase(byCountry.countryCount - TOP_COUNTRIES, { one: "country", many: "countries" }, { one: "is", many: "are" }, "summed in the last bar")}`
              : ""
          }.`}
          data={byCountry.data}
          series={byCountry.series}
          categoryLabel="Target country"
          valueLabel="Requests"
          emptyMessage={none}
          orientation="rows"
          height={Math.max(160, 44 + byCountry.data.length * 34)}
          showTotals
          categoryWidth={130}
        />
        <ChartFigure
          id="rebuffed-asks"
          title="Asks rebuffed most"
          description="What was asked of whom and rebuffed, most often first: the “Rebuffed” part of each bar counts the refusals, the whole bar the times it was asked."
          data={asks}
          series={REBUFF_SERIES}
          categoryLabel="Ask (target country)"
          valueLabel="Requests"
          emptyMessage={filtered ? "No request matching these filters was rebuffed." : "No request has been rebuffed."}
          orientation="rows"
          height={Math.max(160, 44 + asks.length * 34)}
          showTotals
          categoryWidth={190}
        />
      </div>
    </section>
  );
}

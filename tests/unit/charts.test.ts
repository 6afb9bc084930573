// Chart data shaping (lib/charts/) and the dashboard's filter parameters
// (lib/dashboard/filter.ts): pure functions, table-driven.
import { describe, expect, it } from "vitest";
import {
  ALL_SERIES,
  contrastRatio,
  DARK_BACKGROUND,
  LIGHT_BACKGROUND,
  responseKey,
  responseSeries,
} from "@/lib/charts/palette";
import { activeSeries, hasData, seriesTotals, splitTotals, stackRows, topCategories } from "@/lib/charts/series";
import {
  bucketTimeSeries,
  chooseGranularity,
  foldEarliest,
  MAX_TIME_BUCKETS,
  monthFromIndex,
  monthIndex,
  monthLabel,
  spanInMonths,
  timeRange,
  type TimeCountRow,
} from "@/lib/charts/time-series";
import { MAX_POINTS, pointCount, type BarDatum } from "@/lib/charts/types";
import { dashboardQuery, hasDashboardFilter, parseDashboardFilter } from "@/lib/dashboard/filter";
import { dateBoundSchema } from "@/lib/lists/params";

const bound = (s: string) => dateBoundSchema.parse(s);
const row = (month: string | null, series: string, n = 1, yearOnly = false): TimeCountRow => ({ month, yearOnly: month ? yearOnly : null, series, n });
const year = (y: number, series = "REBUFFED", n = 1) => row(`${y}-01`, series, n, true);
const valuesByKey = (buckets: BarDatum[]) => Object.fromEntries(buckets.filter((b) => Object.keys(b.values).length).map((b) => [b.key, b.values]));

describe("months", () => {
  it.each([
    { month: "2009-01", index: 2009 * 12, label: "Jan 2009" },
    { month: "2009-12", index: 2009 * 12 + 11, label: "Dec 2009" },
    { month: "1999-07", index: 1999 * 12 + 6, label: "Jul 1999" },
  ])("$month", ({ month, index, label }) => {
    expect(monthIndex(month)).toBe(index);
    expect(monthFromIndex(index)).toBe(month);
    expect(monthLabel(month)).toBe(label);
  });

  it.each([
    { start: "2005-01", end: "2005-12", months: 12 },
    { start: "2005-01", end: "2005-01", months: 1 },
    { start: "2005-06", end: "2008-05", months: 36 },
    { start: "2005-06", end: "2008-06", months: 37 },
  ])("$start..$end spans $months months", ({ start, end, months }) => {
    expect(spanInMonths({ start, end })).toBe(months);
  });
});

describe("chooseGranularity: the range decides", () => {
  it.each([
    { range: { start: "2009-01", end: "2009-12" }, expected: "month" },
    { range: { start: "2009-03", end: "2009-03" }, expected: "month" },
    { range: { start: "2007-01", end: "2009-12" }, expected: "month" }, // exactly 3 years
    { range: { start: "2007-01", end: "2010-01" }, expected: "year" }, // more than 3 years
    { range: { start: "2005-01", end: "2009-12" }, expected: "year" },
    { range: { start: "1950-01", end: "2024-12" }, expected: "year" },
  ])("$range.start..$range.end → $expected", ({ range, expected }) => {
    expect(chooseGranularity(range)).toBe(expected);
  });

  it("years when no date is known to the month, whatever the range", () => {
    expect(chooseGranularity({ start: "2009-01", end: "2009-12" }, { onlyYearPrecision: true })).toBe("year");
  });
});

describe("timeRange: the filter's bounds, else the data's extent", () => {
  it.each([
    { name: "data only", rows: [row("2005-03", "A"), row("2007-11", "A")], from: null, to: null, expected: { start: "2005-03", end: "2007-11" } },
    { name: "both bounds", rows: [row("2009-05", "A")], from: "2009", to: "2010-06", expected: { start: "2009-01", end: "2010-06" } },
    { name: "from only", rows: [row("2009-05", "A")], from: "2008-02-14", to: null, expected: { start: "2008-02", end: "2009-05" } },
    { name: "to only", rows: [row("2009-05", "A")], from: null, to: "2011", expected: { start: "2009-05", end: "2011-12" } },
    { name: "a year-only date in January before `from` stays out of the range", rows: [year(2009)], from: "2009-06", to: "2009-08", expected: { start: "2009-06", end: "2009-08" } },
    { name: "undated and zero rows are ignored", rows: [row(null, "A"), row("2001-01", "A", 0), row("2003-04", "A")], from: null, to: null, expected: { start: "2003-04", end: "2003-04" } },
    { name: "nothing", rows: [row(null, "A")], from: null, to: null, expected: null },
  ])("$name", ({ rows, from, to, expected }) => {
    expect(timeRange(rows, from ? bound(from) : null, to ? bound(to) : null)).toEqual(expected);
  });
});

describe("bucketTimeSeries", () => {
  it.each([
    {
      name: "a request known only by its year counts in that year (year buckets)",
      rows: [year(2005), year(2009), row("2009-03", "REBUFFED"), row("2009-06", "DEFLECTED")],
      from: null,
      to: null,
      granularity: "year",
      keys: ["2005", "2006", "2007", "2008", "2009"],
      values: { "2005": { REBUFFED: 1 }, "2009": { REBUFFED: 2, DEFLECTED: 1 } },
      monthUnknown: 0,
    },
    {
      name: "month buckets: a year-only date gets its own “month unknown” bucket after December, not January",
      rows: [year(2009), row("2009-03", "REBUFFED"), row("2009-06", "DEFLECTED")],
      from: "2009",
      to: "2009",
      granularity: "month",
      keys: [...Array.from({ length: 12 }, (_, i) => `2009-${String(i + 1).padStart(2, "0")}`), "2009-unknown"],
      values: { "2009-03": { REBUFFED: 1 }, "2009-06": { DEFLECTED: 1 }, "2009-unknown": { REBUFFED: 1 } },
      monthUnknown: 1,
    },
    {
      name: "month buckets over two years: each year's unknown bucket after its last month in range",
      rows: [year(2009), year(2010, "ACCEPTED"), row("2009-11", "REBUFFED"), row("2010-02", "PENDING")],
      from: "2009-11",
      to: "2010-02",
      granularity: "month",
      keys: ["2009-11", "2009-12", "2009-unknown", "2010-01", "2010-02", "2010-unknown"],
      values: { "2009-11": { REBUFFED: 1 }, "2009-unknown": { REBUFFED: 1 }, "2010-02": { PENDING: 1 }, "2010-unknown": { ACCEPTED: 1 } },
      monthUnknown: 2,
    },
    {
      name: "a month-precision date counts in its month; days in their month",
      rows: [row("2009-06", "DEFLECTED", 2), row("2009-06", "REBUFFED"), row("2009-08", "REBUFFED", 3)],
      from: null,
      to: null,
      granularity: "month",
      keys: ["2009-06", "2009-07", "2009-08"],
      values: { "2009-06": { DEFLECTED: 2, REBUFFED: 1 }, "2009-08": { REBUFFED: 3 } },
      monthUnknown: 0,
    },
    {
      name: "only year-precision dates: years even for a short range",
      rows: [year(2009, "REBUFFED", 2)],
      from: null,
      to: null,
      granularity: "year",
      keys: ["2009"],
      values: { "2009": { REBUFFED: 2 } },
      monthUnknown: 0,
    },
    {
      name: "empty buckets are filled across the filter's whole range",
      rows: [row("2006-05", "UNKNOWN")],
      from: "2004",
      to: "2008",
      granularity: "year",
      keys: ["2004", "2005", "2006", "2007", "2008"],
      values: { "2006": { UNKNOWN: 1 } },
      monthUnknown: 0,
    },
  ])("$name", ({ rows, from, to, granularity, keys, values, monthUnknown }) => {
    const result = bucketTimeSeries(rows, from ? bound(from) : null, to ? bound(to) : null);
    expect(result.granularity).toBe(granularity);
    expect(result.buckets.map((b) => b.key)).toEqual(keys);
    expect(valuesByKey(result.buckets)).toEqual(values);
    expect(result.monthUnknown).toBe(monthUnknown);
    // Nothing dated is lost.
    const dated = rows.filter((r) => r.month).reduce((a, r) => a + r.n, 0);
    expect(Object.values(seriesTotals(result.buckets)).reduce((a, b) => a + b, 0)).toBe(dated);
  });

  it("labels the month-unknown bucket and notes it", () => {
    const b = bucketTimeSeries([year(2009), row("2009-02", "A")], null, null).buckets.at(-1)!;
    expect(b).toMatchObject({ key: "2009-unknown", label: "2009, month unknown", note: "known only by year" });
  });

  it("counts undated records apart, in no bucket", () => {
    const result = bucketTimeSeries([row(null, "A", 4), row("2009-01", "A")], null, null);
    expect(result.undated).toBe(4);
    expect(seriesTotals(result.buckets)).toEqual({ A: 1 });
  });

  it("nothing dated: no buckets", () => {
    expect(bucketTimeSeries([row(null, "A", 2)], null, null)).toMatchObject({ buckets: [], undated: 2, range: null });
    expect(bucketTimeSeries([], bound("2005"), bound("2006"))).toMatchObject({ buckets: [], undated: 0 });
  });

  it.each([
    { name: "a huge filter range is narrowed to the data", from: "1000", to: "2999", rows: [row("2005-01", "A"), row("2009-01", "A")], keys: ["2005", "2006", "2007", "2008", "2009"], clipped: true, folded: 0 },
    { name: "data wider than the cap: the earliest years folded into one", from: null, to: null, rows: [row("1800-01", "A"), row("2000-01", "A", 2)], keys: null, clipped: false, folded: 201 - MAX_TIME_BUCKETS + 1 },
  ])("caps the buckets: $name", ({ from, to, rows, keys, clipped, folded }) => {
    const result = bucketTimeSeries(rows, from ? bound(from) : null, to ? bound(to) : null);
    expect(result.buckets.length).toBeLessThanOrEqual(MAX_TIME_BUCKETS);
    if (keys) expect(result.buckets.map((b) => b.key)).toEqual(keys);
    expect(result.clipped).toBe(clipped);
    expect(result.folded).toBe(folded);
    expect(seriesTotals(result.buckets)).toEqual(seriesTotals(stackRows(rows.map((r) => ({ category: "x", series: r.series, n: r.n })), [{ key: "x", label: "x" }])));
    if (folded) expect(result.buckets[0]).toMatchObject({ label: `Before ${2000 - MAX_TIME_BUCKETS + 2}`, values: { A: 1 } });
    // Responses are at most 7 series: at most about 1,000 points.
    expect(pointCount(result.buckets, responseSeries())).toBeLessThanOrEqual(MAX_POINTS);
  });
});

describe("foldEarliest", () => {
  const buckets = (n: number): BarDatum[] => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, label: `L${i}`, values: { a: i } }));
  it.each([
    { n: 3, max: 5, keys: ["k0", "k1", "k2"], folded: 0 },
    { n: 5, max: 5, keys: ["k0", "k1", "k2", "k3", "k4"], folded: 0 },
    { n: 6, max: 5, keys: ["before-k2", "k2", "k3", "k4", "k5"], folded: 2 },
    { n: 10, max: 2, keys: ["before-k9", "k9"], folded: 9 },
  ])("$n buckets, at most $max", ({ n, max, keys, folded }) => {
    const result = foldEarliest(buckets(n), max);
    expect(result.buckets.map((b) => b.key)).toEqual(keys);
    expect(result.folded).toBe(folded);
    expect(seriesTotals(result.buckets)).toEqual(seriesTotals(buckets(n)));
  });
});

describe("series and categories", () => {
  const data: BarDatum[] = [
    { key: "RU", label: "Russia", values: { REBUFFED: 5, ACCEPTED: 0 } },
    { key: "CN", label: "China", values: { PENDING: 1 } },
    { key: "VE", label: "Venezuela", values: { REBUFFED: 2, DEFLECTED: 2 } },
    { key: "FR", label: "France", values: { ACCEPTED: 1 } },
  ];

  it.each([
    { max: 4, keys: ["RU", "CN", "VE", "FR"], other: null },
    { max: 2, keys: ["RU", "VE", "__other"], other: { PENDING: 1, ACCEPTED: 1 } },
    { max: 1, keys: ["RU", "__other"], other: { PENDING: 1, REBUFFED: 2, DEFLECTED: 2, ACCEPTED: 1 } },
  ])("topCategories keeps the $max largest, in their order, and sums the rest", ({ max, keys, other }) => {
    const result = topCategories(data, max);
    expect(result.map((d) => d.key)).toEqual(keys);
    if (other) expect(result.at(-1)!.values).toEqual(other);
    expect(seriesTotals(result)).toEqual(seriesTotals(data));
  });

  it("activeSeries drops empty series and keeps the stack order", () => {
    expect(activeSeries(data, responseSeries()).map((s) => s.key)).toEqual(["REBUFFED", "DEFLECTED", "PENDING", "ACCEPTED"]);
    expect(activeSeries([{ key: "x", label: "x", values: { ACCEPTED: 0 } }], responseSeries())).toEqual([]);
  });

  it("stackRows fills categories in order, zero where nothing, ignores unknown categories", () => {
    const result = stackRows(
      [
        { category: "HIGH", series: "OPEN", n: 2 },
        { category: "HIGH", series: "MONITORING", n: 1 },
        { category: "LOW", series: "OPEN", n: 1 },
        { category: "NOPE", series: "OPEN", n: 9 },
      ],
      [
        { key: "CRITICAL", label: "Critical" },
        { key: "HIGH", label: "High" },
        { key: "LOW", label: "Low" },
      ],
    );
    expect(result).toEqual([
      { key: "CRITICAL", label: "Critical", values: {} },
      { key: "HIGH", label: "High", values: { OPEN: 2, MONITORING: 1 } },
      { key: "LOW", label: "Low", values: { OPEN: 1 } },
    ]);
    expect(hasData(result)).toBe(true);
    expect(hasData([{ key: "a", label: "a", values: { x: 0 } }])).toBe(false);
  });

  it("responses: unknown is a series of its own, refusals at the base of the stack", () => {
    expect(responseKey(null)).toBe("UNKNOWN");
    expect(responseKey("REBUFFED")).toBe("REBUFFED");
    expect(responseSeries().map((s) => s.key)).toEqual(["REBUFFED", "DEFLECTED", "NO_RESPONSE", "PENDING", "PARTIALLY_ACCEPTED", "ACCEPTED", "UNKNOWN"]);
    expect(responseSeries(["UNKNOWN", "ACCEPTED"]).map((s) => s.label)).toEqual(["Accepted", "Response unknown"]);
  });
});

describe("palette", () => {
  it.each(ALL_SERIES.flat().map((s) => ({ key: s.key, label: s.label, color: s.color })))(
    "$label ($color) has a 3:1 contrast on the light and the dark background",
    ({ color }) => {
      expect(contrastRatio(color, LIGHT_BACKGROUND)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(color, DARK_BACKGROUND)).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(ALL_SERIES.map((series, i) => ({ i, series })))("chart $i: each series has a pattern and a label of its own", ({ series }) => {
    expect(new Set(series.map((s) => s.pattern)).size).toBe(series.length);
    expect(new Set(series.map((s) => s.label)).size).toBe(series.length);
    for (const s of series) expect(s.key).toMatch(/^\w+$/);
  });

  it("contrastRatio", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });
});

describe("parseDashboardFilter", () => {
  const parse = (q: string) => parseDashboardFilter(new URLSearchParams(q));
  it.each([
    { query: "", filter: { from: null, to: null, country: null, weapon: [], severity: [], verified: null }, message: null },
    { query: "verified=YES", filter: { verified: "yes" }, message: null },
    { query: "verified=no", filter: { verified: "no" }, message: null },
    { query: "verified=maybe", filter: { verified: null }, message: "“maybe” is not “yes” or “no”; the verification filter was ignored." },
    { query: "country=ru", filter: { country: "RU" }, message: null },
    { query: "country=RUS", filter: { country: null }, message: /not a country code/ },
    { query: "country=RU&country=VE", filter: { country: "RU" }, message: /Only one “country”/ },
    { query: "weapon=manpads", filter: { weapon: ["MANPADS"] }, message: null },
    { query: "weapon=MANPADS,SHIPS&weapon=MANPADS", filter: { weapon: ["MANPADS", "SHIPS"] }, message: null },
    { query: "weapon=LASERS", filter: { weapon: [] }, message: /not a weapon category/ },
    { query: "severity=HIGH,critical", filter: { severity: ["HIGH", "CRITICAL"] }, message: null },
    { query: "severity=DIRE", filter: { severity: [] }, message: /not a concern severity/ },
    { query: "from=2005&to=2009-03", filter: { from: { input: "2005", start: "2005-01-01", end: "2005-12-31" }, to: { input: "2009-03", start: "2009-03-01", end: "2009-03-31" } }, message: null },
    { query: "from=2005-02-30", filter: { from: null }, message: /not a date/ },
    { query: "to=yesterday", filter: { to: null }, message: /“To” was ignored/ },
    { query: "from=2010&to=2005", filter: { from: null, to: null }, message: /after/ },
    { query: "country=&weapon=&from=", filter: { country: null, weapon: [], from: null }, message: null },
  ])("“$query”", ({ query, filter, message }) => {
    const result = parse(query);
    expect(result.filter).toMatchObject(filter);
    if (message) expect(result.messages.join(" ")).toMatch(message);
    else expect(result.messages).toEqual([]);
  });

  it("takes Next.js's plain object, arrays included", () => {
    const { filter, messages } = parseDashboardFilter({ severity: ["HIGH", "LOW"], country: "ve", from: undefined });
    expect(messages).toEqual([]);
    expect(filter).toMatchObject({ severity: ["HIGH", "LOW"], country: "VE", from: null });
  });

  it("round-trips through the URL", () => {
    const q = "from=2005&to=2009-03&country=RU&weapon=MANPADS%2CSHIPS&severity=HIGH";
    const { filter } = parse(q);
    expect(hasDashboardFilter(filter)).toBe(true);
    expect(parse(dashboardQuery(filter).toString()).filter).toEqual(filter);
    expect(hasDashboardFilter(parse("").filter)).toBe(false);
  });
});

describe("splitTotals", () => {
  it.each([
    { part: 2, total: 5, values: { rebuffed: 2, other: 3 } },
    { part: 3, total: 3, values: { rebuffed: 3, other: 0 } },
    { part: 0, total: 4, values: { rebuffed: 0, other: 4 } },
  ])("$part of $total", ({ part, total, values }) => {
    expect(splitTotals([{ key: "k", label: "K", part, total }], "rebuffed", "other")).toEqual([{ key: "k", label: "K", values }]);
  });
});

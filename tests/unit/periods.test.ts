// How a date range falls on months and years (lib/dashboard/periods.ts): the
// periods wholly inside it are read from the rollups, the ones it covers in
// part are counted request by request. Table-driven.
import { describe, expect, it } from "vitest";
import { periodOf, splitByPeriod, type PeriodUnit } from "@/lib/dashboard/periods";
import { dateBoundSchema } from "@/lib/lists/params";

const bound = (s: string | null) => (s === null ? null : dateBoundSchema.parse(s));

describe("periodOf", () => {
  it.each([
    ["2009-03-17", "month", "2009-03-01", "2009-04-01"],
    ["2009-12-31", "month", "2009-12-01", "2010-01-01"],
    ["2009-12-31", "year", "2009-01-01", "2010-01-01"],
    ["2008-02-29", "month", "2008-02-01", "2008-03-01"],
  ] as const)("%s in %s: [%s, %s)", (day, unit, start, end) => {
    expect(periodOf(day, unit)).toEqual({ start, end });
  });
});

describe("splitByPeriod", () => {
  it.each<[string | null, string | null, PeriodUnit, { first: string | null; last: string | null } | null, string[]]>([
    // No bounds: everything is whole.
    [null, null, "month", { first: null, last: null }, []],
    // Bounds that are whole months or years leave nothing to count one by one.
    ["2009", "2009", "month", { first: "2009-01-01", last: "2009-12-01" }, []],
    ["2009-03", "2009-06", "month", { first: "2009-03-01", last: "2009-06-01" }, []],
    ["2009", "2010", "year", { first: "2009-01-01", last: "2010-01-01" }, []],
    // A month given to a year rollup: the year is covered in part.
    ["2009-03", "2009-06", "year", null, ["2009-01-01"]],
    ["2005-02", "2009-11", "year", { first: "2006-01-01", last: "2008-01-01" }, ["2005-01-01", "2009-01-01"]],
    // Days: the months they fall in are partial.
    ["2009-03-17", "2009-12-30", "month", { first: "2009-04-01", last: "2009-11-01" }, ["2009-03-01", "2009-12-01"]],
    ["2009-03-18", null, "month", { first: "2009-04-01", last: null }, ["2009-03-01"]],
    [null, "2009-03-17", "month", { first: null, last: "2009-02-01" }, ["2009-03-01"]],
    // Both ends in one month: one partial month, none whole.
    ["2009-06-15", "2009-06-20", "month", null, ["2009-06-01"]],
    // The last day of a month ends it whole; the first day of a month starts it whole.
    ["2009-06-01", "2009-06-30", "month", { first: "2009-06-01", last: "2009-06-01" }, []],
    ["2009-06-02", "2009-06-30", "month", null, ["2009-06-01"]],
    ["2008-02-01", "2008-02-29", "month", { first: "2008-02-01", last: "2008-02-01" }, []],
    ["2009-01-01", "2009-12-31", "year", { first: "2009-01-01", last: "2009-01-01" }, []],
    ["2009-01-02", "2010-12-31", "year", { first: "2010-01-01", last: "2010-01-01" }, ["2009-01-01"]],
  ])("from %s to %s by %s", (from, to, unit, full, edges) => {
    const split = splitByPeriod(bound(from), bound(to), unit);
    expect(split.full).toEqual(full);
    expect(split.edges.map((e) => e.start)).toEqual(edges);
    for (const e of split.edges) expect(periodOf(e.start, unit)).toEqual(e);
  });
});

import { describe, expect, it } from "vitest";
import { formatUncertain, formatVagueDate, formatYears, vagueDateSortKey } from "@/lib/format/dates";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("formatVagueDate", () => {
  it.each([
    { date: d("2005-01-01"), precision: "YEAR", expected: "2005" },
    { date: d("2009-03-01"), precision: "MONTH", expected: "March 2009" },
    { date: d("2009-03-17"), precision: "DAY", expected: "17 March 2009" },
    { date: d("2009-12-31"), precision: "YEAR", expected: "2009" },
    { date: d("2009-03-17"), precision: null, expected: "17 March 2009" },
    { date: null, precision: "YEAR", expected: "Date unknown" },
    { date: undefined, precision: null, expected: "Date unknown" },
  ] as const)("$date at $precision → $expected", ({ date, precision, expected }) => {
    expect(formatVagueDate(date, precision)).toBe(expected);
  });

  it("does not shift a date across midnight in another time zone", () => {
    // Stored at UTC midnight; formatting must not use the local zone.
    expect(formatVagueDate(d("2005-01-01"), "DAY")).toBe("1 January 2005");
  });
});

describe("uncertain figures", () => {
  it.each([
    { value: 12, uncertain: false, expected: "12" },
    { value: 12, uncertain: true, expected: "12 (estimated)" },
    { value: 0, uncertain: false, expected: "0" },
    { value: null, uncertain: true, expected: "Unknown" },
  ])("formatUncertain($value, $uncertain) → $expected", ({ value, uncertain, expected }) => {
    expect(formatUncertain(value, uncertain)).toBe(expected);
  });

  it.each([
    { years: [], uncertain: false, expected: "Unknown" },
    { years: [2009], uncertain: true, expected: "2009 (estimated)" },
    { years: [2008, 2009], uncertain: false, expected: "2008, 2009" },
  ])("formatYears($years) → $expected", ({ years, uncertain, expected }) => {
    expect(formatYears(years, uncertain)).toBe(expected);
  });
});

describe("vagueDateSortKey", () => {
  it("sorts undated records after dated ones", () => {
    const keys = [null, d("2009-01-01"), d("2005-01-01")].map(vagueDateSortKey);
    expect([...keys].sort((a, b) => a - b)).toEqual([d("2005-01-01").getTime(), d("2009-01-01").getTime(), Infinity]);
  });
});

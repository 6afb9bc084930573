import { describe, expect, it } from "vitest";
import { sortTimeline, statusChangeDate, transferMilestones, type TimelineItem } from "@/lib/timeline";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const item = (key: string, kind: TimelineItem<null>["kind"], date: string | null, precision: "DAY" | "MONTH" | "YEAR" | null = "DAY"): TimelineItem<null> => ({
  key, kind, date: date ? d(date) : null, precision, data: null,
});

describe("sortTimeline", () => {
  it.each([
    {
      why: "orders by date, undated last in their given order",
      items: [item("u1", "inspection", null), item("b", "request", "2009-01-01", "YEAR"), item("a", "request", "2005-01-01", "YEAR"), item("u2", "status", null)],
      expected: ["a", "b", "u1", "u2"],
    },
    {
      why: "puts a request known only by its year before one dated later that year",
      items: [item("march", "request", "2009-03-01", "MONTH"), item("year", "request", "2009-01-01", "YEAR")],
      expected: ["year", "march"],
    },
    {
      why: "puts the vaguer date first on the same start day",
      items: [item("day", "request", "2009-01-01", "DAY"), item("year", "request", "2009-01-01", "YEAR"), item("month", "request", "2009-01-01", "MONTH")],
      expected: ["year", "month", "day"],
    },
    {
      why: "puts a transfer milestone before a request of the same date, and status changes last",
      items: [item("s", "status", "2009-01-01", "YEAR"), item("r", "request", "2009-01-01", "YEAR"), item("t", "transfer", "2009-01-01", "YEAR")],
      expected: ["t", "r", "s"],
    },
  ])("$why", ({ items, expected }) => {
    expect(sortTimeline(items).map((i) => i.key)).toEqual(expected);
  });
});

describe("transferMilestones", () => {
  it("gives the order year and each delivery year, flagged when estimated", () => {
    expect(transferMilestones({ orderYear: 2006, orderYearUncertain: false, deliveryYears: [2008, 2009], deliveryYearsUncertain: true })).toEqual([
      { label: "Ordered", date: d("2006-01-01"), uncertain: false },
      { label: "Delivered", date: d("2008-01-01"), uncertain: true },
      { label: "Delivered", date: d("2009-01-01"), uncertain: true },
    ]);
  });
  it("has none when nothing is known", () => {
    expect(transferMilestones({ orderYear: null, orderYearUncertain: false, deliveryYears: [], deliveryYearsUncertain: false })).toEqual([]);
  });
});

describe("the concern's opening", () => {
  const created = new Date("2026-12-03T10:00:00Z");
  it("is dated by when the concern opened, with its precision, not by when the record was created", () => {
    expect(statusChangeDate({ fromStatus: null, changedAt: created }, { openedOn: d("2005-01-01"), openedOnPrecision: "YEAR" })).toEqual({
      kind: "opening", date: d("2005-01-01"), precision: "YEAR",
    });
  });
  it("falls back to when it was recorded without an opening date, and later changes keep theirs", () => {
    expect(statusChangeDate({ fromStatus: null, changedAt: created }, { openedOn: null, openedOnPrecision: null })).toEqual({ kind: "status", date: created, precision: "DAY" });
    expect(statusChangeDate({ fromStatus: "OPEN", changedAt: created }, { openedOn: d("2005-01-01"), openedOnPrecision: "YEAR" })).toEqual({ kind: "status", date: created, precision: "DAY" });
  });
  it("sorts first on its date, before the events of that year", () => {
    const items = [item("r2009", "request", "2009-01-01", "YEAR"), item("r2005", "request", "2005-01-01", "YEAR"), item("t2005", "transfer", "2005-01-01", "YEAR"), item("open", "opening", "2005-01-01", "YEAR")];
    expect(sortTimeline(items).map((i) => i.key)).toEqual(["open", "t2005", "r2005", "r2009"]);
  });
});

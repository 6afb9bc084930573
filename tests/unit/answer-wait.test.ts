// How long a request waited for its answer, in words, and when an answer
// certainly came before the request (lib/format/answer-wait.ts).
import { describe, expect, it } from "vitest";
import { answeredBeforeAsked, answerWait, periodEnd } from "@/lib/format/answer-wait";
import { parseVagueDate } from "@/lib/vague-date";

const v = (text: string) => parseVagueDate(text)!;
const wait = (asked: string | null, answered: string | null) =>
  answerWait(asked ? v(asked) : { date: null, precision: null }, answered ? v(answered) : { date: null, precision: null });

describe("answerWait", () => {
  it.each([
    ["2009-03", "2009-07", "4 months later"],
    ["2009-03", "2009-04", "1 month later"],
    ["2009-03", "2009-03", "the same month"],
    ["2009-03", "2010-05", "1 year and 2 months later"],
    ["2009-03", "2011-03", "2 years later"],
    ["2009", "2009", "the same year"],
    ["2009", "2011", "2 years later"],
    // The coarser precision rules: a year against a month is counted in years.
    ["2009-03-17", "2009", "the same year"],
    ["2009", "2010-06", "1 year later"],
    ["2009-03-17", "2009-03-17", "the same day"],
    ["2009-03-17", "2009-03-18", "1 day later"],
    ["2009-03-17", "2009-04-30", "44 days later"],
    ["2009-03-17", "2009-07-10", "3 months later"],
    ["2009-03-17", "2009-07", "4 months later"],
  ])("%s, answered %s: %s", (asked, answered, words) => {
    expect(wait(asked, answered)).toBe(words);
  });

  it("says nothing when either date is unknown", () => {
    expect(wait(null, "2009")).toBeNull();
    expect(wait("2009", null)).toBeNull();
  });
});

describe("answeredBeforeAsked", () => {
  it("refuses only an answer whose whole period ends before the request's begins", () => {
    expect(answeredBeforeAsked(v("2009-03"), v("2009-02"))).toBe(true);
    expect(answeredBeforeAsked(v("2009-03-17"), v("2009-03-16"))).toBe(true);
    expect(answeredBeforeAsked(v("2009"), v("2008-12-31"))).toBe(true);
    // A vaguer answer that may fall after the request is allowed.
    expect(answeredBeforeAsked(v("2009-03-17"), v("2009"))).toBe(false);
    expect(answeredBeforeAsked(v("2009-03-17"), v("2009-03"))).toBe(false);
    expect(answeredBeforeAsked(v("2009"), v("2009-01"))).toBe(false);
    expect(answeredBeforeAsked(v("2009-03"), v("2009-03-01"))).toBe(false);
  });

  it("knows where periods end", () => {
    expect(periodEnd(v("2009")).toISOString().slice(0, 10)).toBe("2010-01-01");
    expect(periodEnd(v("2009-12")).toISOString().slice(0, 10)).toBe("2010-01-01");
    expect(periodEnd(v("2009-02-28")).toISOString().slice(0, 10)).toBe("2009-03-01");
  });
});

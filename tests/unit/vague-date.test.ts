import { describe, expect, it } from "vitest";
import { parseVagueDate, vagueDateField, vagueDateInput } from "@/lib/vague-date";

describe("parseVagueDate", () => {
  it.each([
    { text: "2005", iso: "2005-01-01", precision: "YEAR" },
    { text: " 2009-03 ", iso: "2009-03-01", precision: "MONTH" },
    { text: "2009-03-17", iso: "2009-03-17", precision: "DAY" },
    { text: "2008-02-29", iso: "2008-02-29", precision: "DAY" },
  ])("$text → $iso at $precision", ({ text, iso, precision }) => {
    const v = parseVagueDate(text);
    expect(v?.date.toISOString().slice(0, 10)).toBe(iso);
    expect(v?.precision).toBe(precision);
  });

  it.each(["", "05", "2005-13", "2005-02-30", "2007-02-29", "2005/03/01", "March 2005", "1700", "2005-3"])("refuses %j", (text) => {
    expect(parseVagueDate(text)).toBeNull();
  });

  it("writes a date back at its precision", () => {
    expect(vagueDateInput(new Date("2005-01-01T00:00:00Z"), "YEAR")).toBe("2005");
    expect(vagueDateInput("2009-03-01T00:00:00.000Z", "MONTH")).toBe("2009-03");
    expect(vagueDateInput(new Date("2009-03-17T00:00:00Z"), "DAY")).toBe("2009-03-17");
    expect(vagueDateInput(null, "DAY")).toBe("");
  });
});

describe("vagueDateField", () => {
  const past = vagueDateField();
  const any = vagueDateField({ allowFuture: true });
  const nextYear = String(new Date().getUTCFullYear() + 1);

  it("treats empty as unknown", () => {
    expect(past.parse("")).toBeNull();
    expect(past.parse(null)).toBeNull();
    expect(past.parse(undefined)).toBeNull();
  });

  it("refuses the future unless allowed, with a plain message", () => {
    const result = past.safeParse(nextYear);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("This date is in the future.");
    expect(any.parse(nextYear)?.precision).toBe("YEAR");
    // The current year is not "in the future".
    expect(past.parse(String(new Date().getUTCFullYear()))?.precision).toBe("YEAR");
  });

  it("explains the format", () => {
    expect(past.safeParse("last year").error?.issues[0]?.message).toBe("Write the date as YYYY, YYYY-MM or YYYY-MM-DD.");
  });
});

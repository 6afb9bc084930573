import { describe, expect, it } from "vitest";
import { countPhrase, inflect, plural, withArticle } from "@/lib/format/plural";

describe("count phrases", () => {
  it("names one thing in the singular and any other number in the plural", () => {
    expect(plural(0, "request")).toBe("0 requests");
    expect(plural(1, "request")).toBe("1 request");
    expect(plural(2, "request")).toBe("2 requests");
    expect(plural(23752, "transfer")).toBe("23,752 transfers");
    expect(plural(1, "weapon system", "weapon systems")).toBe("1 weapon system");
    expect(plural(3, "day")).toBe("3 days");
    expect(plural(2, "country", "countries")).toBe("2 countries");
  });

  it("makes the verb agree with the number", () => {
    expect(inflect(1, "matches", "match")).toBe("matches");
    expect(inflect(0, "matches", "match")).toBe("match");
    expect(inflect(5, "is", "are")).toBe("are");
    const matches = { one: "matches", many: "match" };
    expect(countPhrase(1, { one: "request" }, matches, "these filters")).toBe("1 request matches these filters");
    expect(countPhrase(2, { one: "request" }, matches, "these filters")).toBe("2 requests match these filters");
    expect(countPhrase(0, { one: "inspection" }, matches)).toBe("0 inspections match");
    expect(countPhrase(1, { one: "country", many: "countries" }, { one: "is", many: "are" }, "summed")).toBe("1 country is summed");
  });
});

describe("the indefinite article", () => {
  it("is 'an' before a vowel", () => {
    expect(withArticle("actor kind")).toBe("an actor kind");
    expect(withArticle("inspection status")).toBe("an inspection status");
    expect(withArticle("transfer status")).toBe("a transfer status");
  });
});

import { describe, expect, it } from "vitest";
import { isoCountries } from "@/tools/seed/countries";

describe("isoCountries", () => {
  const countries = isoCountries();

  it("lists every officially assigned ISO 3166-1 country and nothing else", () => {
    expect(countries).toHaveLength(249);
    expect(countries.find((c) => c.alpha2 === "XK")).toBeUndefined();
  });

  it("has unique, well-formed alpha-2, alpha-3 and numeric codes", () => {
    for (const key of ["alpha2", "alpha3", "numeric"] as const) {
      expect(new Set(countries.map((c) => c[key])).size).toBe(countries.length);
    }
    for (const c of countries) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
    }
  });

  it.each([
    { alpha2: "VE", alpha3: "VEN", numeric: "862", name: "Venezuela", region: "Americas" },
    { alpha2: "RU", alpha3: "RUS", numeric: "643", name: "Russia", region: "Europe" },
    { alpha2: "US", alpha3: "USA", numeric: "840", name: "United States", region: "Americas" },
    { alpha2: "CO", alpha3: "COL", numeric: "170", name: "Colombia", region: "Americas" },
  ])("has $name with its codes", (expected) => {
    expect(countries.find((c) => c.alpha2 === expected.alpha2)).toMatchObject(expected);
  });

  it("keeps the alternative names registers use", () => {
    expect(countries.find((c) => c.alpha2 === "RU")?.altNames).toContain("Russian Federation");
  });
});

// The world map's pure parts: the shading buckets, the measure switch, and the
// projected atlas (every ISO country of the seed list that the atlas draws
// gets a path; coordinates rounded; the SVG stays small).
import { describe, expect, it } from "vitest";
import atlasJson from "world-atlas/countries-110m.json";
import { bucketOf, bucketsFor, niceBounds, shadeOf } from "@/lib/map/buckets";
import { figureText, parseMapSort, parseMeasure } from "@/lib/map/measure";
import { compactPath, joinNumbers, projectWorld, worldMap } from "@/lib/map/projection";
import { isoCountries } from "@/tools/seed/countries";

describe("niceBounds", () => {
  it.each([
    [0, []],
    [1, [1]],
    [4, [1, 2, 3]],
    [10, [1, 2, 3, 5, 10]],
    [49, [1, 2, 3, 5, 10, 20, 30]],
    [100, [1, 2, 3, 5, 10, 20, 30, 50, 100]],
  ])("up to %i: %j", (max, expected) => {
    expect(niceBounds(max)).toEqual(expected);
  });
});

describe("bucketsFor: the legend for figures from 0 to max", () => {
  it.each([
    { max: 0, labels: ["None"] },
    { max: -3, labels: ["None"] },
    { max: Number.NaN, labels: ["None"] },
    { max: 1, labels: ["None", "1"] },
    { max: 2, labels: ["None", "1", "2"] },
    { max: 5, labels: ["None", "1", "2", "3", "4", "5"] },
    { max: 7, labels: ["None", "1", "2", "3–4", "5 or more"] },
    { max: 10, labels: ["None", "1", "2", "3–4", "5–9", "10"] },
    { max: 12, labels: ["None", "1", "2", "3–4", "5–9", "10 or more"] },
    { max: 100, labels: ["None", "1–2", "3–9", "10–29", "30–99", "100"] },
    { max: 2_500, labels: ["None", "1–4", "5–49", "50–299", "300–1,999", "2,000 or more"] },
  ])("max $max: $labels", ({ max, labels }) => {
    const buckets = bucketsFor(max);
    expect(buckets.map((b) => b.label)).toEqual(labels);
    expect(buckets.length).toBeLessThanOrEqual(6);
    expect(buckets.map((b) => b.index)).toEqual(buckets.map((_, i) => i));
    // Contiguous: each bucket starts where the previous one ended.
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.min).toBe((buckets[i - 1]!.max ?? Number.NaN) + 1);
  });
});

describe("bucketOf: thresholds", () => {
  const hundred = bucketsFor(100);
  it.each([
    [0, "None"],
    [1, "1–2"],
    [2, "1–2"],
    [3, "3–9"],
    [9, "3–9"],
    [10, "10–29"],
    [29, "10–29"],
    [30, "30–99"],
    [99, "30–99"],
    [100, "100"],
    [250, "100"], // above the top bound: still the top bucket
  ])("max 100, figure %i → %s", (value, label) => {
    expect(bucketOf(value, hundred).label).toBe(label);
  });

  const seven = bucketsFor(7);
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 3],
    [5, 4],
    [7, 4],
  ])("max 7, figure %i → bucket %i", (value, index) => {
    expect(bucketOf(value, seven).index).toBe(index);
  });

  it("puts every figure up to the max in a bucket whose range holds it", () => {
    for (const max of [1, 3, 6, 17, 64, 999, 12_345]) {
      const buckets = bucketsFor(max);
      for (let v = 0; v <= Math.min(max, 2_000); v++) {
        const b = bucketOf(v, buckets);
        expect(v).toBeGreaterThanOrEqual(b.min);
        if (b.max !== null) expect(v).toBeLessThanOrEqual(b.max);
      }
    }
  });
});

describe("shadeOf: buckets spread over the palette", () => {
  it.each([
    { shaded: 0, shades: [0] },
    { shaded: 1, shades: [0, 3] },
    { shaded: 2, shades: [0, 1, 5] },
    { shaded: 3, shades: [0, 1, 3, 5] },
    { shaded: 4, shades: [0, 1, 2, 4, 5] },
    { shaded: 5, shades: [0, 1, 2, 3, 4, 5] },
  ])("$shaded shaded buckets: $shades", ({ shaded, shades }) => {
    expect(Array.from({ length: shaded + 1 }, (_, i) => shadeOf(i, shaded))).toEqual(shades);
  });
});

describe("the measure switch", () => {
  it.each([
    [undefined, "concerns"],
    [null, "concerns"],
    ["", "concerns"],
    ["concerns", "concerns"],
    ["requests", "requests"],
    [" Requests ", "requests"],
    [["requests", "concerns"], "requests"],
    ["transfers", "concerns"],
    ["__proto__", "concerns"],
    ["toString", "concerns"],
  ] as const)("%j → %s", (raw, expected) => {
    expect(parseMeasure(raw)).toBe(expected);
  });

  it("words the figures", () => {
    expect(figureText("concerns", 1)).toBe("1 unresolved concern");
    expect(figureText("requests", 0)).toBe("0 requests received");
    expect(figureText("requests", 1234)).toBe("1,234 requests received");
  });

  it("sorts the table by figure unless asked for names", () => {
    expect(parseMapSort(undefined)).toBe("figure");
    expect(parseMapSort("name")).toBe("name");
    expect(parseMapSort("bogus")).toBe("figure");
  });
});

describe("the projected atlas", () => {
  type AtlasGeometry = { id?: string; properties?: { name?: string } };
  const atlasIds = new Set(
    (atlasJson as unknown as { objects: { countries: { geometries: AtlasGeometry[] } } }).objects.countries.geometries
      .map((g) => g.id)
      .filter((id): id is string => typeof id === "string"),
  );
  const map = worldMap();
  const byNumeric = new Map(map.shapes.filter((s) => s.numeric).map((s) => [s.numeric, s]));

  it("draws a path for every ISO country of the seed list that the atlas has", () => {
    const iso = isoCountries();
    const inAtlas = iso.filter((c) => atlasIds.has(c.numeric));
    expect(inAtlas.length).toBeGreaterThan(170);
    for (const c of inAtlas) {
      const shape = byNumeric.get(c.numeric);
      expect(shape, `${c.name} (${c.numeric})`).toBeDefined();
      expect(shape!.d).toMatch(/^M[\d.]/);
      expect(shape!.d.length).toBeGreaterThan(10);
    }
    for (const code of ["643", "862", "840", "170", "242", "048"]) {
      if (atlasIds.has(code)) expect(byNumeric.has(code)).toBe(true);
    }
    // Russia, Venezuela, Fiji (crossing the antimeridian) are there.
    for (const code of ["643", "862", "242"]) expect(byNumeric.has(code)).toBe(true);
  });

  it("leaves the areas without an ISO code unlinked, and has no atlas code the seed list lacks", () => {
    expect(map.shapes.filter((s) => s.numeric === null).map((s) => s.atlasName).sort()).toEqual(["Kosovo", "N. Cyprus", "Somaliland"]);
    const isoNumerics = new Set(isoCountries().map((c) => c.numeric));
    expect(map.shapes.filter((s) => s.numeric && !isoNumerics.has(s.numeric)).map((s) => s.atlasName)).toEqual([]);
  });

  it("rounds coordinates to one decimal and keeps the SVG small", () => {
    const all = map.shapes.map((s) => s.d).join("") + map.sphere;
    expect(all).not.toMatch(/\.\d\d/);
    expect(all.length).toBeLessThan(80_000);
    expect(map.width).toBe(960);
    expect(map.height).toBeGreaterThan(400);
    expect(map.height).toBeLessThan(560);
  });

  it("fits the globe into the width it is given", () => {
    const small = projectWorld(480);
    expect(small.width).toBe(480);
    expect(small.height).toBeGreaterThan(200);
    expect(small.shapes).toHaveLength(map.shapes.length);
  });
});

describe("compactPath", () => {
  it("writes relative moves, drops repeated and nearly repeated points", () => {
    expect(compactPath("M10,10L20,10L20.2,10.1L20,20L10,20Z")).toBe("M10,10l10,0,0,10-10,0z");
  });

  it("keeps a small island's only ring and drops tiny extra rings", () => {
    expect(compactPath("M0,0L100,0L100,100Z M500,500L500.1,500.1L500.2,500Z")).toBe("M0,0l100,0,0,100z");
    expect(compactPath("M1,1L1.1,1.1L1.2,1Z")).toBe("M1,1z");
  });

  it("writes numbers as short as SVG allows", () => {
    expect(joinNumbers(["1.5", ".5", "-2", "3", ".7"])).toBe("1.5.5-2,3,.7");
    expect(compactPath("M0,0L0.5,0.5L1,-0.5Z")).toBe("M0,0l.5.5.5-1z");
  });

  it("leaves other path data alone", () => {
    expect(compactPath("M0,0A1,1,0,0,1,2,2Z")).toBe("M0,0A1,1,0,0,1,2,2Z");
  });
});

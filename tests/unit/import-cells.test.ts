// CSV import, one cell at a time: register markers, lists of years, loose
// names and enum values, formula cells.
import { describe, expect, it } from "vitest";
import {
  compactKey,
  enumMatcher,
  isUnknown,
  looksLikeFormula,
  looksLikeNumber,
  looseKey,
  neutraliseFormula,
  readMarked,
  readYearList,
} from "@/lib/import/cells";
import { transferStatusLabel } from "@/lib/format/labels";

describe("readMarked: figures and years with register markers", () => {
  it.each([
    ["10", "10", false],
    ["(10)", "10", true],
    ["10?", "10", true],
    ["(10)?", "10", true],
    ["(10?)", "10", true],
    ["[10]", "10", true],
    ["~10", "10", true],
    ["c. 10", "10", true],
    ["ca 10", "10", true],
    ["about 1,200", "1,200", true],
    [" 1 200 ", "1 200", false],
    ["(2005)", "2005", true],
    ["2005", "2005", false],
    // Left for the schema to refuse, with its own message.
    ["-5", "-5", false],
    ["many", "many", false],
  ])("%j is %j, estimated: %s", (text, value, uncertain) => {
    expect(readMarked(text)).toEqual({ value, uncertain });
  });

  it.each(["", "   ", "?", ". .", "..", "...", ". . .", "(?)", "unknown", "Unknown", "n/a"])("%j is unknown (null, not estimated)", (text) => {
    expect(readMarked(text)).toEqual({ value: null, uncertain: false });
    if (text !== "(?)") expect(isUnknown(text)).toBe(true);
  });
});

describe("readYearList: years of delivery", () => {
  it.each([
    ["2008", [2008], false],
    ["2008-2010", [2008, 2009, 2010], false],
    ["2008 - 2010", [2008, 2009, 2010], false],
    ["2008–2010", [2008, 2009, 2010], false],
    ["2008; 2010", [2008, 2010], false],
    ["2008, 2010", [2008, 2010], false],
    ["2008 2010", [2008, 2010], false],
    ["(2009)", [2009], true],
    ["2009?", [2009], true],
    ["2008, (2009)", [2008, 2009], true],
    ["(2008-2009)", [2008, 2009], true],
    ["(2008, 2009)", [2008, 2009], true],
    ["2008; ?", [2008], true],
    ["", [], false],
    [". .", [], false],
    ["?", [], false],
  ])("%j is %j, estimated: %s", (text, years, uncertain) => {
    expect(readYearList(text)).toEqual({ years, uncertain });
  });

  it.each([
    ["2010-2008", "The range 2010-2008 runs backwards."],
    ["1700-1950", "spans more than 200 years"],
    ["soon", "“soon” is not a year."],
    ["08-09", "“08-09” is not a year."],
    ["2008/9", "“9” is not a year."],
  ])("refuses %j", (text, message) => {
    const r = readYearList(text);
    expect("error" in r && r.error).toContain(message);
  });
});

describe("loose names", () => {
  it.each([
    ["Côte d’Ivoire", "cote divoire"],
    ["Cote d'Ivoire", "cote divoire"],
    ["  BOSNIA-Herzegovina ", "bosnia herzegovina"],
    ["Trinidad & Tobago", "trinidad and tobago"],
    ["U.S.A.", "usa"],
  ])("looseKey(%j) is %j", (text, key) => {
    expect(looseKey(text)).toBe(key);
  });

  it("compactKey makes designations meet whatever their spacing and punctuation", () => {
    expect(new Set(["9K338 Igla-S", "9k338 igla s", "9K338IGLA-S", " 9K338  Igla–S "].map(compactKey))).toEqual(new Set(["9k338iglas"]));
    expect(compactKey("F-16C")).not.toBe(compactKey("F-16D"));
  });
});

describe("enum values by code or label", () => {
  const status = enumMatcher(transferStatusLabel, { CANCELLED: ["Canceled"] });
  it.each([
    ["Delivered", "DELIVERED"],
    ["delivered", "DELIVERED"],
    ["DELIVERED", "DELIVERED"],
    ["In delivery", "IN_DELIVERY"],
    ["IN_DELIVERY", "IN_DELIVERY"],
    ["in-delivery", "IN_DELIVERY"],
    ["Canceled", "CANCELLED"],
    ["Cancelled", "CANCELLED"],
    ["Lost", null],
    ["", null],
  ])("%j is %j", (text, value) => {
    expect(status(text)).toBe(value);
  });
});

describe("formula cells", () => {
  it.each(["=1+1", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "  =1+1", "\t=1", "\r=1", "-"])("%j looks like a formula", (text) => {
    expect(looksLikeFormula(text)).toBe(true);
  });

  it.each(["Igla-S", "portable SAM", "1+1", "a=b", "e-mail", ""])("%j does not", (text) => {
    expect(looksLikeFormula(text)).toBe(false);
  });

  it("treats -5, +5 and -(5) as numbers in numeric columns, not as formulas", () => {
    for (const text of ["-5", "+5", " - 5", "-(5)"]) expect(looksLikeNumber(text)).toBe(true);
    for (const text of ["=5", "-A1", "@5", "+cmd"]) expect(looksLikeNumber(text)).toBe(false);
  });

  it("neutralises free text with a leading apostrophe", () => {
    expect(neutraliseFormula("  =HYPERLINK(\"x\") ")).toBe("'=HYPERLINK(\"x\")");
    expect(looksLikeFormula(neutraliseFormula("-2+3"))).toBe(false);
  });
});

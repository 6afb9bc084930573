// The 409 payload's one type and the guard the form reads it through
// (lib/records/conflict.ts): a well-formed payload comes back whole, anything
// else is null (no conflict view) instead of a crash in the form.
import { describe, expect, it } from "vitest";
import { parseConflictDetails, type ConflictDetails } from "@/lib/records/conflict";

const valid: ConflictDetails = {
  currentVersion: 3,
  current: { title: "Theirs", countries: [{ countryId: 1, role: "SUPPLIER" }], ownerId: null },
  theirChanges: { title: { before: "Mine", after: "Theirs" }, ownerId: { before: 4, after: null } },
};

describe("parseConflictDetails", () => {
  it("returns a well-formed payload as it is, after a trip through JSON too", () => {
    expect(parseConflictDetails(valid)).toEqual(valid);
    expect(parseConflictDetails(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
  });

  it("takes unknown changes (null) and no changes ({})", () => {
    expect(parseConflictDetails({ ...valid, theirChanges: null })).toEqual({ ...valid, theirChanges: null });
    expect(parseConflictDetails({ ...valid, theirChanges: {} })).toEqual({ ...valid, theirChanges: {} });
  });

  it("takes a change whose before or after is null (a field cleared or newly set)", () => {
    const details = { ...valid, theirChanges: { summary: { before: null, after: "New" } } };
    expect(parseConflictDetails(details)).toEqual(details);
  });

  it.each([
    ["nothing", undefined],
    ["null", null],
    ["a string", "conflict"],
    ["an array", [valid]],
    ["no version", { current: valid.current, theirChanges: null }],
    ["a version as text", { ...valid, currentVersion: "3" }],
    ["a fractional version", { ...valid, currentVersion: 2.5 }],
    ["version 0", { ...valid, currentVersion: 0 }],
    ["NaN as version", { ...valid, currentVersion: Number.NaN }],
    ["no current values", { currentVersion: 3, theirChanges: null }],
    ["current values as an array", { ...valid, current: [] }],
    ["current values null", { ...valid, current: null }],
    ["no theirChanges key", { currentVersion: 3, current: {} }],
    ["theirChanges as an array", { ...valid, theirChanges: [] }],
    ["theirChanges as text", { ...valid, theirChanges: "title" }],
    ["a change without after", { ...valid, theirChanges: { title: { before: "Mine" } } }],
    ["a change that is not an object", { ...valid, theirChanges: { title: "Theirs" } }],
    ["a change that is null", { ...valid, theirChanges: { title: null } }],
  ])("returns null for %s", (_, payload) => {
    expect(parseConflictDetails(payload)).toBeNull();
  });

  it("keeps only the three known keys", () => {
    expect(parseConflictDetails({ ...valid, extra: "ignored" })).toEqual(valid);
  });
});

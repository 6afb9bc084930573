import { describe, expect, it } from "vitest";
import { reapply } from "@/lib/records/form/reapply";

describe("reapply", () => {
  const base = { title: "A", response: "PENDING", concernIds: [1], summary: null };

  it.each([
    {
      why: "keeps their change to a field I did not touch and my change to another",
      mine: { ...base, title: "Mine" },
      current: { ...base, response: "REBUFFED" },
      expected: { ...base, title: "Mine", response: "REBUFFED" },
    },
    {
      why: "my change wins on a field we both changed",
      mine: { ...base, response: "ACCEPTED" },
      current: { ...base, response: "REBUFFED" },
      expected: { ...base, response: "ACCEPTED" },
    },
    {
      why: "compares lists by value",
      mine: { ...base, concernIds: [1] },
      current: { ...base, concernIds: [1, 2] },
      expected: { ...base, concernIds: [1, 2] },
    },
    {
      why: "treats missing and null alike",
      mine: { title: "A", response: "PENDING", concernIds: [1] },
      current: { ...base, summary: "Theirs" },
      expected: { ...base, summary: "Theirs" },
    },
  ])("$why", ({ mine, current, expected }) => {
    expect(reapply(base, mine, current)).toEqual(expected);
  });
});

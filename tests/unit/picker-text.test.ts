// What a record picker says about text typed and not chosen (components/forms/picker-text.ts).
import { describe, expect, it } from "vitest";
import { offeredMatch, strayTextMessage } from "@/components/forms/picker-text";

describe("strayTextMessage", () => {
  it("names the field, the text and what to choose", () => {
    expect(strayTextMessage({ label: "Owner", lookup: "owner" }, " Ana ")).toBe("Owner: “Ana” is not chosen. Choose a user from the list or clear the text.");
    expect(strayTextMessage({ label: "Concerns", lookup: "concern" }, "Igla")).toBe("Concerns: “Igla” is not chosen. Choose a concern from the list or clear the text.");
  });

  it("offers creating an actor where the picker can", () => {
    expect(strayTextMessage({ label: "Requesting actors", lookup: "actor", create: "actor" }, "Burns")).toBe(
      "Requesting actors: “Burns” is not chosen. Choose an actor from the list, create it with “New actor…”, or clear the text.",
    );
  });
});

describe("offeredMatch", () => {
  const ana = { id: 1, label: "Ana Silva" };
  const bo = { id: 2, label: "Bo Chen" };
  it("offers the option the text names, else the only one found", () => {
    expect(offeredMatch("ana silva ", [bo, ana])).toBe(ana);
    expect(offeredMatch("an", [ana])).toBe(ana);
  });
  it("offers nothing when several match or none", () => {
    expect(offeredMatch("a", [ana, bo])).toBeNull();
    expect(offeredMatch("zed", [])).toBeNull();
    expect(offeredMatch("  ", [ana])).toBeNull();
  });
});

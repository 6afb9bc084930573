// Type-ahead for the forms: matches by name, labels by id, never a deleted
// record or a restricted one the user may not see.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/lib/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("lookup");
let lookup: typeof import("@/lib/db/lookup").lookup;
const viewer = { id: 0, role: "VIEWER" as const };
const editor = { id: 0, role: "EDITOR" as const };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  lookup = (await import("@/lib/db/lookup")).lookup;
  viewer.id = (await makeUser(ctx.db, "VIEWER")).id;
  editor.id = (await makeUser(ctx.db, "EDITOR")).id;
});

describe("lookup", () => {
  it.each([
    { type: "actor", q: "anto", label: /^Anatoliy Antonov — Director for Disarmament and Security Affairs \(Russia\)$/ },
    { type: "concern", q: "farc", label: /Igla-S MANPADS/ },
    { type: "request", q: "2005", label: /^2005 · U\.S\. request/ },
    { type: "source", q: "cable", label: /2005 cable by Daniel Russell/ },
    { type: "weaponSystem", q: "igla", label: /^Igla-S$/ },
    { type: "transfer", q: "venez", label: /^Russia → Venezuela: Igla-S$/ },
  ] as const)("finds a $type by part of its name ($q)", async ({ type, q, label }) => {
    const options = await lookup(viewer, type, q);
    expect(options.map((o) => o.label)).toEqual(expect.arrayContaining([expect.stringMatching(label)]));
  });

  it("treats % and _ as plain characters", async () => {
    expect(await lookup(viewer, "actor", "%")).toEqual([]);
    expect(await lookup(viewer, "actor", "_")).toEqual([]);
  });

  it("gives labels for ids, leaving out restricted and deleted records for those who may not see them", async () => {
    const hidden = await ctx.db.actor.create({ data: { name: "Hidden Source Person", kind: "PERSON", visibility: "RESTRICTED", createdById: editor.id } });
    const gone = await ctx.db.actor.create({ data: { name: "Gone Person", kind: "PERSON", deletedAt: new Date() } });
    const antonov = await ctx.db.actor.findFirstOrThrow({ where: { name: "Anatoliy Antonov" } });
    const ids = [antonov.id, hidden.id, gone.id];
    expect((await lookup(viewer, "actor", "", ids)).map((o) => o.id)).toEqual([antonov.id]);
    expect((await lookup(editor, "actor", "", ids)).map((o) => o.id).sort()).toEqual([antonov.id, hidden.id].sort());
    expect(await lookup(viewer, "actor", "Hidden")).toEqual([]);
  });

  it("offers only active users who may own a concern", async () => {
    const labels = (await lookup(editor, "owner", "demo")).map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(["Demo Editor (editor)", "Demo Analyst (analyst)"]));
    expect(labels.some((l) => l.includes("viewer"))).toBe(false);
  });
});

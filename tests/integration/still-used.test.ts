// Deleting a record that live records still use is refused with a message
// that counts and names only what the caller may see (issue 12, point 12):
// records they may not see are said to exist, never counted, and an editor
// (who sees everything) gets every count and can resolve them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("still_used");

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who = {} as Record<"analyst" | "other" | "editor", Who>;
let svc: typeof import("@/lib/records/service");
let RECORDS: typeof import("@/lib/records/registry").RECORDS;
let countries: { us: number; ru: number };

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  RECORDS = (await import("@/lib/records/registry")).RECORDS;
  svc = await import("@/lib/records/service");
  countries = await makeUsAndRussia(ctx.db);
  for (const [name, role] of [["analyst", "ANALYST"], ["other", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
});

/** The refusal's message when `as` deletes the record (at its current version). */
async function refusal(as: Who, type: "transfer" | "weaponSystem" | "actor", id: number): Promise<string> {
  const delegate = { transfer: ctx.db.armsTransfer, weaponSystem: ctx.db.weaponSystem, actor: ctx.db.actor }[type] as unknown as {
    findUniqueOrThrow: (a: { where: { id: number } }) => Promise<{ version: number }>;
  };
  const { version } = await delegate.findUniqueOrThrow({ where: { id } });
  const error = await svc.deleteRecord(RECORDS[type], as, id, version, null).then(
    () => null,
    (e: unknown) => e as { status: number; message: string },
  );
  expect(error, "the delete was refused").not.toBeNull();
  expect(error!.status).toBe(409);
  return error!.message;
}

const transfer = (createdById: number, extra: object = {}) =>
  ctx.db.armsTransfer.create({ data: { supplierId: countries.ru, recipientId: countries.us, status: "ORDERED", createdById, ...extra } });
const request = (createdById: number, extra: object = {}) =>
  ctx.db.diplomaticRequest.create({ data: { title: "A request", requestingCountryId: countries.us, targetCountryId: countries.ru, ask: "HALT_SALE", createdById, ...extra } });

describe("a transfer used by records the analyst can see and by one they cannot", () => {
  let id = 0;
  beforeAll(async () => {
    id = (await transfer(who.analyst.id)).id;
    await ctx.db.concern.create({ data: { title: "Internal concern", category: "OTHER", severity: "LOW", transferLinks: { create: [{ transferId: id }] } } });
    await ctx.db.inspection.create({ data: { hostCountryId: countries.us, status: "RIGHT_ASSERTED", transferId: id } });
    // Two restricted requests of someone else's: neither counted nor named for the analyst.
    for (let i = 0; i < 2; i++) await request(who.other.id, { visibility: "RESTRICTED", transferLinks: { create: [{ transferId: id }] } });
    // A deleted request does not count for anyone.
    await request(who.other.id, { deletedAt: new Date(), transferLinks: { create: [{ transferId: id }] } });
  });

  it("the analyst is told what they can see, and that an editor can remove the rest", async () => {
    expect(await refusal(who.analyst, "transfer", id)).toBe(
      "This transfer is still used by 1 concern and 1 inspection, and by records you cannot see; remove those links first, and an editor can remove the others.",
    );
  });

  it("the editor sees every use counted", async () => {
    expect(await refusal(who.editor, "transfer", id)).toBe(
      "This transfer is still used by 1 concern, 2 requests and 1 inspection; remove those links first.",
    );
  });
});

describe("a weapon system used only by a record the analyst cannot see", () => {
  let id = 0;
  beforeAll(async () => {
    id = (await ctx.db.weaponSystem.create({ data: { name: "Analyst's system", category: "MANPADS", createdById: who.analyst.id } })).id;
    await transfer(who.editor.id, { weaponSystemId: id, visibility: "RESTRICTED" });
  });

  it("the analyst learns no count, only that an editor can resolve it", async () => {
    const message = await refusal(who.analyst, "weaponSystem", id);
    expect(message).toBe("This weapon system is still used by records you cannot see: an editor can remove those links.");
    expect(message).not.toMatch(/\d/);
  });

  it("the editor is told what uses it", async () => {
    expect(await refusal(who.editor, "weaponSystem", id)).toBe("This weapon system is still used by 1 transfer; remove that link first.");
  });
});

describe("an actor used by the analyst's own restricted quote and another's restricted request", () => {
  let id = 0;
  beforeAll(async () => {
    id = (await ctx.db.actor.create({ data: { name: "An official", kind: "PERSON", createdById: who.analyst.id } })).id;
    // Their own restricted record: they may see it, so it is counted.
    await ctx.db.quote.create({ data: { text: "A quote", speakerId: id, visibility: "RESTRICTED", createdById: who.analyst.id } });
    await request(who.other.id, { visibility: "RESTRICTED", actorLinks: { create: [{ actorId: id, side: "TARGET" }] } });
  });

  it("the author counts their own restricted quote, not the other's request", async () => {
    expect(await refusal(who.analyst, "actor", id)).toBe(
      "This actor is still used by 1 quote, and by records you cannot see; remove that link first, and an editor can remove the others.",
    );
  });

  it("the editor counts both", async () => {
    expect(await refusal(who.editor, "actor", id)).toBe("This actor is still used by 1 request and 1 quote; remove those links first.");
  });
});

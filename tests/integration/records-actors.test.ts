// Actors and weapon systems through the generic record service: round trip,
// validation, permissions, and deletion while other records use them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("rec_actors");
let svc: typeof import("@/lib/records/service");
let actors: typeof import("@/lib/records/actor/service").actorRecord;
let weapons: typeof import("@/lib/records/weapon-system/service").weaponSystemRecord;

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<string, Who> = {};
let ids: { us: number; ru: number; ve: number };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  svc = await import("@/lib/records/service");
  actors = (await import("@/lib/records/actor/service")).actorRecord;
  weapons = (await import("@/lib/records/weapon-system/service")).weaponSystemRecord;
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const c = async (a2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: a2 } })).id;
  ids = { us: await c("US"), ru: await c("RU"), ve: await c("VE") };
});

const validActor = () => ({
  name: "Sergey Lavrov",
  kind: "PERSON",
  title: "Minister of Foreign Affairs",
  affiliation: "Ministry of Foreign Affairs",
  countryId: ids.ru,
  notes: "Named in later cables.",
  visibility: "INTERNAL",
});

const validWeapon = () => ({
  name: "Igla",
  designation: "9K38",
  category: "MANPADS",
  description: "Earlier model of the Igla-S.",
  originCountryId: ids.ru,
  visibility: "INTERNAL",
});

const actorCounts = async () => [await ctx.db.actor.count(), await ctx.db.auditEvent.count()];
const weaponCounts = async () => [await ctx.db.weaponSystem.count(), await ctx.db.auditEvent.count()];

describe("actors", () => {
  it("creates an actor whose form values parse back to the same record", async () => {
    const { id } = await svc.createRecord(actors, who.analyst!, validActor(), null);
    expect(await ctx.db.actor.findUniqueOrThrow({ where: { id } })).toMatchObject({ ...validActor(), createdById: who.analyst!.id });
    const values = await actors.formValues(ctx.db, id);
    expect(values).toEqual(validActor());
    expect(actors.columns(actors.schema.parse(values))).toEqual(actors.columns(actors.schema.parse(validActor())));
    await svc.updateRecord(actors, who.analyst!, id, 1, { ...values, countryId: "", title: "" }, null);
    expect(await ctx.db.actor.findUniqueOrThrow({ where: { id } })).toMatchObject({ countryId: null, title: null, version: 2 });
    expect((await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "ACTOR", entityId: id, action: "UPDATE" } })).changes).toEqual({
      countryId: { before: ids.ru, after: null },
      title: { before: "Minister of Foreign Affairs", after: null },
    });
  });

  it.each([
    { field: "name", patch: { name: "" }, message: "Give the actor's name." },
    { field: "name", patch: { name: "x".repeat(301) }, message: "Use at most 300 characters." },
    { field: "kind", patch: { kind: "ROBOT" }, message: "Choose what kind of actor this is." },
    { field: "countryId", patch: { countryId: "Russia" }, message: "Choose a country from the list." },
    { field: "countryId", patch: { countryId: 99_999 }, message: "Choose a country from the list." },
    { field: "notes", patch: { notes: "x".repeat(10_001) }, message: "Use at most 10000 characters." },
  ])("refuses an invalid actor $field ($message), writing nothing", async ({ field, patch, message }) => {
    const before = await actorCounts();
    const error = await svc.createRecord(actors, who.analyst!, { ...validActor(), ...patch }, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await actorCounts()).toEqual(before);
  });

  it("refuses unknown fields, a viewer's create and an analyst editing another analyst's actor (403), changing nothing", async () => {
    const before = await actorCounts();
    await expect(svc.createRecord(actors, who.analyst!, { ...validActor(), externalId: "x" }, null)).rejects.toMatchObject({ status: 400 });
    await expect(svc.createRecord(actors, who.viewer!, validActor(), null)).rejects.toMatchObject({ status: 403 });
    expect(await actorCounts()).toEqual(before);
    const { id } = await svc.createRecord(actors, who.analyst!, validActor(), null);
    const row = await ctx.db.actor.findUniqueOrThrow({ where: { id } });
    await expect(svc.updateRecord(actors, who.analyst2!, id, 1, { ...validActor(), name: "Hijacked" }, null)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.actor.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });

  it("refuses deleting an actor that live requests or quotes still use, naming them", async () => {
    const { id } = await svc.createRecord(actors, who.editor!, validActor(), null);
    const request = (title: string) =>
      ctx.db.diplomaticRequest.create({
        data: { title, requestingCountryId: ids.us, targetCountryId: ids.ru, ask: "HALT_SALE", actorLinks: { create: [{ actorId: id, side: "TARGET" }] } },
      });
    const r1 = await request("R1");
    const r2 = await request("R2");
    // On both sides of one request: still one request.
    await ctx.db.requestActor.create({ data: { requestId: r2.id, actorId: id, side: "REQUESTING" } });
    const quote = await ctx.db.quote.create({ data: { text: "No.", speakerId: id } });

    const before = await actorCounts();
    await expect(svc.deleteRecord(actors, who.editor!, id, 1, null)).rejects.toMatchObject({
      status: 409,
      message: "This actor is still used by 2 requests and 1 quote; remove those links first.",
    });
    expect(await actorCounts()).toEqual(before);

    await ctx.db.diplomaticRequest.updateMany({ where: { id: { in: [r1.id, r2.id] } }, data: { deletedAt: new Date() } });
    await expect(svc.deleteRecord(actors, who.editor!, id, 1, null)).rejects.toMatchObject({
      message: "This actor is still used by 1 quote; remove that link first.",
    });
    await ctx.db.quote.update({ where: { id: quote.id }, data: { deletedAt: new Date() } });
    await expect(svc.deleteRecord(actors, who.editor!, id, 1, null)).resolves.toMatchObject({ version: 2 });
  });
});

describe("weapon systems", () => {
  it("creates a weapon system whose form values parse back to the same record", async () => {
    const { id } = await svc.createRecord(weapons, who.analyst!, validWeapon(), null);
    expect(await ctx.db.weaponSystem.findUniqueOrThrow({ where: { id } })).toMatchObject(validWeapon());
    const values = await weapons.formValues(ctx.db, id);
    expect(values).toEqual(validWeapon());
    expect(weapons.columns(weapons.schema.parse(values))).toEqual(weapons.columns(weapons.schema.parse(validWeapon())));
    await svc.updateRecord(weapons, who.analyst!, id, 1, values, null);
    expect((await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "WEAPON_SYSTEM", entityId: id, action: "UPDATE" } })).changes).toEqual({});
  });

  it.each([
    { field: "name", patch: { name: "   " }, message: "Give the weapon system's name." },
    { field: "category", patch: { category: "LASERS" }, message: "Choose a category." },
    { field: "originCountryId", patch: { originCountryId: 0 }, message: "Choose the country of origin from the list." },
    { field: "originCountryId", patch: { originCountryId: 99_999 }, message: "Choose a country from the list." },
    { field: "designation", patch: { designation: "x".repeat(301) }, message: "Use at most 300 characters." },
  ])("refuses an invalid weapon system $field ($message), writing nothing", async ({ field, patch, message }) => {
    const before = await weaponCounts();
    const error = await svc.createRecord(weapons, who.analyst!, { ...validWeapon(), ...patch }, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await weaponCounts()).toEqual(before);
  });

  it("refuses a viewer's create and an analyst editing another analyst's weapon system (403), changing nothing", async () => {
    const before = await weaponCounts();
    await expect(svc.createRecord(weapons, who.viewer!, validWeapon(), null)).rejects.toMatchObject({ status: 403 });
    expect(await weaponCounts()).toEqual(before);
    const { id } = await svc.createRecord(weapons, who.analyst!, validWeapon(), null);
    const row = await ctx.db.weaponSystem.findUniqueOrThrow({ where: { id } });
    await expect(svc.updateRecord(weapons, who.analyst2!, id, 1, { ...validWeapon(), name: "Hijacked" }, null)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.weaponSystem.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });

  it("refuses deleting a weapon system that live transfers or inspections reference, naming them", async () => {
    const { id } = await svc.createRecord(weapons, who.editor!, validWeapon(), null);
    const transfer = await ctx.db.armsTransfer.create({ data: { supplierId: ids.ru, recipientId: ids.ve, status: "REPORTED", weaponSystemId: id } });
    const inspections = await Promise.all(
      [1, 2].map(() => ctx.db.inspection.create({ data: { hostCountryId: ids.ve, status: "NO_RIGHT", weaponSystemId: id } })),
    );
    const before = await weaponCounts();
    await expect(svc.deleteRecord(weapons, who.editor!, id, 1, null)).rejects.toMatchObject({
      status: 409,
      message: "This weapon system is still used by 1 transfer and 2 inspections; remove those links first.",
    });
    expect(await weaponCounts()).toEqual(before);
    await ctx.db.armsTransfer.update({ where: { id: transfer.id }, data: { deletedAt: new Date() } });
    await ctx.db.inspection.updateMany({ where: { id: { in: inspections.map((i) => i.id) } }, data: { deletedAt: new Date() } });
    await expect(svc.deleteRecord(weapons, who.editor!, id, 1, null)).resolves.toMatchObject({ version: 2 });
  });

  it("refuses deleting the seeded Igla-S, which the demo transfer and inspection reference", async () => {
    const igla = await ctx.db.weaponSystem.findFirstOrThrow({ where: { name: "Igla-S" } });
    await expect(svc.deleteRecord(weapons, who.editor!, igla.id, igla.version, null)).rejects.toMatchObject({
      message: "This weapon system is still used by 1 transfer and 1 inspection; remove those links first.",
    });
  });
});

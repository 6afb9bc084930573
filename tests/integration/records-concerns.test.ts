// Concerns through the generic record service, and their status lifecycle
// (changeConcernStatus): who may move a concern where, with what trail.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("rec_concerns");
let svc: typeof import("@/lib/records/service");
let concerns: typeof import("@/lib/records/concern/service");
let config: typeof import("@/lib/records/concern/service").concernRecord;

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<string, Who> = {};
let ids: { us: number; ru: number; ve: number; co: number; transfer: number };
const todayIso = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  svc = await import("@/lib/records/service");
  concerns = await import("@/lib/records/concern/service");
  config = concerns.concernRecord;
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const c = async (a2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: a2 } })).id;
  ids = {
    us: await c("US"),
    ru: await c("RU"),
    ve: await c("VE"),
    co: await c("CO"),
    transfer: (await ctx.db.armsTransfer.findFirstOrThrow()).id,
  };
});

const nextYear = new Date().getUTCFullYear() + 1;
const valid = () => ({
  title: "Diversion of MANPADS to armed groups",
  summary: "Missiles may leak from the recipient's arsenals.",
  category: "DIVERSION",
  severity: "HIGH",
  ownerId: who.analyst!.id,
  nextReviewOn: `${nextYear}-03-15`,
  openedOn: "2005",
  visibility: "INTERNAL",
  // In the order the form values list them: by country, then role.
  countries: [
    { countryId: ids.ru, role: "SUPPLIER" },
    { countryId: ids.ve, role: "RECIPIENT" },
    { countryId: ids.co, role: "AFFECTED" },
  ].sort((a, b) => a.countryId - b.countryId),
  transferIds: [ids.transfer],
});

const counts = async () => [
  await ctx.db.concern.count(),
  await ctx.db.concernCountry.count(),
  await ctx.db.concernStatusChange.count(),
  await ctx.db.auditEvent.count(),
];

describe("concern create and update", () => {
  it("creates a concern with its countries and transfers, opened in its status history; form values round-trip", async () => {
    const { id, version } = await svc.createRecord(config, who.analyst!, valid(), "192.0.2.1");
    expect(version).toBe(1);
    const c = await ctx.db.concern.findUniqueOrThrow({ where: { id }, include: { countryLinks: true, transferLinks: true, statusChanges: true } });
    expect(c).toMatchObject({ status: "OPEN", openedOnPrecision: "YEAR", ownerId: who.analyst!.id, resolvedOn: null, createdById: who.analyst!.id });
    expect(c.nextReviewOn?.toISOString().slice(0, 10)).toBe(`${nextYear}-03-15`);
    expect(c.openedOn?.toISOString().slice(0, 10)).toBe("2005-01-01");
    expect(c.countryLinks).toHaveLength(3);
    expect(c.transferLinks.map((l) => l.transferId)).toEqual([ids.transfer]);
    expect(c.statusChanges).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "OPEN", note: concerns.OPENING_NOTE, changedById: who.analyst!.id })]);

    const values = await config.formValues(ctx.db, id);
    expect(values).toEqual(valid());
    expect(values).not.toHaveProperty("status");
    expect(config.columns(config.schema.parse(values))).toEqual(config.columns(config.schema.parse(valid())));

    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "CONCERN", entityId: id } });
    expect(event).toMatchObject({ action: "CREATE", version: 1, ip: "192.0.2.1" });
    expect((event.snapshot as { values: { countries: unknown[] } }).values.countries).toHaveLength(3);

    // Saving the form unchanged changes no field and adds no status change.
    await svc.updateRecord(config, who.analyst!, id, 1, values, null);
    const update = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "CONCERN", entityId: id, action: "UPDATE" } });
    expect(update.changes).toEqual({});
    expect(await ctx.db.concernStatusChange.count({ where: { concernId: id } })).toBe(1);
  });

  it("updates links and the review date, audits only what changed, and leaves the status alone", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    await svc.updateRecord(config, who.analyst!, id, 1, { ...valid(), nextReviewOn: "", countries: [{ countryId: ids.us, role: "RAISED_BY" }, { countryId: ids.us, role: "RAISED_BY" }], transferIds: [] }, null);
    const c = await ctx.db.concern.findUniqueOrThrow({ where: { id }, include: { countryLinks: true, transferLinks: true } });
    expect(c).toMatchObject({ nextReviewOn: null, status: "OPEN", version: 2 });
    expect(c.countryLinks).toEqual([{ concernId: id, countryId: ids.us, role: "RAISED_BY" }]);
    expect(c.transferLinks).toEqual([]);
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "CONCERN", entityId: id, action: "UPDATE" } });
    expect(Object.keys(event.changes as object).sort()).toEqual(["countries", "nextReviewOn", "transferIds"]);
  });

  it("refuses a status in the form: the status changes only with a note", async () => {
    const before = await counts();
    await expect(svc.createRecord(config, who.editor!, { ...valid(), status: "RESOLVED" }, null)).rejects.toMatchObject({ status: 400 });
    expect(await counts()).toEqual(before);
  });

  it.each([
    { field: "title", patch: { title: "" }, message: "Give the concern a short title." },
    { field: "title", patch: { title: "x".repeat(301) }, message: "Use at most 300 characters." },
    { field: "category", patch: { category: "WORRY" }, message: "Choose a category." },
    { field: "severity", patch: { severity: undefined }, message: "Choose how severe the concern is." },
    { field: "ownerId", patch: { ownerId: "someone" }, message: "Choose the owner from the list." },
    { field: "nextReviewOn", patch: { nextReviewOn: "2026-13-01" }, message: "Write the next review date as YYYY-MM-DD." },
    { field: "nextReviewOn", patch: { nextReviewOn: "2026-03" }, message: "Write the next review date as YYYY-MM-DD." },
    { field: "nextReviewOn", patch: { nextReviewOn: "15/03/2026" }, message: "Write the next review date as YYYY-MM-DD." },
    { field: "openedOn", patch: { openedOn: String(nextYear) }, message: "This date is in the future." },
    { field: "openedOn", patch: { openedOn: "last year" }, message: "Write the date as YYYY, YYYY-MM or YYYY-MM-DD." },
    { field: "visibility", patch: { visibility: "PUBLIC" }, message: "Choose who may see this." },
    { field: "countries", patch: { countries: [{ countryId: 1, role: "VILLAIN" }] }, message: "Choose how the country is involved." },
    { field: "countries", patch: { countries: [{ countryId: "x", role: "OTHER" }] }, message: "Choose a country from the list." },
  ])("refuses an invalid $field ($message), writing nothing", async ({ field, patch, message }) => {
    const before = await counts();
    const error = await svc.createRecord(config, who.analyst!, { ...valid(), ...patch }, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses owners who are viewers, inactive or missing, and unusable countries and transfers", async () => {
    const before = await counts();
    const inactive = await makeUser(ctx.db, "EDITOR");
    await ctx.db.user.update({ where: { id: inactive.id }, data: { active: false } });
    for (const ownerId of [who.viewer!.id, inactive.id, 999_999]) {
      await expect(svc.createRecord(config, who.analyst!, { ...valid(), ownerId }, null)).rejects.toMatchObject({
        status: 400,
        fieldErrors: { ownerId: ["Choose an owner from the list: an active user who may edit records."] },
      });
    }
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), countries: [{ countryId: 99_999, role: "OTHER" }] }, null)).rejects.toMatchObject({
      fieldErrors: { countries: ["Choose a country from the list."] },
    });
    const hidden = await ctx.db.armsTransfer.create({
      data: { supplierId: ids.ru, recipientId: ids.ve, status: "REPORTED", visibility: "RESTRICTED", createdById: who.analyst2!.id },
    });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), transferIds: [hidden.id] }, null)).rejects.toMatchObject({
      fieldErrors: { transferIds: ["Choose transfers from the list."] },
    });
    expect(await counts()).toEqual(before);
  });

  it("keeps an owner who has since been deactivated when other fields are edited, but refuses them as a new owner", async () => {
    const owner = await makeUser(ctx.db, "ANALYST");
    const { id } = await svc.createRecord(config, who.editor!, { ...valid(), ownerId: owner.id }, null);
    await ctx.db.user.update({ where: { id: owner.id }, data: { active: false } });
    await expect(svc.updateRecord(config, who.editor!, id, 1, { ...valid(), ownerId: owner.id, severity: "LOW" }, null)).resolves.toMatchObject({ version: 2 });
    const other = await svc.createRecord(config, who.editor!, { ...valid(), ownerId: null }, null);
    await expect(svc.updateRecord(config, who.editor!, other.id, 1, { ...valid(), ownerId: owner.id }, null)).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a viewer's create (403) and an analyst editing another analyst's concern (403), changing nothing", async () => {
    const before = await counts();
    await expect(svc.createRecord(config, who.viewer!, valid(), null)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const row = await ctx.db.concern.findUniqueOrThrow({ where: { id } });
    await expect(svc.updateRecord(config, who.analyst2!, id, 1, { ...valid(), title: "Hijacked" }, null)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.concern.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });
});

describe("concern status lifecycle", () => {
  const ownConcern = async (by = who.analyst!) => (await svc.createRecord(config, by, valid(), null)).id;
  const statusEvents = (id: number) => ctx.db.auditEvent.findMany({ where: { entityType: "CONCERN", entityId: id, action: "STATUS_CHANGE" }, orderBy: { id: "asc" } });

  it("lets an analyst move their own concern between open and monitoring, with the trail", async () => {
    const id = await ownConcern();
    const result = await concerns.changeConcernStatus(who.analyst!, id, 1, { status: "MONITORING", note: "Watching the deliveries." }, "192.0.2.3");
    expect(result).toEqual({ id, version: 2, status: "MONITORING", changed: true });
    const c = await ctx.db.concern.findUniqueOrThrow({ where: { id }, include: { statusChanges: { orderBy: { id: "asc" } } } });
    expect(c).toMatchObject({ status: "MONITORING", version: 2, resolvedOn: null, resolutionNote: null, updatedById: who.analyst!.id });
    expect(c.statusChanges.at(-1)).toMatchObject({ fromStatus: "OPEN", toStatus: "MONITORING", note: "Watching the deliveries.", changedById: who.analyst!.id });
    const [event] = await statusEvents(id);
    expect(event).toMatchObject({ userId: who.analyst!.id, version: 2, ip: "192.0.2.3", changes: { status: { before: "OPEN", after: "MONITORING" } } });
    expect(event!.snapshot).toMatchObject({ version: 2, values: { title: valid().title } });

    await expect(concerns.changeConcernStatus(who.analyst!, id, 2, { status: "OPEN", note: "Back to open." }, null)).resolves.toMatchObject({ version: 3 });
    // The history lists the status change.
    const history = await svc.recordHistory(config, who.viewer!, id);
    expect(history!.map((h) => h.action)).toEqual(["STATUS_CHANGE", "STATUS_CHANGE", "CREATE"]);
  });

  it("refuses an analyst resolving or closing, and another analyst moving someone's concern to monitoring (403), changing nothing", async () => {
    const id = await ownConcern();
    const before = await counts();
    for (const status of ["RESOLVED", "CLOSED_UNRESOLVED"]) {
      await expect(concerns.changeConcernStatus(who.analyst!, id, 1, { status, note: "Done." }, null)).rejects.toMatchObject({ status: 403 });
    }
    await expect(concerns.changeConcernStatus(who.analyst2!, id, 1, { status: "MONITORING", note: "Mine now." }, null)).rejects.toMatchObject({ status: 403 });
    await expect(concerns.changeConcernStatus(who.viewer!, id, 1, { status: "MONITORING", note: "Hm." }, null)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
    expect(await ctx.db.concern.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", version: 1 });
  });

  it("lets an editor resolve with a note (date, note, status change row, audit), and reopen, clearing both", async () => {
    const id = await ownConcern();
    await concerns.changeConcernStatus(who.editor!, id, 1, { status: "RESOLVED", note: "  Deliveries cancelled.  " }, null);
    let c = await ctx.db.concern.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: "RESOLVED", resolutionNote: "Deliveries cancelled.", version: 2 });
    expect(c.resolvedOn?.toISOString().slice(0, 10)).toBe(todayIso());
    expect(await ctx.db.concernStatusChange.findFirst({ where: { concernId: id, toStatus: "RESOLVED" } })).toMatchObject({
      fromStatus: "OPEN",
      note: "Deliveries cancelled.",
      changedById: who.editor!.id,
    });
    expect((await statusEvents(id))[0]).toMatchObject({ userId: who.editor!.id, changes: { status: { before: "OPEN", after: "RESOLVED" } }, version: 2 });

    // An analyst may not reopen it, even their own.
    await expect(concerns.changeConcernStatus(who.analyst!, id, 2, { status: "OPEN", note: "Not over." }, null)).rejects.toMatchObject({ status: 403 });

    await concerns.changeConcernStatus(who.editor!, id, 2, { status: "MONITORING", note: "New deliveries reported." }, null);
    c = await ctx.db.concern.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: "MONITORING", resolvedOn: null, resolutionNote: null, version: 3 });
    expect((await statusEvents(id)).map((e) => e.changes)).toEqual([
      { status: { before: "OPEN", after: "RESOLVED" } },
      { status: { before: "RESOLVED", after: "MONITORING" } },
    ]);

    await concerns.changeConcernStatus(who.editor!, id, 3, { status: "CLOSED_UNRESOLVED", note: "No more information will come." }, null);
    c = await ctx.db.concern.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: "CLOSED_UNRESOLVED", resolutionNote: "No more information will come.", version: 4 });
    expect(c.resolvedOn).not.toBeNull();
  });

  it.each([
    { input: { status: "RESOLVED" }, field: "note", message: "Say why the status changes." },
    { input: { status: "RESOLVED", note: "   " }, field: "note", message: "Say why the status changes." },
    { input: { status: "RESOLVED", note: "x".repeat(2_001) }, field: "note", message: "Use at most 2000 characters." },
    { input: { status: "DONE", note: "Done." }, field: "status", message: "Choose the new status." },
  ])("refuses a status change without a proper $field, writing nothing", async ({ input, field, message }) => {
    const id = await ownConcern(who.editor!);
    const before = await counts();
    const error = await concerns.changeConcernStatus(who.editor!, id, 1, input, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses a stale version (409) with what changed meanwhile; the same status again is a no-op", async () => {
    const id = await ownConcern(who.editor!);
    await svc.updateRecord(config, who.editor!, id, 1, { ...valid(), severity: "CRITICAL" }, null);
    const before = await counts();
    const error = await concerns.changeConcernStatus(who.editor!, id, 1, { status: "RESOLVED", note: "Done." }, null).catch((e) => e);
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ currentVersion: 2, theirChanges: { severity: { before: "HIGH", after: "CRITICAL" } } });
    // The form reads what the service sends, whole (lib/records/conflict.ts).
    const { parseConflictDetails } = await import("@/lib/records/conflict");
    expect(parseConflictDetails(JSON.parse(JSON.stringify(error.details)))).toEqual(error.details);
    expect(await counts()).toEqual(before);
    expect(await ctx.db.concern.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", version: 2 });

    await expect(concerns.changeConcernStatus(who.editor!, id, 2, { status: "OPEN", note: "Still open." }, null)).resolves.toEqual({
      id,
      version: 2,
      status: "OPEN",
      changed: false,
    });
    expect(await counts()).toEqual(before);
  });

  it("answers 404 for a deleted concern and for a restricted one the user may not see", async () => {
    const hidden = (await svc.createRecord(config, who.analyst2!, { ...valid(), visibility: "RESTRICTED" }, null)).id;
    await expect(concerns.changeConcernStatus(who.analyst!, hidden, 1, { status: "MONITORING", note: "x" }, null)).rejects.toMatchObject({ status: 404 });
    const gone = await ownConcern();
    await svc.deleteRecord(config, who.analyst!, gone, 1, null);
    await expect(concerns.changeConcernStatus(who.editor!, gone, 2, { status: "RESOLVED", note: "x" }, null)).rejects.toMatchObject({ status: 404 });
  });

  it("keeps the status when an earlier version is restored", async () => {
    const id = await ownConcern(who.editor!);
    await concerns.changeConcernStatus(who.editor!, id, 1, { status: "MONITORING", note: "Watching." }, null);
    await svc.updateRecord(config, who.editor!, id, 2, { ...valid(), title: "Renamed" }, null);
    const created = (await svc.recordHistory(config, who.editor!, id))!.find((h) => h.action === "CREATE")!;
    await svc.restoreVersion(config, who.editor!, id, created.id, 3, null);
    expect(await ctx.db.concern.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: valid().title, status: "MONITORING", version: 4 });
  });
});

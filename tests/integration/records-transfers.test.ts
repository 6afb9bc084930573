// Arms transfers through the generic record service: round trip, the rules on
// figures and years, permissions, and deletion while other records use it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("rec_transfers");
let svc: typeof import("@/lib/records/service");
let config: typeof import("@/lib/records/transfer/service").transferRecord;

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<string, Who> = {};
let ids: { us: number; ru: number; ve: number; igla: number };
const thisYear = new Date().getUTCFullYear();

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  svc = await import("@/lib/records/service");
  config = (await import("@/lib/records/transfer/service")).transferRecord;
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const c = async (a2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: a2 } })).id;
  ids = {
    us: await c("US"),
    ru: await c("RU"),
    ve: await c("VE"),
    igla: (await ctx.db.weaponSystem.findFirstOrThrow({ where: { name: "Igla-S" } })).id,
  };
});

const valid = () => ({
  supplierId: ids.ru,
  recipientId: ids.ve,
  weaponSystemId: ids.igla,
  status: "DELIVERED",
  numberOrdered: 100,
  numberOrderedUncertain: false,
  numberDelivered: 60,
  numberDeliveredUncertain: true,
  orderYear: 2005,
  orderYearUncertain: false,
  deliveryYears: [2008, 2009],
  deliveryYearsUncertain: false,
  comments: "Figures from a register.",
  visibility: "INTERNAL",
});

const counts = async () => [await ctx.db.armsTransfer.count(), await ctx.db.auditEvent.count()];

describe("transfer create and update", () => {
  it("creates a transfer whose form values parse back to the same record, and audits it", async () => {
    const { id, version } = await svc.createRecord(config, who.analyst!, valid(), "192.0.2.9");
    expect(version).toBe(1);
    const t = await ctx.db.armsTransfer.findUniqueOrThrow({ where: { id } });
    expect(t).toMatchObject({ ...valid(), createdById: who.analyst!.id, verifiedAt: null });
    const values = await config.formValues(ctx.db, id);
    expect(values).toEqual(valid());
    expect(config.columns(config.schema.parse(values))).toEqual(config.columns(config.schema.parse(valid())));
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "ARMS_TRANSFER", entityId: id } });
    expect(event).toMatchObject({ action: "CREATE", userId: who.analyst!.id, version: 1, ip: "192.0.2.9" });
    expect(event.changes).toMatchObject({ deliveryYears: { before: null, after: [2008, 2009] }, numberDeliveredUncertain: { before: null, after: true } });

    // Saving the form unchanged changes no field.
    await svc.updateRecord(config, who.analyst!, id, 1, values, null);
    const update = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "ARMS_TRANSFER", entityId: id, action: "UPDATE" } });
    expect(update.changes).toEqual({});
  });

  it("stores unknown figures as null, sorts and de-duplicates delivery years, and reads typed numbers", async () => {
    const { id } = await svc.createRecord(
      config,
      who.analyst!,
      {
        ...valid(),
        weaponSystemId: "",
        numberOrdered: "",
        numberDelivered: "1,200",
        orderYear: null,
        deliveryYears: "2010, 2008 2010",
        numberOrderedUncertain: "on",
        comments: "   ",
      },
      null,
    );
    const t = await ctx.db.armsTransfer.findUniqueOrThrow({ where: { id } });
    expect(t).toMatchObject({
      weaponSystemId: null,
      numberOrdered: null,
      numberOrderedUncertain: true,
      numberDelivered: 1200,
      orderYear: null,
      deliveryYears: [2008, 2010],
      comments: null,
    });
    const values = await config.formValues(ctx.db, id);
    expect(config.columns(config.schema.parse(values))).toMatchObject({ deliveryYears: [2008, 2010], numberDelivered: 1200, numberOrdered: null });
  });

  it("allows more delivered than ordered, and deliveries before the order year, when flagged uncertain", async () => {
    await expect(
      svc.createRecord(config, who.analyst!, { ...valid(), numberOrdered: 10, numberDelivered: 20, numberOrderedUncertain: true, numberDeliveredUncertain: false }, null),
    ).resolves.toMatchObject({ version: 1 });
    await expect(
      svc.createRecord(config, who.analyst!, { ...valid(), orderYear: 2010, deliveryYears: [2009], deliveryYearsUncertain: true }, null),
    ).resolves.toMatchObject({ version: 1 });
  });

  it.each([
    { field: "supplierId", patch: { supplierId: "" }, message: "Choose the supplier country." },
    { field: "recipientId", patch: { recipientId: 0 }, message: "Choose the recipient country." },
    { field: "recipientId", patch: { recipientId: "RU" }, message: "Choose the recipient country." },
    { field: "status", patch: { status: "LOST" }, message: "Choose the transfer's status." },
    { field: "numberOrdered", patch: { numberOrdered: -1 }, message: "Write a whole number from 0 to 10,000,000, or leave it empty if unknown." },
    { field: "numberOrdered", patch: { numberOrdered: 10_000_001 }, message: "Write a whole number from 0 to 10,000,000, or leave it empty if unknown." },
    { field: "numberDelivered", patch: { numberDelivered: 2.5 }, message: "Write a whole number from 0 to 10,000,000, or leave it empty if unknown." },
    { field: "numberDelivered", patch: { numberDelivered: "many" }, message: "Write a whole number from 0 to 10,000,000, or leave it empty if unknown." },
    { field: "orderYear", patch: { orderYear: 1899 }, message: `Write a year from 1900 to ${thisYear}, or leave it empty if unknown.` },
    { field: "orderYear", patch: { orderYear: thisYear + 1 }, message: `Write a year from 1900 to ${thisYear}, or leave it empty if unknown.` },
    { field: "deliveryYears", patch: { deliveryYears: [2009, thisYear + 1] }, message: `Write each year from 1900 to ${thisYear}, separated by commas, or leave it empty if unknown.` },
    { field: "deliveryYears", patch: { deliveryYears: "2009, soon" }, message: `Write each year from 1900 to ${thisYear}, separated by commas, or leave it empty if unknown.` },
    {
      field: "numberDelivered",
      patch: { numberOrdered: 10, numberDelivered: 11, numberOrderedUncertain: false, numberDeliveredUncertain: false },
      message: "More delivered than ordered: correct the numbers, or mark one of them as estimated.",
    },
    {
      field: "deliveryYears",
      patch: { orderYear: 2010, deliveryYears: [2009, 2011], orderYearUncertain: false, deliveryYearsUncertain: false },
      message: "Deliveries cannot come before the order year: correct the years, or mark them as estimated.",
    },
    { field: "recipientId", patch: { recipientId: -5 }, message: "Choose the recipient country." },
    { field: "comments", patch: { comments: "x".repeat(10_001) }, message: "Use at most 10000 characters." },
  ])("refuses an invalid $field ($message), writing nothing", async ({ field, patch, message }) => {
    const before = await counts();
    const error = await svc.createRecord(config, who.analyst!, { ...valid(), ...patch }, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses a country selling to itself, unknown fields, missing countries and unusable weapon systems", async () => {
    const before = await counts();
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), recipientId: ids.ru }, null)).rejects.toMatchObject({
      fieldErrors: { recipientId: ["A country does not sell arms to itself: choose another recipient."] },
    });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), createdById: who.editor!.id }, null)).rejects.toMatchObject({ status: 400 });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), supplierId: 99_999 }, null)).rejects.toMatchObject({
      fieldErrors: { supplierId: ["Choose a country from the list."] },
    });
    const hidden = await ctx.db.weaponSystem.create({ data: { name: "Hidden", category: "OTHER", visibility: "RESTRICTED", createdById: who.analyst2!.id } });
    const gone = await ctx.db.weaponSystem.create({ data: { name: "Gone", category: "OTHER", deletedAt: new Date() } });
    for (const weaponSystemId of [hidden.id, gone.id, 999_999]) {
      await expect(svc.createRecord(config, who.analyst!, { ...valid(), weaponSystemId }, null)).rejects.toMatchObject({
        fieldErrors: { weaponSystemId: ["Choose a weapon system from the list."] },
      });
    }
    expect(await counts()).toEqual(before);
  });
});

describe("transfer permissions", () => {
  it("refuses a viewer's create (403), writing nothing", async () => {
    const before = await counts();
    await expect(svc.createRecord(config, who.viewer!, valid(), null)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
  });

  it("refuses an analyst editing or deleting another analyst's transfer (403), changing nothing; an editor may", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const before = await ctx.db.armsTransfer.findUniqueOrThrow({ where: { id } });
    await expect(svc.updateRecord(config, who.analyst2!, id, 1, { ...valid(), status: "CANCELLED" }, null)).rejects.toMatchObject({ status: 403 });
    await expect(svc.deleteRecord(config, who.analyst2!, id, 1, null)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.armsTransfer.findUniqueOrThrow({ where: { id } })).toEqual(before);
    await expect(svc.updateRecord(config, who.editor!, id, 1, { ...valid(), status: "CANCELLED" }, null)).resolves.toMatchObject({ version: 2 });
  });
});

describe("transfer deletion", () => {
  it("refuses deletion while live concerns, requests or inspections use it, naming them; allows it once they are gone", async () => {
    const { id } = await svc.createRecord(config, who.editor!, valid(), null);
    const concern = await ctx.db.concern.create({
      data: { title: "Uses the transfer", category: "OTHER", severity: "LOW", transferLinks: { create: [{ transferId: id }] } },
    });
    const r1 = await ctx.db.diplomaticRequest.create({
      data: { title: "R1", requestingCountryId: ids.us, targetCountryId: ids.ru, ask: "HALT_SALE", transferLinks: { create: [{ transferId: id }] } },
    });
    const r2 = await ctx.db.diplomaticRequest.create({
      data: { title: "R2", requestingCountryId: ids.us, targetCountryId: ids.ru, ask: "HALT_SALE", transferLinks: { create: [{ transferId: id }] } },
    });
    const inspection = await ctx.db.inspection.create({ data: { hostCountryId: ids.ve, status: "RIGHT_ASSERTED", transferId: id } });

    const before = await counts();
    await expect(svc.deleteRecord(config, who.editor!, id, 1, null)).rejects.toMatchObject({
      status: 409,
      message: "This transfer is still used by 1 concern, 2 requests and 1 inspection; remove those links first.",
    });
    expect(await counts()).toEqual(before);
    expect((await ctx.db.armsTransfer.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();

    // Deleted users of the transfer do not hold it.
    await ctx.db.concern.update({ where: { id: concern.id }, data: { deletedAt: new Date() } });
    await ctx.db.diplomaticRequest.update({ where: { id: r1.id }, data: { deletedAt: new Date() } });
    await ctx.db.inspection.update({ where: { id: inspection.id }, data: { deletedAt: new Date() } });
    await expect(svc.deleteRecord(config, who.editor!, id, 1, null)).rejects.toMatchObject({
      message: "This transfer is still used by 1 request; remove that link first.",
    });
    await ctx.db.diplomaticRequest.update({ where: { id: r2.id }, data: { deletedAt: new Date() } });
    await expect(svc.deleteRecord(config, who.editor!, id, 1, null)).resolves.toMatchObject({ version: 2 });
    expect((await ctx.db.armsTransfer.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
  });
});

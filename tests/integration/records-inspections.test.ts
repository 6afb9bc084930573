// Inspections through the generic record service: round trip, dates (a
// scheduled one may lie ahead, a conducted one needs the CONDUCTED status),
// references and permissions.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("rec_inspections");
let svc: typeof import("@/lib/records/service");
let config: typeof import("@/lib/records/inspection/service").inspectionRecord;

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<string, Who> = {};
let ids: { ru: number; ve: number; transfer: number; igla: number };
const nextYear = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  svc = await import("@/lib/records/service");
  config = (await import("@/lib/records/inspection/service")).inspectionRecord;
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const c = async (a2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: a2 } })).id;
  ids = {
    ru: await c("RU"),
    ve: await c("VE"),
    transfer: (await ctx.db.armsTransfer.findFirstOrThrow()).id,
    igla: (await ctx.db.weaponSystem.findFirstOrThrow({ where: { name: "Igla-S" } })).id,
  };
});

const valid = () => ({
  transferId: ids.transfer,
  weaponSystemId: ids.igla,
  hostCountryId: ids.ve,
  inspectingCountryId: ids.ru,
  inspectingParty: "Russian officials",
  basis: "Claimed right to surprise inspections",
  status: "SCHEDULED",
  assertedOn: "2009",
  scheduledOn: `${nextYear}-06`,
  conductedOn: "",
  findings: null,
  visibility: "INTERNAL",
});

const counts = async () => [await ctx.db.inspection.count(), await ctx.db.auditEvent.count()];

describe("inspection create and update", () => {
  it("creates an inspection scheduled in the future whose form values parse back to the same record", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const i = await ctx.db.inspection.findUniqueOrThrow({ where: { id } });
    expect(i).toMatchObject({ status: "SCHEDULED", assertedOnPrecision: "YEAR", scheduledOnPrecision: "MONTH", conductedOn: null, conductedOnPrecision: null });
    expect(i.scheduledOn?.toISOString().slice(0, 10)).toBe(`${nextYear}-06-01`);
    const values = await config.formValues(ctx.db, id);
    expect(values).toEqual(valid());
    expect(config.columns(config.schema.parse(values))).toEqual(config.columns(config.schema.parse(valid())));
    await svc.updateRecord(config, who.analyst!, id, 1, values, null);
    expect((await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "INSPECTION", entityId: id, action: "UPDATE" } })).changes).toEqual({});
  });

  it("records a conducted inspection with its date, and leaves transfer and weapon system unknown when not given", async () => {
    const { id } = await svc.createRecord(
      config,
      who.analyst!,
      { ...valid(), transferId: "", weaponSystemId: null, inspectingCountryId: "", status: "CONDUCTED", scheduledOn: "2010-03", conductedOn: "2010-03-17", findings: "All accounted for." },
      null,
    );
    const i = await ctx.db.inspection.findUniqueOrThrow({ where: { id } });
    expect(i).toMatchObject({ transferId: null, weaponSystemId: null, inspectingCountryId: null, conductedOnPrecision: "DAY", findings: "All accounted for." });
    expect(await config.formValues(ctx.db, id)).toMatchObject({ conductedOn: "2010-03-17", transferId: null });
  });

  it.each([
    { field: "hostCountryId", patch: { hostCountryId: null }, message: "Choose the host country." },
    { field: "status", patch: { status: "MAYBE" }, message: "Choose the inspection's status." },
    { field: "assertedOn", patch: { assertedOn: String(nextYear) }, message: "This date is in the future." },
    { field: "scheduledOn", patch: { scheduledOn: "next spring" }, message: "Write the date as YYYY, YYYY-MM or YYYY-MM-DD." },
    { field: "conductedOn", patch: { status: "CONDUCTED", conductedOn: `${nextYear}-01-01` }, message: "This date is in the future." },
    {
      field: "conductedOn",
      patch: { status: "SCHEDULED", conductedOn: "2010" },
      message: "Only a conducted inspection has a date it was conducted: set the status to Conducted, or leave this date empty.",
    },
    { field: "transferId", patch: { transferId: "the Igla-S deal" }, message: "Choose a transfer from the list." },
    { field: "inspectingParty", patch: { inspectingParty: "x".repeat(301) }, message: "Use at most 300 characters." },
  ])("refuses an invalid $field ($message), writing nothing", async ({ field, patch, message }) => {
    const before = await counts();
    const error = await svc.createRecord(config, who.analyst!, { ...valid(), ...patch }, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses missing countries, deleted or restricted transfers and weapon systems, and unknown fields", async () => {
    const before = await counts();
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), inspectingCountryId: 99_999 }, null)).rejects.toMatchObject({
      fieldErrors: { inspectingCountryId: ["Choose a country from the list."] },
    });
    const gone = await ctx.db.armsTransfer.create({ data: { supplierId: ids.ru, recipientId: ids.ve, status: "REPORTED", deletedAt: new Date() } });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), transferId: gone.id }, null)).rejects.toMatchObject({
      fieldErrors: { transferId: ["Choose a transfer from the list."] },
    });
    const hidden = await ctx.db.weaponSystem.create({ data: { name: "Hidden", category: "OTHER", visibility: "RESTRICTED", createdById: who.analyst2!.id } });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), weaponSystemId: hidden.id }, null)).rejects.toMatchObject({
      fieldErrors: { weaponSystemId: ["Choose a weapon system from the list."] },
    });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), verifiedAt: "2020-01-01" }, null)).rejects.toMatchObject({ status: 400 });
    expect(await counts()).toEqual(before);
  });
});

describe("inspection permissions", () => {
  it("refuses a viewer's create and an analyst editing another analyst's inspection (403), changing nothing", async () => {
    const before = await counts();
    await expect(svc.createRecord(config, who.viewer!, valid(), null)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const row = await ctx.db.inspection.findUniqueOrThrow({ where: { id } });
    await expect(svc.updateRecord(config, who.analyst2!, id, 1, { ...valid(), status: "REFUSED" }, null)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.inspection.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });
});

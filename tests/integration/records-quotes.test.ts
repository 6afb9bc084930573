// Quotes through the generic record service: round trip, who said it,
// references, permissions.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("rec_quotes");
let svc: typeof import("@/lib/records/service");
let config: typeof import("@/lib/records/quote/service").quoteRecord;

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<string, Who> = {};
let ids: { kulikov: number; request: number; concern: number; transfer: number; inspection: number; ru: number; ve: number };
const nextYear = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  svc = await import("@/lib/records/service");
  config = (await import("@/lib/records/quote/service")).quoteRecord;
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const c = async (a2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: a2 } })).id;
  ids = {
    kulikov: (await ctx.db.actor.findFirstOrThrow({ where: { name: "Anatoliy Kulikov" } })).id,
    request: (await ctx.db.diplomaticRequest.findFirstOrThrow()).id,
    concern: (await ctx.db.concern.findFirstOrThrow()).id,
    transfer: (await ctx.db.armsTransfer.findFirstOrThrow()).id,
    inspection: (await ctx.db.inspection.findFirstOrThrow()).id,
    ru: await c("RU"),
    ve: await c("VE"),
  };
});

const valid = () => ({
  text: "Russia makes very bad cars, but very good weapons.",
  speakerId: ids.kulikov,
  speakerLabel: null,
  saidOn: "2009-11",
  context: "Quoted in a cable.",
  requestId: ids.request,
  concernId: ids.concern,
  transferId: ids.transfer,
  inspectionId: ids.inspection,
  visibility: "INTERNAL",
});

const counts = async () => [await ctx.db.quote.count(), await ctx.db.auditEvent.count()];

describe("quotes", () => {
  it("creates a quote whose form values parse back to the same record", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const q = await ctx.db.quote.findUniqueOrThrow({ where: { id } });
    expect(q).toMatchObject({ speakerId: ids.kulikov, saidOnPrecision: "MONTH", requestId: ids.request, inspectionId: ids.inspection });
    const values = await config.formValues(ctx.db, id);
    expect(values).toEqual(valid());
    expect(config.columns(config.schema.parse(values))).toEqual(config.columns(config.schema.parse(valid())));
    await svc.updateRecord(config, who.analyst!, id, 1, values, null);
    expect((await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "QUOTE", entityId: id, action: "UPDATE" } })).changes).toEqual({});
  });

  it("takes a described speaker instead of an actor, with nothing else linked", async () => {
    const { id } = await svc.createRecord(
      config,
      who.analyst!,
      { ...valid(), speakerId: "", speakerLabel: "The cables' conclusion", requestId: null, concernId: "", transferId: null, inspectionId: null, saidOn: "" },
      null,
    );
    expect(await ctx.db.quote.findUniqueOrThrow({ where: { id } })).toMatchObject({
      speakerId: null,
      speakerLabel: "The cables' conclusion",
      requestId: null,
      concernId: null,
      saidOn: null,
    });
  });

  it.each([
    { field: "text", patch: { text: "" }, message: "Write what was said." },
    { field: "text", patch: { text: "x".repeat(5_001) }, message: "Use at most 5000 characters." },
    { field: "speakerId", patch: { speakerId: null, speakerLabel: "  " }, message: "Say who said it: choose an actor, or describe the speaker." },
    { field: "speakerId", patch: { speakerId: "Kulikov" }, message: "Choose the speaker from the list." },
    { field: "saidOn", patch: { saidOn: String(nextYear) }, message: "This date is in the future." },
    { field: "requestId", patch: { requestId: -3 }, message: "Choose a request from the list." },
  ])("refuses an invalid $field ($message), writing nothing", async ({ field, patch, message }) => {
    const before = await counts();
    const error = await svc.createRecord(config, who.analyst!, { ...valid(), ...patch }, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses missing, deleted or restricted speakers and linked records", async () => {
    const before = await counts();
    const hiddenActor = await ctx.db.actor.create({ data: { name: "Hidden", kind: "PERSON", visibility: "RESTRICTED", createdById: who.analyst2!.id } });
    const goneConcern = await ctx.db.concern.create({ data: { title: "Gone", category: "OTHER", severity: "LOW", deletedAt: new Date() } });
    const hiddenInspection = await ctx.db.inspection.create({
      data: { hostCountryId: ids.ve, status: "NO_RIGHT", visibility: "RESTRICTED", createdById: who.analyst2!.id },
    });
    const cases = [
      [{ speakerId: hiddenActor.id }, "speakerId", "Choose the speaker from the list."],
      [{ speakerId: 999_999 }, "speakerId", "Choose the speaker from the list."],
      [{ concernId: goneConcern.id }, "concernId", "Choose a concern from the list."],
      [{ inspectionId: hiddenInspection.id }, "inspectionId", "Choose an inspection from the list."],
      [{ requestId: 999_999 }, "requestId", "Choose a request from the list."],
      [{ transferId: 999_999 }, "transferId", "Choose a transfer from the list."],
    ] as const;
    for (const [patch, field, message] of cases) {
      await expect(svc.createRecord(config, who.analyst!, { ...valid(), ...patch }, null)).rejects.toMatchObject({ fieldErrors: { [field]: [message] } });
    }
    expect(await counts()).toEqual(before);
    // The author of the restricted actor may quote them.
    await expect(svc.createRecord(config, who.analyst2!, { ...valid(), speakerId: hiddenActor.id }, null)).resolves.toMatchObject({ version: 1 });
  });

  it("refuses a viewer's create and an analyst editing another analyst's quote (403), changing nothing", async () => {
    const before = await counts();
    await expect(svc.createRecord(config, who.viewer!, valid(), null)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const row = await ctx.db.quote.findUniqueOrThrow({ where: { id } });
    await expect(svc.updateRecord(config, who.analyst2!, id, 1, { ...valid(), text: "Hijacked" }, null)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.quote.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });
});

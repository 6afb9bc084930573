// Sources through the generic record service: round trip, web addresses,
// grades, permissions, and soft deletion that keeps citations.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("rec_sources");
let svc: typeof import("@/lib/records/service");
let config: typeof import("@/lib/records/source/service").sourceRecord;

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<string, Who> = {};
const nextYear = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  svc = await import("@/lib/records/service");
  config = (await import("@/lib/records/source/service")).sourceRecord;
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
});

const valid = () => ({
  kind: "REPORT",
  title: "Arms Sales Monitor, issue 62",
  reference: "ASM-62",
  author: "Matt Schroeder",
  publisher: "Federation of American Scientists",
  publishedOn: "2010-12",
  classification: "UNCLASSIFIED",
  url: "https://fas.org/asmp/",
  excerpt: "Regular on-site inventories and inspections are merited.",
  reliability: "B",
  visibility: "INTERNAL",
});

const counts = async () => [await ctx.db.source.count(), await ctx.db.auditEvent.count()];

describe("source create and update", () => {
  it("creates a source whose form values parse back to the same record", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const s = await ctx.db.source.findUniqueOrThrow({ where: { id } });
    expect(s).toMatchObject({ kind: "REPORT", publishedOnPrecision: "MONTH", reliability: "B", url: "https://fas.org/asmp/" });
    const values = await config.formValues(ctx.db, id);
    expect(values).toEqual(valid());
    expect(config.columns(config.schema.parse(values))).toEqual(config.columns(config.schema.parse(valid())));
    await svc.updateRecord(config, who.analyst!, id, 1, values, null);
    expect((await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "SOURCE", entityId: id, action: "UPDATE" } })).changes).toEqual({});
  });

  it("leaves unknown fields of a source empty", async () => {
    const { id } = await svc.createRecord(
      config,
      who.analyst!,
      { ...valid(), kind: "DIPLOMATIC_CABLE", title: "[2005 cable]", reference: "", author: null, publisher: "", url: " ", classification: "", reliability: null, publishedOn: "", excerpt: "" },
      null,
    );
    expect(await ctx.db.source.findUniqueOrThrow({ where: { id } })).toMatchObject({
      reference: null,
      url: null,
      classification: null,
      reliability: null,
      publishedOn: null,
      author: null,
      publisher: null,
      excerpt: null,
    });
  });

  it("round-trips the seeded article, whose excerpt is the whole article", async () => {
    const article = await ctx.db.source.findUniqueOrThrow({ where: { externalId: "demo:source:article" } });
    const values = await config.formValues(ctx.db, article.id);
    expect(config.columns(config.schema.parse(values))).toMatchObject({ excerpt: article.excerpt, title: article.title });
  });

  it.each([
    { field: "kind", patch: { kind: "RUMOUR" }, message: "Choose what kind of source this is." },
    { field: "title", patch: { title: " " }, message: "Give the source a title, or describe it in [square brackets]." },
    { field: "title", patch: { title: "x".repeat(501) }, message: "Use at most 500 characters." },
    { field: "publishedOn", patch: { publishedOn: `${nextYear}-01` }, message: "This date is in the future." },
    { field: "url", patch: { url: "fas.org/asmp" }, message: "Give a full web address starting with http:// or https://." },
    { field: "url", patch: { url: "javascript:alert(1)" }, message: "Give a full web address starting with http:// or https://." },
    { field: "url", patch: { url: "ftp://fas.org/file" }, message: "Give a full web address starting with http:// or https://." },
    { field: "url", patch: { url: `https://fas.org/${"a".repeat(2_000)}` }, message: "Use at most 2000 characters." },
    { field: "excerpt", patch: { excerpt: "x".repeat(20_001) }, message: "Use at most 20000 characters." },
    { field: "reliability", patch: { reliability: "G" }, message: "Choose a reliability grade from A to F." },
    { field: "classification", patch: { classification: "TOP_SECRET" }, message: "Choose a classification from the list." },
  ])("refuses an invalid $field ($message), writing nothing", async ({ field, patch, message }) => {
    const before = await counts();
    const error = await svc.createRecord(config, who.analyst!, { ...valid(), ...patch }, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses a viewer's create and an analyst editing another analyst's source (403), changing nothing", async () => {
    const before = await counts();
    await expect(svc.createRecord(config, who.viewer!, valid(), null)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const row = await ctx.db.source.findUniqueOrThrow({ where: { id } });
    await expect(svc.updateRecord(config, who.analyst2!, id, 1, { ...valid(), title: "Hijacked" }, null)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.source.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });
});

describe("source deletion", () => {
  it("soft-deletes a cited source; its citations stay and are there when it is restored", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const concern = await ctx.db.concern.findFirstOrThrow();
    await ctx.db.citation.create({ data: { sourceId: id, concernId: concern.id, passage: "kept" } });
    await expect(svc.deleteRecord(config, who.analyst!, id, 1, null)).resolves.toMatchObject({ version: 2 });
    expect(await ctx.db.citation.count({ where: { sourceId: id } })).toBe(1);
    await svc.undeleteRecord(config, who.editor!, id, null);
    const s = await ctx.db.source.findUniqueOrThrow({ where: { id }, include: { citations: true } });
    expect(s.deletedAt).toBeNull();
    expect(s.citations.map((c) => c.passage)).toEqual(["kept"]);
  });
});

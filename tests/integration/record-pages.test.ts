// The data behind the record pages (transfers, inspections, sources, actors,
// weapon systems, quotes) on the seeded demo case: each record with what links
// to it, restricted records only for those who may see them, deleted ones
// only when asked for.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";
import { displayName } from "@/lib/records/definitions";

const ctx = withMigratedDatabase("record_pages");

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who = {} as Record<"viewer" | "analyst" | "author" | "editor", Who>;

let transfers: typeof import("@/lib/records/transfer/queries");
let inspections: typeof import("@/lib/records/inspection/queries");
let sources: typeof import("@/lib/records/source/queries");
let actors: typeof import("@/lib/records/actor/queries");
let weaponSystems: typeof import("@/lib/records/weapon-system/queries");
let quotes: typeof import("@/lib/records/quote/queries");

const ids = {} as Record<
  "transfer" | "inspection" | "article" | "cable2005" | "antonov" | "kulikov" | "igla" | "kulikovQuote" | "schroederQuote" | "ve" | "ru",
  number
>;

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  transfers = await import("@/lib/records/transfer/queries");
  inspections = await import("@/lib/records/inspection/queries");
  sources = await import("@/lib/records/source/queries");
  actors = await import("@/lib/records/actor/queries");
  weaponSystems = await import("@/lib/records/weapon-system/queries");
  quotes = await import("@/lib/records/quote/queries");
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["author", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const ext = (model: { findUniqueOrThrow: (a: { where: { externalId: string }; select: { id: true } }) => Promise<{ id: number }> }, key: string) =>
    model.findUniqueOrThrow({ where: { externalId: key }, select: { id: true } }).then((r) => r.id);
  ids.transfer = await ext(ctx.db.armsTransfer, "demo:transfer:ru-ve-igla-s");
  ids.inspection = await ext(ctx.db.inspection, "demo:inspection:ru-surprise-inspections-ve");
  ids.article = await ext(ctx.db.source, "demo:source:article");
  ids.cable2005 = await ext(ctx.db.source, "demo:source:cable-2005");
  ids.antonov = await ext(ctx.db.actor, "demo:actor:antonov");
  ids.kulikov = await ext(ctx.db.actor, "demo:actor:kulikov");
  ids.igla = await ext(ctx.db.weaponSystem, "demo:weapon:igla-s");
  ids.kulikovQuote = await ext(ctx.db.quote, "demo:quote:kulikov-cars");
  ids.schroederQuote = await ext(ctx.db.quote, "demo:quote:schroeder-inspections");
  ids.ve = (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "VE" } })).id;
  ids.ru = (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "RU" } })).id;
});

describe("getTransfer", () => {
  it("returns the transfer with its weapon system, concerns, requests, inspection and sources", async () => {
    const t = await transfers.getTransfer(who.editor, ids.transfer);
    expect(t).toMatchObject({
      status: "DELIVERED",
      numberOrdered: null,
      orderYear: null,
      deliveryYears: [2009],
      deliveryYearsUncertain: true,
      supplier: { alpha2: "RU" },
      recipient: { alpha2: "VE" },
      weaponSystem: { name: "Igla-S", category: "MANPADS" },
    });
    expect(t!.concernLinks.rows.map((l) => l.concern.status)).toEqual(["OPEN"]);
    expect(t!.requestLinks.rows.map((l) => l.request.occurredOn?.getUTCFullYear())).toEqual([2005, 2009]);
    expect(t!.inspections.rows.map((i) => i.id)).toEqual([ids.inspection]);
    expect(t!.citations.rows.map((c) => c.source.id).sort()).toEqual(
      [ids.article, (await ctx.db.source.findUniqueOrThrow({ where: { externalId: "demo:source:parade-2009" } })).id].sort(),
    );
    expect(displayName("transfer", t!)).toBe("Russia to Venezuela: Igla-S");
  });
});

describe("getInspection", () => {
  it("returns the inspection with its transfer, the transfer's concern, the weapon system, quotes and sources", async () => {
    const i = await inspections.getInspection(who.viewer, ids.inspection);
    expect(i).toMatchObject({
      status: "RIGHT_ASSERTED",
      conductedOn: null,
      hostCountry: { alpha2: "VE" },
      inspectingCountry: { alpha2: "RU" },
      transfer: { id: ids.transfer, supplier: { alpha2: "RU" } },
      weaponSystem: { id: ids.igla },
    });
    expect(i!.transfer!.concernLinks.rows).toHaveLength(1);
    expect(i!.quotes.rows.map((q) => q.id)).toEqual([ids.schroederQuote]);
    expect(i!.citations.rows.map((c) => c.source.id)).toEqual([ids.article]);
    expect(displayName("inspection", i!)).toBe("Inspection in Venezuela by Russia: Igla-S");
  });

  it("offers the inspection to the quote form's type-ahead", async () => {
    const { lookup } = await import("@/lib/db/lookup");
    const options = await lookup(who.viewer, "inspection", "venez");
    expect(options).toEqual([
      { id: ids.inspection, name: "Inspection in Venezuela by Russia: Igla-S", label: "Inspection in Venezuela by Russia: Igla-S (right asserted)", deleted: false },
    ]);
  });
});

describe("getActor", () => {
  it("returns the actor with the requests they received, what they said and the sources", async () => {
    const a = await actors.getActor(who.analyst, ids.antonov);
    expect(a).toMatchObject({ name: "Anatoliy Antonov", kind: "PERSON", country: { alpha2: "RU" } });
    expect(a!.requestsReceived.rows.map((l) => [l.side, l.request.occurredOn?.getUTCFullYear()])).toEqual([["TARGET", 2005]]);
    expect(a!.requestsMade.total).toBe(0);
    expect(a!.quotes.rows.map((q) => q.text)).toEqual(
      expect.arrayContaining(["That is your decision, not ours; we have our own policy."]),
    );
    expect(a!.quotes.rows.every((q) => q.request?.title.includes("2005"))).toBe(true);
    expect(a!.citations.rows.map((c) => c.source.id)).toEqual([ids.article]);
  });

  it("lists the requests an actor made (requesting side)", async () => {
    const clinton = await ctx.db.actor.findUniqueOrThrow({ where: { externalId: "demo:actor:clinton" } });
    const a = await actors.getActor(who.viewer, clinton.id);
    expect(a!.requestsMade.rows.map((l) => [l.side, l.request.occurredOn?.getUTCFullYear()])).toEqual([["REQUESTING", 2009]]);
  });
});

describe("getWeaponSystem", () => {
  it("returns the weapon system with its transfers, inspections and sources", async () => {
    const w = await weaponSystems.getWeaponSystem(who.editor, ids.igla);
    expect(w).toMatchObject({ name: "Igla-S", category: "MANPADS", originCountry: { alpha2: "RU" } });
    expect(w!.transfers.rows.map((t) => t.id)).toEqual([ids.transfer]);
    expect(w!.inspections.rows.map((i) => i.id)).toEqual([ids.inspection]);
    expect(w!.citations.rows).toHaveLength(2);
  });

  it("finds an inspection of one of its transfers that does not name the system", async () => {
    const other = await ctx.db.inspection.create({
      data: { hostCountryId: ids.ve, status: "NO_RIGHT", transferId: ids.transfer },
    });
    const w = await weaponSystems.getWeaponSystem(who.viewer, ids.igla);
    expect(w!.inspections.rows.map((i) => i.id)).toEqual([ids.inspection, other.id]);
    await ctx.db.inspection.delete({ where: { id: other.id } });
  });
});

describe("getQuote", () => {
  it("returns the quote with its speaker, what it is about and its sources", async () => {
    const q = await quotes.getQuote(who.viewer, ids.schroederQuote);
    expect(q).toMatchObject({
      speaker: { name: "Matt Schroeder", country: null },
      request: null,
      transfer: null,
      concern: { status: "OPEN" },
      inspection: { id: ids.inspection, hostCountry: { alpha2: "VE" } },
    });
    expect(q!.citations.rows.map((c) => c.source.id)).toEqual([ids.article]);
    const cables = await quotes.getQuote(who.viewer, (await ctx.db.quote.findUniqueOrThrow({ where: { externalId: "demo:quote:cables-profit" } })).id);
    expect(cables).toMatchObject({ speaker: null, speakerLabel: expect.stringContaining("cables") });
  });
});

describe("getSource", () => {
  it("lists every record that cites the article, with the passage and a link to each", async () => {
    const s = await sources.getSource(who.editor, ids.article);
    expect(s).toMatchObject({ kind: "NEWS_ARTICLE", classification: "UNCLASSIFIED" });
    const types = new Set(s!.citedBy.rows.map((c) => c.type));
    expect([...types].sort()).toEqual(["actor", "concern", "inspection", "quote", "request", "transfer", "weaponSystem"]);
    // One entry per citation of the source, whatever cites it.
    expect(s!.citedBy.rows).toHaveLength(await ctx.db.citation.count({ where: { sourceId: ids.article } }));
    expect(s!.citedBy.rows.every((c) => c.passage !== null && c.passage.length > 0)).toBe(true);
    const hrefs = s!.citedBy.rows.map((c) => c.href);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `/transfers/${ids.transfer}`,
        `/inspections/${ids.inspection}`,
        `/actors/${ids.antonov}`,
        `/weapon-systems/${ids.igla}`,
        `/quotes/${ids.kulikovQuote}`,
        expect.stringMatching(/^\/requests\/\d+$/),
        expect.stringMatching(/^\/concerns\/\d+$/),
      ]),
    );
    expect(s!.citedBy.rows.find((c) => c.type === "transfer")!.label).toBe("Russia to Venezuela: Igla-S");
  });

  it("gives each citation's credibility", async () => {
    const citation = await ctx.db.citation.findFirstOrThrow({ where: { sourceId: ids.cable2005, quoteId: { not: null } } });
    await ctx.db.citation.update({ where: { id: citation.id }, data: { credibility: 2 } });
    const s = await sources.getSource(who.viewer, ids.cable2005);
    expect(s!.citedBy.rows.find((c) => c.citationId === citation.id)).toMatchObject({ credibility: 2, type: "quote" });
    expect(s!.citedBy.rows.map((c) => c.type).sort()).toEqual(["quote", "quote", "request"]);
  });

  it("leaves out citing records that are deleted or that the viewer may not see", async () => {
    const before = (await sources.getSource(who.viewer, ids.article))!.citedBy.rows.length;
    await ctx.db.quote.update({ where: { id: ids.kulikovQuote }, data: { deletedAt: new Date() } });
    await ctx.db.actor.update({ where: { id: ids.kulikov }, data: { visibility: "RESTRICTED" } });
    const s = await sources.getSource(who.viewer, ids.article);
    expect(s!.citedBy.rows).toHaveLength(before - 2);
    expect(s!.citedBy.rows.some((c) => c.href === `/quotes/${ids.kulikovQuote}` || c.href === `/actors/${ids.kulikov}`)).toBe(false);
    expect((await sources.getSource(who.editor, ids.article))!.citedBy.rows).toHaveLength(before - 1);
    await ctx.db.quote.update({ where: { id: ids.kulikovQuote }, data: { deletedAt: null } });
    await ctx.db.actor.update({ where: { id: ids.kulikov }, data: { visibility: "INTERNAL" } });
  });
});

// Each getter on a record made for the purpose: restricted and deleted.
const getters = {
  transfer: () => (v: Who, id: number, o?: { includeDeleted?: boolean }) => transfers.getTransfer(v, id, o),
  inspection: () => (v: Who, id: number, o?: { includeDeleted?: boolean }) => inspections.getInspection(v, id, o),
  source: () => (v: Who, id: number, o?: { includeDeleted?: boolean }) => sources.getSource(v, id, o),
  actor: () => (v: Who, id: number, o?: { includeDeleted?: boolean }) => actors.getActor(v, id, o),
  weaponSystem: () => (v: Who, id: number, o?: { includeDeleted?: boolean }) => weaponSystems.getWeaponSystem(v, id, o),
  quote: () => (v: Who, id: number, o?: { includeDeleted?: boolean }) => quotes.getQuote(v, id, o),
} as const;

type Extra = { createdById: number; visibility: "INTERNAL" | "RESTRICTED"; deletedAt?: Date | null };
const makers: Record<keyof typeof getters, (x: Extra) => Promise<{ id: number }>> = {
  transfer: (x) => ctx.db.armsTransfer.create({ data: { supplierId: ids.ru, recipientId: ids.ve, status: "REPORTED", ...x } }),
  inspection: (x) => ctx.db.inspection.create({ data: { hostCountryId: ids.ve, status: "NO_RIGHT", ...x } }),
  source: (x) => ctx.db.source.create({ data: { kind: "REPORT", title: "A report", ...x } }),
  actor: (x) => ctx.db.actor.create({ data: { name: "An actor", kind: "PERSON", ...x } }),
  weaponSystem: (x) => ctx.db.weaponSystem.create({ data: { name: "A system", category: "OTHER", ...x } }),
  quote: (x) => ctx.db.quote.create({ data: { text: "Something said.", speakerLabel: "someone", ...x } }),
};

describe.each(Object.keys(getters) as (keyof typeof getters)[])("get %s", (type) => {
  it("hides a restricted record from a viewer and from an analyst who is not its author, not from its author or an editor", async () => {
    const get = getters[type]();
    const r = await makers[type]({ createdById: who.author.id, visibility: "RESTRICTED" });
    expect(await get(who.viewer, r.id)).toBeNull();
    expect(await get(who.analyst, r.id)).toBeNull();
    expect(await get(who.author, r.id)).toMatchObject({ id: r.id, visibility: "RESTRICTED" });
    expect(await get(who.editor, r.id)).toMatchObject({ id: r.id });
    // includeDeleted does not open restricted records.
    expect(await get(who.analyst, r.id, { includeDeleted: true })).toBeNull();
  });

  it("answers null for a deleted record unless deleted ones are asked for, and for a missing one", async () => {
    const get = getters[type]();
    const r = await makers[type]({ createdById: who.author.id, visibility: "INTERNAL", deletedAt: new Date() });
    expect(await get(who.editor, r.id)).toBeNull();
    expect(await get(who.viewer, r.id)).toBeNull();
    const shown = await get(who.editor, r.id, { includeDeleted: true });
    expect(shown).toMatchObject({ id: r.id, deletedAt: expect.any(Date) });
    expect(await get(who.editor, 999_999)).toBeNull();
  });
});

describe("links to hidden records", () => {
  it("drops a restricted or deleted linked record from a page, for those who may not see it", async () => {
    const secret = await ctx.db.weaponSystem.create({ data: { name: "Secret system", category: "OTHER", visibility: "RESTRICTED", createdById: who.author.id } });
    const t = await ctx.db.armsTransfer.create({ data: { supplierId: ids.ru, recipientId: ids.ve, status: "REPORTED", weaponSystemId: secret.id } });
    expect((await transfers.getTransfer(who.viewer, t.id))!.weaponSystem).toBeNull();
    expect((await transfers.getTransfer(who.author, t.id))!.weaponSystem).toMatchObject({ name: "Secret system" });
    expect((await weaponSystems.getWeaponSystem(who.author, secret.id))!.transfers.rows.map((x) => x.id)).toEqual([t.id]);

    const q = await ctx.db.quote.create({ data: { text: "Said.", speakerLabel: "someone", transferId: t.id } });
    await ctx.db.armsTransfer.update({ where: { id: t.id }, data: { deletedAt: new Date() } });
    expect((await quotes.getQuote(who.editor, q.id))!.transfer).toBeNull();
  });
});

describe("form specs", () => {
  // Each form sends exactly the keys its strict schema takes: the empty values
  // and the fields (with their "estimated" boxes) name the keys formValues gives.
  const forms = {
    transfer: { mod: () => import("@/lib/records/transfer/definition").then((m) => ({ fields: m.transferFields, empty: m.emptyTransferValues() })), id: () => ids.transfer },
    inspection: { mod: () => import("@/lib/records/inspection/definition").then((m) => ({ fields: m.inspectionFields, empty: m.emptyInspectionValues() })), id: () => ids.inspection },
    source: { mod: () => import("@/lib/records/source/definition").then((m) => ({ fields: m.sourceFields, empty: m.emptySourceValues() })), id: () => ids.article },
    actor: { mod: () => import("@/lib/records/actor/definition").then((m) => ({ fields: m.actorFields, empty: m.emptyActorValues() })), id: () => ids.antonov },
    weaponSystem: { mod: () => import("@/lib/records/weapon-system/definition").then((m) => ({ fields: m.weaponSystemFields, empty: m.emptyWeaponSystemValues() })), id: () => ids.igla },
    quote: { mod: () => import("@/lib/records/quote/definition").then((m) => ({ fields: m.quoteFieldSpecs, empty: m.emptyQuoteValues() })), id: () => ids.kulikovQuote },
  } as const;

  it.each(Object.keys(forms) as (keyof typeof forms)[])("%s: fields and empty values match the record's form values and schema", async (type) => {
    const { RECORDS } = await import("@/lib/records/registry");
    const { FORM_FIELDS } = await import("@/lib/records/definitions");
    const { fields, empty } = await forms[type].mod();
    const config = RECORDS[type];
    const values = (await config.formValues(ctx.db, forms[type].id()))!;
    const keys = Object.keys(values).sort();
    expect(Object.keys(empty).sort()).toEqual(keys);
    const named = fields.flatMap((f) => (f.kind === "section" ? [] : [f.name, ...("uncertainName" in f && f.uncertainName ? [f.uncertainName] : [])]));
    expect(named.sort()).toEqual(keys);
    expect(FORM_FIELDS[type]!.map((f) => f.name)).toEqual(fields.map((f) => f.name));
    // A record's own values pass its schema; empty values fail only on required fields.
    expect(config.schema.safeParse(values).success).toBe(true);
    const empties = config.schema.safeParse(empty);
    const required = new Set(fields.filter((f) => f.kind !== "section" && f.required).map((f) => f.name));
    // The quote's rule "a speaker or a description" is reported on speakerId.
    if (type === "quote") required.add("speakerId");
    const failing = empties.success ? [] : empties.error.issues.map((i) => String(i.path[0]));
    expect(failing.every((name) => required.has(name))).toBe(true);
  });
});

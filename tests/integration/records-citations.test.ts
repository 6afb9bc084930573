// Citations: adding and removing a source cited by a record, who may, and
// the audit trail.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("rec_citations");
let citations: typeof import("@/lib/records/citations");

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<string, Who> = {};
let ids: { ru: number; ve: number; us: number; source: number };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  citations = await import("@/lib/records/citations");
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const c = async (a2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: a2 } })).id;
  ids = {
    ru: await c("RU"),
    ve: await c("VE"),
    us: await c("US"),
    source: (await ctx.db.source.findUniqueOrThrow({ where: { externalId: "demo:source:article" } })).id,
  };
});

type Extra = { createdById?: number | null; visibility?: "INTERNAL" | "RESTRICTED"; deletedAt?: Date | null };

/** A record of each citable type, made directly in the database. */
const makers = {
  request: (x: Extra) => ctx.db.diplomaticRequest.create({ data: { title: "R", requestingCountryId: ids.us, targetCountryId: ids.ru, ask: "HALT_SALE", ...x } }),
  concern: (x: Extra) => ctx.db.concern.create({ data: { title: "C", category: "OTHER", severity: "LOW", ...x } }),
  transfer: (x: Extra) => ctx.db.armsTransfer.create({ data: { supplierId: ids.ru, recipientId: ids.ve, status: "REPORTED", ...x } }),
  inspection: (x: Extra) => ctx.db.inspection.create({ data: { hostCountryId: ids.ve, status: "NO_RIGHT", ...x } }),
  actor: (x: Extra) => ctx.db.actor.create({ data: { name: "A", kind: "PERSON", ...x } }),
  weaponSystem: (x: Extra) => ctx.db.weaponSystem.create({ data: { name: "W", category: "OTHER", ...x } }),
  quote: (x: Extra) => ctx.db.quote.create({ data: { text: "Q", speakerLabel: "someone", ...x } }),
} as const;
const columns = {
  request: "requestId",
  concern: "concernId",
  transfer: "transferId",
  inspection: "inspectionId",
  actor: "actorId",
  weaponSystem: "weaponSystemId",
  quote: "quoteId",
} as const;

const counts = async () => [await ctx.db.citation.count(), await ctx.db.auditEvent.count()];
const cite = (targetType: string, targetId: number, extra: Record<string, unknown> = {}) => ({
  targetType,
  targetId,
  sourceId: ids.source,
  passage: "The sale went ahead.",
  credibility: 2,
  note: "Verbatim.",
  ...extra,
});

describe("addCitation", () => {
  it.each(Object.keys(makers) as (keyof typeof makers)[])("lets an analyst cite a source on their own %s, audited", async (targetType) => {
    const target = await makers[targetType]({ createdById: who.analyst!.id });
    const { id } = await citations.addCitation(who.analyst!, cite(targetType, target.id), "192.0.2.4");
    const row = await ctx.db.citation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      sourceId: ids.source,
      passage: "The sale went ahead.",
      credibility: 2,
      note: "Verbatim.",
      [columns[targetType]]: target.id,
      createdById: who.analyst!.id,
    });
    // Exactly one target column is set.
    expect(Object.values(columns).filter((c) => row[c] !== null)).toEqual([columns[targetType]]);
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "CITATION", entityId: id } });
    expect(event).toMatchObject({
      action: "CREATE",
      userId: who.analyst!.id,
      ip: "192.0.2.4",
      metadata: { targetType, targetId: target.id, sourceId: ids.source },
      changes: { passage: { before: null, after: "The sale went ahead." }, credibility: { before: null, after: 2 } },
    });
  });

  it("refuses a viewer, and an analyst on another analyst's record (403), writing nothing; an editor may", async () => {
    const concern = await makers.concern({ createdById: who.analyst!.id });
    const before = await counts();
    await expect(citations.addCitation(who.viewer!, cite("concern", concern.id), null)).rejects.toMatchObject({ status: 403 });
    await expect(citations.addCitation(who.analyst2!, cite("concern", concern.id), null)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
    await expect(citations.addCitation(who.editor!, cite("concern", concern.id), null)).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("answers 404 for missing, deleted or invisible targets and sources, writing nothing", async () => {
    const hiddenTarget = await makers.transfer({ createdById: who.analyst2!.id, visibility: "RESTRICTED" });
    const deletedTarget = await makers.actor({ createdById: who.analyst!.id, deletedAt: new Date() });
    const own = await makers.quote({ createdById: who.analyst!.id });
    const hiddenSource = await ctx.db.source.create({ data: { kind: "REPORT", title: "Hidden", visibility: "RESTRICTED", createdById: who.analyst2!.id } });
    const deletedSource = await ctx.db.source.create({ data: { kind: "REPORT", title: "Gone", deletedAt: new Date() } });
    const before = await counts();
    for (const input of [
      cite("request", 999_999),
      cite("transfer", hiddenTarget.id),
      cite("actor", deletedTarget.id),
      cite("quote", own.id, { sourceId: 999_999 }),
      cite("quote", own.id, { sourceId: hiddenSource.id }),
      cite("quote", own.id, { sourceId: deletedSource.id }),
    ]) {
      await expect(citations.addCitation(who.analyst!, input, null)).rejects.toMatchObject({ status: 404 });
    }
    expect(await counts()).toEqual(before);
    // The restricted source's author may cite it.
    const theirs = await makers.quote({ createdById: who.analyst2!.id });
    await expect(citations.addCitation(who.analyst2!, cite("quote", theirs.id, { sourceId: hiddenSource.id }), null)).resolves.toBeTruthy();
  });

  it.each([
    { field: "credibility", patch: { credibility: 7 }, message: "Choose a credibility grade from 1 to 6." },
    { field: "credibility", patch: { credibility: "A" }, message: "Choose a credibility grade from 1 to 6." },
    { field: "targetType", patch: { targetType: "country" }, message: "Choose what kind of record cites the source." },
    { field: "sourceId", patch: { sourceId: "" }, message: "Choose a source from the list." },
    { field: "passage", patch: { passage: "x".repeat(5_001) }, message: "Use at most 5000 characters." },
  ])("refuses an invalid $field ($message), writing nothing", async ({ field, patch, message }) => {
    const concern = await makers.concern({ createdById: who.analyst!.id });
    const before = await counts();
    const error = await citations.addCitation(who.analyst!, cite("concern", concern.id, patch), null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("leaves passage, credibility and note empty when not given, and refuses unknown fields", async () => {
    const concern = await makers.concern({ createdById: who.analyst!.id });
    const { id } = await citations.addCitation(who.analyst!, cite("concern", concern.id, { passage: "", credibility: "", note: null }), null);
    expect(await ctx.db.citation.findUniqueOrThrow({ where: { id } })).toMatchObject({ passage: null, credibility: null, note: null });
    await expect(citations.addCitation(who.analyst!, cite("concern", concern.id, { actorId: 1 }), null)).rejects.toMatchObject({ status: 400 });
  });
});

describe("removeCitation", () => {
  it("lets who may edit the record remove its citation, for good, audited with what it said", async () => {
    const concern = await makers.concern({ createdById: who.analyst!.id });
    const { id } = await citations.addCitation(who.analyst!, cite("concern", concern.id), null);
    const before = await counts();
    await expect(citations.removeCitation(who.analyst2!, { citationId: id }, null)).rejects.toMatchObject({ status: 403 });
    await expect(citations.removeCitation(who.viewer!, { citationId: id }, null)).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);

    await expect(citations.removeCitation(who.analyst!, { citationId: id }, "192.0.2.8")).resolves.toEqual({ id });
    expect(await ctx.db.citation.findUnique({ where: { id } })).toBeNull();
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "CITATION", entityId: id, action: "DELETE" } });
    expect(event).toMatchObject({
      userId: who.analyst!.id,
      ip: "192.0.2.8",
      metadata: { targetType: "concern", targetId: concern.id, sourceId: ids.source },
      changes: {
        targetType: { before: "concern", after: null },
        targetId: { before: concern.id, after: null },
        sourceId: { before: ids.source, after: null },
        passage: { before: "The sale went ahead.", after: null },
        credibility: { before: 2, after: null },
        note: { before: "Verbatim.", after: null },
      },
    });
    await expect(citations.removeCitation(who.analyst!, { citationId: id }, null)).rejects.toMatchObject({ status: 404 });
  });

  it("lets an editor remove any citation, also of a deleted source; 404 on an invisible or deleted record", async () => {
    const transfer = await makers.transfer({ createdById: who.analyst!.id });
    const source = await ctx.db.source.create({ data: { kind: "REPORT", title: "Later withdrawn" } });
    const c1 = await ctx.db.citation.create({ data: { sourceId: source.id, transferId: transfer.id } });
    await ctx.db.source.update({ where: { id: source.id }, data: { deletedAt: new Date() } });
    await expect(citations.removeCitation(who.editor!, { citationId: c1.id }, null)).resolves.toEqual({ id: c1.id });

    const hidden = await makers.inspection({ createdById: who.analyst2!.id, visibility: "RESTRICTED" });
    const c2 = await ctx.db.citation.create({ data: { sourceId: ids.source, inspectionId: hidden.id } });
    await expect(citations.removeCitation(who.analyst!, { citationId: c2.id }, null)).rejects.toMatchObject({ status: 404 });
    const gone = await makers.weaponSystem({ createdById: who.analyst!.id, deletedAt: new Date() });
    const c3 = await ctx.db.citation.create({ data: { sourceId: ids.source, weaponSystemId: gone.id } });
    await expect(citations.removeCitation(who.analyst!, { citationId: c3.id }, null)).rejects.toMatchObject({ status: 404 });
    expect(await ctx.db.citation.count({ where: { id: { in: [c2.id, c3.id] } } })).toBe(2);
  });

  it("refuses input that is not a citation id", async () => {
    await expect(citations.removeCitation(who.editor!, { citationId: "first" }, null)).rejects.toMatchObject({
      status: 400,
      fieldErrors: { citationId: ["Choose the citation to remove."] },
    });
  });
});

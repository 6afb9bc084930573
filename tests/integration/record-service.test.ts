// The generic record service on diplomatic requests: create, validation,
// permissions, conflicts, audit diffs, history restore, soft delete, verify.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("records");
let svc: typeof import("@/lib/records/service");
let config: typeof import("@/lib/records/request/service").requestRecord;

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<string, Who> = {};
let ids: { us: number; ru: number; ve: number; concern: number; transfer: number; antonov: number };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  svc = await import("@/lib/records/service");
  config = (await import("@/lib/records/request/service")).requestRecord;
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const c = async (a2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: a2 } })).id;
  ids = {
    us: await c("US"),
    ru: await c("RU"),
    ve: await c("VE"),
    concern: (await ctx.db.concern.findFirstOrThrow()).id,
    transfer: (await ctx.db.armsTransfer.findFirstOrThrow()).id,
    antonov: (await ctx.db.actor.findFirstOrThrow({ where: { name: "Anatoliy Antonov" } })).id,
  };
});

const valid = () => ({
  title: "U.S. request to Russia to cancel the Igla-S sale",
  occurredOn: "2010-02",
  requestingCountryId: ids.us,
  targetCountryId: ids.ru,
  channel: "MEETING",
  ask: "CANCEL_SALE",
  askDetail: "Cancel the remaining deliveries.",
  response: "REBUFFED",
  responseSummary: "Refused again.",
  respondedOn: "2010-06",
  classification: "CONFIDENTIAL",
  visibility: "INTERNAL",
  followUpOfId: null,
  requestingActorIds: [],
  targetActorIds: [ids.antonov],
  concernIds: [ids.concern],
  transferIds: [ids.transfer],
});

const count = () => ctx.db.diplomaticRequest.count();
const events = () => ctx.db.auditEvent.count();

describe("create", () => {
  it("creates a request with its links, unverified when an analyst logs it, audited with a snapshot", async () => {
    const { id, version } = await svc.createRecord(config, who.analyst!, valid(), "192.0.2.5");
    expect(version).toBe(1);
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id }, include: { actorLinks: true, concernLinks: true, transferLinks: true } });
    expect(r).toMatchObject({ occurredOnPrecision: "MONTH", createdById: who.analyst!.id, verifiedAt: null, version: 1 });
    expect(r.occurredOn?.toISOString().slice(0, 10)).toBe("2010-02-01");
    expect(r.actorLinks).toEqual([{ requestId: id, actorId: ids.antonov, side: "TARGET" }]);
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "DIPLOMATIC_REQUEST", entityId: id } });
    expect(event).toMatchObject({ action: "CREATE", userId: who.analyst!.id, version: 1, ip: "192.0.2.5" });
    expect(event.changes).toMatchObject({ title: { before: null, after: valid().title }, occurredOn: { before: null, after: "2010-02" } });
    expect((event.snapshot as { values: { targetActorIds: number[] } }).values.targetActorIds).toEqual([ids.antonov]);
  });

  it("marks an editor's request verified on creation", async () => {
    const { id } = await svc.createRecord(config, who.editor!, valid(), null);
    expect((await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id } })).verifiedById).toBe(who.editor!.id);
  });

  it.each([
    { field: "title", patch: { title: "  " }, message: "Give the request a short title." },
    { field: "occurredOn", patch: { occurredOn: String(new Date().getUTCFullYear() + 1) }, message: "This date is in the future." },
    { field: "occurredOn", patch: { occurredOn: "spring 2009" }, message: "Write the date as YYYY, YYYY-MM or YYYY-MM-DD." },
    { field: "targetCountryId", patch: { targetCountryId: 0 }, message: "Choose the target country." },
    { field: "targetCountryId", patch: { targetCountryId: "us" }, message: "Choose the target country." },
    { field: "ask", patch: { ask: "SURRENDER" }, message: "Choose what was asked." },
    { field: "response", patch: { response: null }, message: "Say what the response was, or leave the summary empty." },
    { field: "targetCountryId", patch: { targetCountryId: -1 }, message: "Choose the target country." },
    { field: "title", patch: { title: "x".repeat(301) }, message: "Use at most 300 characters." },
  ])("refuses an invalid $field with a plain message, writing nothing", async ({ field, patch, message }) => {
    const [before, beforeEvents] = [await count(), await events()];
    const error = await svc.createRecord(config, who.analyst!, { ...valid(), ...patch }, null).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.fieldErrors[field]).toContain(message);
    expect([await count(), await events()]).toEqual([before, beforeEvents]);
  });

  it("refuses a country that lobbies itself, unknown fields, and links to missing or restricted records", async () => {
    const before = await count();
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), targetCountryId: ids.us }, null)).rejects.toMatchObject({
      fieldErrors: { targetCountryId: ["A country does not lobby itself: choose another target."] },
    });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), isAdmin: true }, null)).rejects.toMatchObject({ status: 400 });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), concernIds: [999_999] }, null)).rejects.toMatchObject({
      fieldErrors: { concernIds: ["Choose concerns from the list."] },
    });
    const hidden = await ctx.db.concern.create({ data: { title: "Hidden", category: "OTHER", severity: "LOW", visibility: "RESTRICTED", createdById: who.analyst2!.id } });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), concernIds: [hidden.id] }, null)).rejects.toMatchObject({ status: 400 });
    await expect(svc.createRecord(config, who.analyst!, { ...valid(), requestingCountryId: 99_999 }, null)).rejects.toMatchObject({
      fieldErrors: { requestingCountryId: ["Choose a country from the list."] },
    });
    expect(await count()).toBe(before);
  });

  it("refuses a viewer (403), writing nothing", async () => {
    const before = await count();
    await expect(svc.createRecord(config, who.viewer!, valid(), null)).rejects.toMatchObject({ status: 403 });
    expect(await count()).toBe(before);
  });
});

describe("update", () => {
  it("lets an analyst edit their own request, unverifies it, and audits the changed fields only", async () => {
    const { id } = await svc.createRecord(config, who.editor!, valid(), null);
    await ctx.db.diplomaticRequest.update({ where: { id }, data: { createdById: who.analyst!.id } });
    const { version } = await svc.updateRecord(config, who.analyst!, id, 1, { ...valid(), response: "DEFLECTED", targetActorIds: [] }, null);
    expect(version).toBe(2);
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id } });
    expect(r).toMatchObject({ response: "DEFLECTED", verifiedAt: null, updatedById: who.analyst!.id });
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "UPDATE" } });
    expect(event.changes).toEqual({
      response: { before: "REBUFFED", after: "DEFLECTED" },
      targetActorIds: { before: [ids.antonov], after: [] },
    });
  });

  it("refuses an analyst on another analyst's request (403) and a viewer, changing nothing", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const before = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id } });
    await expect(svc.updateRecord(config, who.analyst2!, id, 1, { ...valid(), title: "Hijacked" }, null)).rejects.toMatchObject({ status: 403 });
    await expect(svc.updateRecord(config, who.viewer!, id, 1, { ...valid(), title: "Hijacked" }, null)).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("answers 404 for a restricted request the user may not see", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, { ...valid(), visibility: "RESTRICTED" }, null);
    await expect(svc.updateRecord(config, who.analyst2!, id, 1, valid(), null)).rejects.toMatchObject({ status: 404 });
    await expect(svc.updateRecord(config, who.editor!, id, 1, valid(), null)).resolves.toMatchObject({ version: 2 });
  });

  it("refuses the second of two edits that started from the same version, showing what the first changed", async () => {
    const { id } = await svc.createRecord(config, who.editor!, valid(), null);
    const [first, second] = await Promise.allSettled([
      svc.updateRecord(config, who.editor!, id, 1, { ...valid(), response: "ACCEPTED", responseSummary: "Agreed at last." }, null),
      svc.updateRecord(config, who.editor!, id, 1, { ...valid(), title: "Second editor's title" }, null),
    ]);
    const results = [first, second];
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason;
    expect(error.status).toBe(409);
    expect(error.details.currentVersion).toBe(2);
    expect(Object.keys(error.details.theirChanges).length).toBeGreaterThan(0);
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id } });
    expect(r.version).toBe(2);
    // Exactly the winner's change is in the record.
    const winnerChangedTitle = r.title === "Second editor's title";
    expect(winnerChangedTitle ? r.response : r.title).toBe(winnerChangedTitle ? "REBUFFED" : valid().title);
    // The loser reapplies on top of the current version.
    await expect(svc.updateRecord(config, who.editor!, id, 2, { ...valid(), title: "Reapplied" }, null)).resolves.toMatchObject({ version: 3 });
    expect(await ctx.db.auditEvent.count({ where: { entityId: id, entityType: "DIPLOMATIC_REQUEST", action: "UPDATE" } })).toBe(2);
  });
});

describe("history, delete, restore, verify", () => {
  it("restores an earlier version as a new, audited change", async () => {
    const { id } = await svc.createRecord(config, who.editor!, valid(), null);
    await svc.updateRecord(config, who.editor!, id, 1, { ...valid(), title: "Changed title", concernIds: [] }, null);
    const history = await svc.recordHistory(config, who.viewer!, id);
    expect(history!.map((h) => h.action)).toEqual(["UPDATE", "CREATE"]);
    const created = history!.find((h) => h.action === "CREATE")!;
    expect(created.restorable).toBe(true);

    await expect(svc.restoreVersion(config, who.analyst!, id, created.id, 2, null)).rejects.toMatchObject({ status: 403 });
    const { version } = await svc.restoreVersion(config, who.editor!, id, created.id, 2, null);
    expect(version).toBe(3);
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id }, include: { concernLinks: true } });
    expect(r.title).toBe(valid().title);
    expect(r.concernLinks.map((l) => l.concernId)).toEqual([ids.concern]);
    const after = await svc.recordHistory(config, who.editor!, id);
    expect(after![0]).toMatchObject({ action: "RESTORE", metadata: { restoredVersion: 1 } });
    expect(after![0]!.changes).toMatchObject({ title: { before: "Changed title", after: valid().title } });
  });

  it("soft-deletes (own record for an analyst) and an editor restores it with links and citations", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    const source = await ctx.db.source.findFirstOrThrow();
    await ctx.db.citation.create({ data: { sourceId: source.id, requestId: id, passage: "kept" } });
    await expect(svc.deleteRecord(config, who.analyst2!, id, 1, null)).rejects.toMatchObject({ status: 403 });
    await svc.deleteRecord(config, who.analyst!, id, 1, null);
    expect((await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    await expect(svc.updateRecord(config, who.editor!, id, 2, valid(), null)).rejects.toMatchObject({ status: 404 });
    await expect(svc.undeleteRecord(config, who.analyst!, id, null)).rejects.toMatchObject({ status: 403 });
    await svc.undeleteRecord(config, who.editor!, id, null);
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id }, include: { citations: true, concernLinks: true } });
    expect(r).toMatchObject({ deletedAt: null, version: 3 });
    expect(r.citations.map((c) => c.passage)).toEqual(["kept"]);
    expect(r.concernLinks).toHaveLength(1);
    const actions = (await svc.recordHistory(config, who.editor!, id))!.map((h) => h.action);
    expect(actions).toEqual(["RESTORE", "DELETE", "CREATE"]);
  });

  it("lets editors verify (who and when), not analysts", async () => {
    const { id } = await svc.createRecord(config, who.analyst!, valid(), null);
    await expect(svc.verifyRecord(config, who.analyst!, id, 1, null)).rejects.toMatchObject({ status: 403 });
    await svc.verifyRecord(config, who.editor!, id, 1, null);
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id } });
    expect(r).toMatchObject({ verifiedById: who.editor!.id, version: 2 });
    expect(r.verifiedAt).not.toBeNull();
    expect(await ctx.db.auditEvent.findFirst({ where: { entityId: id, action: "VERIFY" } })).toMatchObject({ userId: who.editor!.id });
  });
});

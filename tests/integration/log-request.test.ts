// "Log a lobbying attempt": request, quotes and citations in one transaction.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("logrequest");
let action: typeof import("@/lib/records/request/actions").logLobbyingAttemptAction;
let ids: { us: number; ru: number; r2005: number; concern: number; transfer: number; source: number; antonov: number };
let analyst: { id: number };
let viewer: { id: number };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  action = (await import("@/lib/records/request/actions")).logLobbyingAttemptAction;
  analyst = await makeUser(ctx.db, "ANALYST");
  viewer = await makeUser(ctx.db, "VIEWER");
  const c = async (a2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: a2 } })).id;
  ids = {
    us: await c("US"),
    ru: await c("RU"),
    r2005: (await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { externalId: "demo:request:2005" } })).id,
    concern: (await ctx.db.concern.findFirstOrThrow()).id,
    transfer: (await ctx.db.armsTransfer.findFirstOrThrow()).id,
    source: (await ctx.db.source.findUniqueOrThrow({ where: { externalId: "demo:source:cable-2009" } })).id,
    antonov: (await ctx.db.actor.findFirstOrThrow({ where: { name: "Anatoliy Antonov" } })).id,
  };
});

const request = () => ({
  title: "Follow-up: U.S. request to Russia to suspend the Igla-S sale",
  occurredOn: "2009",
  requestingCountryId: ids.us,
  targetCountryId: ids.ru,
  channel: "CABLE",
  ask: "SUSPEND_SALE",
  askDetail: "Try again to convince Russia to suspend the sale.",
  response: "REBUFFED",
  responseSummary: "The sale went ahead.",
  respondedOn: "2010-03",
  classification: null,
  visibility: "INTERNAL",
  followUpOfId: ids.r2005,
  requestingActorIds: [],
  targetActorIds: [],
  concernIds: [ids.concern],
  transferIds: [ids.transfer],
});

const tables = async () => [
  await ctx.db.diplomaticRequest.count(),
  await ctx.db.quote.count(),
  await ctx.db.citation.count(),
  await ctx.db.auditEvent.count(),
];

describe("logLobbyingAttemptAction", () => {
  it("logs a follow-up with a quote and a cited passage, all audited, unverified", async () => {
    await actAs(ctx.db, analyst.id);
    const result = await action({
      request: request(),
      quotes: [{ speakerId: ids.antonov, speakerLabel: "", text: "We have our own policy, again." }],
      citations: [{ sourceId: ids.source, passage: "try again to convince Russia", credibility: 2 }],
    });
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: number } }).data.id;
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id }, include: { quotes: true, citations: true, concernLinks: true } });
    expect(r).toMatchObject({ followUpOfId: ids.r2005, verifiedAt: null, createdById: analyst.id, respondedOnPrecision: "MONTH" });
    // The answer's date is its own, kept at the precision typed (March 2010, a year after the 2009 request).
    expect(r.respondedOn?.toISOString().slice(0, 10)).toBe("2010-03-01");
    expect(r.quotes).toMatchObject([{ text: "We have our own policy, again.", speakerId: ids.antonov, saidOnPrecision: "YEAR" }]);
    expect(r.citations).toMatchObject([{ sourceId: ids.source, passage: "try again to convince Russia", credibility: 2 }]);
    const actions = await ctx.db.auditEvent.findMany({ where: { userId: analyst.id }, orderBy: { id: "asc" }, select: { action: true, entityType: true } });
    expect(actions).toEqual([
      { action: "CREATE", entityType: "DIPLOMATIC_REQUEST" },
      { action: "CREATE", entityType: "QUOTE" },
      { action: "CREATE", entityType: "CITATION" },
      { action: "CREATE", entityType: "CITATION" },
    ]);
    // The quote cites the same source, with its own words as the passage.
    const quoteCitations = await ctx.db.citation.findMany({ where: { quoteId: r.quotes[0]!.id } });
    expect(quoteCitations).toMatchObject([{ sourceId: ids.source, passage: "We have our own policy, again." }]);
  });

  it("writes nothing when a quote is invalid, and names the quote's field", async () => {
    await actAs(ctx.db, analyst.id);
    const before = await tables();
    const result = await action({ request: request(), quotes: [{ speakerId: null, speakerLabel: "", text: "" }], citations: [] });
    expect(result).toMatchObject({ ok: false, status: 400 });
    const fields = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fields["quotes.0.text"]).toEqual(["Write what was said."]);
    expect(await tables()).toEqual(before);
  });

  it("writes nothing when a cited source does not exist", async () => {
    await actAs(ctx.db, analyst.id);
    const before = await tables();
    const result = await action({ request: request(), quotes: [], citations: [{ sourceId: 987_654, passage: "x", credibility: null }] });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toEqual(["citations.0.sourceId"]);
    expect(await tables()).toEqual(before);
  });

  it("writes nothing when the request itself is invalid", async () => {
    await actAs(ctx.db, analyst.id);
    const before = await tables();
    const result = await action({ request: { ...request(), channel: "TELEPATHY", title: "" }, quotes: [], citations: [] });
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { channel: ["Choose from the list."], title: ["Give the request a short title."] } });
    expect(await tables()).toEqual(before);
  });

  it("keeps an answer dated by its year only, and one left unknown", async () => {
    await actAs(ctx.db, analyst.id);
    const yearOnly = await action({ request: { ...request(), occurredOn: "2009-04-02", respondedOn: "2009" }, quotes: [], citations: [] });
    expect(yearOnly).toMatchObject({ ok: true });
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id: (yearOnly as { data: { id: number } }).data.id } });
    expect([r.respondedOn?.toISOString().slice(0, 10), r.respondedOnPrecision]).toEqual(["2009-01-01", "YEAR"]);
    const unknown = await action({ request: { ...request(), respondedOn: "" }, quotes: [], citations: [] });
    const u = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id: (unknown as { data: { id: number } }).data.id } });
    expect([u.respondedOn, u.respondedOnPrecision]).toEqual([null, null]);
  });

  it("refuses an answer dated before the request, naming the field, and writes nothing", async () => {
    await actAs(ctx.db, analyst.id);
    const before = await tables();
    for (const [occurredOn, respondedOn] of [["2009-03", "2009-02"], ["2009", "2008-12-31"], ["2009-03-17", "2009-03-16"]]) {
      const result = await action({ request: { ...request(), occurredOn, respondedOn }, quotes: [], citations: [] });
      expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { respondedOn: ["The answer cannot come before the request: check both dates."] } });
    }
    expect(await tables()).toEqual(before);
  });

  it("refuses a viewer (403) and anonymous (401), writing nothing", async () => {
    const before = await tables();
    await actAs(ctx.db, viewer.id);
    expect(await action({ request: request(), quotes: [], citations: [] })).toMatchObject({ ok: false, status: 403 });
    await actAs(ctx.db, null);
    expect(await action({ request: request(), quotes: [], citations: [] })).toMatchObject({ ok: false, status: 401 });
    expect(await tables()).toEqual(before);
  });
});

describe("requestFollowUp (/requests/new?followUp=)", () => {
  it("keeps what a follow-up shares (countries, concerns, transfers, the link) and leaves the rest empty", async () => {
    const { requestFollowUp } = await import("@/lib/pages/record-form");
    const { emptyRequestValues } = await import("@/lib/records/request/definition");
    const earlier = await ctx.db.diplomaticRequest.findUniqueOrThrow({
      where: { id: ids.r2005 },
      include: { concernLinks: true, transferLinks: true, actorLinks: true },
    });
    // The demo's 2005 request has actors, an ask and an answer: none of them may carry over.
    expect(earlier.actorLinks.length).toBeGreaterThan(0);
    const who = { id: analyst.id, email: "a@test.local", name: "A", role: "ANALYST" as const };
    const empty = emptyRequestValues("2026-12-03");
    const { values, followUpOf } = await requestFollowUp(who, empty, String(ids.r2005));
    expect(followUpOf).toBe(earlier.title);
    expect(values).toEqual({
      ...empty,
      occurredOn: "",
      requestingCountryId: earlier.requestingCountryId,
      targetCountryId: earlier.targetCountryId,
      concernIds: earlier.concernLinks.map((l) => l.concernId).sort((a, b) => a - b),
      transferIds: earlier.transferLinks.map((l) => l.transferId).sort((a, b) => a - b),
      followUpOfId: ids.r2005,
    });
    expect(values).toMatchObject({ title: "", ask: null, channel: null, requestingActorIds: [], targetActorIds: [], response: null, responseSummary: "", respondedOn: "" });
  });

  it("a blank form asks the analyst to choose what was asked (no default ask)", async () => {
    const { emptyRequestValues, requestSchema } = await import("@/lib/records/request/definition");
    expect(emptyRequestValues("2026-12-03").ask).toBeNull();
    const parsed = requestSchema.safeParse({ ...emptyRequestValues("2009-01-01"), title: "T", requestingCountryId: ids.us, targetCountryId: ids.ru });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["ask", "Choose what was asked."]]);
  });
});

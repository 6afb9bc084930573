// Restricted records exist only for editors, admins and their author: not in
// lists, counts, pages or links for anyone else.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("visibility");
let concerns: typeof import("@/lib/records/concern/queries");
let countries: typeof import("@/lib/db/countries");

type Viewer = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const as: Record<string, Viewer> = {};
let concernId = 0;
let restrictedSourceTitle = "";

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  concerns = await import("@/lib/records/concern/queries");
  countries = await import("@/lib/db/countries");
  for (const role of ["VIEWER", "ANALYST", "EDITOR", "ADMIN"] as const) {
    const u = await makeUser(ctx.db, role);
    as[role] = { id: u.id, role };
  }
  const author = await makeUser(ctx.db, "ANALYST", undefined, "author");
  as.AUTHOR = { id: author.id, role: "ANALYST" };

  concernId = (await ctx.db.concern.findFirstOrThrow()).id;
  const r2005 = await ctx.db.diplomaticRequest.findFirstOrThrow({ where: { externalId: "demo:request:2005" } });
  // A restricted source, written by the author, cited by an internal record.
  restrictedSourceTitle = "Restricted field report on Igla-S stockpiles";
  await ctx.db.source.create({
    data: {
      kind: "REPORT",
      title: restrictedSourceTitle,
      visibility: "RESTRICTED",
      createdById: author.id,
      citations: { create: [{ requestId: r2005.id, passage: "a restricted passage" }] },
    },
  });
  // A restricted request by the author, on the same concern.
  const ru = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "RU" } });
  const ve = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "VE" } });
  await ctx.db.diplomaticRequest.create({
    data: {
      title: "Restricted request",
      requestingCountryId: ve.id,
      targetCountryId: ru.id,
      ask: "INFORMATION",
      visibility: "RESTRICTED",
      createdById: author.id,
      concernLinks: { create: [{ concernId }] },
    },
  });
  // A restricted concern of its own.
  await ctx.db.concern.create({
    data: { title: "Restricted concern", category: "OTHER", severity: "LOW", visibility: "RESTRICTED", createdById: author.id },
  });
});

const citedTitles = (c: Awaited<ReturnType<typeof concerns.getConcern>>) =>
  c!.requestLinks.rows.flatMap((l) => l.request.citations.rows.map((x) => x.source.title));

describe("a restricted source cited by an internal record", () => {
  it.each([
    { who: "VIEWER", sees: false },
    { who: "ANALYST", sees: false },
    { who: "AUTHOR", sees: true },
    { who: "EDITOR", sees: true },
    { who: "ADMIN", sees: true },
  ])("$who sees it: $sees", async ({ who, sees }) => {
    const c = await concerns.getConcern(as[who]!, concernId);
    expect(c).not.toBeNull();
    expect(citedTitles(c).includes(restrictedSourceTitle)).toBe(sees);
    expect(JSON.stringify(c).includes("a restricted passage")).toBe(sees);
    // The internal record itself stays visible, with its other sources.
    expect(citedTitles(c)).toEqual(expect.arrayContaining([expect.stringMatching(/2005 cable/)]));
  });
});

describe("restricted requests and concerns", () => {
  it.each([
    { who: "VIEWER", requests: 2, concerns: 1, ruReceived: 2 },
    { who: "ANALYST", requests: 2, concerns: 1, ruReceived: 2 },
    { who: "AUTHOR", requests: 3, concerns: 2, ruReceived: 3 },
    { who: "EDITOR", requests: 3, concerns: 2, ruReceived: 3 },
  ])("$who: $requests requests on the concern, $concerns unresolved concerns, Russia received $ruReceived", async (row) => {
    const viewer = as[row.who]!;
    const list = await concerns.listUnresolvedConcerns(viewer);
    expect(list).toHaveLength(row.concerns);
    expect(list.find((c) => c.id === concernId)?._count.requestLinks).toBe(row.requests);
    expect((await concerns.getConcern(viewer, concernId))!.requestLinks.rows).toHaveLength(row.requests);
    const ru = (await countries.listCountries(viewer)).find((c) => c.alpha2 === "RU");
    expect(ru?.requestsReceived).toBe(row.ruReceived);
  });

  it("answers a direct link to a restricted concern as if it did not exist", async () => {
    const restricted = await ctx.db.concern.findFirstOrThrow({ where: { visibility: "RESTRICTED" } });
    expect(await concerns.getConcern(as.VIEWER!, restricted.id)).toBeNull();
    expect(await concerns.getConcern(as.ANALYST!, restricted.id)).toBeNull();
    expect(await concerns.getConcern(as.AUTHOR!, restricted.id)).not.toBeNull();
    expect(await concerns.getConcern(as.EDITOR!, restricted.id)).not.toBeNull();
  });

  it("refuses a caller without a known role", async () => {
    await expect(concerns.listUnresolvedConcerns({ id: 1, role: "GHOST" })).rejects.toThrow(/permission/);
    await expect(countries.listCountries({ id: 1, role: undefined })).rejects.toThrow(/permission/);
  });
});

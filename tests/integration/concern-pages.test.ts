// The data behind the read-only pages, on the seeded demo case.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";

const ctx = withMigratedDatabase("pages");

let concerns: typeof import("@/lib/records/concern/queries");
let timeline: typeof import("@/lib/records/concern/timeline");
let countries: typeof import("@/lib/db/countries");
// Pages read as a signed-in viewer; restricted records are covered in visibility.test.ts.
const viewer = { id: 1, role: "VIEWER" as const };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  concerns = await import("@/lib/records/concern/queries");
  timeline = await import("@/lib/records/concern/timeline");
  countries = await import("@/lib/db/countries");
});

describe("listUnresolvedConcerns", () => {
  it("lists the open demo concern with its countries and request count", async () => {
    const rows = await concerns.listUnresolvedConcerns(viewer);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "OPEN", severity: "HIGH", _count: { requestLinks: 2 } });
    expect(rows[0]!.countryLinks.map((l) => l.country.alpha2).sort()).toEqual(["CO", "RU", "US", "VE"]);
  });

  it("leaves out resolved and deleted concerns", async () => {
    const id = (await concerns.listUnresolvedConcerns(viewer))[0]!.id;
    await ctx.db.concern.update({ where: { id }, data: { status: "RESOLVED" } });
    expect(await concerns.listUnresolvedConcerns(viewer)).toHaveLength(0);
    await ctx.db.concern.update({ where: { id }, data: { status: "MONITORING", deletedAt: new Date() } });
    expect(await concerns.listUnresolvedConcerns(viewer)).toHaveLength(0);
    await ctx.db.concern.update({ where: { id }, data: { status: "OPEN", deletedAt: null } });
    expect(await concerns.listUnresolvedConcerns(viewer)).toHaveLength(1);
  });
});

describe("getConcern", () => {
  it("returns requests in date order with actors, quotes and sources, the transfer and the inspection", async () => {
    const id = (await concerns.listUnresolvedConcerns(viewer))[0]!.id;
    const c = await concerns.getConcern(viewer, id);
    expect(c).not.toBeNull();
    const years = c!.requestLinks.rows.map((l) => l.request.occurredOn?.getUTCFullYear());
    expect(years).toEqual([2005, 2009]);
    const [r2005, r2009] = c!.requestLinks.rows.map((l) => l.request);
    expect(r2005!.quotes.rows.map((q) => q.text)).toContain("That is your decision, not ours; we have our own policy.");
    expect(r2005!.citations.rows.map((x) => x.source.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/2005 cable/)]),
    );
    expect(r2009!.followUpOf?.id).toBe(r2005!.id);
    expect(c!.transferLinks.rows[0]!.transfer.weaponSystem?.name).toBe("Igla-S");
    expect(c!.inspections.rows).toHaveLength(1);
    expect(c!.inspections.rows[0]).toMatchObject({ status: "RIGHT_ASSERTED", conductedOn: null });
    expect(c!.quotes.rows.map((q) => q.speaker?.name ?? q.speakerLabel)).toEqual(
      expect.arrayContaining(["Anatoliy Kulikov", "Matt Schroeder"]),
    );
    expect(c!.statusChanges.rows).toHaveLength(1);
  });

  it("leaves out a deleted request and answers null for a missing or deleted concern", async () => {
    const id = (await concerns.listUnresolvedConcerns(viewer))[0]!.id;
    const r = await ctx.db.diplomaticRequest.findFirstOrThrow({ where: { externalId: "demo:request:2009" } });
    await ctx.db.diplomaticRequest.update({ where: { id: r.id }, data: { deletedAt: new Date() } });
    expect((await concerns.getConcern(viewer, id))!.requestLinks.rows).toHaveLength(1);
    await ctx.db.diplomaticRequest.update({ where: { id: r.id }, data: { deletedAt: null } });

    expect(await concerns.getConcern(viewer, 999_999)).toBeNull();
    await ctx.db.concern.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await concerns.getConcern(viewer, id)).toBeNull();
    await ctx.db.concern.update({ where: { id }, data: { deletedAt: null } });
  });
});

describe("the concern page's timeline and sources", () => {
  it("starts the timeline with the opening in 2005, where the concern opened", async () => {
    const id = (await concerns.listUnresolvedConcerns(viewer))[0]!.id;
    const c = (await concerns.getConcern(viewer, id))!;
    const { items } = timeline.concernTimeline(c);
    expect(items[0]).toMatchObject({ kind: "opening", precision: "YEAR" });
    expect(items[0]!.date?.getUTCFullYear()).toBe(2005);
    expect(items.filter((i) => i.kind === "status")).toHaveLength(0);
  });

  it("groups citations by source, each passage once, with everything that cites it", async () => {
    const id = (await concerns.listUnresolvedConcerns(viewer))[0]!.id;
    const c = (await concerns.getConcern(viewer, id))!;
    const { groups, refs } = c.sources;
    const { passageKey } = await import("@/lib/format/quotes");
    expect(new Set(groups.map((g) => g.source.id)).size).toBe(groups.length);
    for (const g of groups) {
      const keys = g.passages.map((p) => (p.passage ? passageKey(p.passage) : ""));
      expect(new Set(keys).size).toBe(keys.length);
    }
    // The article's Antonov passage is cited by the 2005 request and its quote: one passage, two citers.
    const article = groups.find((g) => /News article/.test(g.source.title))!;
    const antonov = article.passages.filter((p) => p.passage?.includes("stressed that there was no international restriction"));
    expect(antonov).toHaveLength(1);
    expect(antonov[0]!.citedBy.map((x) => x.citer.type).sort()).toEqual(["quote", "request"]);
    // Every citation the page shows has its reference, and nothing is lost.
    const all = [
      ...c.citations.rows, ...c.quotes.rows.flatMap((q) => q.citations.rows),
      ...c.requestLinks.rows.flatMap(({ request: r }) => [...r.citations.rows, ...r.quotes.rows.flatMap((q) => q.citations.rows)]),
      ...c.transferLinks.rows.flatMap(({ transfer: t }) => t.citations.rows),
      ...c.inspections.rows.flatMap((i) => [...i.citations.rows, ...i.quotes.rows.flatMap((q) => q.citations.rows)]),
    ];
    for (const x of all) expect(refs[x.id]).toMatchObject({ sourceId: x.source.id });
    const grouped = groups.flatMap((g) => g.passages.flatMap((p) => p.citedBy.map((b) => b.citation.id)));
    expect(new Set(grouped)).toEqual(new Set(all.map((x) => x.id)));
  });
});

describe("listCountries", () => {
  it("lists every country with the counts of the demo case", async () => {
    const rows = await countries.listCountries(viewer);
    expect(rows).toHaveLength(249);
    const by = new Map(rows.map((r) => [r.alpha2, r]));
    expect(by.get("US")).toMatchObject({ requestsMade: 2, requestsReceived: 0, unresolvedConcerns: 1 });
    expect(by.get("RU")).toMatchObject({ requestsMade: 0, requestsReceived: 2, unresolvedConcerns: 1 });
    expect(by.get("VE")).toMatchObject({ alpha3: "VEN", numeric: "862", unresolvedConcerns: 1 });
    expect(by.get("FR")).toMatchObject({ requestsMade: 0, requestsReceived: 0, unresolvedConcerns: 0 });
  });
});

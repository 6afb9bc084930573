// Every list of related records on a record page is bounded (issue 12,
// point 2): with thousands of related rows, the page's data holds its first
// RELATED_LIMIT rows, the exact total (what the viewer may see, no more) and
// the address of the list of all of them; that list, opened as the link
// says, counts the same rows. Rows are created in bulk (createMany), as an
// import would.
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { LIST_SPECS, parseListParams, type ListType } from "@/lib/lists/params";
import { CITATION_FILTERS, QUOTE_FILTERS, parseRelatedListParams } from "@/lib/lists/related-params";
import { seed } from "@/tools/seed/load";
import { boundTimeline, type TimelineItem } from "@/lib/timeline";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("related_lists");
const MANY = 3_000;
/** Of the rows, how many are RESTRICTED (by their author) and how many deleted. */
const RESTRICTED = 7;
const DELETED = 4;

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" };
const who = {} as Record<"viewer" | "author" | "editor", Who>;
const ids = {} as Record<"weapon" | "hiddenWeapon" | "source" | "actor" | "concern" | "ru" | "ve" | "request", number>;

let related: typeof import("@/lib/db/records/related");
let relatedLists: typeof import("@/lib/records/related-lists");
let weaponSystems: typeof import("@/lib/records/weapon-system/queries");
let sources: typeof import("@/lib/records/source/queries");
let actors: typeof import("@/lib/records/actor/queries");
let concerns: typeof import("@/lib/records/concern/queries");
let requests: typeof import("@/lib/records/request/queries");
let listRecords: typeof import("@/lib/records/lists").listRecords;

/** `n` rows of `make(i)`: the first RESTRICTED by the author, the next DELETED soft-deleted, the rest plain. */
function rows<T>(n: number, make: (i: number) => T): (T & { visibility: "INTERNAL" | "RESTRICTED"; createdById: number | null; deletedAt: Date | null })[] {
  return Array.from({ length: n + RESTRICTED + DELETED }, (_, i) => ({
    ...make(i),
    visibility: i < RESTRICTED ? ("RESTRICTED" as const) : ("INTERNAL" as const),
    createdById: i < RESTRICTED ? who.author.id : null,
    deletedAt: i >= RESTRICTED && i < RESTRICTED + DELETED ? new Date() : null,
  }));
}

/** The total of the list that `href` opens, as `viewer` sees it. */
async function listTotal(viewer: Who, href: string): Promise<number> {
  const [path, query = ""] = href.split("?");
  const search = new URLSearchParams(query);
  if (path === "/quotes") return (await relatedLists.listQuotes(viewer, parseRelatedListParams(QUOTE_FILTERS, search).params)).total;
  if (path === "/citations") return (await relatedLists.listCitations(viewer, parseRelatedListParams(CITATION_FILTERS, search).params)).total;
  const type = (Object.keys(LIST_SPECS) as ListType[]).find((t) => LIST_SPECS[t].path === path);
  if (!type || type === "countries") throw new Error(`No record list at ${path}`);
  const { params, messages } = parseListParams(type, search);
  expect(messages).toEqual([]);
  const page = await listRecords(type, viewer, params);
  expect(page.total.exact).toBe(true);
  return page.total.value;
}

/**
 * The rows PostgreSQL sends for the queries `run` makes (through the app's
 * pool): a page must read its first rows, not every related row (Prisma
 * reads a whole relation for a nested `take`).
 */
async function rowsRead(run: () => Promise<unknown>): Promise<number> {
  const original = pg.Pool.prototype.query;
  let rows = 0;
  const spy = vi.spyOn(pg.Pool.prototype, "query").mockImplementation(function (this: pg.Pool, ...args: unknown[]) {
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) void result.then((r: { rowCount?: number | null }) => (rows += r?.rowCount ?? 0), () => {});
    return result as ReturnType<typeof original>;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return rows;
}

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  related = await import("@/lib/db/records/related");
  relatedLists = await import("@/lib/records/related-lists");
  weaponSystems = await import("@/lib/records/weapon-system/queries");
  sources = await import("@/lib/records/source/queries");
  actors = await import("@/lib/records/actor/queries");
  concerns = await import("@/lib/records/concern/queries");
  requests = await import("@/lib/records/request/queries");
  ({ listRecords } = await import("@/lib/records/lists"));
  for (const [name, role] of [["viewer", "VIEWER"], ["author", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const db = ctx.db;
  ids.ru = (await db.country.findUniqueOrThrow({ where: { alpha2: "RU" } })).id;
  ids.ve = (await db.country.findUniqueOrThrow({ where: { alpha2: "VE" } })).id;
  ids.weapon = (await db.weaponSystem.create({ data: { name: "Bulk-1", category: "MANPADS" } })).id;
  ids.hiddenWeapon = (await db.weaponSystem.create({ data: { name: "Hidden-1", category: "MANPADS", visibility: "RESTRICTED", createdById: who.author.id } })).id;
  ids.source = (await db.source.create({ data: { kind: "NEWS_ARTICLE", title: "Cited by thousands" } })).id;
  ids.actor = (await db.actor.create({ data: { name: "Busy Minister", kind: "PERSON" } })).id;
  ids.concern = (await db.concern.create({ data: { title: "Concern with thousands of records", category: "PROLIFERATION", severity: "HIGH" } })).id;

  // 3,000 transfers of one weapon system (and a few of a restricted one), each citing the one source.
  await db.armsTransfer.createMany({
    data: rows(MANY, (i) => ({ supplierId: ids.ru, recipientId: ids.ve, weaponSystemId: ids.weapon, status: "DELIVERED" as const, orderYear: 1990 + (i % 30) })),
  });
  await db.armsTransfer.createMany({ data: [1, 2, 3].map(() => ({ supplierId: ids.ru, recipientId: ids.ve, weaponSystemId: ids.hiddenWeapon, status: "ORDERED" as const })) });
  const transferIds = (await db.armsTransfer.findMany({ where: { weaponSystemId: ids.weapon }, select: { id: true }, orderBy: { id: "asc" } })).map((t) => t.id);
  await db.citation.createMany({ data: transferIds.map((transferId) => ({ sourceId: ids.source, transferId, passage: "A passage." })) });
  await db.concernTransfer.createMany({ data: transferIds.map((transferId) => ({ concernId: ids.concern, transferId })) });
  // One inspection of each of the first transfers (through them, of the system, and about the concern).
  await db.inspection.createMany({
    data: transferIds.slice(0, 60).map((transferId) => ({ transferId, hostCountryId: ids.ve, status: "RIGHT_ASSERTED" as const })),
  });

  // 3,000 requests made to one actor, about the concern, and 3,000 quotes by them.
  await db.diplomaticRequest.createMany({
    data: rows(MANY, (i) => ({
      title: `Bulk request ${i}`, requestingCountryId: ids.ve, targetCountryId: ids.ru, ask: "HALT_SALE" as const,
      occurredOn: new Date(Date.UTC(2000 + (i % 20), 0, 1)), occurredOnPrecision: "YEAR" as const,
    })),
  });
  const requestIds = (await db.diplomaticRequest.findMany({ where: { title: { startsWith: "Bulk request" } }, select: { id: true } })).map((r) => r.id);
  ids.request = requestIds.at(-1)!;
  await db.requestActor.createMany({ data: requestIds.map((requestId) => ({ requestId, actorId: ids.actor, side: "TARGET" as const })) });
  await db.requestConcern.createMany({ data: requestIds.map((requestId) => ({ requestId, concernId: ids.concern })) });
  await db.quote.createMany({ data: rows(MANY, (i) => ({ text: `Bulk quote ${i}`, speakerId: ids.actor, requestId: ids.request })) });
}, 120_000);

describe("a weapon system with 3,000 transfers", () => {
  it("shows the first RELATED_LIMIT, the exact total for each reader, and the list that holds all of them", async () => {
    // The inspections are of the first 60 transfers, of which RESTRICTED and DELETED are hidden from a viewer (DELETED from all).
    const inspected = { [who.viewer.id]: 60 - RESTRICTED - DELETED, [who.author.id]: 60 - DELETED, [who.editor.id]: 60 - DELETED };
    for (const [viewer, expected] of [[who.viewer, MANY], [who.author, MANY + RESTRICTED], [who.editor, MANY + RESTRICTED]] as const) {
      const w = (await weaponSystems.getWeaponSystem(viewer, ids.weapon))!;
      expect(w.transfers.rows).toHaveLength(related.RELATED_LIMIT);
      expect(w.transfers.total).toBe(expected);
      expect(w.transfers.href).toBe(`/transfers?weaponSystem=${ids.weapon}&sort=year&dir=asc`);
      expect(await listTotal(viewer, w.transfers.href)).toBe(expected);
      expect(w.inspections.rows).toHaveLength(related.RELATED_LIMIT);
      expect(w.inspections.total).toBe(inspected[viewer.id]);
      expect(await listTotal(viewer, w.inspections.href)).toBe(inspected[viewer.id]);
    }
  });

  it("lists first on the linked list the rows the section shows first", async () => {
    const w = (await weaponSystems.getWeaponSystem(who.viewer, ids.weapon))!;
    const { params } = parseListParams("transfers", new URLSearchParams(w.transfers.href.split("?")[1]));
    const page = await listRecords("transfers", who.viewer, params);
    expect(page.rows.slice(0, related.RELATED_LIMIT).map((t) => t.id)).toEqual(w.transfers.rows.map((t) => t.id));
  });

  it("lists nothing by the id of a weapon system the reader may not see", async () => {
    const href = `/transfers?weaponSystem=${ids.hiddenWeapon}`;
    expect(await listTotal(who.viewer, href)).toBe(0);
    expect(await listTotal(who.editor, href)).toBe(3);
  });
});

describe("a source cited 3,000 times", () => {
  it("shows the first citations, their exact total and the list of all of them", async () => {
    for (const [viewer, expected] of [[who.viewer, MANY], [who.editor, MANY + RESTRICTED]] as const) {
      const s = (await sources.getSource(viewer, ids.source))!;
      expect(s.citedBy.rows).toHaveLength(related.RELATED_LIMIT);
      expect(s.citedBy.total).toBe(expected);
      expect(s.citedBy.href).toBe(`/citations?source=${ids.source}`);
      expect(await listTotal(viewer, s.citedBy.href)).toBe(expected);
    }
    const page2 = await relatedLists.listCitations(who.viewer, { filter: { key: "source", id: ids.source }, page: 2 });
    expect(page2.rows).toHaveLength(50);
    expect(page2.hasNext).toBe(true);
  });
});

describe("an actor with 3,000 requests and 3,000 quotes", () => {
  it("shows the first of each side and of the quotes, with totals and links", async () => {
    for (const [viewer, expected] of [[who.viewer, MANY], [who.author, MANY + RESTRICTED]] as const) {
      const a = (await actors.getActor(viewer, ids.actor))!;
      expect(a.requestsReceived.rows).toHaveLength(related.RELATED_LIMIT);
      expect(a.requestsReceived.total).toBe(expected);
      expect(a.requestsReceived.href).toBe(`/requests?targetActor=${ids.actor}&sort=date&dir=asc`);
      expect(await listTotal(viewer, a.requestsReceived.href)).toBe(expected);
      expect(a.requestsMade.total).toBe(0);
      expect(await listTotal(viewer, a.requestsMade.href)).toBe(0);
      expect(a.quotes.rows).toHaveLength(related.RELATED_LIMIT);
      expect(a.quotes.total).toBe(expected);
      expect(await listTotal(viewer, a.quotes.href)).toBe(expected);
    }
  });

  it("bounds a request's 3,000 quotes, and the sources within each", async () => {
    const r = (await requests.getRequest(who.viewer, ids.request))!;
    expect(r.quotes.rows).toHaveLength(related.RELATED_LIMIT);
    expect(r.quotes.total).toBe(MANY);
    expect(r.quotes.href).toBe(`/quotes?request=${ids.request}`);
    expect(await listTotal(who.viewer, r.quotes.href)).toBe(MANY);
    expect(r.actorLinks.total).toBe(1);
  });
});

describe("a concern with 3,000 requests and 3,000 transfers", () => {
  it("reads the first of each kind of event, with totals and links", async () => {
    for (const [viewer, expected] of [[who.viewer, MANY], [who.editor, MANY + RESTRICTED]] as const) {
      const c = (await concerns.getConcern(viewer, ids.concern))!;
      for (const list of [c.requestLinks, c.transferLinks, c.inspections]) {
        expect(list.rows).toHaveLength(related.RELATED_LIMIT);
        expect(await listTotal(viewer, list.href)).toBe(list.total);
      }
      expect(c.requestLinks.total).toBe(expected);
      expect(c.transferLinks.total).toBe(expected);
      expect(c.inspections.total).toBe(60 - DELETED - (viewer.role === "VIEWER" ? RESTRICTED : 0));
      // Within each request on the timeline, at most NESTED_LIMIT quotes.
      expect(Math.max(...c.requestLinks.rows.map((l) => l.request.quotes.rows.length))).toBeLessThanOrEqual(related.NESTED_LIMIT);
    }
  });
});

describe("what a record page reads", () => {
  it("is its first rows, not the thousands behind them", async () => {
    const reads = {
      weaponSystem: await rowsRead(() => weaponSystems.getWeaponSystem(who.viewer, ids.weapon)),
      source: await rowsRead(() => sources.getSource(who.viewer, ids.source)),
      actor: await rowsRead(() => actors.getActor(who.viewer, ids.actor)),
      request: await rowsRead(() => requests.getRequest(who.viewer, ids.request)),
      concern: await rowsRead(() => concerns.getConcern(who.viewer, ids.concern)),
    };
    // Each list's first rows and what they show (countries, names...): a few hundred rows at most.
    for (const n of Object.values(reads)) expect(n).toBeLessThan(1_000);
    expect(reads.weaponSystem).toBeGreaterThan(related.RELATED_LIMIT);
  });
});

describe("a country page's sections", () => {
  it("link to lists of exactly the records they count", async () => {
    const { getCountryPage } = await import("@/lib/db/country-page");
    for (const viewer of [who.viewer, who.editor]) {
      for (const code of ["RU", "VE"]) {
        const page = (await getCountryPage(viewer, code))!;
        expect(await listTotal(viewer, `/transfers?supplier=${code}`)).toBe(page.transfers.SUPPLIER.total);
        expect(await listTotal(viewer, `/transfers?recipient=${code}`)).toBe(page.transfers.RECIPIENT.total);
        expect(await listTotal(viewer, `/requests?requestedBy=${code}`)).toBe(page.requests.MADE.total);
        expect(await listTotal(viewer, `/requests?askedOf=${code}`)).toBe(page.requests.RECEIVED.total);
        expect(await listTotal(viewer, `/inspections?host=${code}`)).toBe(page.inspections.HOST.total);
        expect(await listTotal(viewer, `/inspections?inspectedBy=${code}`)).toBe(page.inspections.INSPECTING.total);
        expect(await listTotal(viewer, `/concerns?country=${code}`)).toBe(page.concerns.total);
      }
    }
    expect((await getCountryPage(who.viewer, "RU"))!.transfers.SUPPLIER.total).toBeGreaterThan(MANY);
  });
});

describe("the lists' linked-record filters", () => {
  it("has an SQL condition for every filter a list declares", async () => {
    for (const type of ["transfers", "requests", "concerns", "inspections"] as const) {
      for (const param of Object.keys(LIST_SPECS[type].links)) {
        const { params, messages } = parseListParams(type, new URLSearchParams({ [param]: "1" }));
        expect(messages).toEqual([]);
        expect(params.links).toEqual({ [param]: 1 });
        await listTotal(who.viewer, `${LIST_SPECS[type].path}?${param}=1`);
      }
      for (const param of Object.keys(LIST_SPECS[type].sides)) {
        const { params } = parseListParams(type, new URLSearchParams({ [param]: "ru" }));
        expect(params.sides).toEqual({ [param]: "RU" });
        await listTotal(who.viewer, `${LIST_SPECS[type].path}?${param}=RU`);
      }
    }
  });

  it("ignores an id that is not a number, and says so", () => {
    const { params, messages } = parseListParams("transfers", new URLSearchParams("weaponSystem=abc"));
    expect(params.links).toEqual({});
    expect(messages).toEqual([expect.stringMatching(/“abc” is not a number/)]);
    const quotes = parseRelatedListParams(QUOTE_FILTERS, new URLSearchParams("speaker=-1&request=2"));
    expect(quotes.params.filter).toEqual({ key: "request", id: 2 });
    expect(quotes.messages).toHaveLength(1);
  });
});

describe("boundTimeline", () => {
  const at = (y: number) => new Date(Date.UTC(y, 0, 1));
  const item = (key: string, date: Date | null): TimelineItem<null> => ({ key, kind: "request", date, precision: "YEAR", data: null });
  it("stops where the first partial list stops, and drops undated events then", () => {
    const items = [item("a", at(2001)), item("b", at(2005)), item("c", at(2009)), item("d", null)];
    expect(boundTimeline(items, []).items.map((i) => i.key)).toEqual(["a", "b", "c", "d"]);
    const cut = boundTimeline(items, [{ last: at(2009) }, { last: at(2005) }]);
    expect(cut.items.map((i) => i.key)).toEqual(["a", "b"]);
    expect(cut.until).toEqual(at(2005));
    expect(boundTimeline(items, [{ last: null }]).items.map((i) => i.key)).toEqual(["a", "b", "c"]);
  });
});

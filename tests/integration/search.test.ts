// The global search (lib/search, GET /api/v1/search) on the seeded demo case
// plus records made here: ranking (a title match above a body match),
// grouping, prefix type-ahead, bounds, visibility exactly as the lists
// (restricted records only for editors, admins and their author, deleted
// ones never, their words in no snippet, name or count), and the API's
// answers to bad input, unknown parameters and missing credentials.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("search");

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who = {} as Record<"viewer" | "analyst" | "author" | "editor" | "admin", Who>;
const ids = { titleMatch: 0, bodyMatch: 0, secret: 0, gone: 0, linkedTransfer: 0, secretWeapon: 0 };

let searchAll: typeof import("@/lib/search/search").searchAll;
let searchSql: typeof import("@/lib/search/search").searchSql;
let route: { GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> };

type Results = Awaited<ReturnType<typeof searchAll>>;
const group = (r: Results, type: string) => r.groups.find((g) => g.type === type)!;
const hitIds = (r: Results, type: string) => group(r, type).hits.map((h) => h.id);

async function api(query: string, as: Who | null): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  await actAs(ctx.db, as ? as.id : null);
  const res = await route.GET(new Request(`http://localhost/api/v1/search${query}`), { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "100000");
  await seed(ctx.db);
  ({ searchAll, searchSql } = await import("@/lib/search/search"));
  route = (await import("@/app/api/v1/search/route")) as unknown as typeof route;
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["author", "ANALYST"], ["editor", "EDITOR"], ["admin", "ADMIN"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const db = ctx.db;
  const { us, ru } = await db.country
    .findMany({ where: { alpha2: { in: ["US", "RU"] } } })
    .then((cs) => (cs.length === 2 ? { us: cs.find((c) => c.alpha2 === "US")!.id, ru: cs.find((c) => c.alpha2 === "RU")!.id } : makeUsAndRussia(db)));
  // The title match is created first: on equal ranks the newer record would come first, so only the rank puts it ahead.
  ids.titleMatch = (await db.concern.create({ data: { title: "Zqrankword in the title", summary: "Nothing else here.", category: "OTHER", severity: "LOW" } })).id;
  ids.bodyMatch = (
    await db.concern.create({ data: { title: "A concern about something", summary: "The body mentions zqrankword once, deep in the text.", category: "OTHER", severity: "LOW" } })
  ).id;
  // A restricted concern by an analyst, and a deleted one: their words are found only by whom may see them.
  ids.secret = (
    await db.concern.create({
      data: { title: "Zqsecret concern", summary: "zqsecret body zqshared", category: "OTHER", severity: "HIGH", visibility: "RESTRICTED", createdById: who.author.id },
    })
  ).id;
  ids.gone = (await db.concern.create({ data: { title: "Zqgone concern", summary: "zqshared", category: "OTHER", severity: "HIGH", deletedAt: new Date() } })).id;
  // An internal transfer whose weapon system is restricted: found by its comments, named without the weapon.
  ids.secretWeapon = (await db.weaponSystem.create({ data: { name: "Zqsecret Launcher", category: "MANPADS", visibility: "RESTRICTED", createdById: who.author.id } })).id;
  ids.linkedTransfer = (
    await db.armsTransfer.create({ data: { supplierId: ru, recipientId: us, status: "ORDERED", comments: "zqlinked comments", weaponSystemId: ids.secretWeapon } })
  ).id;
  await db.actor.createMany({ data: Array.from({ length: 25 }, (_, i) => ({ name: `Zqmany actor ${i}`, kind: "PERSON" as const })) });
});

describe("ranking, grouping and type-ahead", () => {
  it("puts a title match above a body match", async () => {
    const r = await searchAll(who.viewer, "zqrankword", { perType: 5 });
    expect(hitIds(r, "concerns")).toEqual([ids.titleMatch, ids.bodyMatch]);
    const [first, second] = group(r, "concerns").hits;
    expect(first!.rank).toBeGreaterThan(second!.rank);
    expect(first!.name).toBe("Zqrankword in the title");
    expect(first!.href).toBe(`/concerns/${ids.titleMatch}`);
  });

  it("groups the demo case's Igla-S by type, each hit named as its pages name it", async () => {
    const r = await searchAll(who.viewer, "Igla", { perType: 5 });
    expect(r.groups.map((g) => g.type)).toEqual(["concerns", "requests", "transfers", "inspections", "sources", "actors", "weapon-systems", "quotes", "countries"]);
    expect(group(r, "weapon-systems").hits.map((h) => h.name)).toContain("Igla-S");
    expect(group(r, "transfers").hits.map((h) => h.name)).toContain("Russia to Venezuela: Igla-S");
    expect(group(r, "concerns").hits[0]!.name).toMatch(/Igla-S/);
    expect(group(r, "requests").count).toBeGreaterThanOrEqual(1);
    for (const g of r.groups) {
      expect(g.count).toBe(g.hits.length); // fewer than 5 of each in the demo case
      expect(g.listHref).toBe(g.count > 0 && g.type !== "quotes" ? `/${g.type}?q=Igla` : null);
    }
    expect(r.total).toBe(r.groups.reduce((n, g) => n + g.count, 0));
  });

  it("matches the last word as a prefix while typing", async () => {
    const r = await searchAll(who.viewer, "igl", { perType: 5 });
    expect(group(r, "weapon-systems").hits.map((h) => h.name)).toContain("Igla-S");
    expect(hitIds(await searchAll(who.viewer, "zqrankw", { perType: 5 }), "concerns")).toEqual([ids.titleMatch, ids.bodyMatch]);
    // Earlier words must match whole; the last one as a prefix.
    expect(hitIds(await searchAll(who.viewer, "body zqrankw", { perType: 5 }), "concerns")).toEqual([ids.bodyMatch]);
  });

  it("highlights the match in a snippet of plain text", async () => {
    const hit = group(await searchAll(who.viewer, "zqrankword", { perType: 5 }), "concerns").hits.find((h) => h.id === ids.bodyMatch)!;
    expect(hit.snippet.text).toContain("zqrankword");
    expect(hit.snippet.highlights.map(([s, e]) => hit.snippet.text.slice(s, e))).toEqual(["zqrankword"]);
  });

  it("types= searches only those types", async () => {
    const r = await searchAll(who.viewer, "Igla", { perType: 5, types: ["weapon-systems", "countries"] });
    expect(r.groups.map((g) => g.type)).toEqual(["weapon-systems", "countries"]);
  });
});

describe("bounds", () => {
  it("returns at most perType hits per type, counts them all, and never more than 20", async () => {
    const five = await searchAll(who.viewer, "zqmany", { perType: 5 });
    expect(group(five, "actors").hits).toHaveLength(5);
    expect(group(five, "actors").count).toBe(25);
    expect(group(five, "actors").countExact).toBe(true);
    const page = await searchAll(who.viewer, "zqmany", { perType: 500 });
    expect(group(page, "actors").hits).toHaveLength(20);
  });

  it("is one statement with one bounded branch per type", async () => {
    const statement = searchSql(who.viewer, "igla", ["concerns", "requests", "transfers", "inspections", "sources", "actors", "weapon-systems", "quotes", "countries"], 5);
    const plan = await ctx.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${statement.text}`, ...(statement.values as unknown[]));
    const text = plan.map((p) => p["QUERY PLAN"]).join("\n");
    // Each type ranks its capped candidates (CTE ranked) and stops at the page (Limit); the query is folded to a constant tsquery.
    expect(text.match(/CTE ranked/g)).toHaveLength(9);
    expect(text).toContain("''igla'':A | ''igla'':*A");
  });
});

describe("visibility, as the lists", () => {
  const secretFound = async (as: Who) => {
    const r = await searchAll(as, "zqsecret", { perType: 5 });
    return { concerns: hitIds(r, "concerns"), weapons: hitIds(r, "weapon-systems"), total: r.total, json: JSON.stringify(r.groups) };
  };

  it("hides a restricted record from viewers and other analysts: no hit, no count, no word", async () => {
    for (const as of [who.viewer, who.analyst]) {
      const r = await secretFound(as);
      expect(r.concerns).toEqual([]);
      expect(r.weapons).toEqual([]);
      expect(r.total).toBe(0);
      expect(r.json).not.toMatch(/zqsecret/i);
    }
    // A word the restricted and the deleted records share with nothing else: nothing at all.
    const shared = await searchAll(who.viewer, "zqshared", { perType: 5 });
    expect(shared.total).toBe(0);
    expect(shared.groups.every((g) => g.hits.length === 0 && g.count === 0 && g.listHref === null)).toBe(true);
  });

  it("shows it to its author, editors and admins", async () => {
    for (const as of [who.author, who.editor, who.admin]) {
      const r = await secretFound(as);
      expect(r.concerns).toEqual([ids.secret]);
      expect(r.weapons).toEqual([ids.secretWeapon]);
    }
  });

  it("never finds a deleted record, not even for editors and admins", async () => {
    for (const as of Object.values(who)) {
      const r = await searchAll(as, "zqgone", { perType: 5 });
      expect(r.total).toBe(0);
      expect(JSON.stringify(r.groups)).not.toMatch(/zqgone/i);
    }
  });

  it("names a linked record the viewer may not see as not shown", async () => {
    const viewer = group(await searchAll(who.viewer, "zqlinked", { perType: 5 }), "transfers").hits;
    expect(viewer.map((h) => h.id)).toEqual([ids.linkedTransfer]);
    expect(viewer[0]!.name).toBe("Russia to United States: weapon system not shown");
    const editor = group(await searchAll(who.editor, "zqlinked", { perType: 5 }), "transfers").hits;
    expect(editor[0]!.name).toBe("Russia to United States: Zqsecret Launcher");
  });
});

describe("GET /api/v1/search", () => {
  it("answers the viewer's results, as searchAll does", async () => {
    const res = await api("?q=zqrankword&types=concerns&limit=1", who.viewer);
    expect(res.status).toBe(200);
    const groups = res.body.groups as { type: string; hits: { id: number }[]; count: number }[];
    expect(groups.map((g) => g.type)).toEqual(["concerns"]);
    expect(groups[0]!.hits.map((h) => h.id)).toEqual([ids.titleMatch]);
    expect(groups[0]!.count).toBe(2);
    const secret = await api("?q=zqsecret", who.viewer);
    expect(secret.status).toBe(200);
    expect(secret.body.total).toBe(0);
  });

  it("401 without a session or token", async () => {
    const res = await api("?q=igla", null);
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/igla/i);
  });

  it("400 for bad input, with nothing found in the answer", async () => {
    for (const query of ["", "?q=", "?q=%20%20", "?q=!!!", `?q=${"a".repeat(201)}`, "?q=%00", "?q=igla&q=igla", "?q=igla&types=bogus", "?q=igla&limit=0", "?q=igla&limit=21", "?q=igla&limit=x", "?q=zqsecret&limit=-1"]) {
      const res = await api(query, who.editor);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body)).toEqual(["error"]);
      expect(res.text).not.toMatch(/zqsecret concern|Igla-S/i);
    }
  });

  it("400 naming an unknown parameter", async () => {
    const res = await api("?q=igla&sort=rank", who.viewer);
    expect(res.status).toBe(400);
    expect((res.body.error as { fields: Record<string, unknown> }).fields).toHaveProperty("sort");
  });

  it("reads operators, quotes and prefix syntax as plain words, never as an error", async () => {
    for (const q of ["igla & | ! ( )", "igla:*", "'igla'", '"igla', "igla <-> s", "!!igla", "igla:A", "or", "a:* & b", "\\x00igla", "🙂 igla", "igla\u202e"]) {
      const res = await api(`?q=${encodeURIComponent(q)}`, who.viewer);
      expect(res.status, q).toBe(200);
    }
  });
});

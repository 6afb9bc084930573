// The request list with 100,000 requests: judged by the query plans
// PostgreSQL chooses (EXPLAIN), never by timing, since these machines are
// shared and noisy. A page must come from an index, never from reading the
// whole table, and a search from the GIN index of the search column.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseListParams } from "@/lib/lists/params";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("lists_scale");
const ROWS = 100_000;

let requests: typeof import("@/lib/records/request/list");
let listRecords: typeof import("@/lib/records/lists").listRecords;
let viewer: { id: number; role: "VIEWER" };
let editor: { id: number; role: "EDITOR" };

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
  /** Added here: the rows of the nearest Limit above this node (none: no limit). */
  limitAbove?: number;
};

function nodes(plan: PlanNode, limitAbove?: number): PlanNode[] {
  const below = plan["Node Type"] === "Limit" ? Math.min(limitAbove ?? Infinity, plan["Plan Rows"] ?? Infinity) : limitAbove;
  return [{ ...plan, limitAbove }, ...(plan.Plans ?? []).flatMap((child) => nodes(child, below))];
}

async function planOf(query: string, who: { id: number; role: string } = viewer): Promise<PlanNode[]> {
  const params = parseListParams("requests", new URLSearchParams(query)).params;
  const sql = requests.requestRowsSql(requests.requestListQuery(who, params));
  const [row] = await ctx.db.$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
  const raw = row!["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return nodes(plan[0]!.Plan);
}

const onRequests = (n: PlanNode) => n["Relation Name"] === "DiplomaticRequest" || n["Index Name"]?.startsWith("DiplomaticRequest_");
const seqScans = (plan: PlanNode[]) => plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "DiplomaticRequest");
const indexesUsed = (plan: PlanNode[]) =>
  plan.filter((n) => onRequests(n) && /Index/.test(n["Node Type"])).map((n) => n["Index Name"]);

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  requests = await import("@/lib/records/request/list");
  ({ listRecords } = await import("@/lib/records/lists"));
  viewer = { id: (await makeUser(ctx.db, "VIEWER")).id, role: "VIEWER" };
  editor = { id: (await makeUser(ctx.db, "EDITOR")).id, role: "EDITOR" };
  // 100,000 requests in one statement: every country on both sides, dates
  // over 33 years (one in 50 unknown), every response, one in ten
  // restricted, one in 5,000 with a rare word.
  await ctx.db.$executeRaw`
    INSERT INTO "DiplomaticRequest" (title, "occurredOn", "occurredOnPrecision", "requestingCountryId", "targetCountryId",
                                     ask, "askDetail", response, visibility, "updatedAt")
    SELECT 'Generated request ' || g || ' about ' || (ARRAY['artillery', 'corvettes', 'rifles', 'radars', 'helicopters'])[1 + g % 5]
             || CASE WHEN g % 5000 = 1 THEN ' quasarword' ELSE '' END,
           CASE WHEN g % 50 = 0 THEN NULL ELSE date '1990-01-01' + g % 12000 END,
           CASE WHEN g % 50 = 0 THEN NULL ELSE 'DAY'::"DatePrecision" END,
           c.ids[1 + g % c.n], c.ids[1 + (g * 7 + 3) % c.n],
           (enum_range(NULL::"RequestAsk"))[1 + g % 7],
           'Detail of generated request ' || g,
           (enum_range(NULL::"RequestResponse"))[1 + g % 6],
           CASE WHEN g % 10 = 0 THEN 'RESTRICTED'::"Visibility" ELSE 'INTERNAL'::"Visibility" END,
           now()
      FROM generate_series(1, ${ROWS}::int) g,
           (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "Country") c`;
  // What autovacuum does on a live server: statistics for the planner, and
  // the GIN indexes' pending entries merged into the index proper.
  await ctx.db.$executeRawUnsafe(`VACUUM ANALYZE "DiplomaticRequest", "Quote", "Citation", "Source", "Country"`);
}, 180_000);

describe(`the request list over ${ROWS.toLocaleString("en")} requests`, () => {
  it.each([
    { label: "the default first page (newest first)", query: "" },
    { label: "filtered by country and response, newest first", query: "country=RU&response=REBUFFED&sort=date&dir=desc" },
    { label: "filtered by country, oldest first", query: "country=VE&sort=date&dir=asc" },
    { label: "filtered by response, by title", query: "response=DEFLECTED&sort=title" },
    { label: "filtered by a date range", query: "from=2001-03&to=2001-04" },
    { label: "a search for a rare word", query: "q=quasarword" },
    { label: "a search for a word no row contains", query: "q=nowhereword" },
    { label: "a search for a common word", query: "q=rifles" },
    { label: "a search by the start of a word", query: "q=quasarw" },
    { label: "a search with a country filter", query: "q=artillery&country=FR" },
  ])("$label: from an index, no sequential scan of the table", async ({ query }) => {
    for (const who of [viewer, editor]) {
      const plan = await planOf(query, who);
      expect(seqScans(plan)).toEqual([]);
      expect(indexesUsed(plan).length).toBeGreaterThan(0);
    }
  });

  it("a search for a rare word reads the GIN index of the search column, whatever the sort", async () => {
    // Sorted by an indexed column, PostgreSQL would rather walk that index
    // and test each row, expecting matches early; for a word in few or no
    // rows that is the whole table (lib/db/lists/common.ts plans the search
    // on its own to prevent it).
    for (const query of [
      "q=quasarword",
      "q=quasarw",
      "q=nowhereword",
      "q=nowhereword&sort=title",
      "q=nowhereword&sort=date&dir=asc",
      "q=quasarword&sort=response",
      "q=quasarword&country=RU",
    ]) {
      const plan = await planOf(query);
      expect(indexesUsed(plan)).toContain("DiplomaticRequest_search_idx");
      // The sort column's index may be read only for the bounded probe of
      // the list's first rows (10,000 at most), never to the end of the table.
      const sortScans = plan.filter(
        (n) => /Index/.test(n["Node Type"]) && /^DiplomaticRequest_(title|occurredOn_id|response)/.test(n["Index Name"] ?? ""),
      );
      for (const scan of sortScans) expect(scan.limitAbove, scan["Index Name"]).toBeLessThanOrEqual(10_000);
    }
  });

  it.each([
    { label: "first page, newest first", query: "q=rifles" },
    { label: "third page, newest first", query: "q=rifles&page=3" },
    { label: "oldest first", query: "q=rifles&sort=date&dir=asc" },
    { label: "a far page (past the probe)", query: "q=rifles&page=30" },
    { label: "by title", query: "q=artillery&sort=title" },
    { label: "a word in few rows (no probe hit)", query: "q=quasarword" },
  ])("a search returns the same page as sorting all its matches: $label", async ({ query }) => {
    // The page the list returns against the plain query: every match, sorted, cut.
    const params = parseListParams("requests", new URLSearchParams(query)).params;
    const q = requests.requestListQuery(viewer, params);
    const d = q.dir === "asc" ? "ASC" : "DESC";
    const expected = await ctx.db.$queryRaw<{ id: number }[]>(Prisma.sql`
      SELECT ${Prisma.raw(q.alias)}.id FROM ${Prisma.raw(`${q.table} ${q.alias}`)}
       WHERE ${Prisma.join([...q.where, q.search!], " AND ")}
       ORDER BY ${Prisma.raw(`${q.sort.expr} ${d} NULLS LAST, ${q.alias}.id ${d}`)}
       LIMIT 50 OFFSET ${(q.page - 1) * 50}`);
    expect(expected.length).toBeGreaterThan(0);
    const page = await listRecords("requests", viewer, params);
    expect(page.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it("a search decided by its first rows finds through quotes and citations only what the viewer may read", async () => {
    // 200 requests newer than all others, found only through their quotes
    // or their citations' passages: 120 of those readable by a viewer, 80
    // restricted (a restricted quote, a restricted source, a deleted quote).
    // More than a page matches among the list's first rows, so the page
    // comes from testing those rows one by one (searchRow), not from
    // collecting every match.
    const country = (await ctx.db.country.findFirstOrThrow({ where: { alpha2: "RU" } })).id;
    const made = await ctx.db.$queryRaw<{ id: number; g: number }[]>`
      INSERT INTO "DiplomaticRequest" (title, "occurredOn", "occurredOnPrecision", "requestingCountryId", "targetCountryId", ask, response, "updatedAt")
      SELECT 'Probe request ' || g, date '2030-01-01' + g, 'DAY', ${country}, ${country}, 'HALT_SALE', 'REBUFFED', now()
        FROM generate_series(1, 200) g
      RETURNING id, substring(title FROM 15)::int AS g`;
    const byG = new Map(made.map((r) => [r.g, r.id]));
    const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => byG.get(from + i)!);
    const [open, closed] = await Promise.all(
      (["INTERNAL", "RESTRICTED"] as const).map((visibility) =>
        ctx.db.source.create({ data: { kind: "REPORT", title: `Probe source ${visibility}`, visibility } }),
      ),
    );
    try {
      await ctx.db.quote.createMany({
        data: [
          ...ids(1, 60).map((requestId) => ({ requestId, text: "He said probeword." })),
          ...ids(61, 100).map((requestId) => ({ requestId, text: "He said probeword.", visibility: "RESTRICTED" as const })),
          ...ids(101, 120).map((requestId) => ({ requestId, text: "He said probeword.", deletedAt: new Date() })),
        ],
      });
      await ctx.db.citation.createMany({
        data: [
          ...ids(121, 180).map((requestId) => ({ requestId, sourceId: open!.id, passage: "A probeword passage." })),
          ...ids(181, 200).map((requestId) => ({ requestId, sourceId: closed!.id, passage: "A probeword passage." })),
        ],
      });
      const newestFirst = (list: number[]) => [...list].sort((a, b) => b - a).slice(0, 50);
      const params = parseListParams("requests", new URLSearchParams("q=probeword")).params;

      const seen = await listRecords("requests", viewer, params);
      expect(seen.rows.map((r) => r.id)).toEqual(newestFirst([...ids(1, 60), ...ids(121, 180)]));
      const all = await listRecords("requests", editor, params);
      expect(all.rows.map((r) => r.id)).toEqual(newestFirst([...ids(1, 100), ...ids(121, 200)]));
    } finally {
      await ctx.db.diplomaticRequest.deleteMany({ where: { id: { in: made.map((r) => r.id) } } });
      await ctx.db.source.deleteMany({ where: { id: { in: [open!.id, closed!.id] } } });
    }
  });

  it("a filtered first page reads an index of its filter or its sort", async () => {
    const used = indexesUsed(await planOf("country=RU&response=REBUFFED&sort=date&dir=desc"));
    expect(used.some((name) => /requestingCountryId|targetCountryId|response|occurredOn/.test(name ?? ""))).toBe(true);
  });

  it("returns the page, and says 'about N' from the planner's estimate instead of counting", async () => {
    const all = await listRecords("requests", viewer, parseListParams("requests", new URLSearchParams()).params);
    expect(all.rows).toHaveLength(50);
    expect(all.hasNext).toBe(true);
    expect(all.total.exact).toBe(false);
    // 90,000 generated rows are visible to a viewer (+ the demo's 2).
    expect(all.total.value).toBeGreaterThan(60_000);
    expect(all.total.value).toBeLessThan(130_000);
    // Newest first, unknown dates last.
    const dates = all.rows.map((r) => r.occurredOn!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const few = await listRecords("requests", viewer, parseListParams("requests", new URLSearchParams("country=RU&response=REBUFFED")).params);
    expect(few.total.exact).toBe(true);
    const [exact] = await ctx.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "DiplomaticRequest" r JOIN "Country" c ON c.alpha2 = 'RU'
       WHERE r."deletedAt" IS NULL AND r.visibility = 'INTERNAL' AND r.response = 'REBUFFED'
         AND (r."requestingCountryId" = c.id OR r."targetCountryId" = c.id)`;
    expect(few.total.value).toBe(exact!.n);

    const rare = await listRecords("requests", viewer, parseListParams("requests", new URLSearchParams("q=quasarw")).params);
    expect(rare.total).toEqual({ value: 20, exact: true });
    expect(rare.rows.every((r) => r.title.endsWith("quasarword"))).toBe(true);
  });

  it("a later page still comes from an index, and a far one is the right page", async () => {
    expect(seqScans(await planOf("page=20"))).toEqual([]);
    // Page 400 (offset 19,950): the plan is the planner's call; the rows must be right.
    const page = await listRecords("requests", viewer, parseListParams("requests", new URLSearchParams("page=400")).params);
    const expected = await ctx.db.$queryRaw<{ id: number }[]>`
      SELECT id FROM "DiplomaticRequest" WHERE "deletedAt" IS NULL AND (visibility = 'INTERNAL' OR "createdById" = ${viewer.id})
       ORDER BY "occurredOn" DESC NULLS LAST, id DESC LIMIT 50 OFFSET 19950`;
    expect(page.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });
});

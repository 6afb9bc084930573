// The trigger-maintained counts of prisma/rollups.sql must equal, after any
// sequence of writes, the counts computed here from the requests as they are
// (an independent model of the documented keys): inserts one by one and in
// bulk, updates of counted and uncounted columns, soft and hard deletes,
// restores, a truncate, concurrent writers, and a rebuild.
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { applyRollups } from "@/tools/postgres/rollups";
import { projectRoot } from "@/tools/postgres/prisma-cli";
import type { DatePrecision, RequestAsk, RequestResponse } from "@/lib/generated/prisma/enums";

const ctx = withMigratedDatabase("rollups");

type Req = {
  id: number;
  requestingCountryId: number;
  targetCountryId: number;
  occurredOn: Date | null;
  occurredOnPrecision: DatePrecision | null;
  ask: RequestAsk;
  response: RequestResponse | null;
  visibility: "INTERNAL" | "RESTRICTED";
  verifiedAt: Date | null;
  deletedAt: Date | null;
};

const ASKS: RequestAsk[] = ["HALT_SALE", "SUSPEND_SALE", "INSPECTION", "INFORMATION"];
const RESPONSES: (RequestResponse | null)[] = ["REBUFFED", "ACCEPTED", "DEFLECTED", null];
const PRECISIONS: (DatePrecision | null)[] = ["DAY", "MONTH", "YEAR", null];

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

let countries: number[] = [];
const rnd = random(20050917);

function randomRequest() {
  const precision = rnd.pick(PRECISIONS);
  const dated = rnd.next() < 0.9;
  const y = 2003 + Math.floor(rnd.next() * 8);
  const m = 1 + Math.floor(rnd.next() * 12);
  const d = 1 + Math.floor(rnd.next() * 28);
  const on = !dated ? null : precision === "YEAR" ? new Date(Date.UTC(y, 0, 1)) : precision === "MONTH" ? new Date(Date.UTC(y, m - 1, 1)) : new Date(Date.UTC(y, m - 1, d));
  const from = rnd.pick(countries);
  return {
    title: "generated",
    requestingCountryId: from,
    // Now and then a country asking itself: counted once per country.
    targetCountryId: rnd.next() < 0.1 ? from : rnd.pick(countries),
    occurredOn: on,
    occurredOnPrecision: on ? precision : null,
    ask: rnd.pick(ASKS),
    response: rnd.pick(RESPONSES),
    visibility: rnd.next() < 0.2 ? ("RESTRICTED" as const) : ("INTERNAL" as const),
    verifiedAt: rnd.next() < 0.4 ? new Date() : null,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The counts the rollups must hold, from the requests (only groups with a count). */
function expected(rows: Req[]) {
  const month = new Map<string, number>();
  const target = new Map<string, number>();
  const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  for (const r of rows) {
    if (r.deletedAt) continue;
    const restricted = r.visibility === "RESTRICTED";
    const verified = r.verifiedAt !== null;
    const mon = r.occurredOn ? `${r.occurredOn.getUTCFullYear()}-${pad(r.occurredOn.getUTCMonth() + 1)}-01` : "-infinity";
    const yearOnly = r.occurredOn !== null && r.occurredOnPrecision === "YEAR";
    const response = r.response ?? "";
    const self = r.requestingCountryId === r.targetCountryId;
    const sides: [number, number][] = self
      ? [[0, 0], [r.requestingCountryId, 3]]
      : [[0, 0], [r.requestingCountryId, 1], [r.targetCountryId, 2]];
    for (const [country, side] of sides) add(month, [country, side, restricted, verified, mon, yearOnly, response].join("|"));
    const keys = self ? [0, r.requestingCountryId] : [0, r.requestingCountryId, r.targetCountryId];
    const years = r.occurredOn ? [0, r.occurredOn.getUTCFullYear()] : [0];
    for (const country of keys) {
      for (const year of years) add(target, [country, restricted, year, verified, r.targetCountryId, r.ask, response].join("|"));
    }
  }
  return { month: Object.fromEntries(month), target: Object.fromEntries(target) };
}

async function actual(client: pg.ClientBase) {
  const month = await client.query<{ key: string; n: number }>(
    `SELECT concat_ws('|', country_id, side, restricted, verified, month, year_only, response) AS key, n
       FROM (SELECT country_id, side, restricted, verified, month, year_only, response, sum(n)::int AS n
               FROM dashboard.request_months GROUP BY 1, 2, 3, 4, 5, 6, 7) g WHERE n <> 0`,
  );
  const target = await client.query<{ key: string; n: number }>(
    `SELECT concat_ws('|', country_id, restricted, year, verified, target_id, ask, response) AS key, n
       FROM (SELECT country_id, restricted, year, verified, target_id, ask, response, sum(n)::int AS n
               FROM dashboard.request_targets GROUP BY 1, 2, 3, 4, 5, 6, 7) g WHERE n <> 0`,
  );
  // PostgreSQL writes booleans as t/f and dates as YYYY-MM-DD.
  const norm = (key: string) => key.replace(/\|t(?=\||$)/g, "|true").replace(/\|f(?=\||$)/g, "|false");
  return {
    month: Object.fromEntries(month.rows.map((r) => [norm(r.key), r.n])),
    target: Object.fromEntries(target.rows.map((r) => [norm(r.key), r.n])),
  };
}

async function requests(): Promise<Req[]> {
  return ctx.db.diplomaticRequest.findMany({
    select: {
      id: true,
      requestingCountryId: true,
      targetCountryId: true,
      occurredOn: true,
      occurredOnPrecision: true,
      ask: true,
      response: true,
      visibility: true,
      verifiedAt: true,
      deletedAt: true,
    },
  });
}

async function expectExact() {
  const client = new pg.Client({ connectionString: ctx.url });
  await client.connect();
  try {
    const want = expected(await requests());
    const got = await actual(client);
    expect(got.month).toEqual(want.month);
    expect(got.target).toEqual(want.target);
    // Guard against comparing two empty sets.
    return Object.keys(want.month).length;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const names = ["US", "RU", "VE", "CO", "CN"];
  countries = [];
  for (const [i, alpha2] of names.entries()) {
    const c = await ctx.db.country.upsert({
      where: { alpha2 },
      update: {},
      create: { alpha2, alpha3: `${alpha2}X`, numeric: String(900 + i), name: `Country ${alpha2}` },
    });
    countries.push(c.id);
  }
});

describe("dashboard rollups", () => {
  it("count every request created one by one and in bulk", async () => {
    for (let i = 0; i < 40; i++) await ctx.db.diplomaticRequest.create({ data: randomRequest() });
    await ctx.db.diplomaticRequest.createMany({ data: Array.from({ length: 300 }, randomRequest) });
    expect(await expectExact()).toBeGreaterThan(50);
  });

  it("follow updates of every counted column, and ignore the others", async () => {
    const all = await requests();
    for (const r of all.slice(0, 60)) {
      const change = randomRequest();
      const field = rnd.pick(["response", "ask", "countries", "date", "visibility", "verified", "title"] as const);
      const data =
        field === "response" ? { response: change.response }
        : field === "ask" ? { ask: change.ask }
        : field === "countries" ? { requestingCountryId: change.requestingCountryId, targetCountryId: change.targetCountryId }
        : field === "date" ? { occurredOn: change.occurredOn, occurredOnPrecision: change.occurredOnPrecision }
        : field === "visibility" ? { visibility: change.visibility }
        : field === "verified" ? { verifiedAt: r.verifiedAt ? null : new Date() }
        : { title: "renamed" };
      await ctx.db.diplomaticRequest.update({ where: { id: r.id }, data });
    }
    // One statement changing many rows at once.
    await ctx.db.diplomaticRequest.updateMany({ where: { response: "DEFLECTED" }, data: { response: "REBUFFED" } });
    await expectExact();
  });

  it("leave out deleted requests and count them again once restored; hard deletes too", async () => {
    const all = await requests();
    const soft = all.slice(0, 30).map((r) => r.id);
    await ctx.db.diplomaticRequest.updateMany({ where: { id: { in: soft } }, data: { deletedAt: new Date() } });
    await expectExact();
    await ctx.db.diplomaticRequest.updateMany({ where: { id: { in: soft.slice(0, 10) } }, data: { deletedAt: null } });
    await ctx.db.diplomaticRequest.deleteMany({ where: { id: { in: all.slice(40, 60).map((r) => r.id) } } });
    await expectExact();
  });

  it("stay exact under concurrent writers on the same counts, with compactions meanwhile", async () => {
    const all = (await requests()).filter((r) => !r.deletedAt);
    const compactor = new pg.Client({ connectionString: ctx.url });
    await compactor.connect();
    try {
      // Many transactions at once, each moving requests between the same few
      // groups in two statements (so in no common order): none may wait for
      // another's counts, let alone deadlock.
      const writers = Promise.all(
        all.slice(0, 40).map((r, i) =>
          ctx.db.$transaction(async (tx) => {
            await tx.diplomaticRequest.update({ where: { id: r.id }, data: { response: i % 2 ? "ACCEPTED" : "REBUFFED" } });
            await tx.diplomaticRequest.create({ data: { ...randomRequest(), requestingCountryId: countries[0]!, targetCountryId: countries[1]! } });
          }),
        ),
      );
      const compactions = (async () => {
        for (let i = 0; i < 5; i++) await compactor.query("SELECT dashboard.compact()");
      })();
      await Promise.all([writers, compactions]);
      await expectExact();
      // Folding every delta into the counters changes no sum.
      await compactor.query("SELECT dashboard.compact()");
      const left = await compactor.query<{ n: number }>(
        "SELECT ((SELECT count(*) FROM dashboard.request_month_delta) + (SELECT count(*) FROM dashboard.request_target_delta))::int AS n",
      );
      expect(left.rows[0]!.n).toBe(0);
      await expectExact();
    } finally {
      await compactor.end();
    }
  });

  it("roll back with the transaction that made the change", async () => {
    const before = await expectExact();
    await expect(
      ctx.db.$transaction(async (tx) => {
        await tx.diplomaticRequest.createMany({ data: Array.from({ length: 20 }, randomRequest) });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await expectExact()).toBe(before);
  });

  it("are rebuilt to the same counts, emptied by a truncate, and reapplied only when their definition changes", async () => {
    const client = new pg.Client({ connectionString: ctx.url });
    await client.connect();
    try {
      const before = await actual(client);
      await client.query("SELECT dashboard.rebuild()");
      expect(await actual(client)).toEqual(before);
      expect(await applyRollups(ctx.url, projectRoot)).toBe("unchanged");
      await client.query("UPDATE dashboard.definition SET sha256 = 'an older definition'");
      // Counts damaged by hand are rebuilt from the requests with the definition.
      await client.query("UPDATE dashboard.request_month SET n = n + 5");
      expect(await applyRollups(ctx.url, projectRoot)).toBe("applied");
      expect(await actual(client)).toEqual(before);

      await client.query(`TRUNCATE "DiplomaticRequest" CASCADE`);
      expect(await actual(client)).toEqual({ month: {}, target: {} });
    } finally {
      await client.end();
    }
  });
});

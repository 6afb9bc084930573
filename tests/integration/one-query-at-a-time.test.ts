// pg's "Calling client.query() when the client is already executing a query"
// deprecation (an error in pg 9), printed at `npm run db:seed` and in tests:
// Prisma's query interpreter fetches a query's relations in parallel, which
// on a transaction's one connection sent pg several statements at once. The
// pool's connections (lib/db/prisma.ts) run them one after the other. Each
// test file runs in a process of its own, and pg warns once per process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "@/lib/db/prisma";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";

const ctx = withMigratedDatabase("one_query");
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
beforeAll(() => void process.on("warning", onWarning));
afterAll(() => void process.off("warning", onWarning));

describe("one statement at a time on a connection", () => {
  it("the demo seed (one transaction with nested creates and includes) makes pg print no deprecation", async () => {
    await seed(ctx.db);
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });

  it("statements sent together on one connection run in order, each with its own result", async () => {
    const pool = createPool(ctx.url, "long", 1);
    try {
      const c = await pool.connect();
      try {
        const results = await Promise.all([c.query("SELECT pg_sleep(0.05), 1 AS n"), c.query("SELECT 2 AS n"), c.query("SELECT 3 AS n")]);
        expect(results.map((r) => Number(r.rows[0].n))).toEqual([1, 2, 3]);
        // A failing statement does not stop the ones after it.
        const [bad, good] = await Promise.allSettled([c.query("SELECT 1/0"), c.query("SELECT 4 AS n")]);
        expect(bad.status).toBe("rejected");
        expect(good).toMatchObject({ status: "fulfilled", value: { rows: [{ n: 4 }] } });
      } finally {
        c.release();
      }
    } finally {
      await pool.end();
    }
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });
});

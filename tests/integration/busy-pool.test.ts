// A busy pool (issue 12, point 3), against a real database: when every
// connection of the app's pool is held (here by open transactions), the next
// API request and server action are answered 503 DATABASE_UNAVAILABLE with
// Retry-After within the pool's wait, never 500; a transaction that gets its
// connection within the pool's wait runs (Prisma's own default wait, 2 s,
// used to throw P2028 first); Prisma's P2028 "Unable to start a transaction
// in the given time" is a 503 too. So are a statement over the app's time
// limit and a lock not had in time: the server cancels them (statement_timeout,
// lock_timeout), the connection is free again, and nothing was changed.
import type pg from "pg";
import { z } from "zod";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPool, createPrismaClient, POOL_LIMITS } from "@/lib/db/prisma";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("busy_pool");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let collection: Record<string, Handler>;
let item: Record<string, Handler>;
let token = "";
let editorId = 0;
let countries: { us: number; ru: number };
let held: pg.PoolClient[] = [];

async function call(method: "GET" | "POST", body?: unknown) {
  const started = Date.now();
  // A list takes ?limit; a create takes no query parameter (an unknown one is a 400).
  const request = new Request(method === "GET" ? "http://localhost/api/v1/requests?limit=5" : "http://localhost/api/v1/requests", {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const res = await collection[method]!(request, { params: Promise.resolve({ resource: "requests" }) });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as Record<string, unknown>, ms: Date.now() - started };
}

/** Takes every connection of the app's pool, each in an open transaction. */
async function holdEveryConnection() {
  const { getPool } = await import("@/lib/db/client");
  held = await Promise.all(Array.from({ length: POOL_LIMITS.app.max }, () => getPool().connect()));
  for (const c of held) await c.query("BEGIN; SELECT 1");
}

async function releaseHeld() {
  const list = held;
  held = [];
  for (const c of list) {
    await c.query("ROLLBACK").catch(() => {});
    c.release();
  }
}

const requestData = (title: string) => ({ title, requestingCountryId: countries.us, targetCountryId: countries.ru, ask: "HALT_SALE", visibility: "INTERNAL" });

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "100000");
  collection = (await import("@/app/api/v1/[resource]/route")) as unknown as Record<string, Handler>;
  item = (await import("@/app/api/v1/[resource]/[id]/route")) as unknown as Record<string, Handler>;
  countries = await makeUsAndRussia(ctx.db);
  const editor = await makeUser(ctx.db, "EDITOR");
  editorId = editor.id;
  const tokens = await import("@/lib/auth/api-tokens");
  token = (await tokens.createApiToken({ id: editor.id, email: editor.email, name: editor.name, role: "EDITOR" }, { name: "busy", scope: "READ_WRITE", expiresInDays: 1 }, null)).secret;
});

afterEach(releaseHeld);

describe("a pool with every connection busy", () => {
  it("answers the API's next read and write 503 DATABASE_UNAVAILABLE with Retry-After, not 500, and serves again once a connection is free", async () => {
    expect((await call("GET")).status).toBe(200);
    await holdEveryConnection();
    for (const r of [await call("GET"), await call("POST", requestData("while busy"))]) {
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body).toEqual({ error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/unavailable/), fields: {} } });
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.ms).toBeLessThan(5_000);
    }
    const { databaseUnavailableRecently } = await import("@/lib/db/unavailable");
    expect(databaseUnavailableRecently()).toBe(true);
    await releaseHeld();
    expect((await call("POST", requestData("after"))).status).toBe(201);
    expect(await ctx.db.diplomaticRequest.count({ where: { title: "while busy" } })).toBe(0);
  });

  it("answers a server action 503 DATABASE_UNAVAILABLE, not 500", async () => {
    await actAs(ctx.db, editorId);
    await holdEveryConnection();
    const { runAction } = await import("@/lib/actions/run-action");
    const result = await runAction({ permission: "record:create", schema: z.object({}), input: {} }, async () => "done");
    expect(result).toMatchObject({ ok: false, status: 503, code: "DATABASE_UNAVAILABLE" });
  });

  it("lets a transaction wait for a connection as long as the pool waits (Prisma's default 2 s threw P2028 first)", async () => {
    await holdEveryConnection();
    const { getDb } = await import("@/lib/db/client");
    const { inTransaction } = await import("@/lib/db/transaction");
    // Freed after 2.5 s: past Prisma's default wait, within the pool's 3.5 s.
    setTimeout(() => void releaseHeld(), 2_500);
    const count = await inTransaction(getDb(), (tx) => tx.country.count());
    expect(count).toBe(2);
  });

  it("answers Prisma's P2028 (a transaction not started in the given time) 503 with Retry-After", async () => {
    // A client of its own over one connection, with a wait shorter than the time the connection stays busy.
    const pool = createPool(ctx.url, "app", 1);
    const db = createPrismaClient(ctx.url, pool);
    try {
      const busy = await pool.connect();
      setTimeout(() => busy.release(), 600);
      const error = await db.$transaction((tx) => tx.country.count(), { maxWait: 100 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "P2028", message: expect.stringMatching(/Unable to start a transaction in the given time/) });
      const { errorResponse } = await import("@/lib/api/http");
      const res = errorResponse(error);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBeTruthy();
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("DATABASE_UNAVAILABLE");
    } finally {
      await db.$disconnect();
      await pool.end();
    }
  });

  it("answers a statement over the app's limit 503: the server cancels it (statement_timeout) in about 3 s", async () => {
    const { getPool } = await import("@/lib/db/client");
    const started = Date.now();
    const error = await getPool().query("SELECT pg_sleep(10)").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "57014" });
    expect(Date.now() - started).toBeLessThan(5_000);
    const { errorResponse } = await import("@/lib/api/http");
    expect(errorResponse(error).status).toBe(503);
  });

  it("answers a write that waits too long for a row lock 503, and changes nothing (lock_timeout)", async () => {
    const created = await call("POST", requestData("locked"));
    expect(created.status).toBe(201);
    const id = (created.body as { id: number }).id;
    let releaseLock!: () => void;
    const lockHeld = new Promise<void>((resolve) => (releaseLock = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = ctx.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "DiplomaticRequest" WHERE id = ${id} FOR UPDATE`;
      locked();
      await lockHeld;
    }, { timeout: 20_000 });
    await isLocked;
    try {
      const started = Date.now();
      const request = new Request(`http://localhost/api/v1/requests/${id}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ version: 1, data: { askDetail: "while locked" } }),
      });
      const res = await item.PATCH!(request, { params: Promise.resolve({ resource: "requests", id: String(id) }) });
      expect(res.status, await res.clone().text()).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("DATABASE_UNAVAILABLE");
      expect(res.headers.get("retry-after")).toBeTruthy();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      releaseLock();
      await holder;
    }
    const row = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ version: 1, askDetail: null });
  });
});

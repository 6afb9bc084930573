// A database outage with the app's data layer running, against an embedded
// PostgreSQL of this test's own: while the server is stopped, API requests
// and server actions answer 503 (the API's error shape) within 5 seconds
// (no request hangs) and the health check says so; once the server is back,
// requests succeed again within 15 seconds, without restarting anything;
// every write that was answered as successful is there afterwards. The same
// with the server frozen (SIGSTOP on the postmaster and every backend), which
// answers nothing at all: only the client's own time limits end the wait.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDatabase, databaseUrl } from "@/tools/postgres/admin";
import { startEmbeddedPostgres, type EmbeddedCluster } from "@/tools/postgres/embedded";
import { createPrismaClient } from "@/lib/db/prisma";
import { databaseUnavailableRecently } from "@/lib/db/unavailable";
import { actAs, makeUser } from "@/tests/helpers/session";
import { makeUsAndRussia } from "@/tests/helpers/db";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const root = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-outage-"));
fs.chmodSync(root, 0o755);
const dataDir = path.join(root, "pg");
let cluster: EmbeddedCluster;
let port: number;
let url: string;
let collection: Record<string, Handler>;
let health: { GET: () => Promise<Response> };
let db: ReturnType<typeof createPrismaClient>;
let secret: string;
let countries: { us: number; ru: number };

/** The postmaster and the processes it started (their parent is it), from /proc. */
function serverProcesses(postmaster: number): number[] {
  const children = fs.readdirSync("/proc").filter((name) => {
    if (!/^\d+$/.test(name)) return false;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (command) state ppid ...": the command may hold spaces and parentheses.
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
    } catch {
      return false;
    }
  });
  return [postmaster, ...children.map(Number)];
}

async function start() {
  cluster = await startEmbeddedPostgres({ dataDir, port, timeoutMs: 60_000, onNotice: () => {} });
  port = cluster.port;
}

async function call(method: "GET" | "POST", body?: unknown): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const started = Date.now();
  // A create takes no query parameters (an unknown one is a 400): limit only for the list.
  const request = new Request(method === "GET" ? "http://localhost/api/v1/requests?limit=5" : "http://localhost/api/v1/requests", {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const res = await collection[method]!(request, { params: Promise.resolve({ resource: "requests" }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: Date.now() - started };
}

const request = (title: string) => ({ title, requestingCountryId: countries.us, targetCountryId: countries.ru, ask: "HALT_SALE", visibility: "INTERNAL" });

beforeAll(async () => {
  // A server of this test's own, on its own data directory, cloned from the run's migrated template.
  port = 0;
  cluster = await startEmbeddedPostgres({ dataDir, timeoutMs: 60_000, onNotice: () => {} });
  port = cluster.port;
  await createDatabase(cluster.url("postgres"), "outage");
  url = databaseUrl(cluster.url("postgres"), "outage");
  const { migrateDeploy } = await import("@/tools/postgres/prisma-cli");
  await migrateDeploy(url);
  vi.stubEnv("DATABASE_URL", url);
  vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "100000");
  db = createPrismaClient(url);
  countries = await makeUsAndRussia(db);
  const editor = await makeUser(db, "EDITOR");
  const tokens = await import("@/lib/auth/api-tokens");
  secret = (await tokens.createApiToken({ id: editor.id, email: editor.email, name: editor.name, role: "EDITOR" }, { name: "outage", scope: "READ_WRITE", expiresInDays: 1 }, null)).secret;
  await actAs(db, null);
  collection = (await import("@/app/api/v1/[resource]/route")) as unknown as Record<string, Handler>;
  health = (await import("@/app/api/health/route")) as unknown as { GET: () => Promise<Response> };
}, 180_000);

afterAll(async () => {
  await db?.$disconnect().catch(() => {});
  const { getPool } = await import("@/lib/db/client");
  await getPool().end().catch(() => {});
  await cluster?.stop().catch(() => {});
  fs.rmSync(root, { recursive: true, force: true });
});

describe("a database outage", () => {
  it("answers 503 quickly while the database is down, recovers without a restart, and loses no answered write", async () => {
    const confirmed: string[] = [];
    const write = async (title: string) => {
      const r = await call("POST", request(title));
      if (r.status === 201) confirmed.push(title);
      return r;
    };
    expect((await write("before the outage")).status).toBe(201);
    expect((await call("GET")).status).toBe(200);

    await cluster.stop();

    for (const attempt of [() => call("GET"), () => write("during the outage")]) {
      const r = await attempt();
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body).toEqual({ error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/unavailable/), fields: {} } });
      expect(r.ms).toBeLessThan(5_000);
    }
    const h = await health.GET();
    expect(h.status).toBe(503);
    expect(await h.json()).toMatchObject({ db: "down" });

    await start();

    // Back within 15 seconds, with the same process and pool.
    const backBy = Date.now() + 15_000;
    let back = await call("GET");
    while (back.status !== 200 && Date.now() < backBy) {
      await new Promise((r) => setTimeout(r, 250));
      back = await call("GET");
    }
    expect(back.status).toBe(200);
    expect((await write("after the outage")).status).toBe(201);
    expect((await health.GET()).status).toBe(200);

    // Every write answered 201 is there; the refused one is not.
    const titles = (await db.diplomaticRequest.findMany({ select: { title: true } })).map((r) => r.title);
    for (const t of confirmed) expect(titles).toContain(t);
    expect(titles).not.toContain("during the outage");
    expect(confirmed).toEqual(["before the outage", "after the outage"]);
  });

  it("answers 503 within 5 s while the server is frozen (SIGSTOP), and recovers by itself when it resumes", async () => {
    const confirmed: string[] = [];
    const write = async (title: string) => {
      const r = await call("POST", request(title));
      if (r.status === 201) confirmed.push(title);
      return r;
    };
    // Warm connections in the pool: the frozen server is met both on them and on new ones.
    expect((await write("before the freeze")).status).toBe(201);
    expect((await call("GET")).status).toBe(200);

    // The postmaster first (it forks no one then), then every process it
    // started: each backend is a process group of its own (PostgreSQL's
    // children call setsid), so a signal to the postmaster's group misses them.
    const frozen = serverProcesses(cluster.pid!);
    expect(frozen.length).toBeGreaterThan(3);
    for (const pid of frozen) process.kill(pid, "SIGSTOP");
    const frozenAt = Date.now();
    try {
      for (const attempt of [() => call("GET"), () => write("while frozen"), () => call("GET")]) {
        const r = await attempt();
        expect(r.status, JSON.stringify(r.body)).toBe(503);
        expect(r.body).toEqual({ error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/unavailable/), fields: {} } });
        expect(r.ms).toBeLessThan(5_000);
      }
      // Noted for the pages (the server in front of Next.js answers them 503).
      expect(databaseUnavailableRecently()).toBe(true);
      await new Promise((r) => setTimeout(r, Math.max(0, 8_000 - (Date.now() - frozenAt))));
    } finally {
      for (const pid of frozen) process.kill(pid, "SIGCONT");
    }

    const backBy = Date.now() + 15_000;
    let back = await call("GET");
    while (back.status !== 200 && Date.now() < backBy) {
      await new Promise((r) => setTimeout(r, 250));
      back = await call("GET");
    }
    expect(back.status).toBe(200);
    expect((await write("after the freeze")).status).toBe(201);
    const titles = (await db.diplomaticRequest.findMany({ select: { title: true } })).map((r) => r.title);
    for (const t of confirmed) expect(titles).toContain(t);
    expect(titles).not.toContain("while frozen");
    expect(confirmed).toEqual(["before the freeze", "after the freeze"]);
  });
});

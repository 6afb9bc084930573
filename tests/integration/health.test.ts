// /api/health: 200 with the database up, 503 with it down, and quickly.
import { describe, expect, it, vi } from "vitest";
import { findFreePort } from "@/tools/postgres/embedded";
import { withMigratedDatabase } from "@/tests/helpers/db";

const ctx = withMigratedDatabase("health");

async function loadRoute(databaseUrl: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", databaseUrl);
  return import("@/app/api/health/route");
}

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers", async () => {
    const { GET } = await loadRoute(ctx.url);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "up" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 with db down, within 5 seconds, when nothing listens", async () => {
    const deadPort = await findFreePort();
    const { GET } = await loadRoute(`postgresql://postgres:x@127.0.0.1:${deadPort}/nothing`);
    const started = Date.now();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ db: "down" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

// Gives a test file a database of its own, cloned from the migrated template.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { createDatabase, databaseUrl, dropDatabase } from "@/tools/postgres/admin";

export function serverUrl(): string {
  return inject("serverUrl");
}

/** A fresh, empty database name for this run (dropped by the global teardown). */
export function freshDatabaseName(label: string): string {
  return `${inject("databasePrefix")}_${label}_${randomBytes(3).toString("hex")}`;
}

export async function createMigratedDatabase(label: string): Promise<string> {
  const name = freshDatabaseName(label);
  await createDatabase(serverUrl(), name, inject("templateDatabase"));
  return databaseUrl(serverUrl(), name);
}

/**
 * Registers hooks that create a migrated database before the file's tests and
 * drop it after. `ctx.db` and `ctx.url` are usable inside tests and hooks.
 */
export function withMigratedDatabase(label: string) {
  const ctx = {} as { url: string; name: string; db: Db };
  beforeAll(async () => {
    ctx.url = await createMigratedDatabase(label);
    ctx.name = new URL(ctx.url).pathname.slice(1);
    ctx.db = createPrismaClient(ctx.url);
  });
  afterAll(async () => {
    await ctx.db?.$disconnect();
    if (ctx.name) await dropDatabase(serverUrl(), ctx.name);
  });
  return ctx;
}

/** The United States and Russia, the two countries most tests need; their ids. */
export async function makeUsAndRussia(db: Db): Promise<{ us: number; ru: number }> {
  await db.country.createMany({
    data: [
      { alpha2: "US", alpha3: "USA", numeric: "840", name: "United States" },
      { alpha2: "RU", alpha3: "RUS", numeric: "643", name: "Russia" },
    ],
  });
  const c = await db.country.findMany({ where: { alpha2: { in: ["US", "RU"] } } });
  return { us: c.find((x) => x.alpha2 === "US")!.id, ru: c.find((x) => x.alpha2 === "RU")!.id };
}

// Before a production server starts serving: is the database reachable, and
// is its schema the one this code expects (every migration applied, none
// unknown, the dashboard's counts up to date)? Each failure is one clear
// sentence with what to do; the launcher and instrumentation.ts refuse to
// start on it rather than serve errors.
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { rollupsScript } from "@/lib/db/rollups-sql";

export class StartupCheckError extends Error {}

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

/** The migrations this code has, by folder name, in order. */
export function expectedMigrations(root: string): string[] | null {
  const dir = path.join(root, "prisma", "migrations");
  if (!existsSync(dir)) return null;
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

export async function checkDatabaseReady(url: string, root: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new StartupCheckError(
      `Cannot reach the database at ${where(url)} (${(error as Error).message || String(error)}). Start PostgreSQL, or fix DATABASE_URL.`,
    );
  }
  try {
    const has = await client.query<{ ok: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS ok`);
    if (!has.rows[0]?.ok) throw new StartupCheckError(`The database at ${where(url)} has no schema yet: run \`npm run db:migrate\` first.`);
    const rows = await client.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations`,
    );
    const failed = rows.rows.filter((r) => !r.finished && !r.rolled_back).map((r) => r.migration_name);
    if (failed.length) throw new StartupCheckError(`A migration failed part-way (${failed.join(", ")}): resolve it (see prisma migrate resolve) before starting.`);
    const applied = new Set(rows.rows.filter((r) => r.finished && !r.rolled_back).map((r) => r.migration_name));
    const expected = expectedMigrations(root);
    if (expected) {
      const pending = expected.filter((m) => !applied.has(m));
      if (pending.length) {
        throw new StartupCheckError(
          `${pending.length} migration${pending.length === 1 ? " is" : "s are"} not applied to ${where(url)} (${pending.join(", ")}): run \`npm run db:migrate\` before starting.`,
        );
      }
      const unknown = [...applied].filter((m) => !expected.includes(m));
      if (unknown.length) {
        throw new StartupCheckError(`The database has migrations this version of Demarche does not know (${unknown.join(", ")}): start the version that made them.`);
      }
      const definition = await client.query<{ sha256: string }>(
        `SELECT sha256 FROM dashboard.definition WHERE to_regclass('dashboard.definition') IS NOT NULL`,
      ).catch(() => ({ rows: [] as { sha256: string }[] }));
      if (definition.rows[0]?.sha256 !== rollupsScript(root).sha256) {
        throw new StartupCheckError("The dashboard's counts (prisma/rollups.sql) are not up to date in the database: run `npm run db:migrate` before starting.");
      }
    }
  } finally {
    await client.end().catch(() => {});
  }
}

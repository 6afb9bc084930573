// Applies prisma/rollups.sql (the dashboard's trigger-maintained counts) when
// the file differs from what the database last applied: the script drops and
// recreates the `dashboard` schema and rebuilds every count, all in one
// transaction, under an advisory lock so that two starting processes do not
// race. Called after Prisma's migrations by migrateDeploy (prisma-cli.ts).
import { rollupsScript } from "@/lib/db/rollups-sql";
import { withClient } from "@/tools/postgres/admin";

const LOCK_KEY = 7_210_352_114; // any constant of this app's own

/** Applies the script unless the database already has this version; says which. */
export async function applyRollups(databaseUrl: string, root: string): Promise<"applied" | "unchanged"> {
  const { sql, sha256 } = rollupsScript(root);
  return withClient(databaseUrl, async (c) => {
    await c.query("BEGIN");
    try {
      await c.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
      const exists = await c.query<{ ok: boolean }>(`SELECT to_regclass('dashboard.definition') IS NOT NULL AS ok`);
      const current = exists.rows[0]?.ok ? (await c.query<{ sha256: string }>("SELECT sha256 FROM dashboard.definition")).rows[0] : undefined;
      if (current?.sha256 === sha256) {
        // Fold what writers appended while no app ran (command-line tools).
        await c.query("SELECT dashboard.compact()");
        await c.query("COMMIT");
        return "unchanged";
      }
      await c.query(sql);
      await c.query("INSERT INTO dashboard.definition (sha256) VALUES ($1)", [sha256]);
      await c.query("COMMIT");
      return "applied";
    } catch (error) {
      await c.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

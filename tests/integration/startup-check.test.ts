// A production start refuses a database it cannot use, with one sentence
// that says what to do (lib/postgres/startup.ts): unreachable, no schema,
// migrations pending or unknown, a failed migration, dashboard counts out of
// date; and accepts an up-to-date one.
import { describe, expect, it } from "vitest";
import { createDatabase, databaseUrl, withClient } from "@/tools/postgres/admin";
import { projectRoot } from "@/tools/postgres/prisma-cli";
import { checkDatabaseReady, expectedMigrations } from "@/lib/db/startup";
import { createMigratedDatabase, freshDatabaseName, serverUrl } from "@/tests/helpers/db";

describe("the start-up check", () => {
  it("accepts a database with every migration and the current dashboard counts", async () => {
    await expect(checkDatabaseReady(await createMigratedDatabase("start_ok"), projectRoot)).resolves.toBeUndefined();
  });

  it("refuses an unreachable database, saying where and what to do", async () => {
    await expect(checkDatabaseReady("postgresql://postgres@127.0.0.1:1/nowhere", projectRoot)).rejects.toThrow(/Cannot reach the database at 127\.0\.0\.1:1\/nowhere .*Start PostgreSQL, or fix DATABASE_URL/);
  });

  it("refuses a database with no schema", async () => {
    const name = freshDatabaseName("start_empty");
    await createDatabase(serverUrl(), name);
    await expect(checkDatabaseReady(databaseUrl(serverUrl(), name), projectRoot)).rejects.toThrow(/no schema yet: run `npm run db:migrate`/);
  });

  it("refuses pending, unknown and failed migrations, naming them", async () => {
    const url = await createMigratedDatabase("start_pending");
    const last = expectedMigrations(projectRoot)!.at(-1)!;
    await withClient(url, (c) => c.query("DELETE FROM _prisma_migrations WHERE migration_name = $1", [last]));
    await expect(checkDatabaseReady(url, projectRoot)).rejects.toThrow(new RegExp(`1 migration is not applied .*${last}.*npm run db:migrate`));

    const url2 = await createMigratedDatabase("start_unknown");
    await withClient(url2, (c) =>
      c.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
               VALUES ('x', 'x', '29990101000000_from_the_future', now(), now(), 1)`),
    );
    await expect(checkDatabaseReady(url2, projectRoot)).rejects.toThrow(/does not know \(29990101000000_from_the_future\)/);

    const url3 = await createMigratedDatabase("start_failed");
    await withClient(url3, (c) => c.query("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1", [last]));
    await expect(checkDatabaseReady(url3, projectRoot)).rejects.toThrow(/failed part-way/);
  });

  it("refuses dashboard counts of another definition", async () => {
    const url = await createMigratedDatabase("start_rollups");
    await withClient(url, (c) => c.query("UPDATE dashboard.definition SET sha256 = 'older'"));
    await expect(checkDatabaseReady(url, projectRoot)).rejects.toThrow(/dashboard's counts .* not up to date/);
  });
});

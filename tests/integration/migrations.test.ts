// Migrations in prisma/migrations must give exactly the schema that
// prisma/schema.prisma describes (no drift), and re-running them is safe.
import { describe, expect, it } from "vitest";
import { createDatabase, databaseUrl, withClient } from "@/tools/postgres/admin";
import { migrateDeploy, schemaSqlFromEmpty } from "@/tools/postgres/prisma-cli";
import { freshDatabaseName, serverUrl } from "@/tests/helpers/db";

const CATALOG = {
  enums: `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text AS labels
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
            JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
           GROUP BY 1 ORDER BY 1`,
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
                   character_maximum_length, numeric_precision,
                   -- the column's place among the table's live columns (a column
                   -- dropped and added again leaves a gap in ordinal_position)
                   row_number() OVER (PARTITION BY table_name ORDER BY ordinal_position) AS position
              FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
             ORDER BY 1, 2`,
  constraints: `SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS def
                  FROM pg_constraint c
                 WHERE c.connamespace = 'public'::regnamespace AND c.conrelid <> 0
                   AND c.conrelid::regclass::text <> '"_prisma_migrations"' AND c.conrelid::regclass::text <> '_prisma_migrations'
                 ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
} as const;

type Snapshot = Record<keyof typeof CATALOG, unknown[]>;

async function snapshot(url: string): Promise<Snapshot> {
  return withClient(url, async (c) => {
    const out = {} as Snapshot;
    for (const [key, sql] of Object.entries(CATALOG) as [keyof typeof CATALOG, string][]) {
      out[key] = (await c.query(sql)).rows;
    }
    return out;
  });
}

async function emptyDatabase(label: string): Promise<string> {
  const name = freshDatabaseName(label);
  await createDatabase(serverUrl(), name);
  return databaseUrl(serverUrl(), name);
}

describe("migrations", () => {
  it("applied to an empty database give exactly the schema in schema.prisma", async () => {
    const viaMigrations = await emptyDatabase("drift_migrations");
    const viaSchema = await emptyDatabase("drift_schema");

    await migrateDeploy(viaMigrations);
    const sql = await schemaSqlFromEmpty(viaSchema);
    await withClient(viaSchema, (c) => c.query(sql));

    const fromMigrations = await snapshot(viaMigrations);
    const fromSchema = await snapshot(viaSchema);

    // Guard against comparing two empty catalogs.
    expect(fromSchema.columns.length).toBeGreaterThan(150);
    expect(fromSchema.indexes.length).toBeGreaterThan(50);
    expect(fromSchema.enums.length).toBeGreaterThan(15);

    expect(fromMigrations.enums).toEqual(fromSchema.enums);
    expect(fromMigrations.columns).toEqual(fromSchema.columns);
    expect(fromMigrations.constraints).toEqual(fromSchema.constraints);
    expect(fromMigrations.indexes).toEqual(fromSchema.indexes);
  });

  it("can be applied again without changing anything", async () => {
    const url = await emptyDatabase("rerun");
    await migrateDeploy(url);
    const before = await snapshot(url);
    const output = await migrateDeploy(url);
    expect(output).toMatch(/No pending migrations to apply/);
    expect(await snapshot(url)).toEqual(before);
  });
});

// npm run db:migration:new -- <name>
//
// `prisma migrate dev` cannot run here (it introspects a live database, which
// the WASM schema engine cannot do), so a new migration is the diff between the
// schema as of the last migration and prisma/schema.prisma. Each migration
// folder keeps a snapshot of the schema it was made from for the next diff.
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { migrationsDir, runPrisma, schemaPath } from "@/tools/postgres/prisma-cli";
import { withThrowAwayCluster } from "@/tools/postgres/throw-away";

const SNAPSHOT = "schema.snapshot.prisma";

function timestamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration:new -- <name>   (lower-case letters, digits and _)");
    process.exit(2);
  }
  fs.mkdirSync(migrationsDir, { recursive: true });
  const previous = fs
    .readdirSync(migrationsDir)
    .filter((d) => fs.existsSync(path.join(migrationsDir, d, "migration.sql")))
    .sort()
    .at(-1);
  const from = previous
    ? ["--from-schema-datamodel", path.join(migrationsDir, previous, SNAPSHOT)]
    : ["--from-empty"];
  // The diff itself reads no database, but the CLI's driver adapter insists on
  // connecting to one: use DATABASE_URL's server or a throw-away cluster.
  const diff = (url: string) =>
    runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"], url);
  const { stdout: sql } = env.DATABASE_URL
    ? await diff(env.DATABASE_URL)
    : await withThrowAwayCluster((cluster) => diff(cluster.url("postgres")));
  if (/^-- This is an empty migration\.\s*$/.test(sql.trim()) || sql.trim() === "") {
    console.log("schema.prisma has no changes since the last migration; nothing written.");
    return;
  }
  const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.copyFileSync(schemaPath, path.join(dir, SNAPSHOT));
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(lock, '# Do not edit: written by db:migration:new.\nprovider = "postgresql"\n');
  }
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Review it, then apply it with npm run db:migrate.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// prisma/rollups.sql (the dashboard's trigger-maintained counts) and its
// SHA-256, by which the database records the version it last applied. Read
// here by the startup check (lib/db/startup.ts: is the applied version this
// one?) and by `npm run db:migrate` (tools/postgres/rollups.ts applies it).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export function rollupsScript(root: string): { sql: string; sha256: string } {
  const sql = readFileSync(path.join(root, "prisma", "rollups.sql"), "utf8");
  return { sql, sha256: createHash("sha256").update(sql).digest("hex") };
}

// The database the app uses when DATABASE_URL is not set: an embedded
// PostgreSQL whose data stays in .data/pg (git-ignored) across restarts.
import path from "node:path";
import { env } from "@/lib/env";
import { createDatabase, databaseExists } from "@/lib/postgres/admin";
import { startEmbeddedPostgres, type EmbeddedCluster } from "@/lib/postgres/embedded";
import { projectRoot } from "@/lib/postgres/prisma-cli";

export const LOCAL_DATA_DIR = path.join(projectRoot, ".data", "pg");
export const LOCAL_DATABASE = "demarche";

export type LocalDatabase = { url: string; cluster: EmbeddedCluster; created: boolean };

export async function startLocalDatabase(log: (line: string) => void): Promise<LocalDatabase> {
  const cluster = await startEmbeddedPostgres({
    dataDir: LOCAL_DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    // The server's own output only on request; recovery notes always.
    onLog: env.EMBEDDED_PG_VERBOSE ? log : undefined,
    onNotice: log,
  });
  const adminUrl = cluster.url("postgres");
  const exists = await databaseExists(adminUrl, LOCAL_DATABASE);
  if (!exists) await createDatabase(adminUrl, LOCAL_DATABASE);
  return { url: cluster.url(LOCAL_DATABASE), cluster, created: !exists };
}

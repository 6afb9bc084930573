// The database the app uses when DATABASE_URL is not set: an embedded
// PostgreSQL whose data stays in .data/pg (git-ignored) across restarts.
import path from "node:path";
import { env } from "@/lib/env";
import { createDatabase, databaseExists } from "@/tools/postgres/admin";
import { startEmbeddedPostgres, type EmbeddedCluster, type StartOptions } from "@/tools/postgres/embedded";
import { watchEmbeddedPostgres, type ClusterWatcher } from "@/tools/postgres/watch";
import { projectRoot } from "@/tools/postgres/prisma-cli";

export const LOCAL_DATA_DIR = path.join(projectRoot, ".data", "pg");
export const LOCAL_DATABASE = "demarche";

export type LocalDatabase = { url: string; cluster: EmbeddedCluster; created: boolean };

function localOptions(log: (line: string) => void, port: number): StartOptions {
  return {
    dataDir: LOCAL_DATA_DIR,
    port,
    // The server's own output only on request; recovery notes always.
    onLog: env.EMBEDDED_PG_VERBOSE ? log : undefined,
    onNotice: log,
  };
}

export async function startLocalDatabase(log: (line: string) => void): Promise<LocalDatabase> {
  const cluster = await startEmbeddedPostgres(localOptions(log, env.EMBEDDED_PG_PORT));
  const adminUrl = cluster.url("postgres");
  const exists = await databaseExists(adminUrl, LOCAL_DATABASE);
  if (!exists) await createDatabase(adminUrl, LOCAL_DATABASE);
  return { url: cluster.url(LOCAL_DATABASE), cluster, created: !exists };
}

/**
 * Runs `work` on DATABASE_URL's database when it is set, else on the
 * embedded one in .data/pg, started for the call and stopped after it
 * (`embedded` tells which, for CLIs that migrate only their own database).
 */
export async function onAppDatabase(log: (line: string) => void, work: (url: string, embedded: boolean) => Promise<void>): Promise<void> {
  if (env.DATABASE_URL) return work(env.DATABASE_URL, false);
  log("DATABASE_URL is not set: using the embedded PostgreSQL in .data/pg.");
  const local = await startLocalDatabase(log);
  try {
    await work(local.url, true);
  } finally {
    await local.cluster.stop();
  }
}

/**
 * Keeps the launcher's local database running (tools/postgres/watch.ts): a
 * server that stops on its own is started again, on the port the app
 * already has in its DATABASE_URL.
 */
export function watchLocalDatabase(local: LocalDatabase, log: (line: string) => void): ClusterWatcher {
  const port = local.cluster.port;
  return watchEmbeddedPostgres(local.cluster, () => startEmbeddedPostgres({ ...localOptions(log, port), portRequired: true }), { say: log });
}

// A temporary embedded PostgreSQL cluster that disappears afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedCluster } from "@/tools/postgres/embedded";

export async function startThrowAwayCluster(): Promise<EmbeddedCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-pg-"));
  // World-traversable so that, as root, the `postgres` OS user reaches pg/.
  fs.chmodSync(dir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), throwAway: true });
  return {
    ...cluster,
    stop: async () => {
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function withThrowAwayCluster<T>(work: (cluster: EmbeddedCluster) => Promise<T>): Promise<T> {
  const cluster = await startThrowAwayCluster();
  try {
    return await work(cluster);
  } finally {
    await cluster.stop();
  }
}

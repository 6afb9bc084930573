// A dead embedded database comes back (issue 12, point 5): the launcher's
// watcher (lib/postgres/watch.ts) restarts a server that was killed
// (SIGKILL on the postmaster), on the same port and data directory, with a
// log line; a pool made before the crash serves again without being
// recreated; the data written before the crash is there. Also: as root, a
// data directory the `postgres` OS user cannot enter is refused with one
// sentence saying what to do, not an unhandled `spawn ... EACCES`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPool } from "@/lib/db/prisma";
import { isRoot, startEmbeddedPostgres, type StartOptions } from "@/tools/postgres/embedded";
import { watchEmbeddedPostgres, type ClusterWatcher } from "@/tools/postgres/watch";

const roots: string[] = [];
function tempDir(mode: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-restart-"));
  fs.chmodSync(dir, mode);
  roots.push(dir);
  return dir;
}

let watcher: ClusterWatcher | undefined;
afterAll(async () => {
  await watcher?.stop().catch(() => {});
  for (const dir of roots) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded PostgreSQL's watcher", () => {
  it("restarts a killed server on the same port, logs it, and the data and the app's pool come back", async () => {
    // A persistent cluster (as the launcher's): its password is kept beside the data directory.
    const options: StartOptions = { dataDir: path.join(tempDir(0o755), "pg"), onNotice: () => {} };
    const first = await startEmbeddedPostgres(options);
    const lines: string[] = [];
    watcher = watchEmbeddedPostgres(first, () => startEmbeddedPostgres({ ...options, port: first.port, portRequired: true }), {
      say: (line) => lines.push(line),
    });
    const pool = createPool(first.url("postgres"), "app");
    try {
      await pool.query("CREATE TABLE survivor (note text); INSERT INTO survivor VALUES ('written before the crash')");

      process.kill(first.pid!, "SIGKILL");
      const killedAt = Date.now();
      // Back when a new connection is accepted again (the killed server's
      // backends live on for the connections they have; the watcher ends them).
      let back = false;
      while (!back && Date.now() - killedAt < 15_000) {
        const client = new pg.Client({ connectionString: first.url("postgres"), connectionTimeoutMillis: 2_000 });
        back = await client.connect().then(
          () => client.end().then(() => true),
          () => false,
        );
        if (!back) await new Promise((r) => setTimeout(r, 250));
      }
      expect(back).toBe(true);
      // The same pool, never recreated: its dead connections fail, new ones succeed.
      let rows: { note: string }[] | null = null;
      for (let i = 0; i < 20 && !rows; i++) {
        rows = await pool.query<{ note: string }>("SELECT note FROM survivor").then(
          (r) => r.rows,
          () => null,
        );
      }
      expect(rows).toEqual([{ note: "written before the crash" }]);
      expect(watcher.current()).not.toBe(first);
      expect(watcher.current().port).toBe(first.port);
      expect(lines[0]).toBe("The embedded PostgreSQL stopped (signal SIGKILL); restarting in 1 s (attempt 1).");
      expect(lines).toContain(`The embedded PostgreSQL is running again on 127.0.0.1:${first.port}.`);
    } finally {
      await pool.end();
    }

    // Stopped on purpose: not restarted.
    const last = watcher.current();
    await watcher.stop();
    await last.exited;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(lines.filter((l) => l.includes("stopped"))).toHaveLength(1);
  });

  it.runIf(isRoot())("refuses, as root, a data directory the postgres OS user cannot enter, in one sentence", async () => {
    const closed = tempDir(0o700);
    const error = await startEmbeddedPostgres({ dataDir: path.join(closed, "pg"), onNotice: () => {} }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(
      `The embedded PostgreSQL runs as the OS user postgres, which cannot enter ${closed} (mode 700): run \`chmod o+x ${closed}\` or clone elsewhere, or set DATABASE_URL.`,
    );
    expect(fs.existsSync(path.join(closed, "pg"))).toBe(false);
  });
});

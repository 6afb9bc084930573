// The embedded server recovers from what a crashed earlier run leaves behind
// and never hangs on a taken port.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withClient } from "@/tools/postgres/admin";
import { isPortFree, startEmbeddedPostgres, type EmbeddedCluster } from "@/tools/postgres/embedded";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-embedded-test-"));
fs.chmodSync(root, 0o755);
const dataDir = path.join(root, "pg");
const started: EmbeddedCluster[] = [];
const notices: string[] = [];

async function start(port?: number) {
  const cluster = await startEmbeddedPostgres({ dataDir, port, onNotice: (l) => notices.push(l), timeoutMs: 60_000 });
  started.push(cluster);
  return cluster;
}

afterAll(async () => {
  for (const c of started) await c.stop().catch(() => {});
  fs.rmSync(root, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("keeps its data across a restart", async () => {
    const first = await start();
    await withClient(first.url("postgres"), (c) => c.query("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')"));
    await first.stop();
    const second = await start();
    const rows = await withClient(second.url("postgres"), (c) => c.query("SELECT v FROM kept"));
    expect(rows.rows).toEqual([{ v: "still here" }]);
    await second.stop();
  });

  it("removes a stale lock file whose process is gone", async () => {
    fs.writeFileSync(path.join(dataDir, "postmaster.pid"), "2147483646\n" + dataDir + "\n");
    const cluster = await start();
    expect(notices.some((n) => /stale lock file/.test(n))).toBe(true);
    const rows = await withClient(cluster.url("postgres"), (c) => c.query("SELECT v FROM kept"));
    expect(rows.rowCount).toBe(1);
    await cluster.stop();
  });

  it("shares a server whose owner is still running, and leaves it running", async () => {
    const first = await start();
    const second = await start();
    expect(second.port).toBe(first.port);
    expect(notices.some((n) => /already running/.test(n))).toBe(true);
    await second.stop();
    const rows = await withClient(first.url("postgres"), (c) => c.query("SELECT v FROM kept"));
    expect(rows.rowCount).toBe(1);
    await first.stop();
  });

  it("stops a server that outlived the run that started it, then starts its own", async () => {
    const orphan = await start(); // never stopped: as if its launcher had crashed
    fs.writeFileSync(`${dataDir}.owner`, "2147483646"); // a launcher that is gone
    const replacement = await start();
    expect(notices.some((n) => /still running/.test(n))).toBe(true);
    expect(await isPortFree(orphan.port)).toBe(true);
    const rows = await withClient(replacement.url("postgres"), (c) => c.query("SELECT v FROM kept"));
    expect(rows.rowCount).toBe(1);
    await replacement.stop();
  });

  it("chooses another port when the preferred one is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const cluster = await start(taken);
      expect(cluster.port).not.toBe(taken);
      expect(notices.some((n) => n.includes(`Port ${taken} is in use`))).toBe(true);
      await withClient(cluster.url("postgres"), (c) => c.query("SELECT 1"));
      await cluster.stop();
    } finally {
      blocker.close();
    }
  });
});

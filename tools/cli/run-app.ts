// npm run dev / npm start: runs Next.js against a database.
//
// DATABASE_URL set: that server is used as it is; nothing is started, nothing
// is migrated or seeded (use npm run db:migrate and npm run db:seed).
// DATABASE_URL unset: an embedded PostgreSQL keeps its data in .data/pg; pending
// migrations are applied and, on first start, the demo data is loaded.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, processEnv } from "@/lib/env";
import { bundleServer } from "@/tools/cli/serve-bundle";
import { createPrismaClient } from "@/lib/db/prisma";
import { keepServersThroughSignals } from "@/tools/postgres/embedded";
import { startLocalDatabase, watchLocalDatabase } from "@/tools/postgres/local";
import { migrateDeploy, projectRoot } from "@/tools/postgres/prisma-cli";
import { checkDatabaseReady } from "@/lib/db/startup";
import { seed } from "@/tools/seed/load";

const say = (line: string) => console.log(`[demarche] ${line}`);
const SHUTDOWN_GRACE_MS = 25_000;

async function main() {
  const mode = process.argv[2];
  if (mode !== "dev" && mode !== "start") {
    console.error("Usage: tsx tools/cli/run-app.ts dev|start");
    process.exit(2);
  }

  let databaseUrl = env.DATABASE_URL;
  let stopDatabase: () => Promise<void> = async () => {};
  if (databaseUrl) {
    say("Using the PostgreSQL server in DATABASE_URL.");
    // Production refuses to serve a database it cannot use (development shows the errors instead).
    if (mode === "start") await checkDatabaseReady(databaseUrl, projectRoot);
  } else {
    say("DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/pg).");
    // The database stops after Next.js has finished (see shutdown below).
    keepServersThroughSignals();
    const local = await startLocalDatabase(say);
    // Restarted (with backoff, a line each time) if it dies; Next.js keeps running.
    const watcher = watchLocalDatabase(local, say);
    stopDatabase = () => watcher.stop();
    databaseUrl = local.url;
    say(`Embedded PostgreSQL is up on 127.0.0.1:${local.cluster.port}. Applying migrations...`);
    try {
      await migrateDeploy(databaseUrl);
      const db = createPrismaClient(databaseUrl);
      try {
        if ((await db.country.count()) === 0) {
          say("First start: loading the countries and the demo case...");
          const summary = await seed(db);
          say(`Loaded ${summary.countriesCreated} countries, ${summary.demoRecordsCreated} demo records and ${summary.demoUsersCreated} demo accounts (password: demarche-demo).`);
        }
      } finally {
        await db.$disconnect();
      }
    } catch (error) {
      await stopDatabase();
      throw error;
    }
  }

  // The session secret: given, or (for development and the local embedded
  // database) generated once and kept in .data/. A production server on a
  // real database must be given one.
  let secret = env.NEXTAUTH_SECRET;
  if (!secret) {
    if (mode === "start" && env.DATABASE_URL) {
      await stopDatabase();
      throw new Error(
        "NEXTAUTH_SECRET is required in production: set it to a random string of at least 32 characters (e.g. `openssl rand -base64 32`).",
      );
    }
    const file = path.join(projectRoot, ".data", "nextauth-secret");
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
      say("Generated a session secret in .data/nextauth-secret.");
    }
    secret = fs.readFileSync(file, "utf8").trim();
  }

  // Next.js behind the front door of lib/http/server.ts (body limits before
  // authentication, the client's address, no framework 500s), bundled into
  // plain JavaScript: without this process's react-server condition or tsx.
  const child = spawn(process.execPath, [await bundleServer(projectRoot), mode], {
    cwd: projectRoot,
    stdio: "inherit",
    // No telemetry: the app never talks to hosts outside this machine.
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://localhost:${env.PORT}`,
      ...processEnv(),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
    },
  });

  // Next.js stops accepting connections on SIGTERM/SIGINT and finishes the
  // requests in flight; a request still running after the grace period is
  // cut off, so that a stop never hangs.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing the requests in flight (at most ${SHUTDOWN_GRACE_MS / 1000} s), then stopping.`);
    child.kill(signal);
    setTimeout(() => {
      say("Requests still running after the grace period: stopping now.");
      child.kill("SIGKILL");
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  child.on("exit", async (code, signal) => {
    await stopDatabase().catch((e) => console.error(e));
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((error) => {
  console.error(`[demarche] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

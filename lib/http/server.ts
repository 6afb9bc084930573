// The HTTP server of `npm run dev` and `npm start` (the launcher,
// tools/cli/run-app.ts, runs it as its child): Next.js behind the front door
// of lib/http/front-door.ts, through Next.js's custom-server API.
//
//   node --import tsx lib/http/server.ts dev|start     (in the project's directory; PORT, DATABASE_URL, NEXTAUTH_SECRET from the environment)
//
// The launcher runs it bundled into plain JavaScript (tools/cli/serve-bundle.ts),
// without tsx and without the react-server condition: Next.js loads its own
// bundles, and this file imports nothing marked server-only.
//
// Timeouts: a request's headers must arrive within 20 s and the whole
// request (the body: the import's 21 MB included) within 120 s, so that
// stalled uploads cannot pile up. On SIGTERM or SIGINT it stops accepting
// connections, lets the requests in flight finish, then exits (the launcher
// cuts it off after its grace period).
import http from "node:http";
import type { Socket } from "node:net";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: node --import tsx lib/http/server.ts dev|start (in the project's directory)");
  process.exit(2);
}
const dev = mode === "dev";
// Before Next.js and React are loaded: both pick their build by it.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 120_000;
const say = (line: string) => console.log(`[demarche] ${line}`);

async function main() {
  const [{ default: next }, { lookupUser, readSessionCookie }, { default: pg }, { env, authSecret }, { answerClientError, createFrontDoor }, { trustedProxies }, { databaseUnavailableRecently }] =
    await Promise.all([
      import("next"),
      import("@/lib/http/caller"),
      import("pg"),
      import("@/lib/env"),
      import("@/lib/http/front-door"),
      import("@/lib/http/client-address"),
      import("@/lib/db/unavailable"),
    ]);
  // The launcher starts it in the project's directory (it runs from a bundle elsewhere: tools/cli/serve-bundle.ts).
  const dir = process.cwd();
  const secret = authSecret();
  const secureCookie = !dev;

  // One small pool, only for the role behind a large upload to the import.
  const pool = env.DATABASE_URL
    ? new pg.Pool({ connectionString: env.DATABASE_URL, max: 2, connectionTimeoutMillis: 3_000, idleTimeoutMillis: 10_000, statement_timeout: 5_000 })
    : null;
  pool?.on("error", () => {}); // an idle connection lost: the next query opens another

  const app = next({ dev, dir, hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const frontDoor = createFrontDoor({
    handle: (req, res) => handle(req, res),
    trustedProxies: trustedProxies(env.TRUSTED_PROXIES),
    databaseUnavailable: () => databaseUnavailableRecently(),
    readSession: (cookieHeader) => readSessionCookie(cookieHeader, { secret, secureCookie }),
    async lookupUser(uid) {
      if (!pool) throw new Error("no database");
      return lookupUser(pool, uid);
    },
  });

  // Checked every 5 s (Node's default, 30 s, would let a stalled request live 50 s).
  const server = http.createServer({ connectionsCheckingInterval: 5_000 }, frontDoor);
  server.on("clientError", answerClientError);
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  const upgraded = new Set<Socket>();
  server.on("upgrade", (_req, socket: Socket) => {
    upgraded.add(socket);
    socket.once("close", () => upgraded.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, () => resolve());
  });
  say(`Serving http://localhost:${env.PORT} (${dev ? "development" : "production"}).`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // No new connections; idle keep-alive ones close now, busy ones after their answer.
    server.close(async () => {
      await Promise.all([app.close().catch((e: unknown) => console.error(e)), pool?.end().catch(() => {})]);
      process.exit(0);
    });
    // Connections become idle as their answers go out: close them as they do.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 200).unref();
    if (dev) {
      // Development: the browser's hot-reload socket and idle page loads would keep it open.
      server.closeAllConnections();
      for (const socket of upgraded) socket.destroy();
    }
    say(`${signal}: no new connections; finishing the requests in flight.`);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error) => {
  console.error(`[demarche] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

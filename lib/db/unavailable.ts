// Whether an error means "the database cannot answer right now" (down,
// restarting, refusing connections, the network gone, a connection cut,
// frozen, or too busy: no connection free in time, a statement or a lock
// wait over the app's time limits of lib/db/prisma.ts), as opposed to an
// error in a query. Such errors become a 503 with Retry-After for the API
// (lib/api/http.ts) and server actions (lib/actions/run-action.ts), and a
// "database unavailable" page (app/error.tsx asks /api/health; the server
// in front of Next.js answers 503 while databaseUnavailableRecently()). The
// driver's errors arrive wrapped by Prisma's adapter; the codes and messages
// are looked for along the chain of causes.
import { AppError } from "@/lib/errors";

const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, connection exceptions.
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // PostgreSQL: too many connections; a statement cancelled (statement_timeout)
  // or a lock not had within lock_timeout: the database is too busy to answer
  // a request in time, and nothing was changed.
  "53300",
  "57014",
  "55P03",
  // Prisma: can't reach the server, timed out, connection closed.
  "P1001",
  "P1002",
  "P1017",
  // Prisma (engine): timed out fetching a connection from the pool.
  "P2024",
]);

const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Can't reach database server|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error|Connection refused|server closed the connection unexpectedly|Query read timeout|sorry, too many clients already|Unable to start a transaction in the given time|cannot be executed on an expired transaction/i;

export class DatabaseUnavailableError extends AppError {
  constructor() {
    super("The database is unavailable at the moment. Nothing was changed; try again in a few seconds.", 503, "DATABASE_UNAVAILABLE");
  }
}

/**
 * Whether `error` means the database is unavailable (see above). Saying yes
 * also notes the outage (noteDatabaseUnavailable), so that whatever
 * classifies an error, the pages' 503 hears of it too.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!classify(error)) return false;
  noteDatabaseUnavailable();
  return true;
}

function classify(error: unknown): boolean {
  // Along the causes, and into Prisma's `meta` (a raw query's failure, P2010,
  // keeps the server's code there) and its driver adapter's error.
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, message, cause, originalCode, originalMessage, meta, driverAdapterError } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      originalMessage?: unknown;
      meta?: unknown;
      driverAdapterError?: unknown;
    };
    if (typeof code === "string" && CODES.has(code)) return true;
    if (typeof originalCode === "string" && CODES.has(originalCode)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    if (typeof originalMessage === "string" && MESSAGES.test(originalMessage)) return true;
    queue.push(cause, meta, driverAdapterError);
  }
  return false;
}

// When the database last failed to answer in this process. Pages cannot set
// their own HTTP status, so the HTTP server in front of Next.js answers 503
// instead of the framework's 500 while this is recent (lib/db/unavailable.ts
// is imported by both; the state lives on globalThis so that both module
// graphs, the server's and Next's bundles, share it).
const state = globalThis as unknown as { demarcheDbUnavailableAt?: number };

/** Records that the database could not be reached just now. */
export function noteDatabaseUnavailable(): void {
  state.demarcheDbUnavailableAt = Date.now();
}

/** Whether the database failed to answer within the last `withinMs`. */
export function databaseUnavailableRecently(withinMs = 10_000): boolean {
  const at = state.demarcheDbUnavailableAt;
  return at !== undefined && Date.now() - at <= withinMs;
}

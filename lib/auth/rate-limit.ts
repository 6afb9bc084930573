import "server-only";
// Failed sign-ins: at most 5 per account and 5 per IP address in 15 minutes,
// counted in PostgreSQL (table rate_limits) so that every app instance shares
// the counts.
import pg from "pg";
import { log } from "@/lib/log";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

type Limiters = { url: string; pool: pg.Pool; account: RateLimiterPostgres; ip: RateLimiterPostgres };
const holder = globalThis as unknown as { demarcheLimiters?: Limiters };

function limiters(): Limiters {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  if (holder.demarcheLimiters?.url === url) return holder.demarcheLimiters;
  const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server (restart, failover) must not
  // crash the process; the pool replaces it on next use.
  pool.on("error", (error) => void log("warn", "rate-limit pool: idle connection lost", { err: error, requestId: null }));
  const make = (keyPrefix: string) =>
    new RateLimiterPostgres({
      storeClient: pool,
      tableName: "rate_limits",
      tableCreated: true, // created by a migration (prisma/schema.prisma: RateLimit)
      clearExpiredByTimeout: false,
      keyPrefix,
      points: SIGN_IN_MAX_FAILURES,
      duration: SIGN_IN_WINDOW_SECONDS,
    });
  holder.demarcheLimiters = { url, pool, account: make("signin-account"), ip: make("signin-ip") };
  return holder.demarcheLimiters;
}

const remaining = (res: RateLimiterRes | null) => (res ? SIGN_IN_MAX_FAILURES - res.consumedPoints : SIGN_IN_MAX_FAILURES);

/** Throws RateLimitedError when the account or the address has used up its failures. */
export async function assertSignInAllowed(email: string, ip: string | null): Promise<void> {
  const l = limiters();
  const [byAccount, byIp] = await Promise.all([l.account.get(email), ip ? l.ip.get(ip) : Promise.resolve(null)]);
  const blocked = [byAccount, byIp].filter((r): r is RateLimiterRes => r !== null && remaining(r) <= 0);
  if (blocked.length > 0) {
    const wait = Math.max(...blocked.map((r) => r.msBeforeNext));
    throw new RateLimitedError(Math.ceil(wait / 1000));
  }
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const l = limiters();
  // consume() rejects once the points are used up; the count is what matters.
  await Promise.all([
    l.account.consume(email).catch(() => undefined),
    ip ? l.ip.consume(ip).catch(() => undefined) : undefined,
  ]);
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await limiters().account.delete(email);
}

import "server-only";
// Online password guessing, slowed down without letting anyone lock another
// person out (OWASP's Authentication and Credential Stuffing cheat sheets,
// "slow down online guessing with device cookies"). Every password check
// (sign-in, and the current password of "change my password") goes through
// reservePasswordAttempt, which applies, in this order:
//
//   pair     (account, address): 5 failures in 15 minutes, then refused for
//            the rest of the window. Applies to every attempt.
//   account  attempts without a known-device token: the first 5 failures in
//            24 hours are free; after the n-th, the next attempt must wait
//            30 s x 2^(n-5), at most 15 minutes, counted from that failure.
//            Attempts inside the wait are refused without a password check
//            and do not count: a delay, never a lock.
//   address  attempts without a known-device token: 50 failures in 15
//            minutes across all accounts, then refused for the rest of the
//            window (stops spraying from one address, spares an office NAT).
//   device   a browser that signed in to the account recently holds a
//            signed token (lib/auth/device.ts); with it, the account's wait
//            and the address limit do not apply. 5 failures with one token in
//            15 minutes make it count as unknown for the rest of the window.
//
// The attempt is counted before the password is checked and refunded when it
// succeeds or is refused, so that parallel requests cannot all pass the
// check before the first failure is written. Counts live in PostgreSQL
// (table rate_limits, one key prefix per limit) so that every app instance
// shares them; keys are hashes, so no address or e-mail is stored there and
// no key outgrows the column.
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { log } from "@/lib/log";

export const PAIR_MAX_FAILURES = 5;
export const PAIR_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_WINDOW_SECONDS = 24 * 60 * 60;
export const ACCOUNT_FIRST_WAIT_SECONDS = 30;
export const ACCOUNT_MAX_WAIT_SECONDS = 15 * 60;
export const ADDRESS_MAX_FAILURES = 50;
export const ADDRESS_WINDOW_SECONDS = 15 * 60;
export const DEVICE_MAX_FAILURES = 5;
export const DEVICE_WINDOW_SECONDS = 15 * 60;
/** How long an attempt past the free failures holds the account's slot while its password is checked. */
const SLOT_SECONDS = 10;

export type PasswordLimit = "pair" | "account" | "address";

/** Refused by one of the limits; `limit` goes into the audit event. */
export class PasswordAttemptLimitedError extends RateLimitedError {
  constructor(
    readonly limit: PasswordLimit,
    retryAfterSeconds: number,
  ) {
    super(retryAfterSeconds);
  }
}

/** The wait after the n-th failure of an account (n >= the free failures). */
export function accountWaitSeconds(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_WAIT_SECONDS, ACCOUNT_FIRST_WAIT_SECONDS * 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

type Limiters = {
  url: string;
  pool: pg.Pool;
  pair: RateLimiterPostgres;
  account: RateLimiterPostgres;
  wait: RateLimiterPostgres;
  address: RateLimiterPostgres;
  device: RateLimiterPostgres;
};
const holder = globalThis as unknown as { demarcheLimiters?: Limiters };

function limiters(): Limiters {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  if (holder.demarcheLimiters?.url === url) return holder.demarcheLimiters;
  const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server (restart, failover) must not
  // crash the process; the pool replaces it on next use.
  pool.on("error", (error) => void log("warn", "rate-limit pool: idle connection lost", { err: error, requestId: null }));
  const make = (keyPrefix: string, points: number, duration: number, clearExpiredByTimeout = false) =>
    new RateLimiterPostgres({
      storeClient: pool,
      tableName: "rate_limits",
      tableCreated: true, // created by a migration (prisma/schema.prisma: RateLimit)
      // One limiter sweeps the whole table (rows expired an hour ago, every
      // 5 minutes, on an unref'd timer); the others share its work.
      clearExpiredByTimeout,
      keyPrefix,
      points,
      duration,
    });
  holder.demarcheLimiters = {
    url,
    pool,
    pair: make("pw-pair", PAIR_MAX_FAILURES, PAIR_WINDOW_SECONDS, true),
    account: make("pw-account", Number.MAX_SAFE_INTEGER, ACCOUNT_WINDOW_SECONDS),
    // One attempt at a time once the free failures are used: a consume opens
    // the slot, a failure blocks it for the wait.
    wait: make("pw-wait", 1, SLOT_SECONDS),
    address: make("pw-address", ADDRESS_MAX_FAILURES, ADDRESS_WINDOW_SECONDS),
    device: make("pw-device", DEVICE_MAX_FAILURES, DEVICE_WINDOW_SECONDS),
  };
  return holder.demarcheLimiters;
}

const hash = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("base64url");

/** Consumes one point; the library rejects with a RateLimiterRes past the limit. */
async function consume(limiter: RateLimiterPostgres, key: string, options?: { customDuration: number }) {
  try {
    return { ok: true as const, res: await limiter.consume(key, 1, options) };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false as const, res: error };
    throw error;
  }
}

/**
 * Gives back a point taken by consume, within its window only (the
 * library's reward() would start a new window at -1 after expiry, which is
 * one free attempt).
 */
async function refund(limiter: RateLimiterPostgres, key: string): Promise<void> {
  await limiters().pool.query(`UPDATE rate_limits SET points = points - 1 WHERE key = $1 AND points > 0 AND expire > $2`, [
    limiter.getKey(key),
    Date.now(),
  ]);
}

const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export type PasswordAttempt = {
  /** The account as typed (lower-cased); unknown ones are counted the same. */
  email: string;
  ip: string | null;
  /** The nonce of a valid known-device token for this account, if any. */
  deviceNonce: string | null;
};

/** A reserved attempt: settle it once the password has been checked. */
export type AttemptTicket = { succeeded(): Promise<void>; failed(): Promise<void> };

/**
 * Counts one password attempt before the password is checked. Throws
 * PasswordAttemptLimitedError (nothing counted) when a limit refuses it.
 */
export async function reservePasswordAttempt(attempt: PasswordAttempt): Promise<AttemptTicket> {
  const l = limiters();
  const address = attempt.ip ?? "unknown";
  const pairKey = hash(attempt.email, address);
  const accountKey = hash(attempt.email);
  const addressKey = hash(address);
  const deviceKey = attempt.deviceNonce;
  const taken: (() => Promise<void>)[] = [];
  const giveBack = async () => {
    for (const undo of taken) await undo();
  };

  const pair = await consume(l.pair, pairKey);
  if (!pair.ok) throw new PasswordAttemptLimitedError("pair", seconds(pair.res));
  taken.push(() => refund(l.pair, pairKey));

  // A known device is trusted until it has failed too often itself.
  let known = false;
  if (deviceKey) {
    const device = await consume(l.device, deviceKey);
    known = device.ok;
    if (known) taken.push(() => refund(l.device, deviceKey));
  }

  let failures = 0;
  if (!known) {
    const byAddress = await consume(l.address, addressKey);
    if (!byAddress.ok) {
      await giveBack();
      throw new PasswordAttemptLimitedError("address", seconds(byAddress.res));
    }
    taken.push(() => refund(l.address, addressKey));

    const byAccount = await consume(l.account, accountKey);
    taken.push(() => refund(l.account, accountKey));
    failures = byAccount.res.consumedPoints - 1; // before this attempt
    if (failures >= ACCOUNT_FREE_FAILURES) {
      // Past the free failures: only one attempt per wait. The slot is
      // blocked by the last failure for its wait; otherwise this attempt
      // takes it while its password is checked.
      const slot = await consume(l.wait, accountKey);
      if (!slot.ok) {
        await giveBack();
        throw new PasswordAttemptLimitedError("account", seconds(slot.res));
      }
    }
  }

  return {
    async succeeded() {
      // The pair starts afresh; the account's count stays (the owner signing
      // in says nothing about who else is guessing), minus this attempt.
      await l.pair.delete(pairKey);
      if (!known) {
        await refund(l.address, addressKey);
        await refund(l.account, accountKey);
      }
    },
    async failed() {
      if (!known && failures + 1 >= ACCOUNT_FREE_FAILURES) await l.wait.block(accountKey, accountWaitSeconds(failures + 1));
    },
  };
}

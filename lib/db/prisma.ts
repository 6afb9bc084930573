// Creates Prisma clients over node-postgres (no Rust engine). The app uses the
// single instance in ./client.ts; command-line tools and tests create their own.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/** The pool settings of every connection the app makes. */
export function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    // Fail fast instead of hanging when the server is down or saturated.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    max: 10,
  });
  // An idle connection the server closed (a restart, a dropped database) is
  // discarded by the pool; without a listener the error would end the process.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return pool;
}

/**
 * A Prisma client over `pool`, or over a pool of its own (ended with the
 * client's $disconnect) when none is given.
 */
export function createPrismaClient(connectionString: string, pool?: pg.Pool): PrismaClient {
  const adapter = pool ? new PrismaPg(pool) : new PrismaPg(createPool(connectionString), { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

// Creates Prisma clients over node-postgres (no Rust engine). The app uses the
// single instance in ./client.ts; command-line tools and tests create their own.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { log } from "@/lib/log";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/** The pool settings of every connection the app makes. */
export function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    // No request may hang on the database: a connection is made within 3 s
    // or refused (the API answers 503, pages say the database is
    // unavailable); a statement runs at most 30 s on the server and is
    // abandoned by the client 5 s later; a transaction left idle ends.
    connectionTimeoutMillis: 3_000,
    statement_timeout: 30_000,
    query_timeout: 35_000,
    idle_in_transaction_session_timeout: 60_000,
    idleTimeoutMillis: 30_000,
    // The app's queries are short index reads; PostgreSQL's JIT, triggered
    // by large row estimates, spent 100 ms and more compiling plans that
    // run in 10 ms (a search over a million requests).
    options: "-c jit=off",
    max: 10,
  });
  // An idle connection the server closed (a restart, a dropped database) is
  // discarded by the pool; without a listener the error would end the process.
  pool.on("error", (error) => void log("warn", "idle database connection lost", { err: error, requestId: null }));
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

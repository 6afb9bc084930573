// Creates Prisma clients over node-postgres (no Rust engine). The app uses the
// single instance in ./client.ts; command-line tools and tests create their own.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { log } from "@/lib/log";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "@/lib/db/unavailable";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/**
 * The time limits of a pool.
 *
 * "app": the web server's requests. A frozen or overloaded database must be
 * answered with a 503 within 5 s, never a hung request: a connection (made,
 * or waited for in the pool's queue when all are busy) within 3.5 s; a
 * statement runs at most 3 s on the server (the heaviest of the app's, a
 * dashboard figure with a weapon filter at a million requests, takes 0.7 s)
 * and waits at most 2.5 s for a lock (writers of one record queue on its row
 * lock); the client gives up 0.5 s after the server would have, which only
 * happens when the server does not answer at all (stopped, frozen, cut off).
 *
 * "long": work that is long by nature and has someone waiting for it: the
 * CSV import and its check (100,000 rows), the dashboard counts' folding
 * after such an import, and every command-line tool (seed, generate-large,
 * the benchmarks) and test set-up that creates its own client. Ten minutes a
 * statement, a minute for a lock.
 */
export type PoolKind = "app" | "long";

export const POOL_LIMITS = {
  app: { max: 10, connectMs: 3_500, statementMs: 3_000, lockMs: 2_500, queryMs: 3_500, idleInTransactionMs: 10_000 },
  long: { max: 10, connectMs: 10_000, statementMs: 600_000, lockMs: 60_000, queryMs: 610_000, idleInTransactionMs: 60_000 },
} as const satisfies Record<PoolKind, Record<string, number>>;

/**
 * Interactive transactions ($transaction) of every client. Prisma checks its
 * wait only once the pool has handed over a connection (and then throws
 * away a transaction that has just begun), so the wait is longer than the
 * pool's own limit, which is the one that applies: a busy pool answers
 * "timeout exceeded when trying to connect" after 3.5 s, a 503.
 */
export const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 30_000 } as const;

function noteIfUnavailable(error: unknown): void {
  if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
}

type Callback = (error: Error | null, result?: unknown) => void;

/**
 * A connection that runs one statement at a time and notes outages.
 *
 * One at a time: Prisma's query interpreter fetches the relations of one
 * query in parallel (Promise.all over "join" nodes), which on a transaction's
 * single connection made pg queue them itself and print "Calling
 * client.query() when the client is already executing a query is
 * deprecated" (an error in pg 9). Here each statement waits for the one
 * before it on the same connection, as pg asks ("an external async flow
 * control mechanism"). Streams and cursors (objects with `submit`) pass as
 * they are: they own their connection.
 *
 * A statement the server did not answer in time ("Query read timeout") leaves
 * the connection waiting for an answer that may still come: it is closed, so
 * that neither the transaction's ROLLBACK nor the pool's next user queues
 * behind it (pg's pool drops a closed connection).
 *
 * An error of a connection in use also fails its statements, which report
 * it; without a listener of its own it would end the process.
 */
class AppClient extends pg.Client {
  #tail: Promise<void> = Promise.resolve();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on("error", noteIfUnavailable);
  }

  #failed(error: unknown): void {
    if (error instanceof Error && error.message === "Query read timeout") {
      (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    }
    noteIfUnavailable(error);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has a dozen overloads; this passes them through.
  override query(config: any, values?: any, callback?: any): any {
    if (config == null || typeof config.submit === "function") return super.query(config, values, callback);
    const previous = this.#tail;
    const callbackAt = typeof values === "function" ? 1 : typeof callback === "function" ? 2 : 0;
    if (callbackAt === 0) {
      const result: Promise<unknown> = previous.then(() => super.query(config, values));
      this.#tail = result.then(
        () => {},
        () => {},
      );
      return result.catch((error: unknown) => {
        this.#failed(error);
        throw error;
      });
    }
    const given = (callbackAt === 1 ? values : callback) as Callback;
    let finished!: () => void;
    this.#tail = new Promise<void>((resolve) => (finished = resolve));
    const done: Callback = (error, result) => {
      finished();
      if (error) this.#failed(error);
      given(error, result);
    };
    void previous.then(() => {
      try {
        if (callbackAt === 1) super.query(config, done);
        else super.query(config, values, done);
      } catch (error) {
        done(error as Error);
      }
    });
    return undefined;
  }
}

/** A pool with `kind`'s limits (see POOL_LIMITS); `max` connections at most. */
export function createPool(connectionString: string, kind: PoolKind = "app", max: number = POOL_LIMITS[kind].max): pg.Pool {
  const limits = POOL_LIMITS[kind];
  const pool = new pg.Pool({
    connectionString,
    Client: AppClient as unknown as new () => pg.ClientBase,
    max,
    connectionTimeoutMillis: limits.connectMs,
    statement_timeout: limits.statementMs,
    lock_timeout: limits.lockMs,
    query_timeout: limits.queryMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionMs,
    idleTimeoutMillis: 30_000,
    // A server that vanished without closing the connection (a host or
    // network gone) is noticed by TCP keepalive instead of never.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // The app's queries are short index reads; PostgreSQL's JIT, triggered
    // by large row estimates, spent 100 ms and more compiling plans that
    // run in 10 ms (a search over a million requests).
    options: "-c jit=off",
  });
  // A connection that could not be had (refused, timed out, the pool's
  // queue full for too long) is an outage worth noting for the pages too.
  const connect = pool.connect.bind(pool) as (callback?: (error: Error | undefined, ...rest: unknown[]) => void) => Promise<pg.PoolClient> | void;
  pool.connect = ((callback?: (error: Error | undefined, ...rest: unknown[]) => void) => {
    if (callback) {
      return connect((error, ...rest) => {
        if (error) noteIfUnavailable(error);
        callback(error, ...rest);
      });
    }
    return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
      noteIfUnavailable(error);
      throw error;
    });
  }) as typeof pool.connect;
  // An idle connection the server closed (a restart, a dropped database) is
  // discarded by the pool; without a listener the error would end the process.
  pool.on("error", (error) => {
    noteIfUnavailable(error);
    void log("warn", "idle database connection lost", { err: error, requestId: null });
  });
  return pool;
}

/**
 * A Prisma client over `pool`, or over a pool of its own (ended with the
 * client's $disconnect) when none is given: command-line tools and tests,
 * which get the long limits.
 */
export function createPrismaClient(connectionString: string, pool?: pg.Pool): PrismaClient {
  const adapter = pool ? new PrismaPg(pool) : new PrismaPg(createPool(connectionString, "long"), { disposeExternalPool: true });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
}

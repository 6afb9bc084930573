import "server-only";
// The app's one connection pool and the Prisma client over it, created on
// first use (so that `next build` needs no database) and kept on globalThis
// so that dev-mode reloads reuse them. Hand-written SQL (the dashboard's
// aggregates) goes to the pool directly: the same connections, without the
// Prisma client's per-query work on rows it would only pass through.
//
// Requests get the pool's short limits (a frozen database is a 503 within
// 5 s); the few jobs that are long by nature (the CSV import and its check,
// the dashboard counts' folding) use a small pool of their own with long
// limits (lib/db/prisma.ts POOL_LIMITS), so they neither time out nor take
// the requests' connections.
import type pg from "pg";
import { env } from "@/lib/env";
import { createPool, createPrismaClient, type Db } from "@/lib/db/prisma";

const holder = globalThis as unknown as { demarcheDb?: { url: string; pool: pg.Pool; client: Db; longPool?: pg.Pool } };

/** Connections for long jobs: an import holds one for its transaction, its check one, the folding one. */
const LONG_POOL_SIZE = 3;

function current() {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which set it.");
  }
  if (!holder.demarcheDb || holder.demarcheDb.url !== url) {
    const pool = createPool(url, "app");
    holder.demarcheDb = { url, pool, client: createPrismaClient(url, pool) };
  }
  return holder.demarcheDb;
}

export function getDb(): Db {
  return current().client;
}

export function getPool(): pg.Pool {
  return current().pool;
}

/** The pool of the long jobs (see above). */
export function getLongPool(): pg.Pool {
  const db = current();
  db.longPool ??= createPool(db.url, "long", LONG_POOL_SIZE);
  return db.longPool;
}

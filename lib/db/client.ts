import "server-only";
// The app's one connection pool and the Prisma client over it, created on
// first use (so that `next build` needs no database) and kept on globalThis
// so that dev-mode reloads reuse them. Hand-written SQL (the dashboard's
// aggregates) goes to the pool directly: the same connections, without the
// Prisma client's per-query work on rows it would only pass through.
import type pg from "pg";
import { env } from "@/lib/env";
import { createPool, createPrismaClient, type Db } from "@/lib/db/prisma";

const holder = globalThis as unknown as { demarcheDb?: { url: string; pool: pg.Pool; client: Db } };

function current() {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which set it.");
  }
  if (!holder.demarcheDb || holder.demarcheDb.url !== url) {
    const pool = createPool(url);
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

import "server-only";
// Runs `work` in a transaction: a new one on a client, or the caller's own
// when given a transaction client, so that data functions compose into one
// all-or-nothing change (log a request with its quotes and citations).
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

export type DbOrTx = Db | Prisma.TransactionClient;

export function inTransaction<T>(db: DbOrTx, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db) return db.$transaction(work, { timeout: 30_000 });
  return work(db);
}

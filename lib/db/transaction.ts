import "server-only";
// Runs `work` in a transaction: a new one on a client, or the caller's own
// when given a transaction client, so that data functions compose into one
// all-or-nothing change (log a request with its quotes and citations).
import { TRANSACTION_OPTIONS, type Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

export type DbOrTx = Db | Prisma.TransactionClient;

export function inTransaction<T>(db: DbOrTx, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // The client's own options (lib/db/prisma.ts), said here too for a client made elsewhere.
  if ("$transaction" in db) return db.$transaction(work, TRANSACTION_OPTIONS);
  return work(db);
}

import "server-only";
// Keeps the dashboard's counts compact (prisma/rollups.sql): writers append
// deltas, and this folds the committed ones into the counters every few
// seconds. Readers sum counters and deltas, so the interval only bounds how
// many delta rows a reader adds up; it never makes a figure stale.
import { getLongPool } from "@/lib/db/client";
import { log } from "@/lib/log";

export const COMPACT_EVERY_MS = 10_000;

/** Folds committed deltas into the counters; returns the number of delta rows folded. */
export async function compactRollups(): Promise<number> {
  // The long pool: after a large import the folding takes longer than a request's statement limit.
  const r = await getLongPool().query<{ folded: string }>("SELECT dashboard.compact() AS folded");
  return Number(r.rows[0]?.folded ?? 0);
}

const holder = globalThis as unknown as { demarcheCompactor?: NodeJS.Timeout };

/** Starts the periodic compaction of this server process (once). */
export function startRollupCompaction(): void {
  if (holder.demarcheCompactor) return;
  holder.demarcheCompactor = setInterval(() => {
    compactRollups().catch((error: unknown) => {
      // The database may be down for a while; the next round tries again.
      void log("warn", "dashboard counts: compaction failed", { err: error, requestId: null });
    });
  }, COMPACT_EVERY_MS);
  holder.demarcheCompactor.unref();
}

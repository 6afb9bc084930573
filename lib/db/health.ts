import "server-only";
import { getDb } from "@/lib/db/client";
import { noteDatabaseUnavailable } from "@/lib/db/unavailable";

/**
 * True when the database answers a trivial query within `timeoutMs`. A
 * database that does not is noted as unavailable (for the pages' 503), as
 * the data layer does for any error that says so.
 */
export async function isDatabaseUp(timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const probe = getDb()
      .$queryRaw`select 1`
      .then(() => true as const)
      .catch(() => false as const);
    const up = await Promise.race([probe, timeout]);
    if (!up) noteDatabaseUnavailable();
    return up;
  } finally {
    clearTimeout(timer);
  }
}

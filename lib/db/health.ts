import "server-only";
import { getDb } from "@/lib/db/client";

/** True when the database answers a trivial query within `timeoutMs`. */
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
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// What a Node.js server instance does once, when it starts (called by
// instrumentation.ts, which Next.js also compiles for the edge runtime,
// hence this module of Node-only code): refuse to start without the settings
// production needs, or on a database it cannot use (unreachable, migrations
// pending), with a message that says what to do; then keep the dashboard's
// counts compact (lib/db/rollups.ts).
import { authSecret, env } from "@/lib/env";
import { log } from "@/lib/log";
import { checkDatabaseReady } from "@/lib/db/startup";

export async function startServer(): Promise<void> {
  if (env.NODE_ENV === "production") {
    authSecret(); // throws a clear error when NEXTAUTH_SECRET is missing
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is required: start the app with `npm start`, or set it.");
    try {
      await checkDatabaseReady(env.DATABASE_URL, process.cwd());
    } catch (error) {
      await log("error", `Not starting: ${(error as Error).message}`, { requestId: null });
      process.exit(1);
    }
  }
  if (env.DATABASE_URL) {
    const { startRollupCompaction } = await import("@/lib/db/rollups");
    startRollupCompaction();
  }
}

// Runs once when a server instance starts: refuse to start without the
// settings production needs, or on a database it cannot use (unreachable,
// migrations pending), with a message that says what to do; then keep the
// dashboard's counts compact (lib/db/rollups.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, authSecret } = await import("@/lib/env");
  if (env.NODE_ENV === "production") {
    authSecret(); // throws a clear error when NEXTAUTH_SECRET is missing
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is required: start the app with `npm start`, or set it.");
    const { checkDatabaseReady } = await import("@/lib/postgres/startup");
    try {
      await checkDatabaseReady(env.DATABASE_URL, process.cwd());
    } catch (error) {
      const { log } = await import("@/lib/log");
      await log("error", `Not starting: ${(error as Error).message}`, { requestId: null });
      process.exit(1);
    }
  }
  if (env.DATABASE_URL) {
    const { startRollupCompaction } = await import("@/lib/db/rollups");
    startRollupCompaction();
  }
}

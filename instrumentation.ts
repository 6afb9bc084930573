// Runs once when a server instance starts: refuse to start without the
// settings production needs, with a message that says what to do; then keep
// the dashboard's counts compact (lib/db/rollups.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, authSecret } = await import("@/lib/env");
  if (env.NODE_ENV === "production") {
    authSecret(); // throws a clear error when NEXTAUTH_SECRET is missing
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is required: start the app with `npm start`, or set it.");
  }
  if (env.DATABASE_URL) {
    const { startRollupCompaction } = await import("@/lib/db/rollups");
    startRollupCompaction();
  }
}

// Runs once when a server instance starts (lib/server-start.ts: settings and
// database checks, then the dashboard counts' compaction).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server-start");
  await startServer();
}

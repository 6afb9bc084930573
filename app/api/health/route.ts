import { isDatabaseUp } from "@/lib/db/health";

// Liveness and database check for load balancers and monitors. Never cached.
export async function GET(): Promise<Response> {
  const up = await isDatabaseUp();
  return Response.json(
    up ? { status: "ok", db: "up" } : { status: "error", db: "down" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

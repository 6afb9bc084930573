import { getSessionUser } from "@/lib/auth/current-user";
import { lookup, lookupQuerySchema } from "@/lib/db/lookup";

// Type-ahead for the forms' record pickers. GET /api/lookup?type=actor&q=anto
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) {
    return Response.json({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue.", fields: {} } }, { status: 401 });
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = lookupQuerySchema.safeParse(params);
  if (!parsed.success) {
    return Response.json(
      { error: { code: "VALIDATION", message: "Unknown lookup.", fields: parsed.error.flatten().fieldErrors } },
      { status: 400 },
    );
  }
  const options = await lookup(user, parsed.data.type, parsed.data.q, parsed.data.ids);
  return Response.json({ options }, { headers: { "Cache-Control": "no-store" } });
}

import { getSessionUser } from "@/lib/auth/current-user";
import { lookup, lookupQuerySchema } from "@/lib/db/lookup";
import { ForbiddenError } from "@/lib/errors";

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
  let options;
  try {
    options = await lookup(user, parsed.data.type, parsed.data.q, parsed.data.ids);
  } catch (error) {
    // Refused by the data layer (owners: only for those who may assign them).
    if (error instanceof ForbiddenError) {
      return Response.json({ error: { code: error.code, message: error.message, fields: {} } }, { status: 403 });
    }
    throw error;
  }
  return Response.json({ options }, { headers: { "Cache-Control": "no-store" } });
}

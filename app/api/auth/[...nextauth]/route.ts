import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { RATE_LIMITED_PREFIX, rateLimitedSeconds } from "@/lib/auth/sign-in-messages";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context) as Promise<Response>;
}

export const GET = handler;

// next-auth answers a rate-limited sign-in like any failed one (401). API
// clients are owed a 429 with the wait, so the status is rewritten here; the
// body (and so the sign-in page's message) is unchanged.
export async function POST(request: Request, context: Context): Promise<Response> {
  const response = await handler(request, context);
  if (response.status !== 401) return response;
  const location = response.headers.get("location") ?? "";
  const body = location ? "" : await response.clone().text();
  const marker = encodeURIComponent(RATE_LIMITED_PREFIX);
  const limited = location.includes(marker) || body.includes(marker) || body.includes(RATE_LIMITED_PREFIX);
  if (!limited) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(rateLimitedSeconds(location || body) ?? 15 * 60));
  return new Response(response.body, { status: 429, headers });
}

// First line of defence, before any route runs: no session token, no page
// (redirect to /signin) and no API (401), unless the API request carries its
// own token. Mutating API calls with the session cookie must come from this
// site (Origin check). The token is only checked for a valid signature
// and expiry here; pages, actions and handlers check it against the database.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { acceptedRequestId, log, REQUEST_ID_HEADER } from "@/lib/log";

const PUBLIC_PATHS = ["/signin", "/api/health"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.includes(pathname) || pathname.startsWith("/api/auth/");
}

function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  // Every request gets an id: passed on to the app (its logs, its error
  // pages) and returned as a header, whatever the answer.
  const requestId = acceptedRequestId(request.headers.get(REQUEST_ID_HEADER)) ?? crypto.randomUUID();
  const response = await decide(request, requestId);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  // The status only when the proxy answered itself (a redirect, a 401/403); the app's own answers are logged where they fail.
  const answered = !response.headers.has("x-middleware-next");
  void log("info", "request", { requestId, method: request.method, path: request.nextUrl.pathname, ...(answered ? { status: response.status } : {}) });
  return response;
}

async function decide(request: NextRequest, requestId: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const next = () => NextResponse.next({ request: { headers } });

  // The REST API checks every request itself (lib/api/http.ts: the token or
  // the session, and the Origin of a change made with the cookie), and
  // answers in its own error shape: decoding the session here too would
  // only double the work of its busiest path.
  if (pathname.startsWith("/api/v1/")) return next();

  if (isApi && !["GET", "HEAD", "OPTIONS"].includes(request.method) && !pathname.startsWith("/api/auth/")) {
    if (!sameOrigin(request)) {
      return NextResponse.json(
        { error: { code: "FORBIDDEN", message: "Cross-origin request refused.", fields: {} } },
        { status: 403 },
      );
    }
  }

  if (isPublic(pathname)) return next();

  const token = await getToken({
    req: request,
    secret: env.NEXTAUTH_SECRET,
    secureCookie: env.NODE_ENV === "production",
  });
  if (token) return next();

  if (isApi) {
    return NextResponse.json(
      { error: { code: "UNAUTHENTICATED", message: "Sign in to continue.", fields: {} } },
      { status: 401 },
    );
  }
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but Next's own assets.
  matcher: ["/((?!_next/|favicon.ico).*)"],
};

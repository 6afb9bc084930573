import "server-only";
// The one place that reads the request's session token and address. Tests
// replace this module to act as a given user; everything after it (the
// database check of the session version, permissions) runs for real.
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-age";
import { authSecret, env } from "@/lib/env";

/** sid and sat (session id, sign-in time in seconds) are in every token since sign-out ends one session; a test's stand-in may omit them. */
export type SessionToken = { uid: number; sv: number; sid?: string; sat?: number };

/**
 * The session's token, decoded (not re-issued: getServerSession would
 * encrypt a new cookie on every request, for nothing; a session lasts 8
 * hours from sign-in). Only the cookie counts: never an Authorization header,
 * which belongs to the API's own tokens.
 */
export async function readSessionToken(): Promise<SessionToken | null> {
  const jar = await cookies();
  const token = await getToken({
    req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as never,
    secret: authSecret(),
    secureCookie: env.NODE_ENV === "production",
  });
  if (typeof token?.uid !== "number" || typeof token.sv !== "number") return null;
  if (typeof token.sid !== "string" || typeof token.sat !== "number") return null; // from before sign-out could end it
  if (typeof token.exp === "number" && token.exp * 1000 <= Date.now()) return null;
  // next-auth renews exp whenever /api/auth/session is read; the 8 hours
  // count from sign-in.
  if ((token.sat + SESSION_MAX_AGE_SECONDS) * 1000 <= Date.now()) return null;
  return { uid: token.uid, sv: token.sv, sid: token.sid, sat: token.sat };
}

export async function readClientIp(): Promise<string | null> {
  return clientIp(await headers());
}

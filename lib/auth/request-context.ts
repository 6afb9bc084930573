import "server-only";
// The one place that reads the request's session token and address. Tests
// replace this module to act as a given user; everything after it (the
// database check of the session version, permissions) runs for real.
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { authSecret, env } from "@/lib/env";

export type SessionToken = { uid: number; sv: number };

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
  if (typeof token.exp === "number" && token.exp * 1000 <= Date.now()) return null;
  return { uid: token.uid, sv: token.sv };
}

export async function readClientIp(): Promise<string | null> {
  return clientIp(await headers());
}

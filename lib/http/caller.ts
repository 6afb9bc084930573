// Who sends a request, as far as the front door needs to know before a body
// is read (lib/http/front-door.ts): the session cookie's token, verified as
// lib/auth/request-context.ts verifies it (signature and expiry; the
// session version is the app's to check), and, only for a large upload to
// the import, the user's role from the database.
import { getToken } from "next-auth/jwt";
import type { Pool } from "pg";

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) cookies[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return cookies;
}

/** The session cookie's token (uid and session version), or null when there is none, it is forged, or it expired. */
export async function readSessionCookie(cookieHeader: string | undefined, options: { secret: string; secureCookie: boolean }): Promise<{ uid: number; sv: number } | null> {
  if (!cookieHeader) return null;
  // The cookie only, never an Authorization header (which is the API's own tokens').
  const token = await getToken({ req: { cookies: parseCookies(cookieHeader), headers: {} } as never, secret: options.secret, secureCookie: options.secureCookie }).catch(() => null);
  if (typeof token?.uid !== "number" || typeof token.sv !== "number") return null;
  if (typeof token.exp === "number" && token.exp * 1000 <= Date.now()) return null;
  return { uid: token.uid, sv: token.sv };
}

export async function lookupUser(pool: Pool, uid: number): Promise<{ role: string; active: boolean; sessionVersion: number } | null> {
  const { rows } = await pool.query<{ role: string; active: boolean; sessionVersion: number }>(
    `SELECT role::text AS role, active, "sessionVersion" FROM "User" WHERE id = $1`,
    [uid],
  );
  return rows[0] ?? null;
}

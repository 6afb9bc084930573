import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readSessionToken } from "@/lib/auth/request-context";
import { getPool } from "@/lib/db/client";
import { UnauthenticatedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = { id: number; email: string; name: string; role: Role };

/**
 * The signed-in user, or null. Checked against the database once per request:
 * a deactivated user, a token older than the user's session version (after
 * sign-out everywhere, a role or password change), or a session signed out
 * (its id on the deny-list, lib/auth/users.ts endSession) is signed out.
 *
 * Read once per render: React's cache() keeps the answer for the rest of the
 * server-component render of one request, so a page, its layout and its
 * metadata ask the database once. Outside a render (server actions, route
 * handlers, the API, scripts and tests) React has no request scope and cache()
 * calls through: every call checks the database again, so an action that
 * changes the session (sign-out everywhere, a role change) is seen by the next
 * call, and by the render that follows it, which has a fresh cache.
 */
export const getSessionUser: () => Promise<SessionUser | null> = cache(readSessionUser);

async function readSessionUser(): Promise<SessionUser | null> {
  const token = await readSessionToken();
  if (!token) return null;
  // On every request: one plain statement on the pool (a Prisma model query
  // costs several milliseconds of its own here), the deny-list included (a
  // lookup by primary key).
  const { rows } = await getPool().query<SessionUser & { active: boolean; sessionVersion: number; signedOut: boolean }>(
    `SELECT id, email, name, role::text AS role, active, "sessionVersion",
            EXISTS (SELECT 1 FROM "EndedSession" WHERE sid = $2) AS "signedOut"
       FROM "User" WHERE id = $1`,
    [token.uid, token.sid ?? null],
  );
  const user = rows[0];
  if (!user || !user.active || user.sessionVersion !== token.sv || user.signedOut) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For server actions and route handlers: throws 401 without a valid session. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

/** For pages: sends the visitor to the sign-in page without a valid session. */
export async function requirePageUser(callbackPath = "/"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

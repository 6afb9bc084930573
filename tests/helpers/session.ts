// Stands in for lib/auth/request-context.ts (the only code that reads the
// request's session cookie and address). Use in a test file with:
//
//   vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));
//
// Everything after it runs for real: the session-version check against the
// database, permissions, validation, the writes and their audit events.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/prisma";
import type { SessionToken } from "@/lib/auth/request-context";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export const session: { token: SessionToken | null; ip: string | null } = { token: null, ip: "198.51.100.7" };

export const requestContextMock = {
  readSessionToken: async () => session.token,
  readClientIp: async () => session.ip,
};

/** A token as the jwt callback makes it at sign-in: current session version, a new session id. */
export async function newSessionToken(db: Db, userId: number): Promise<SessionToken> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return { uid: userId, sv: u.sessionVersion, sid: randomUUID(), sat: Math.floor(Date.now() / 1000) };
}

/** Act as this user, in a new session of their current session version. */
export async function actAs(db: Db, userId: number | null): Promise<void> {
  session.token = userId === null ? null : await newSessionToken(db, userId);
}

let counter = 0;
export async function makeUser(db: Db, role: Role, password = "a-long-test-password", label = role.toLowerCase()) {
  counter += 1;
  return db.user.create({
    data: {
      email: `${label}-${counter}-${Math.random().toString(36).slice(2, 8)}@test.local`,
      name: `${label} ${counter}`,
      role,
      passwordHash: await hashPassword(password),
    },
  });
}

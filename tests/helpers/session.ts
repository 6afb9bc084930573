// Stands in for lib/auth/request-context.ts (the only code that reads the
// request's session cookie and address). Use in a test file with:
//
//   vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));
//
// Everything after it runs for real: the session-version check against the
// database, permissions, validation, the writes and their audit events.
import type { Db } from "@/lib/db/prisma";
import type { SessionToken } from "@/lib/auth/request-context";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export const session: { token: SessionToken | null; ip: string | null } = { token: null, ip: "198.51.100.7" };

export const requestContextMock = {
  readSessionToken: async () => session.token,
  readClientIp: async () => session.ip,
};

/** Act as this user, with a token of their current session version. */
export async function actAs(db: Db, userId: number | null): Promise<void> {
  if (userId === null) {
    session.token = null;
    return;
  }
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  session.token = { uid: userId, sv: u.sessionVersion };
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

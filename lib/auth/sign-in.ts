import "server-only";
// Checks a password sign-in: the limits first (lib/auth/rate-limit.ts: an
// attempt they refuse is answered without checking the password, so that a
// right password does not get through a wait), then the account. Unknown
// email, wrong password and deactivated account all get the same answer.
import { z } from "zod";
import { issueDeviceToken, knownDeviceNonce } from "@/lib/auth/device";
import { verifyPassword } from "@/lib/auth/password";
import { PasswordAttemptLimitedError, reservePasswordAttempt } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db/client";
import { audit } from "@/lib/db/audit";
import type { Role } from "@/lib/generated/prisma/enums";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type SignedInUser = { id: number; email: string; name: string; role: Role; sessionVersion: number };

export class InvalidCredentialsError extends Error {
  constructor() {
    super("Wrong email or password.");
  }
}

/** Where the attempt comes from: the address and the browser's known-device cookie. */
export type SignInOrigin = { ip: string | null; deviceCookie?: string | null };

/**
 * Signs in with email and password. On success, also returns the browser's
 * new known-device cookie (lib/auth/device.ts), to be set by the caller.
 */
export async function signInWithPassword(input: unknown, origin: SignInOrigin): Promise<SignedInUser & { deviceCookie: string }> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;
  const { ip } = origin;
  const db = getDb();
  const deviceNonce = knownDeviceNonce(origin.deviceCookie, email);

  let ticket;
  try {
    ticket = await reservePasswordAttempt({ email, ip, deviceNonce });
  } catch (error) {
    if (error instanceof PasswordAttemptLimitedError) {
      await audit(db, {
        userId: null,
        action: "SIGN_IN_FAILED",
        ip,
        outcome: "rate-limited",
        metadata: { email, limit: error.limit, knownDevice: deviceNonce !== null },
      });
    }
    throw error;
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);

  if (!user || !passwordOk || !user.active) {
    await ticket.failed();
    const reason = !user ? "unknown-email" : !passwordOk ? "wrong-password" : "deactivated";
    await audit(db, {
      userId: user?.id ?? null,
      action: "SIGN_IN_FAILED",
      ip,
      outcome: reason,
      metadata: { email, knownDevice: deviceNonce !== null },
    });
    throw new InvalidCredentialsError();
  }

  await ticket.succeeded();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await audit(tx, { userId: user.id, action: "SIGN_IN", entityType: "USER", entityId: user.id, ip });
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    deviceCookie: issueDeviceToken(origin.deviceCookie, email),
  };
}

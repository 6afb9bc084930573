import "server-only";
// Checks a password sign-in: rate limit first (so that the sixth try is
// refused even with the right password), then the account. Unknown email,
// wrong password and deactivated account all get the same answer.
import { z } from "zod";
import { verifyPassword } from "@/lib/auth/password";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db/client";
import { audit } from "@/lib/db/audit";
import { RateLimitedError } from "@/lib/errors";
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

export async function signInWithPassword(input: unknown, ip: string | null): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;
  const db = getDb();

  try {
    await assertSignInAllowed(email, ip);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      await audit(db, { userId: null, action: "SIGN_IN_FAILED", ip, outcome: "rate-limited", metadata: { email } });
    }
    throw error;
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);

  if (!user || !passwordOk || !user.active) {
    await recordSignInFailure(email, ip);
    const reason = !user ? "unknown-email" : !passwordOk ? "wrong-password" : "deactivated";
    await audit(db, { userId: user?.id ?? null, action: "SIGN_IN_FAILED", ip, outcome: reason, metadata: { email } });
    throw new InvalidCredentialsError();
  }

  await recordSignInSuccess(email);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await audit(tx, { userId: user.id, action: "SIGN_IN", entityType: "USER", entityId: user.id, ip });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

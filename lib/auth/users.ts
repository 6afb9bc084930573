import "server-only";
// User management. Every change is audited in its own transaction, and every
// change that alters what a user may do bumps their session version, which
// ends their sessions at the next request.
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { PasswordAttemptLimitedError, reservePasswordAttempt } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/current-user";
import { audit } from "@/lib/db/audit";
import { getDb } from "@/lib/db/client";
import { DEMO_EMAILS } from "@/lib/auth/demo";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

const publicUser = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lastSignInAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export async function listUsers() {
  return getDb().user.findMany({ select: publicUser, orderBy: [{ active: "desc" }, { email: "asc" }] });
}

export async function hasActiveDemoAccounts(): Promise<boolean> {
  return (await getDb().user.count({ where: { email: { in: [...DEMO_EMAILS] }, active: true } })) > 0;
}

async function lockedUser(tx: Tx, id: number) {
  // Row lock: two admins changing the same user, or the last two admins
  // demoting each other, are serialised.
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("No such user.");
  return tx.user.findUniqueOrThrow({ where: { id }, select: { ...publicUser, sessionVersion: true } });
}

async function assertAnotherActiveAdmin(tx: Tx, exceptId: number) {
  const admins = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND active AND id <> ${exceptId} FOR UPDATE`;
  if (admins.length === 0) {
    throw new ConflictError("This is the last active admin. Make another user an admin first.");
  }
}

export async function createUser(
  actor: SessionUser,
  input: { email: string; name: string; role: Role; password: string },
  ip: string | null,
) {
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ValidationError("A user with this email exists already.", { email: ["A user with this email exists already."] });
    }
    const user = await tx.user
      .create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: publicUser })
      .catch((error: { code?: string }) => {
        // Two admins creating the same email at once: the unique index decides.
        if (error.code === "P2002") {
          throw new ValidationError("A user with this email exists already.", { email: ["A user with this email exists already."] });
        }
        throw error;
      });
    await audit(tx, {
      userId: actor.id,
      action: "CREATE",
      entityType: "USER",
      entityId: user.id,
      ip,
      changes: { email: user.email, name: user.name, role: user.role },
    });
    return user;
  });
}

export async function changeUserRole(actor: SessionUser, input: { userId: number; role: Role }, ip: string | null) {
  return getDb().$transaction(async (tx) => {
    const before = await lockedUser(tx, input.userId);
    if (before.role === input.role) return before;
    if (before.role === "ADMIN" && before.active) await assertAnotherActiveAdmin(tx, before.id);
    const after = await tx.user.update({
      where: { id: before.id },
      data: { role: input.role, sessionVersion: { increment: 1 } },
      select: publicUser,
    });
    await audit(tx, {
      userId: actor.id,
      action: "ROLE_CHANGE",
      entityType: "USER",
      entityId: before.id,
      ip,
      changes: { role: { before: before.role, after: after.role } },
    });
    return after;
  });
}

export async function setUserActive(actor: SessionUser, input: { userId: number; active: boolean }, ip: string | null) {
  return getDb().$transaction(async (tx) => {
    const before = await lockedUser(tx, input.userId);
    if (before.active === input.active) return before;
    if (!input.active && before.role === "ADMIN") await assertAnotherActiveAdmin(tx, before.id);
    const after = await tx.user.update({
      where: { id: before.id },
      data: { active: input.active, sessionVersion: { increment: 1 } },
      select: publicUser,
    });
    await audit(tx, {
      userId: actor.id,
      action: input.active ? "REACTIVATE" : "DEACTIVATE",
      entityType: "USER",
      entityId: before.id,
      ip,
      changes: { active: { before: before.active, after: after.active } },
    });
    return after;
  });
}

export async function resetUserPassword(actor: SessionUser, input: { userId: number; password: string }, ip: string | null) {
  const passwordHash = await hashPassword(input.password);
  await getDb().$transaction(async (tx) => {
    const user = await lockedUser(tx, input.userId);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await audit(tx, {
      userId: actor.id,
      action: "PASSWORD_CHANGE",
      entityType: "USER",
      entityId: user.id,
      ip,
      metadata: { by: actor.id === user.id ? "self" : "admin" },
    });
  });
}

export async function changeOwnPassword(
  actor: SessionUser,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
) {
  const db = getDb();
  // A guess at the password like a sign-in, under the same limits and
  // counts: a session left open must not be a way to find the password. No
  // known-device exemption: whoever holds the session holds the browser too.
  let ticket;
  try {
    ticket = await reservePasswordAttempt({ email: actor.email, ip, deviceNonce: null });
  } catch (error) {
    if (error instanceof PasswordAttemptLimitedError) {
      await audit(db, {
        userId: actor.id,
        action: "PASSWORD_CHANGE",
        entityType: "USER",
        entityId: actor.id,
        ip,
        outcome: "rate-limited",
        metadata: { limit: error.limit },
      });
    }
    throw error;
  }
  const current = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    await ticket.failed();
    await audit(db, { userId: actor.id, action: "PASSWORD_CHANGE", entityType: "USER", entityId: actor.id, ip, outcome: "wrong-current-password" });
    throw new ValidationError("Your current password is not right.", { currentPassword: ["Your current password is not right."] });
  }
  await ticket.succeeded();
  await resetUserPassword(actor, { userId: actor.id, password: input.newPassword }, ip);
}

/**
 * Plain sign-out: ends this session only, by putting its id on the
 * deny-list until the session would have ended by itself (checked on every
 * request, lib/auth/current-user.ts). Rows past their end are deleted here,
 * so the list holds at most the sessions of the last 8 hours.
 */
export async function endSession(userId: number, session: { sid: string; expiresAt: Date } | null, ip: string | null) {
  await getDb().$transaction(async (tx) => {
    if (session) {
      await tx.endedSession.upsert({
        where: { sid: session.sid },
        create: { sid: session.sid, userId, expiresAt: session.expiresAt },
        update: {},
      });
      await tx.endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    }
    await audit(tx, { userId, action: "SIGN_OUT", entityType: "USER", entityId: userId, ip });
  });
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(actor: SessionUser, ip: string | null) {
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await audit(tx, { userId: actor.id, action: "SIGN_OUT", entityType: "USER", entityId: actor.id, ip, metadata: { everywhere: true } });
  });
}

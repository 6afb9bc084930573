import "server-only";
// Personal API tokens: created by their user (the secret shown once), listed
// without their secret, revoked, and checked on every API request. A token
// acts as its user with the user's current role, never more; a read-only
// token cannot change anything. Creation, revocation and use are audited
// (use at most once per token every USE_AUDIT_MINUTES, with the time and
// address of its latest use on the token itself).
import { createHash, randomBytes } from "node:crypto";
import type { SessionUser } from "@/lib/auth/current-user";
import { audit } from "@/lib/db/audit";
import { getDb, getPool } from "@/lib/db/client";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { ApiTokenScope } from "@/lib/generated/prisma/enums";
import type { ApiTokenCreateInput } from "@/lib/validation/api-tokens";

export const TOKEN_PREFIX = "dmk_";
export const USE_AUDIT_MINUTES = 10;
const DAY_MS = 86_400_000;

export type ApiTokenInfo = {
  id: number;
  name: string;
  prefix: string;
  scope: ApiTokenScope;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
};

const infoSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  revokedAt: true,
} as const;

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Creates a token for `user`; the secret is in the result and nowhere else. */
export async function createApiToken(user: SessionUser, input: ApiTokenCreateInput, ip: string | null) {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  return getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: { userId: user.id, name: input.name, scope: input.scope, expiresAt, tokenHash: hashToken(secret), prefix: secret.slice(0, 12) },
      select: infoSelect,
    });
    await audit(tx, {
      userId: user.id,
      action: "TOKEN_CREATE",
      entityType: "API_TOKEN",
      entityId: token.id,
      metadata: { name: token.name, scope: token.scope, expiresAt: expiresAt.toISOString() },
      ip,
    });
    return { secret, token };
  });
}

export async function listApiTokens(user: SessionUser): Promise<ApiTokenInfo[]> {
  return getDb().apiToken.findMany({ where: { userId: user.id }, select: infoSelect, orderBy: { id: "desc" } });
}

/** Revokes one of `user`'s own tokens (404 for anyone else's). Revoking twice changes nothing. */
export async function revokeApiToken(user: SessionUser, id: number, ip: string | null): Promise<ApiTokenInfo> {
  return getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, userId: user.id }, select: infoSelect });
    if (!token) throw new NotFoundError("No such token.");
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select: infoSelect });
    await audit(tx, { userId: user.id, action: "TOKEN_REVOKE", entityType: "API_TOKEN", entityId: id, metadata: { name: token.name }, ip });
    return revoked;
  });
}

export type TokenPrincipal = { user: SessionUser; token: { id: number; name: string; scope: ApiTokenScope } };

/**
 * The user a bearer token acts for; 401 for an unknown, expired or revoked
 * token or an inactive user (the same message for unknown and revoked, so
 * that a guess learns nothing).
 */
export async function authenticateToken(secret: string, ip: string | null): Promise<TokenPrincipal> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) throw new UnauthenticatedError("This API token is not valid.");
  // On every API request: one plain statement on the pool (a Prisma model
  // query costs several milliseconds of its own here).
  const { rows } = await getPool().query<{
    id: number;
    name: string;
    scope: ApiTokenScope;
    expiresAt: Date;
    revokedAt: Date | null;
    lastUsedAt: Date | null;
    userId: number;
    email: string;
    userName: string;
    role: SessionUser["role"];
    active: boolean;
  }>(
    `SELECT t.id, t.name, t.scope::text AS scope, t."expiresAt", t."revokedAt", t."lastUsedAt",
            u.id AS "userId", u.email, u.name AS "userName", u.role::text AS role, u.active
       FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
      WHERE t."tokenHash" = $1`,
    [hashToken(secret)],
  );
  const row = rows[0];
  if (!row || row.revokedAt || !row.active) throw new UnauthenticatedError("This API token is not valid.");
  if (row.expiresAt.getTime() <= Date.now()) throw new UnauthenticatedError("This API token has expired.");
  // One write per token every few minutes, not one per request.
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < Date.now() - USE_AUDIT_MINUTES * 60_000) {
    const db = getDb();
    const touched = await db.$executeRaw`
      UPDATE "ApiToken" SET "lastUsedAt" = now(), "lastUsedIp" = ${ip}
       WHERE id = ${row.id} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - make_interval(mins => ${USE_AUDIT_MINUTES}))`;
    if (touched > 0) {
      await audit(db, { userId: row.userId, action: "TOKEN_USE", entityType: "API_TOKEN", entityId: row.id, metadata: { name: row.name }, ip });
    }
  }
  return {
    user: { id: row.userId, email: row.email, name: row.userName, role: row.role },
    token: { id: row.id, name: row.name, scope: row.scope },
  };
}

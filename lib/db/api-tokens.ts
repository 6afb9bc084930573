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
import { getDb } from "@/lib/db/client";
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
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      name: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
    },
  });
  if (!row || row.revokedAt || !row.user.active) throw new UnauthenticatedError("This API token is not valid.");
  if (row.expiresAt.getTime() <= Date.now()) throw new UnauthenticatedError("This API token has expired.");
  // One write per token every few minutes, not one per request.
  const touched = await db.$executeRaw`
    UPDATE "ApiToken" SET "lastUsedAt" = now(), "lastUsedIp" = ${ip}
     WHERE id = ${row.id} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - make_interval(mins => ${USE_AUDIT_MINUTES}))`;
  if (touched > 0) {
    await audit(db, { userId: row.user.id, action: "TOKEN_USE", entityType: "API_TOKEN", entityId: row.id, metadata: { name: row.name }, ip });
  }
  const { active: _active, ...user } = row.user;
  void _active;
  return { user, token: { id: row.id, name: row.name, scope: row.scope } };
}

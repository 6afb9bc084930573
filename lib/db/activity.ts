import "server-only";
// The admins' activity feed: every audit event, newest first, filterable by
// user, record type, action and date, 50 a page.
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/permissions";

const ENTITY_TYPES = [
  "COUNTRY", "ACTOR", "WEAPON_SYSTEM", "ARMS_TRANSFER", "CONCERN", "DIPLOMATIC_REQUEST", "INSPECTION", "SOURCE", "CITATION", "QUOTE", "USER",
] as const;
const ACTIONS = [
  "CREATE", "UPDATE", "DELETE", "RESTORE", "STATUS_CHANGE", "VERIFY", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_OUT",
  "ROLE_CHANGE", "DEACTIVATE", "REACTIVATE", "PASSWORD_CHANGE", "IMPORT", "EXPORT", "SEED",
] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

export const activityFilterSchema = z.object({
  user: z.coerce.number().int().positive().optional().catch(undefined),
  type: z.enum(ENTITY_TYPES).optional().catch(undefined),
  action: z.enum(ACTIONS).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ActivityFilter = z.infer<typeof activityFilterSchema>;
export const ACTIVITY_ENTITY_TYPES = ENTITY_TYPES;
export const ACTIVITY_ACTIONS = ACTIONS;

const PAGE = 50;

/**
 * Who may read the feed. It lists the events of every record, restricted and
 * deleted ones included (their changed fields, links to their pages and
 * histories), so reading it takes seeing every record too: a role given
 * audit:read-all alone would read the traces of records hidden from it.
 */
export function mayReadActivity(viewer: Actor): boolean {
  return (["audit:read-all", "record:read-restricted", "record:restore"] as const).every((p) => can(viewer.role, p));
}

export async function listActivity(viewer: Actor, filter: ActivityFilter) {
  if (!mayReadActivity(viewer)) throw new ForbiddenError();
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.user ? { userId: filter.user } : {}),
    ...(filter.type ? { entityType: filter.type } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to
      ? {
          occurredAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const rows = await getDb().auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (filter.page - 1) * PAGE,
    take: PAGE + 1,
    select: {
      id: true, occurredAt: true, action: true, entityType: true, entityId: true, ip: true, outcome: true, version: true,
      changes: true, metadata: true, user: { select: { id: true, name: true } },
    },
  });
  return { rows: rows.slice(0, PAGE), hasNext: rows.length > PAGE, page: filter.page };
}

export async function activityUsers() {
  return getDb().user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}

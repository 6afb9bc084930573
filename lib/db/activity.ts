import "server-only";
// The admins' activity feed: every audit event, newest first, filterable by
// user, record type, action and date, 50 a page.
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { lookup, userNames, type LookupType } from "@/lib/db/lookup";
import { joinReadable, visibleSql } from "@/lib/db/visibility";
import { ForbiddenError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/permissions";
import { DEFINITIONS, FORM_FIELDS, RECORD_TYPES, displayName } from "@/lib/records/definitions";
import { fieldLabel, historyFields } from "@/lib/records/form/display";

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
  const page = rows.slice(0, PAGE);
  const names = await recordNames(viewer, page);
  return {
    rows: page.map((r) => ({
      ...r,
      recordName: r.entityType && r.entityId ? (names.get(`${r.entityType}:${r.entityId}`) ?? null) : null,
      changedFields: changedLabels(r.entityType, Object.keys((r.changes ?? {}) as object)),
    })),
    hasNext: rows.length > PAGE,
    page: filter.page,
  };
}

/** The changed fields of an event by their labels, as the record's history says them ("Verified", not "verified"). */
function changedLabels(entityType: string | null, keys: string[]): string[] {
  const type = RECORD_TYPES.find((t) => DEFINITIONS[t].entityType === entityType);
  if (!type) return keys.map(words);
  const fields = historyFields(type, FORM_FIELDS[type]);
  return keys.map((k) => fieldLabel(fields, k));
}

/** "sourceId" → "Source id": a key of no record type's form (citations, users). */
function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The record types named through the pickers' names (lib/db/lookup.ts: the display name, without the picker's detail), by audit entity type. */
const LOOKUP_OF: Partial<Record<(typeof ENTITY_TYPES)[number], LookupType>> = {
  ACTOR: "actor",
  CONCERN: "concern",
  ARMS_TRANSFER: "transfer",
  DIPLOMATIC_REQUEST: "request",
  SOURCE: "source",
  WEAPON_SYSTEM: "weaponSystem",
  INSPECTION: "inspection",
};

/**
 * Each event's record by its name ("CONCERN:5" → the concern's title), in one
 * query per record type on the page: the lookup's display names (its visibility
 * rules; deleted records too, marked so, for those who see them); quotes by
 * their display name, their speaker joined as the lookup joins linked records;
 * users and countries by name. A record gone for good keeps no name (the page
 * says its type and id).
 */
async function recordNames(viewer: Actor, rows: { entityType: string | null; entityId: number | null }[]): Promise<Map<string, string>> {
  const ids = new Map<string, number[]>();
  for (const r of rows) {
    if (!r.entityType || !r.entityId) continue;
    const list = ids.get(r.entityType) ?? [];
    if (!list.includes(r.entityId)) list.push(r.entityId);
    ids.set(r.entityType, list);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...ids].map(async ([entityType, list]) => {
      const type = LOOKUP_OF[entityType as keyof typeof LOOKUP_OF];
      let labels: { id: number; label: string }[] = [];
      if (type) labels = (await lookup(viewer, type, "", list, { includeDeleted: true })).map((o) => ({ id: o.id, label: `${o.name}${o.deleted ? " (deleted)" : ""}` }));
      else if (entityType === "QUOTE") labels = await quoteNames(viewer, list);
      else if (entityType === "USER") labels = await userNames(viewer, list);
      else if (entityType === "COUNTRY") labels = await getDb().country.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }).then((cs) => cs.map((c) => ({ id: c.id, label: c.name })));
      for (const l of labels) names.set(`${entityType}:${l.id}`, l.label);
    }),
  );
  return names;
}

/** Quotes by their display name (speaker and opening words), visibility-filtered as the lookup filters records. */
async function quoteNames(viewer: Actor, ids: number[]): Promise<{ id: number; label: string }[]> {
  const rows = await getDb().$queryRaw<{ id: number; text: string; speakerLabel: string | null; speaker: string | null; deleted: boolean }[]>(Prisma.sql`
    SELECT q.id, q.text, q."speakerLabel", a.name AS speaker, q."deletedAt" IS NOT NULL AS deleted
      FROM "Quote" q ${joinReadable(viewer, "Actor", "a", `a.id = q."speakerId"`)}
     WHERE q.id = ANY(${ids.slice(0, 100)}::int[]) AND ${visibleSql(viewer, "q")}`);
  return rows.map((r) => ({
    id: r.id,
    label: `${displayName("quote", { text: r.text, speakerLabel: r.speakerLabel, speaker: r.speaker ? { name: r.speaker } : null })}${r.deleted ? " (deleted)" : ""}`,
  }));
}

export async function activityUsers() {
  return getDb().user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}

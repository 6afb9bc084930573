import "server-only";
// Type-ahead over existing records for the forms' pickers: at most 10
// matches, only records the viewer may see and that are not deleted.
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { readableBy, type Viewer } from "@/lib/db/visibility";
import { can } from "@/lib/permissions";

export const LOOKUP_TYPES = ["actor", "concern", "transfer", "request", "source", "weaponSystem", "inspection", "owner"] as const;
export type LookupType = (typeof LOOKUP_TYPES)[number];
export type LookupOption = { id: number; label: string };

export const lookupQuerySchema = z.object({
  type: z.enum(LOOKUP_TYPES),
  // PostgreSQL refuses a NUL in text, and ids beyond its int range: either failed the query.
  q: z.string().trim().max(200).refine((q) => !q.includes("\u0000"), "The search contains a NUL character.").default(""),
  ids: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647).slice(0, 100) : [])),
});

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches for `q` (names containing it), or the labels of `ids` when given. */
export async function lookup(viewer: Viewer, type: LookupType, q: string, ids: number[] = []): Promise<LookupOption[]> {
  readableBy(viewer);
  const db = getDb();
  const pattern = `%${escapeLike(q)}%`;
  const all = can(viewer.role, "record:read-restricted");
  const me = viewer.id;
  const byIds = ids.length > 0;
  const limit = byIds ? 100 : 10;
  // One statement per type; every one filters deleted and restricted rows.
  const visible = (alias: string) => `(${all} OR ${alias}.visibility = 'INTERNAL' OR ${alias}."createdById" = ${Number(me)})`;
  const where = (alias: string, column: string) =>
    byIds ? `${alias}.id = ANY($1::int[])` : `${alias}.${column} ILIKE $1`;
  let sql: string;
  switch (type) {
    case "actor":
      sql = `SELECT a.id, a.name || coalesce(' — ' || a.title, '') || coalesce(' (' || c.name || ')', '') AS label
               FROM "Actor" a LEFT JOIN "Country" c ON c.id = a."countryId"
              WHERE a."deletedAt" IS NULL AND ${visible("a")} AND ${where("a", "name")}
              ORDER BY a.name LIMIT ${limit}`;
      break;
    case "concern":
      sql = `SELECT k.id, k.title AS label FROM "Concern" k
              WHERE k."deletedAt" IS NULL AND ${visible("k")} AND ${where("k", "title")}
              ORDER BY k.title LIMIT ${limit}`;
      break;
    case "request":
      sql = `SELECT r.id, coalesce(to_char(r."occurredOn", 'YYYY') || ' · ', '') || r.title AS label FROM "DiplomaticRequest" r
              WHERE r."deletedAt" IS NULL AND ${visible("r")} AND ${where("r", "title")}
              ORDER BY r."occurredOn" DESC NULLS LAST, r.id DESC LIMIT ${limit}`;
      break;
    case "source":
      sql = `SELECT s.id, s.title AS label FROM "Source" s
              WHERE s."deletedAt" IS NULL AND ${visible("s")} AND ${where("s", "title")}
              ORDER BY s.title LIMIT ${limit}`;
      break;
    case "weaponSystem":
      sql = `SELECT w.id, w.name || coalesce(' (' || w.designation || ')', '') AS label FROM "WeaponSystem" w
              WHERE w."deletedAt" IS NULL AND ${visible("w")} AND ${byIds ? "w.id = ANY($1::int[])" : "(w.name ILIKE $1 OR w.designation ILIKE $1)"}
              ORDER BY w.name LIMIT ${limit}`;
      break;
    case "transfer":
      sql = `SELECT t.id, s.name || ' → ' || r.name || ': ' || coalesce(w.name, 'weapon unknown') || coalesce(' (' || t."orderYear" || ')', '') AS label
               FROM "ArmsTransfer" t
               JOIN "Country" s ON s.id = t."supplierId" JOIN "Country" r ON r.id = t."recipientId"
               LEFT JOIN "WeaponSystem" w ON w.id = t."weaponSystemId"
              WHERE t."deletedAt" IS NULL AND ${visible("t")}
                AND ${byIds ? "t.id = ANY($1::int[])" : "(w.name ILIKE $1 OR s.name ILIKE $1 OR r.name ILIKE $1)"}
              ORDER BY t.id DESC LIMIT ${limit}`;
      break;
    case "inspection":
      sql = `SELECT i.id, coalesce(ic.name, i."inspectingParty", 'Unknown party') || ' in ' || h.name
                    || coalesce(': ' || w.name, '') || ' (' || lower(replace(i.status::text, '_', ' ')) || ')' AS label
               FROM "Inspection" i
               JOIN "Country" h ON h.id = i."hostCountryId"
               LEFT JOIN "Country" ic ON ic.id = i."inspectingCountryId"
               LEFT JOIN "WeaponSystem" w ON w.id = i."weaponSystemId"
              WHERE i."deletedAt" IS NULL AND ${visible("i")}
                AND ${byIds ? "i.id = ANY($1::int[])" : "(h.name ILIKE $1 OR ic.name ILIKE $1 OR w.name ILIKE $1 OR i.\"inspectingParty\" ILIKE $1)"}
              ORDER BY i.id DESC LIMIT ${limit}`;
      break;
    case "owner":
      sql = `SELECT u.id, u.name || ' (' || lower(u.role::text) || ')' AS label FROM "User" u
              WHERE u.active AND u.role <> 'VIEWER' AND ${byIds ? "u.id = ANY($1::int[])" : "(u.name ILIKE $1 OR u.email ILIKE $1)"}
              ORDER BY u.name LIMIT ${limit}`;
      break;
  }
  // One parameter: the ids, or the ILIKE pattern.
  return db.$queryRawUnsafe<LookupOption[]>(sql, byIds ? ids : pattern);
}

import "server-only";
// Type-ahead over existing records for the forms' pickers: at most 10
// matches, only records the viewer may see and that are not deleted.
//
// A label or a search column taken from a linked record (a transfer's or an
// inspection's weapon system) follows that record's own visibility: it is
// joined through joinReadable, so a record the viewer may not read is left
// out of the label and cannot be matched by a search.
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { joinReadable, readableSql, seesDeleted, visibleSql, type Viewer } from "@/lib/db/visibility";
import { ForbiddenError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * Who may list users as concern owners: those who fill in a concern's form,
 * i.e. who may create concerns or edit them (lib/records/concerns.ts checks
 * the owner chosen). Viewers may not: the list of users is not theirs to read.
 */
export function mayAssignOwners(viewer: Viewer): boolean {
  return (["record:create", "record:edit-own", "record:edit-any"] as const).some((p) => can(viewer.role, p));
}

type Options = {
  /** With `ids`: also label deleted records (" (deleted)"), for those who may see them (history pages). */
  includeDeleted?: boolean;
};

/** Matches for `q` (names containing it), or the labels of `ids` when given. */
export async function lookup(viewer: Viewer, type: LookupType, q: string, ids: number[] = [], options: Options = {}): Promise<LookupOption[]> {
  const { sql, raw } = Prisma;
  visibleSql(viewer, "x"); // throws for a role that may not read
  const byIds = ids.length > 0;
  const limit = byIds ? 100 : 10;
  const pattern = `%${escapeLike(q)}%`;
  // The rows themselves: not deleted (deleted too, by ids, for those who see
  // them) and visible; linked records through joinReadable.
  const withDeleted = byIds && options.includeDeleted === true && seesDeleted(viewer);
  const own = (alias: string) => (withDeleted ? visibleSql(viewer, alias) : readableSql(viewer, alias));
  const deletedMark = (alias: string) => raw(withDeleted ? ` || CASE WHEN ${alias}."deletedAt" IS NOT NULL THEN ' (deleted)' ELSE '' END` : "");
  const match = (alias: string, columns: string[]) =>
    byIds ? sql`${raw(alias)}.id = ANY(${ids}::int[])` : sql`(${Prisma.join(columns.map((c) => sql`${raw(c)} ILIKE ${pattern}`), " OR ")})`;
  let query: Prisma.Sql;
  switch (type) {
    case "actor":
      query = sql`SELECT a.id, a.name || coalesce(' — ' || a.title, '') || coalesce(' (' || c.name || ')', '')${deletedMark("a")} AS label
               FROM "Actor" a LEFT JOIN "Country" c ON c.id = a."countryId"
              WHERE ${own("a")} AND ${match("a", ["a.name"])}
              ORDER BY a.name LIMIT ${limit}`;
      break;
    case "concern":
      query = sql`SELECT k.id, k.title${deletedMark("k")} AS label FROM "Concern" k
              WHERE ${own("k")} AND ${match("k", ["k.title"])}
              ORDER BY k.title LIMIT ${limit}`;
      break;
    case "request":
      query = sql`SELECT r.id, coalesce(to_char(r."occurredOn", 'YYYY') || ' · ', '') || r.title${deletedMark("r")} AS label FROM "DiplomaticRequest" r
              WHERE ${own("r")} AND ${match("r", ["r.title"])}
              ORDER BY r."occurredOn" DESC NULLS LAST, r.id DESC LIMIT ${limit}`;
      break;
    case "source":
      query = sql`SELECT s.id, s.title${deletedMark("s")} AS label FROM "Source" s
              WHERE ${own("s")} AND ${match("s", ["s.title"])}
              ORDER BY s.title LIMIT ${limit}`;
      break;
    case "weaponSystem":
      query = sql`SELECT w.id, w.name || coalesce(' (' || w.designation || ')', '')${deletedMark("w")} AS label FROM "WeaponSystem" w
              WHERE ${own("w")} AND ${match("w", ["w.name", "w.designation"])}
              ORDER BY w.name LIMIT ${limit}`;
      break;
    case "transfer":
      // A weapon system the viewer may not read is "not shown", not "unknown":
      // the transfer does name one.
      query = sql`SELECT t.id, s.name || ' → ' || r.name || ': '
                    || coalesce(w.name, CASE WHEN t."weaponSystemId" IS NULL THEN 'weapon unknown' ELSE 'weapon system not shown' END)
                    || coalesce(' (' || t."orderYear" || ')', '')${deletedMark("t")} AS label
               FROM "ArmsTransfer" t
               JOIN "Country" s ON s.id = t."supplierId" JOIN "Country" r ON r.id = t."recipientId"
               ${joinReadable(viewer, "WeaponSystem", "w", `w.id = t."weaponSystemId"`)}
              WHERE ${own("t")} AND ${match("t", ["w.name", "s.name", "r.name"])}
              ORDER BY t.id DESC LIMIT ${limit}`;
      break;
    case "inspection":
      query = sql`SELECT i.id, coalesce(ic.name, i."inspectingParty", 'Unknown party') || ' in ' || h.name
                    || coalesce(': ' || w.name, '') || ' (' || lower(replace(i.status::text, '_', ' ')) || ')'${deletedMark("i")} AS label
               FROM "Inspection" i
               JOIN "Country" h ON h.id = i."hostCountryId"
               LEFT JOIN "Country" ic ON ic.id = i."inspectingCountryId"
               ${joinReadable(viewer, "WeaponSystem", "w", `w.id = i."weaponSystemId"`)}
              WHERE ${own("i")} AND ${match("i", ["h.name", "ic.name", "w.name", `i."inspectingParty"`])}
              ORDER BY i.id DESC LIMIT ${limit}`;
      break;
    case "owner":
      // Names only: an e-mail address is never matched nor returned.
      if (!mayAssignOwners(viewer)) throw new ForbiddenError("Only those who may edit concerns may choose their owner.");
      query = sql`SELECT u.id, u.name || ' (' || lower(u.role::text) || ')' AS label FROM "User" u
              WHERE u.active AND u.role <> 'VIEWER' AND ${match("u", ["u.name"])}
              ORDER BY u.name LIMIT ${limit}`;
      break;
  }
  return getDb().$queryRaw<LookupOption[]>(query);
}

/**
 * The names of the users `ids` (concern owners in a history the viewer may
 * read): what the concern's page and list show too, without role or e-mail.
 * Not a way to list users: only the ids asked for, at most 100.
 */
export async function userNames(viewer: Viewer, ids: number[]): Promise<LookupOption[]> {
  visibleSql(viewer, "x"); // throws for a role that may not read
  if (ids.length === 0) return [];
  return getDb().$queryRaw<LookupOption[]>`SELECT id, name AS label FROM "User" WHERE id = ANY(${ids.slice(0, 100)}::int[])`;
}

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
import { displayName } from "@/lib/records/definitions";

export const LOOKUP_TYPES = ["actor", "concern", "transfer", "request", "source", "weaponSystem", "inspection", "owner"] as const;
export type LookupType = (typeof LOOKUP_TYPES)[number];
/**
 * `name`: the record's display name (displayName, lib/records/definitions.ts),
 * as every page names it (Activity, history); `label`: the picker's text, that
 * name and a detail that tells similar ones apart ("(2009)", "(deleted)").
 */
export type LookupOption = { id: number; label: string; name: string; deleted: boolean };

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
  const deleted = (alias: string) => raw(withDeleted ? `${alias}."deletedAt" IS NOT NULL` : "false");
  const match = (alias: string, columns: string[]) =>
    byIds ? sql`${raw(alias)}.id = ANY(${ids}::int[])` : sql`(${Prisma.join(columns.map((c) => sql`${raw(c)} ILIKE ${pattern}`), " OR ")})`;
  // Each query selects what names the record (the parts of its display name,
  // lib/records/definitions.ts) and a detail that tells similar ones apart;
  // the name is built below, in JS, from the same function every page uses;
  // the label adds the detail.
  let query: Prisma.Sql;
  let name: (row: Row) => string;
  let detail: (row: Row) => string = () => "";
  switch (type) {
    case "actor":
      query = sql`SELECT a.id, a.name, a.title, c.name AS country, ${deleted("a")} AS deleted
               FROM "Actor" a LEFT JOIN "Country" c ON c.id = a."countryId"
              WHERE ${own("a")} AND ${match("a", ["a.name"])}
              ORDER BY a.name LIMIT ${limit}`;
      name = (r) => displayName("actor", { name: r.name as string });
      detail = (r) => `${r.title ? ` — ${r.title}` : ""}${r.country ? ` (${r.country})` : ""}`;
      break;
    case "concern":
      query = sql`SELECT k.id, k.title, ${deleted("k")} AS deleted FROM "Concern" k
              WHERE ${own("k")} AND ${match("k", ["k.title"])}
              ORDER BY k.title LIMIT ${limit}`;
      name = (r) => displayName("concern", { title: r.title as string });
      break;
    case "request":
      query = sql`SELECT r.id, r.title, to_char(r."occurredOn", 'YYYY') AS year, ${deleted("r")} AS deleted FROM "DiplomaticRequest" r
              WHERE ${own("r")} AND ${match("r", ["r.title"])}
              ORDER BY r."occurredOn" DESC NULLS LAST, r.id DESC LIMIT ${limit}`;
      name = (r) => displayName("request", { title: r.title as string });
      detail = (r) => (r.year ? ` (${r.year})` : "");
      break;
    case "source":
      query = sql`SELECT s.id, s.title, ${deleted("s")} AS deleted FROM "Source" s
              WHERE ${own("s")} AND ${match("s", ["s.title"])}
              ORDER BY s.title LIMIT ${limit}`;
      name = (r) => displayName("source", { title: r.title as string });
      break;
    case "weaponSystem":
      query = sql`SELECT w.id, w.name, w.designation, ${deleted("w")} AS deleted FROM "WeaponSystem" w
              WHERE ${own("w")} AND ${match("w", ["w.name", "w.designation"])}
              ORDER BY w.name LIMIT ${limit}`;
      name = (r) => displayName("weaponSystem", { name: r.name as string });
      detail = (r) => (r.designation ? ` (${r.designation})` : "");
      break;
    case "transfer":
      // A weapon system the viewer may not read is "not shown", not "unknown":
      // the transfer does name one (transferName).
      query = sql`SELECT t.id, s.name AS supplier, r.name AS recipient, w.name AS weapon, t."weaponSystemId", t."orderYear",
                    ${deleted("t")} AS deleted
               FROM "ArmsTransfer" t
               JOIN "Country" s ON s.id = t."supplierId" JOIN "Country" r ON r.id = t."recipientId"
               ${joinReadable(viewer, "WeaponSystem", "w", `w.id = t."weaponSystemId"`)}
              WHERE ${own("t")} AND ${match("t", ["w.name", "s.name", "r.name"])}
              ORDER BY t.id DESC LIMIT ${limit}`;
      name = (r) =>
        displayName("transfer", {
          supplier: { name: r.supplier as string },
          recipient: { name: r.recipient as string },
          weaponSystem: r.weapon ? { name: r.weapon as string } : null,
          weaponSystemId: r.weaponSystemId as number | null,
        });
      detail = (r) => (r.orderYear ? ` (${r.orderYear})` : "");
      break;
    case "inspection":
      query = sql`SELECT i.id, h.name AS host, ic.name AS inspecting, i."inspectingParty", w.name AS weapon, i.status,
                    ${deleted("i")} AS deleted
               FROM "Inspection" i
               JOIN "Country" h ON h.id = i."hostCountryId"
               LEFT JOIN "Country" ic ON ic.id = i."inspectingCountryId"
               ${joinReadable(viewer, "WeaponSystem", "w", `w.id = i."weaponSystemId"`)}
              WHERE ${own("i")} AND ${match("i", ["h.name", "ic.name", "w.name", `i."inspectingParty"`])}
              ORDER BY i.id DESC LIMIT ${limit}`;
      name = (r) =>
        displayName("inspection", {
          hostCountry: { name: r.host as string },
          inspectingCountry: r.inspecting ? { name: r.inspecting as string } : null,
          inspectingParty: r.inspectingParty as string | null,
          weaponSystem: r.weapon ? { name: r.weapon as string } : null,
        });
      detail = (r) => ` (${String(r.status).replaceAll("_", " ").toLowerCase()})`;
      break;
    case "owner":
      // Names only: an e-mail address is never matched nor returned.
      if (!mayAssignOwners(viewer)) throw new ForbiddenError("Only those who may edit concerns may choose their owner.");
      query = sql`SELECT u.id, u.name, u.role, false AS deleted FROM "User" u
              WHERE u.active AND u.role <> 'VIEWER' AND ${match("u", ["u.name"])}
              ORDER BY u.name LIMIT ${limit}`;
      name = (r) => r.name as string;
      detail = (r) => ` (${String(r.role).toLowerCase()})`;
      break;
  }
  const rows = await getDb().$queryRaw<Row[]>(query);
  return rows.map((r) => ({ id: r.id, name: name(r), label: `${name(r)}${detail(r)}${r.deleted ? " (deleted)" : ""}`, deleted: r.deleted }));
}

type Row = { id: number; deleted: boolean } & Record<string, unknown>;

/**
 * The names of the users `ids` (concern owners in a history the viewer may
 * read): what the concern's page and list show too, without role or e-mail.
 * Not a way to list users: only the ids asked for, at most 100.
 */
export async function userNames(viewer: Viewer, ids: number[]): Promise<LookupOption[]> {
  visibleSql(viewer, "x"); // throws for a role that may not read
  if (ids.length === 0) return [];
  return getDb().$queryRaw<LookupOption[]>`SELECT id, name AS label, name, false AS deleted FROM "User" WHERE id = ANY(${ids.slice(0, 100)}::int[])`;
}

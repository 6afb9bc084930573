import "server-only";
// RESTRICTED records exist only for editors, admins and their author. Queries
// filter them out in SQL (so that lists and counts are right), and
// `redactInvisible` removes any that a nested select still brought along
// (to-one relations cannot be filtered in a Prisma select).
import { ForbiddenError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, canSee } from "@/lib/permissions";

export type Viewer = { id: number; role: unknown };

/** Prisma `where` for records the viewer may see, deleted or not. */
export function visibleTo(viewer: Viewer): { OR?: ({ visibility: "INTERNAL" } | { createdById: number })[] } {
  if (!can(viewer.role, "record:read")) throw new ForbiddenError();
  if (can(viewer.role, "record:read-restricted")) return {};
  return { OR: [{ visibility: "INTERNAL" as const }, { createdById: viewer.id }] };
}

/** Prisma `where` for records the viewer may see, not deleted. */
export function readableBy(viewer: Viewer) {
  return { deletedAt: null, ...visibleTo(viewer) };
}

/** Selected with every record so that `redactInvisible` can judge it. */
export const visibilityFields = { visibility: true, createdById: true } as const;

function isRecord(value: unknown): value is { visibility: "INTERNAL" | "RESTRICTED"; createdById: number | null } {
  return (
    typeof value === "object" && value !== null && "visibility" in value && "createdById" in value
  );
}

/**
 * Deep copy of `data` without the records the viewer may not see: removed from
 * arrays, replaced by null elsewhere.
 */
export function redactInvisible<T>(viewer: Viewer, data: T): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.filter((v) => !(isRecord(v) && !canSee(viewer, v))).map(walk);
    }
    if (value instanceof Date || value === null || typeof value !== "object") return value;
    if (isRecord(value) && !canSee(viewer, value)) return null;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // An array entry that is a link row ({ transfer: {...} }) whose record is
      // hidden disappears with it.
      out[k] = walk(v);
    }
    return out;
  };
  return walk(data) as T;
}

// ---------------------------------------------------------------------------
// The same rule in SQL, for raw queries (lists, lookups, exports, figures).
//
// A label, a count or a search column taken from a *linked* record must obey
// that record's visibility too, or a restricted record's name leaks through
// the internal record that links it (its lookup label, a list cell, an export
// column, a search hit). Join linked records only through `joinReadable`: its
// columns are then NULL for a record the viewer may not read (deleted or
// restricted), so no label shows them and no search condition can match them.

const { sql, raw } = Prisma;

/** The tables of records that carry a visibility (and a soft-delete marker). */
export type RecordTable = "Actor" | "WeaponSystem" | "ArmsTransfer" | "Concern" | "DiplomaticRequest" | "Inspection" | "Source" | "Quote";

/** The rule of visibleTo in SQL: RESTRICTED rows only for editors, admins and their author (deleted or not). */
export function visibleSql(viewer: Viewer, alias: string): Prisma.Sql {
  visibleTo(viewer); // throws for a role that may not read
  if (can(viewer.role, "record:read-restricted")) return sql`TRUE`;
  return sql`(${raw(alias)}.visibility = 'INTERNAL' OR ${raw(alias)}."createdById" = ${viewer.id})`;
}

/** The rule of readableBy in SQL: a record the viewer may see and that is not deleted. */
export function readableSql(viewer: Viewer, alias: string): Prisma.Sql {
  return sql`(${raw(alias)}."deletedAt" IS NULL AND ${visibleSql(viewer, alias)})`;
}

/**
 * `LEFT JOIN "<table>" <alias> ON <on> AND <readable>`: a linked record whose
 * columns are NULL when the viewer may not read it. `on` is SQL written by
 * the caller (never user input), e.g. `w.id = t."weaponSystemId"`.
 */
export function joinReadable(viewer: Viewer, table: RecordTable, alias: string, on: string): Prisma.Sql {
  return sql`LEFT JOIN ${raw(`"${table}" ${alias}`)} ON ${raw(on)} AND ${readableSql(viewer, alias)}`;
}

// ---------------------------------------------------------------------------
// Whether a record may be opened: its page, its edit form and its history.

/** Deleted records are seen (to restore them) only by those who may restore. */
export function seesDeleted(viewer: Viewer): boolean {
  return can(viewer.role, "record:restore");
}

/** What `mayOpen` needs to know about a record. */
export type OpenableRecord = { visibility: "INTERNAL" | "RESTRICTED"; createdById: number | null; deletedAt: Date | null };

/**
 * The one rule of a record's own page and of its history: the viewer may see
 * it (RESTRICTED: editors, admins, its author), and it is not deleted unless
 * the viewer may restore it. Anything else answers 404, as a missing record.
 */
export function mayOpen<T extends OpenableRecord>(viewer: Viewer, record: T | null | undefined): record is T {
  if (!record || !canSee(viewer, record)) return false;
  return record.deletedAt === null || seesDeleted(viewer);
}

/** The rule of mayOpen in SQL, for the row aliased `alias`. */
export function openableSql(viewer: Viewer, alias: string): Prisma.Sql {
  return seesDeleted(viewer) ? visibleSql(viewer, alias) : readableSql(viewer, alias);
}

/** Prisma `where` of the records `mayOpen` lets the viewer open. */
export function openableBy(viewer: Viewer) {
  return seesDeleted(viewer) ? visibleTo(viewer) : readableBy(viewer);
}

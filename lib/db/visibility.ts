import "server-only";
// RESTRICTED records exist only for editors, admins and their author. Queries
// filter them out in SQL (so that lists and counts are right), and
// `redactInvisible` removes any that a nested select still brought along
// (to-one relations cannot be filtered in a Prisma select).
import { ForbiddenError } from "@/lib/errors";
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

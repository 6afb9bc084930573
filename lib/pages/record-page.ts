import "server-only";
import { connection } from "next/server";
import { parseId } from "@/components/record-parts";
import { requirePageUser, type SessionUser } from "@/lib/auth/current-user";
import { can } from "@/lib/permissions";

type Getter<T> = (viewer: SessionUser, id: number, options: { includeDeleted?: boolean }) => Promise<T | null>;

/**
 * The signed-in viewer and the record of a record page. Missing, restricted
 * from this viewer, and deleted (for those who may not restore) all give
 * null, which the page answers with 404. Wrap in React's cache() so that the
 * page and its metadata share one load.
 */
export async function loadRecordPage<T>(basePath: string, rawId: string, get: Getter<T>): Promise<{ viewer: SessionUser; record: T | null }> {
  await connection();
  const viewer = await requirePageUser(`${basePath}/${encodeURIComponent(rawId)}`);
  const id = parseId(rawId);
  const record = id ? await get(viewer, id, { includeDeleted: can(viewer.role, "record:restore") }) : null;
  return { viewer, record };
}

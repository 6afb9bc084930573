import "server-only";
import { connection } from "next/server";
import { cache } from "react";
import { parseId } from "@/lib/validation/ids";
import { requirePageUser, type SessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { mayOpen, seesDeleted, type OpenableRecord, type Viewer } from "@/lib/db/visibility";
import type { RecordConfig } from "@/lib/records/types";
import { DEFINITIONS, displayName, type RecordType } from "@/lib/records/definitions";
import { RECORD_GETTERS, type DetailOf } from "@/lib/pages/record-getters";

type Getter<T> = (viewer: SessionUser, id: number, options: { includeDeleted?: boolean }) => Promise<T | null>;

/**
 * The signed-in viewer and the record of a record page. Missing, restricted
 * from this viewer, and deleted (for those who may not restore) all give
 * null, which the page answers with 404: the rule is `mayOpen`, the same one
 * the record's history page asks (mayOpenRecord). Wrap in React's cache() so
 * that the page and its metadata share one load.
 */
export async function loadRecordPage<T extends OpenableRecord>(
  basePath: string,
  rawId: string,
  get: Getter<T>,
): Promise<{ viewer: SessionUser; record: T | null }> {
  await connection();
  const viewer = await requirePageUser(`${basePath}/${encodeURIComponent(rawId)}`);
  const id = parseId(rawId);
  const found = id ? await get(viewer, id, { includeDeleted: seesDeleted(viewer) }) : null;
  // The getter filters already; the rule is checked once more on what it
  // returned, so that a getter with a filter missing still answers 404.
  return { viewer, record: mayOpen(viewer, found) ? found : null };
}

/** Whether the viewer may open record `id` of this type (its page, its history): `mayOpen` on its row. */
export async function mayOpenRecord(viewer: Viewer, config: Pick<RecordConfig, "delegate">, id: number): Promise<boolean> {
  const row = (await config.delegate(getDb()).findUnique({
    where: { id },
    select: { visibility: true, createdById: true, deletedAt: true },
  })) as OpenableRecord | null;
  return mayOpen(viewer, row);
}

/**
 * The viewer and the record of type `type` for its page /<segment>/[id]
 * (loadRecordPage with the type's detail query). Cached per request: the
 * page and its metadata share one load.
 */
export const loadRecord = cache(async <T extends RecordType>(type: T, rawId: string) =>
  loadRecordPage(`/${DEFINITIONS[type].segment}`, rawId, RECORD_GETTERS[type] as unknown as Getter<DetailOf<T>>),
);

/** A record page's title: the record's display name. */
export async function recordMetadata(type: RecordType, rawId: string): Promise<{ title: string }> {
  const { record } = await loadRecord(type, rawId);
  return { title: record ? displayName(type, record as never) : `${DEFINITIONS[type].label} not found` };
}

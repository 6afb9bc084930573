import "server-only";
// The change feed (/api/v1/changes?since=<cursor>): creations, updates and
// deletions of records in the order they were committed, read from the
// audit trail (each carries the record's whole state after the change), so
// that a partner's copy can follow: apply each change in order, keep the
// last cursor, ask again with since=<it>. A reader sees the changes of the
// records they may see now (restricted ones only for editors, admins and
// their author).
import { getDb } from "@/lib/db/client";
import { seesDeleted, visibleSql } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntityType } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { redactLinks } from "@/lib/records/links";
import { RECORDS, RECORD_TYPES, type RecordType } from "@/lib/records/registry";
import { actorOf, BadRequestError, positiveInt, refuseUnknownQuery, type ApiPrincipal } from "@/lib/api/http";
import { API_MAX_PAGE_SIZE, apiResourceOf } from "@/lib/api/resources";

export type ChangeAction = "created" | "updated" | "deleted" | "restored";

export type ApiChange = {
  /** Give it back as `since` to get the changes after this one. */
  cursor: string;
  type: string;
  id: number;
  action: ChangeAction;
  /** The record's version after the change. */
  version: number | null;
  occurredAt: string;
  url: string;
  /** The record's fields after the change (as GET returns them in `data`); null for a deletion. */
  data: Record<string, unknown> | null;
};

const TABLES: Record<RecordType, string> = Object.fromEntries(RECORD_TYPES.map((t) => [t, RECORDS[t].table])) as Record<RecordType, string>;
const TYPE_OF: Partial<Record<EntityType, RecordType>> = Object.fromEntries(RECORD_TYPES.map((t) => [RECORDS[t].entityType, t]));

type Row = {
  id: number;
  entityType: EntityType;
  entityId: number;
  action: string;
  version: number | null;
  occurredAt: Date;
  snapshot: { values?: Record<string, unknown> } | null;
  metadata: { undeleted?: boolean } | null;
};

function actionOf(row: Row): ChangeAction {
  if (row.action === "CREATE") return "created";
  if (row.action === "DELETE") return "deleted";
  if (row.action === "RESTORE" && row.metadata?.undeleted) return "restored";
  return "updated";
}

/** The change feed's query parameters. */
export const CHANGES_QUERY = ["since", "limit"] as const;
/** Changes per page unless `limit` says otherwise. */
export const CHANGES_PAGE_SIZE = 100;

export async function listChanges(principal: ApiPrincipal, url: URL) {
  refuseUnknownQuery(url, CHANGES_QUERY);
  const rawSince = url.searchParams.get("since");
  const since = rawSince === null || rawSince === "" || rawSince === "0" ? 0 : positiveInt(rawSince, "since");
  const rawLimit = url.searchParams.get("limit");
  const limit = rawLimit ? positiveInt(rawLimit, "limit") : CHANGES_PAGE_SIZE;
  if (limit > API_MAX_PAGE_SIZE) throw new BadRequestError(`limit is at most ${API_MAX_PAGE_SIZE}.`, { limit: [`At most ${API_MAX_PAGE_SIZE}.`] });
  const actor = actorOf(principal);
  const { sql, raw, join } = Prisma;
  const entityTypes = RECORD_TYPES.map((t) => RECORDS[t].entityType);
  // Who may see each record now, by the one visibility rule: the record's
  // visibility for every change; for a record deleted now, only its deletion
  // reaches those who cannot open deleted records (its earlier snapshots
  // would hand them what the record page no longer shows them).
  const visible = can(actor.role, "record:read-restricted") && seesDeleted(actor)
    ? sql`TRUE`
    : sql`CASE e."entityType" ${join(
        RECORD_TYPES.map(
          (t) => sql`WHEN ${RECORDS[t].entityType}::"EntityType" THEN EXISTS (SELECT 1 FROM ${raw(`"${TABLES[t]}"`)} x
                 WHERE x.id = e."entityId" AND ${visibleSql(actor, "x")}
                   AND ${seesDeleted(actor) ? sql`TRUE` : sql`(x."deletedAt" IS NULL OR e.action = 'DELETE')`})`,
        ),
        " ",
      )} ELSE FALSE END`;
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT e.id, e."entityType", e."entityId", e.action::text AS action, e.version, e."occurredAt", e.snapshot, e.metadata
      FROM "AuditEvent" e
     WHERE e.id > ${since}
       AND e."entityType" = ANY(${entityTypes}::"EntityType"[])
       AND e.action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'VERIFY', 'STATUS_CHANGE')
       AND e."entityId" IS NOT NULL
       AND ${visible}
     ORDER BY e.id
     LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  // Each snapshot without the ids of linked records this reader may not see now.
  const values = await redactLinks(
    getDb(),
    actor,
    page.map((r) => ({ type: TYPE_OF[r.entityType]!, values: r.snapshot?.values ?? {} })),
  );
  const changes: ApiChange[] = page.map((r, i) => {
    const type = TYPE_OF[r.entityType]!;
    const action = actionOf(r);
    return {
      cursor: String(r.id),
      type: apiResourceOf(type).name,
      id: r.entityId,
      action,
      version: r.version,
      occurredAt: r.occurredAt.toISOString(),
      url: new URL(RECORDS[type].href(r.entityId), url.origin).toString(),
      data: action === "deleted" || !r.snapshot?.values ? null : values[i]!,
    };
  });
  // With nothing new, the same cursor: ask again later with it.
  const last = page.at(-1)?.id ?? since;
  return { changes, next: String(last), more: rows.length > limit };
}

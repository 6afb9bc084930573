import "server-only";
// Every record list (the pages' lists, the API's lists and the exports) by
// its list type (lib/records/definitions.ts RecordListType, from the types
// whose definition has a list; a missing one is a type error): its query and
// the SQL of its rows, from the type's lib/records/<type>/list.ts. `listAfter` reads a list
// by keyset (after a given row, any page size) for the API's cursors and for
// streaming exports of any length.
import { actorListQuery, actorRowsSql, type ActorListRow } from "@/lib/records/actor/list";
import { keysetAfterSql, keysetAnchor, runList, showsDeleted, type ListPage, type ListQuery } from "@/lib/db/lists/common";
import { concernListQuery, concernRowsSql, type ConcernListRow } from "@/lib/records/concern/list";
import { inspectionListQuery, inspectionRowsSql, type InspectionListRow } from "@/lib/records/inspection/list";
import { requestListQuery, requestRowsSql, type RequestListRow } from "@/lib/records/request/list";
import { sourceListQuery, sourceRowsSql, type SourceListRow } from "@/lib/records/source/list";
import { transferListQuery, transferRowsSql, type TransferListRow } from "@/lib/records/transfer/list";
import { weaponSystemListQuery, weaponSystemRowsSql, type WeaponSystemListRow } from "@/lib/records/weapon-system/list";
import pg from "pg";
import { getPool } from "@/lib/db/client";
import type { Viewer } from "@/lib/db/visibility";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListParams } from "@/lib/lists/params";
import type { RecordListType } from "@/lib/records/definitions";

export type { RecordListType } from "@/lib/records/definitions";

type Source<T extends RecordListType> = {
  query: (viewer: Viewer, params: ListParams<T>) => ListQuery;
  rows: (viewer: Viewer, query: ListQuery) => Prisma.Sql;
};

export const LIST_SOURCES: { [T in RecordListType]: Source<T> } = {
  requests: { query: requestListQuery, rows: (_viewer, q) => requestRowsSql(q) },
  concerns: { query: concernListQuery, rows: concernRowsSql },
  transfers: { query: transferListQuery, rows: transferRowsSql },
  inspections: { query: inspectionListQuery, rows: inspectionRowsSql },
  sources: { query: sourceListQuery, rows: (_viewer, q) => sourceRowsSql(q) },
  actors: { query: actorListQuery, rows: (_viewer, q) => actorRowsSql(q) },
  weaponSystems: { query: weaponSystemListQuery, rows: weaponSystemRowsSql },
};

export type ListSlice<Row> = { rows: Row[]; nextAfter: number | null };

const DATE_OID = 1082;
const INT8_OID = 20;
const LIST_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * Up to `limit` rows of a list, in its order, after the row with id `after`
 * (from the start when null). A row that no longer exists cannot anchor a
 * cursor: a validation error says so.
 */
export async function listAfter<T extends RecordListType, Row extends { id: number }>(
  type: T,
  viewer: Viewer,
  params: ListParams<T>,
  options: { after: number | null; limit: number },
): Promise<ListSlice<Row>> {
  const source = LIST_SOURCES[type] as Source<T>;
  const q = { ...source.query(viewer, params), page: 1, limit: options.limit };
  if (options.after !== null) {
    const anchor = await keysetAnchor(viewer, q, options.after);
    if (!anchor) throw new ValidationError("This cursor no longer points at a record; start again without it.", { cursor: ["Unknown cursor."] });
    q.where = [...q.where, keysetAfterSql(viewer, q, options.after, anchor.isNull)];
  }
  const sql = source.rows(viewer, q);
  // On the pool directly: the API's and the exports' hot path (Prisma's raw
  // query path adds milliseconds per page). Calendar dates stay YYYY-MM-DD
  // text (no time zone to shift them), counts become numbers.
  const { rows: fetched } = await getPool().query<Row>({ text: sql.text, values: sql.values as unknown[], types: LIST_TYPES });
  const rows = fetched.slice(0, options.limit);
  return { rows, nextAfter: fetched.length > options.limit ? rows.at(-1)!.id : null };
}

/** The SQL of a list's first `limit` rows (its columns are the list's columns). */
export function listRowsSql<T extends RecordListType>(type: T, viewer: Viewer, params: ListParams<T>, limit: number): Prisma.Sql {
  const source = LIST_SOURCES[type] as Source<T>;
  return source.rows(viewer, { ...source.query(viewer, params), page: 1, limit });
}

/** The row of each record list, as its SQL selects it (lib/records/<type>/list.ts). */
export type ListRows = {
  requests: RequestListRow;
  concerns: ConcernListRow;
  transfers: TransferListRow;
  inspections: InspectionListRow;
  sources: SourceListRow;
  actors: ActorListRow;
  weaponSystems: WeaponSystemListRow;
};

/** One page of a record list as its list page shows it (its filters, sort and page; a count or an estimate). */
export async function listRecords<T extends RecordListType>(type: T, viewer: Viewer, params: ListParams<T>): Promise<ListPage<ListRows[T]>> {
  const source = LIST_SOURCES[type] as Source<T>;
  const query = source.query(viewer, params);
  return runList<ListRows[T]>(query, source.rows(viewer, query), showsDeleted(viewer, params));
}

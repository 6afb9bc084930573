import "server-only";
// The list of sources: /sources.
import {
  baseWhere,
  searchSql,
  enumInSql,
  rowsSql,
  vagueDateInRangeSql,
  verifiedSql,
  type ListQuery,
  type SortColumn,
} from "@/lib/db/lists/common";
import { tsquerySql } from "@/lib/db/lists/search";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { Classification, DatePrecision, SourceKind, SourceReliability, Visibility } from "@/lib/generated/prisma/enums";
import type { ListParams, SortKey } from "@/lib/lists/params";
import { z } from "zod";

export type SourceListRow = {
  id: number;
  kind: SourceKind;
  title: string;
  reference: string | null;
  author: string | null;
  publisher: string | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  classification: Classification | null;
  reliability: SourceReliability | null;
  verified: boolean;
  visibility: Visibility;
  deletedAt: Date | null;
};

/**
 * A row of this list as the REST API and the JSON export send it (the SQL
 * below selects these columns; calendar dates as YYYY-MM-DD, instants as
 * ISO 8601): the OpenAPI document's row schema; the API adds `url`.
 */
export const sourceListRow = z.strictObject({
  id: z.number().int(),
  kind: z.enum(SourceKind),
  title: z.string(),
  reference: z.string().nullable(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedOn: z.iso.date().nullable(),
  publishedOnPrecision: z.enum(DatePrecision).nullable(),
  classification: z.enum(Classification).nullable(),
  reliability: z.enum(SourceReliability).nullable(),
  verified: z.boolean(),
  visibility: z.enum(Visibility),
  deletedAt: z.iso.datetime().nullable(),
});

const SORTS: Record<SortKey<"sources">, SortColumn> = {
  published: { expr: `s."publishedOn"`, nullable: true },
  title: { expr: `s.title`, nullable: false },
  kind: { expr: `s.kind`, nullable: false },
};

export function sourceListQuery(viewer: Viewer, params: ListParams<"sources">): ListQuery {
  const where = baseWhere(viewer, params, "s");
  if (params.enums.kind.length) where.push(enumInSql("s.kind", "SourceKind", params.enums.kind));
  if (params.from || params.to) where.push(vagueDateInRangeSql(`s."publishedOn"`, `s."publishedOnPrecision"`, params.from, params.to));
  if (params.verified !== null) where.push(verifiedSql("s", params.verified));
  const search = params.q ? searchSql("s", tsquerySql(params.q)) : null;
  return { table: `"Source"`, alias: "s", where, search, sort: SORTS[params.sort], dir: params.dir, page: params.page };
}

export function sourceRowsSql(query: ListQuery): Prisma.Sql {
  return rowsSql(
    query,
    Prisma.sql`s.id, s.kind, s.title, s.reference, s.author, s.publisher, s."publishedOn", s."publishedOnPrecision",
      s.classification, s.reliability, (s."verifiedAt" IS NOT NULL) AS verified, s.visibility, s."deletedAt"`,
  );
}

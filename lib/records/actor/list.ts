import "server-only";
// The list of actors: /actors.
import {
  baseWhere,
  searchSql,
  countryIdSql,
  enumInSql,
  rowsSql,
  verifiedSql,
  type ListQuery,
  type SortColumn,
} from "@/lib/db/lists/common";
import { linkWhere } from "@/lib/db/lists/links";
import { tsquerySql } from "@/lib/db/lists/search";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { ActorKind, Visibility } from "@/lib/generated/prisma/enums";
import type { ListParams, SortKey } from "@/lib/lists/params";
import { z } from "zod";

export type ActorListRow = {
  id: number;
  name: string;
  kind: ActorKind;
  title: string | null;
  affiliation: string | null;
  country: string | null;
  countryAlpha2: string | null;
  verified: boolean;
  visibility: Visibility;
  deletedAt: Date | null;
};

/**
 * A row of this list as the REST API and the JSON export send it (the SQL
 * below selects these columns; calendar dates as YYYY-MM-DD, instants as
 * ISO 8601): the OpenAPI document's row schema; the API adds `url`.
 */
export const actorListRow = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(ActorKind),
  title: z.string().nullable(),
  affiliation: z.string().nullable(),
  country: z.string().nullable(),
  countryAlpha2: z.string().nullable(),
  verified: z.boolean(),
  visibility: z.enum(Visibility),
  deletedAt: z.iso.datetime().nullable(),
});

const SORTS: Record<SortKey<"actors">, SortColumn> = {
  name: { expr: `a.name`, nullable: false },
  kind: { expr: `a.kind`, nullable: false },
};

export function actorListQuery(viewer: Viewer, params: ListParams<"actors">): ListQuery {
  const { sql } = Prisma;
  const where = baseWhere(viewer, params, "a");
  where.push(...linkWhere(viewer, params));
  if (params.country) where.push(sql`a."countryId" = ${countryIdSql(params.country)}`);
  if (params.enums.kind.length) where.push(enumInSql("a.kind", "ActorKind", params.enums.kind));
  if (params.verified !== null) where.push(verifiedSql("a", params.verified));
  const search = params.q ? searchSql("a", tsquerySql(params.q)) : null;
  return { table: `"Actor"`, alias: "a", where, search, sort: SORTS[params.sort], dir: params.dir, page: params.page };
}

export function actorRowsSql(query: ListQuery): Prisma.Sql {
  return rowsSql(
    query,
    Prisma.sql`a.id, a.name, a.kind, a.title, a.affiliation, c.name AS country, c.alpha2 AS "countryAlpha2",
      (a."verifiedAt" IS NOT NULL) AS verified, a.visibility, a."deletedAt"`,
    Prisma.sql`LEFT JOIN "Country" c ON c.id = a."countryId"`,
  );
}

import "server-only";
// The list of weapon systems: /weapon-systems.
import {
  baseWhere,
  searchSql,
  countryIdSql,
  enumInSql,
  readableSql,
  rowsSql,
  verifiedSql,
  type ListQuery,
  type SortColumn,
} from "@/lib/db/lists/common";
import { tsquerySql } from "@/lib/db/lists/search";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { Visibility, WeaponCategory } from "@/lib/generated/prisma/enums";
import type { ListParams, SortKey } from "@/lib/lists/params";
import { z } from "zod";

export type WeaponSystemListRow = {
  id: number;
  name: string;
  designation: string | null;
  category: WeaponCategory;
  originCountry: string | null;
  originCountryAlpha2: string | null;
  /** Transfers of this system that the viewer may see. */
  transfers: number;
  verified: boolean;
  visibility: Visibility;
  deletedAt: Date | null;
};

/**
 * A row of this list as the REST API and the JSON export send it (the SQL
 * below selects these columns; calendar dates as YYYY-MM-DD, instants as
 * ISO 8601): the OpenAPI document's row schema; the API adds `url`.
 */
export const weaponSystemListRow = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  designation: z.string().nullable(),
  category: z.enum(WeaponCategory),
  originCountry: z.string().nullable(),
  originCountryAlpha2: z.string().nullable(),
  transfers: z.number().int(),
  verified: z.boolean(),
  visibility: z.enum(Visibility),
  deletedAt: z.iso.datetime().nullable(),
});

const SORTS: Record<SortKey<"weaponSystems">, SortColumn> = {
  name: { expr: `w.name`, nullable: false },
  category: { expr: `w.category`, nullable: false },
};

export function weaponSystemListQuery(viewer: Viewer, params: ListParams<"weaponSystems">): ListQuery {
  const { sql } = Prisma;
  const where = baseWhere(viewer, params, "w");
  if (params.country) where.push(sql`w."originCountryId" = ${countryIdSql(params.country)}`);
  if (params.enums.weapon.length) where.push(enumInSql("w.category", "WeaponCategory", params.enums.weapon));
  if (params.verified !== null) where.push(verifiedSql("w", params.verified));
  const search = params.q ? searchSql("w", tsquerySql(params.q)) : null;
  return { table: `"WeaponSystem"`, alias: "w", where, search, sort: SORTS[params.sort], dir: params.dir, page: params.page };
}

export function weaponSystemRowsSql(viewer: Viewer, query: ListQuery): Prisma.Sql {
  return rowsSql(
    query,
    Prisma.sql`w.id, w.name, w.designation, w.category, c.name AS "originCountry", c.alpha2 AS "originCountryAlpha2",
      (SELECT count(*)::int FROM "ArmsTransfer" t WHERE t."weaponSystemId" = w.id AND ${readableSql(viewer, "t")}) AS transfers,
      (w."verifiedAt" IS NOT NULL) AS verified, w.visibility, w."deletedAt"`,
    Prisma.sql`LEFT JOIN "Country" c ON c.id = w."originCountryId"`,
  );
}

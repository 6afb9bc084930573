import "server-only";
// The list of arms transfers: /transfers.
import {
  baseWhere,
  searchSql,
  countryIdSql,
  enumInSql,
  joinReadable,
  readableSql,
  rowsSql,
  verifiedSql,
  type ListQuery,
  type SortColumn,
} from "@/lib/db/lists/common";
import { linkWhere } from "@/lib/db/lists/links";
import { tsquerySql } from "@/lib/db/lists/search";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { TransferStatus, Visibility, WeaponCategory } from "@/lib/generated/prisma/enums";
import type { ListParams, SortKey } from "@/lib/lists/params";
import { z } from "zod";

export type TransferListRow = {
  id: number;
  supplier: string;
  supplierAlpha2: string;
  recipient: string;
  recipientAlpha2: string;
  /** Null when none is linked or the viewer may not see it. */
  weaponSystemId: number | null;
  weaponSystem: string | null;
  /** The transfer names a weapon system this reader may not see (neither its id nor its name is given). */
  weaponSystemHidden: boolean;
  weaponCategory: WeaponCategory | null;
  status: TransferStatus;
  numberOrdered: number | null;
  numberOrderedUncertain: boolean;
  numberDelivered: number | null;
  numberDeliveredUncertain: boolean;
  orderYear: number | null;
  orderYearUncertain: boolean;
  deliveryYears: number[];
  deliveryYearsUncertain: boolean;
  verified: boolean;
  visibility: Visibility;
  deletedAt: Date | null;
};

/**
 * A row of this list as the REST API and the JSON export send it (the SQL
 * below selects these columns; calendar dates as YYYY-MM-DD, instants as
 * ISO 8601): the OpenAPI document's row schema; the API adds `url`.
 */
export const transferListRow = z.strictObject({
  id: z.number().int(),
  supplier: z.string(),
  supplierAlpha2: z.string(),
  recipient: z.string(),
  recipientAlpha2: z.string(),
  weaponSystemId: z.number().int().nullable(),
  weaponSystem: z.string().nullable(),
  weaponSystemHidden: z.boolean(),
  weaponCategory: z.enum(WeaponCategory).nullable(),
  status: z.enum(TransferStatus),
  numberOrdered: z.number().int().nullable(),
  numberOrderedUncertain: z.boolean(),
  numberDelivered: z.number().int().nullable(),
  numberDeliveredUncertain: z.boolean(),
  orderYear: z.number().int().nullable(),
  orderYearUncertain: z.boolean(),
  deliveryYears: z.array(z.number().int()),
  deliveryYearsUncertain: z.boolean(),
  verified: z.boolean(),
  visibility: z.enum(Visibility),
  deletedAt: z.iso.datetime().nullable(),
});

const SORTS: Record<SortKey<"transfers">, SortColumn> = {
  year: { expr: `t."orderYear"`, nullable: true },
  status: { expr: `t.status`, nullable: false },
  added: { expr: `t.id`, nullable: false },
};

export function transferListQuery(viewer: Viewer, params: ListParams<"transfers">): ListQuery {
  const { sql } = Prisma;
  const where = baseWhere(viewer, params, "t");
  where.push(...linkWhere(viewer, params));
  const anyOf: Prisma.Sql[] = [];
  if (params.country) {
    const id = countryIdSql(params.country);
    anyOf.push(sql`t."supplierId" = ${id}`, sql`t."recipientId" = ${id}`);
  }
  if (params.enums.status.length) where.push(enumInSql("t.status", "TransferStatus", params.enums.status));
  if (params.enums.weapon.length) {
    where.push(sql`t."weaponSystemId" IN (SELECT w.id FROM "WeaponSystem" w
      WHERE ${enumInSql("w.category", "WeaponCategory", params.enums.weapon)} AND ${readableSql(viewer, "w")})`);
  }
  // The year of order, a whole year: within the range when its year is.
  if (params.from) where.push(sql`t."orderYear" >= ${Number(params.from.start.slice(0, 4))}`);
  if (params.to) where.push(sql`t."orderYear" <= ${Number(params.to.end.slice(0, 4))}`);
  if (params.verified !== null) where.push(verifiedSql("t", params.verified));
  const search = params.q ? searchSql("t", tsquerySql(params.q)) : null;
  return { table: `"ArmsTransfer"`, alias: "t", where, anyOf, search, sort: SORTS[params.sort], dir: params.dir, page: params.page };
}

export function transferRowsSql(viewer: Viewer, query: ListQuery): Prisma.Sql {
  return rowsSql(
    query,
    Prisma.sql`t.id, s.name AS supplier, s.alpha2 AS "supplierAlpha2", rc.name AS recipient, rc.alpha2 AS "recipientAlpha2",
      w.id AS "weaponSystemId", w.name AS "weaponSystem", w.category AS "weaponCategory",
      (t."weaponSystemId" IS NOT NULL AND w.id IS NULL) AS "weaponSystemHidden",
      t.status, t."numberOrdered", t."numberOrderedUncertain", t."numberDelivered", t."numberDeliveredUncertain",
      t."orderYear", t."orderYearUncertain", t."deliveryYears", t."deliveryYearsUncertain",
      (t."verifiedAt" IS NOT NULL) AS verified, t.visibility, t."deletedAt"`,
    Prisma.sql`JOIN "Country" s ON s.id = t."supplierId"
      JOIN "Country" rc ON rc.id = t."recipientId"
      ${joinReadable(viewer, "WeaponSystem", "w", `w.id = t."weaponSystemId"`)}`,
  );
}

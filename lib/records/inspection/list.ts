import "server-only";
// The list of inspections: /inspections.
import {
  baseWhere,
  searchSql,
  countryIdSql,
  enumInSql,
  joinReadable,
  rowsSql,
  vagueDateInRangeSql,
  verifiedSql,
  type ListQuery,
  type SortColumn,
} from "@/lib/db/lists/common";
import { linkWhere } from "@/lib/db/lists/links";
import { tsquerySql } from "@/lib/db/lists/search";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { DatePrecision, InspectionStatus, Visibility } from "@/lib/generated/prisma/enums";
import type { ListParams, SortKey } from "@/lib/lists/params";
import { z } from "zod";

export type InspectionListRow = {
  id: number;
  hostCountry: string;
  hostCountryAlpha2: string;
  inspectingCountry: string | null;
  inspectingCountryAlpha2: string | null;
  inspectingParty: string | null;
  /** The weapon system inspected, directly or through the transfer. */
  weaponSystem: string | null;
  /** The transfer, when linked and visible to the viewer. */
  transferId: number | null;
  basis: string | null;
  status: InspectionStatus;
  assertedOn: Date | null;
  assertedOnPrecision: DatePrecision | null;
  scheduledOn: Date | null;
  scheduledOnPrecision: DatePrecision | null;
  conductedOn: Date | null;
  conductedOnPrecision: DatePrecision | null;
  verified: boolean;
  visibility: Visibility;
  deletedAt: Date | null;
};

/**
 * A row of this list as the REST API and the JSON export send it (the SQL
 * below selects these columns; calendar dates as YYYY-MM-DD, instants as
 * ISO 8601): the OpenAPI document's row schema; the API adds `url`.
 */
export const inspectionListRow = z.strictObject({
  id: z.number().int(),
  hostCountry: z.string(),
  hostCountryAlpha2: z.string(),
  inspectingCountry: z.string().nullable(),
  inspectingCountryAlpha2: z.string().nullable(),
  inspectingParty: z.string().nullable(),
  weaponSystem: z.string().nullable(),
  transferId: z.number().int().nullable(),
  basis: z.string().nullable(),
  status: z.enum(InspectionStatus),
  assertedOn: z.iso.date().nullable(),
  assertedOnPrecision: z.enum(DatePrecision).nullable(),
  scheduledOn: z.iso.date().nullable(),
  scheduledOnPrecision: z.enum(DatePrecision).nullable(),
  conductedOn: z.iso.date().nullable(),
  conductedOnPrecision: z.enum(DatePrecision).nullable(),
  verified: z.boolean(),
  visibility: z.enum(Visibility),
  deletedAt: z.iso.datetime().nullable(),
});

const SORTS: Record<SortKey<"inspections">, SortColumn> = {
  asserted: { expr: `i."assertedOn"`, nullable: true },
  scheduled: { expr: `i."scheduledOn"`, nullable: true },
  status: { expr: `i.status`, nullable: false },
};

export function inspectionListQuery(viewer: Viewer, params: ListParams<"inspections">): ListQuery {
  const { sql } = Prisma;
  const where = baseWhere(viewer, params, "i");
  where.push(...linkWhere(viewer, params));
  if (params.country) {
    const id = countryIdSql(params.country);
    where.push(sql`(i."hostCountryId" = ${id} OR i."inspectingCountryId" = ${id})`);
  }
  if (params.enums.status.length) where.push(enumInSql("i.status", "InspectionStatus", params.enums.status));
  if (params.from || params.to) {
    // Asserted or scheduled within the range.
    where.push(sql`(${vagueDateInRangeSql(`i."assertedOn"`, `i."assertedOnPrecision"`, params.from, params.to)}
      OR ${vagueDateInRangeSql(`i."scheduledOn"`, `i."scheduledOnPrecision"`, params.from, params.to)})`);
  }
  if (params.verified !== null) where.push(verifiedSql("i", params.verified));
  const search = params.q ? searchSql("i", tsquerySql(params.q)) : null;
  return { table: `"Inspection"`, alias: "i", where, search, sort: SORTS[params.sort], dir: params.dir, page: params.page };
}

export function inspectionRowsSql(viewer: Viewer, query: ListQuery): Prisma.Sql {
  return rowsSql(
    query,
    Prisma.sql`i.id, h.name AS "hostCountry", h.alpha2 AS "hostCountryAlpha2",
      ic.name AS "inspectingCountry", ic.alpha2 AS "inspectingCountryAlpha2", i."inspectingParty",
      COALESCE(w.name, tw.name) AS "weaponSystem", tr.id AS "transferId", i.basis, i.status,
      i."assertedOn", i."assertedOnPrecision", i."scheduledOn", i."scheduledOnPrecision",
      i."conductedOn", i."conductedOnPrecision",
      (i."verifiedAt" IS NOT NULL) AS verified, i.visibility, i."deletedAt"`,
    Prisma.sql`JOIN "Country" h ON h.id = i."hostCountryId"
      LEFT JOIN "Country" ic ON ic.id = i."inspectingCountryId"
      ${joinReadable(viewer, "WeaponSystem", "w", `w.id = i."weaponSystemId"`)}
      ${joinReadable(viewer, "ArmsTransfer", "tr", `tr.id = i."transferId"`)}
      ${joinReadable(viewer, "WeaponSystem", "tw", `tw.id = tr."weaponSystemId"`)}`,
  );
}

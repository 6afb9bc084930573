import "server-only";
// The list of concerns: /concerns.
import {
  baseWhere,
  relatedSearchSql,
  countryIdSql,
  enumInSql,
  readableSql,
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
import { ConcernCategory, ConcernStatus, DatePrecision, Severity, Visibility } from "@/lib/generated/prisma/enums";
import type { ListParams, SortKey } from "@/lib/lists/params";
import { z } from "zod";

export type ConcernListRow = {
  id: number;
  title: string;
  category: ConcernCategory;
  severity: Severity;
  status: ConcernStatus;
  openedOn: Date | null;
  openedOnPrecision: DatePrecision | null;
  nextReviewOn: Date | null;
  owner: string | null;
  /** Names of the concern's countries, in the order of `countryCodes`. */
  countryNames: string[];
  countryCodes: string[];
  /** Requests about the concern that the viewer may see. */
  requests: number;
  verified: boolean;
  visibility: Visibility;
  deletedAt: Date | null;
};

/**
 * A row of this list as the REST API and the JSON export send it (the SQL
 * below selects these columns; calendar dates as YYYY-MM-DD, instants as
 * ISO 8601): the OpenAPI document's row schema; the API adds `url`.
 */
export const concernListRow = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  category: z.enum(ConcernCategory),
  severity: z.enum(Severity),
  status: z.enum(ConcernStatus),
  /** The first day of the vague date's period (its precision says which part is known). */
  openedOn: z.iso.date().nullable(),
  openedOnPrecision: z.enum(DatePrecision).nullable(),
  nextReviewOn: z.iso.date().nullable(),
  owner: z.string().nullable(),
  countryNames: z.array(z.string()),
  countryCodes: z.array(z.string()),
  requests: z.number().int(),
  verified: z.boolean(),
  visibility: z.enum(Visibility),
  deletedAt: z.iso.datetime().nullable(),
});

const SORTS: Record<SortKey<"concerns">, SortColumn> = {
  opened: { expr: `k."openedOn"`, nullable: true },
  title: { expr: `k.title`, nullable: false },
  severity: { expr: `k.severity`, nullable: false },
  status: { expr: `k.status`, nullable: false },
  review: { expr: `k."nextReviewOn"`, nullable: true },
};

export function concernListQuery(viewer: Viewer, params: ListParams<"concerns">): ListQuery {
  const { sql } = Prisma;
  const where = baseWhere(viewer, params, "k");
  where.push(...linkWhere(viewer, params));
  if (params.country) {
    where.push(sql`EXISTS (SELECT 1 FROM "ConcernCountry" cc WHERE cc."concernId" = k.id AND cc."countryId" = ${countryIdSql(params.country)})`);
  }
  if (params.enums.status.length) where.push(enumInSql("k.status", "ConcernStatus", params.enums.status));
  if (params.enums.severity.length) where.push(enumInSql("k.severity", "Severity", params.enums.severity));
  if (params.enums.category.length) where.push(enumInSql("k.category", "ConcernCategory", params.enums.category));
  if (params.from || params.to) where.push(vagueDateInRangeSql(`k."openedOn"`, `k."openedOnPrecision"`, params.from, params.to));
  if (params.verified !== null) where.push(verifiedSql("k", params.verified));

  // Its own text, its quotes, its citations, and the quotes of its requests.
  const search = params.q
    ? (() => {
        const tsq = tsquerySql(params.q);
        const quote = sql`qt.search @@ ${tsq} AND ${readableSql(viewer, "qt")}`;
        return relatedSearchSql("k", tsq, [
          { from: sql`"Quote" qt`, key: `qt."concernId"`, where: quote },
          {
            from: sql`"Citation" ci JOIN "Source" so ON so.id = ci."sourceId"`,
            key: `ci."concernId"`,
            where: sql`ci.search @@ ${tsq} AND ${readableSql(viewer, "so")}`,
          },
          {
            from: sql`"Quote" qt JOIN "DiplomaticRequest" r ON r.id = qt."requestId" JOIN "RequestConcern" rq ON rq."requestId" = r.id`,
            key: `rq."concernId"`,
            where: sql`${quote} AND ${readableSql(viewer, "r")}`,
          },
        ]);
      })()
    : null;
  return {
    table: `"Concern"`,
    alias: "k",
    where,
    search: search?.search ?? null,
    searchRow: search?.searchRow ?? null,
    sort: SORTS[params.sort], dir: params.dir, page: params.page };
}

export function concernRowsSql(viewer: Viewer, query: ListQuery): Prisma.Sql {
  return rowsSql(
    query,
    Prisma.sql`k.id, k.title, k.category, k.severity, k.status, k."openedOn", k."openedOnPrecision", k."nextReviewOn",
      o.name AS owner,
      COALESCE(cs.names, '{}') AS "countryNames", COALESCE(cs.codes, '{}') AS "countryCodes",
      (SELECT count(*)::int FROM "RequestConcern" rq JOIN "DiplomaticRequest" r ON r.id = rq."requestId"
        WHERE rq."concernId" = k.id AND ${readableSql(viewer, "r")}) AS requests,
      (k."verifiedAt" IS NOT NULL) AS verified, k.visibility, k."deletedAt"`,
    Prisma.sql`LEFT JOIN "User" o ON o.id = k."ownerId"
      LEFT JOIN LATERAL (
        SELECT array_agg(x.name ORDER BY x.role, x.name) AS names, array_agg(x.alpha2 ORDER BY x.role, x.name) AS codes
          FROM (SELECT c.name, c.alpha2::text AS alpha2, min(cc.role) AS role
                  FROM "ConcernCountry" cc JOIN "Country" c ON c.id = cc."countryId"
                 WHERE cc."concernId" = k.id GROUP BY c.id) x) cs ON TRUE`,
  );
}
